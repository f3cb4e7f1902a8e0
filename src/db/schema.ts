/**
 * The SIKIPER database: one Drizzle schema for PostgreSQL and for embedded PGlite.
 *
 * It holds everything the dataset format (src/dataset/schema.ts) holds, normalized.
 *
 * Tenancy: every table except `pemda` carries `pemda_id`, its primary key is
 * (pemda_id, id), and every foreign key between tenant tables includes pemda_id. A row can
 * therefore never point into another pemda, and the tables can later be distributed
 * (sharded) by pemda_id without changing a key.
 *
 * Hierarchy: a child's foreign key also names the scope it shares with its parent (the same
 * RPJMD, Renstra, Renja version, OPD), so a kegiatan cannot hang under a program of another
 * Renja version and a unit cannot head a unit of another OPD.
 *
 * References between documents (a PK row citing a Renstra indicator, a realisasi citing a
 * Renstra or Renja indicator, a DPA row citing a nomenclature code) are kept as codes
 * (`*_kode`): the documents are revised separately (Renja murni/perubahan, PK perubahan I/II,
 * a new Renstra period) and cite each other by code, not by one particular version's row.
 * `checkReferences` in src/dataset/load.ts verifies those codes.
 *
 * Order: arrays of the dataset are stored with `urutan` (0-based position among siblings),
 * so a dataset reads back in the order it was written.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  Agregasi,
  AnggaranVersi,
  KelompokBelanja,
  LevelRenja,
  type Narasi,
  Polaritas,
  type ProfilOpd,
  type Register,
  type RumusIndikator,
  RenjaVersi,
  StatusRealisasi,
  type TahunOpd,
  Unit,
} from '../dataset/schema.ts';
import { editable, pemda } from './schema-pemda.ts';

export { jenisPemdaEnum, pemda } from './schema-pemda.ts';

// ---------------------------------------------------------------- enums (values come from the dataset format)

export const polaritasEnum = pgEnum('polaritas', Polaritas.enum);
export const agregasiEnum = pgEnum('agregasi', Agregasi.enum);
export const jenisUnitEnum = pgEnum('jenis_unit', Unit.shape.jenis.enum);
export const levelRenjaEnum = pgEnum('level_renja', LevelRenja.enum);
export const versiRenjaEnum = pgEnum('versi_renja', RenjaVersi.shape.versi.enum);
export const versiAnggaranEnum = pgEnum('versi_anggaran', AnggaranVersi.shape.versi.enum);
export const kelompokBelanjaEnum = pgEnum('kelompok_belanja', KelompokBelanja.enum);
export const statusRealisasiEnum = pgEnum('status_realisasi', StatusRealisasi.enum);
/** Which planned value of an indicator a row holds. */
export const jenisNilaiEnum = pgEnum('jenis_nilai', { baseline: 'baseline', target: 'target', akhir: 'akhir' });

// ---------------------------------------------------------------- shared columns and keys

const tenant = () => ({
  pemdaId: uuid('pemda_id').notNull(),
  id: uuid('id').notNull(),
  urutan: integer('urutan').notNull(),
});

/** Whole rupiah; 'number' mode is exact because the dataset only admits safe integers. */
const rupiah = (name: string) => bigint(name, { mode: 'number' });
/** Measured and planned values: exact decimals in the database, JS numbers in the dataset. */
const angka = (name: string) => numeric(name, { mode: 'number' });
const tanggal = (name: string) => date(name, { mode: 'string' });

type Columns = [AnyPgColumn, ...AnyPgColumn[]];

function tenantKeys(table: string, t: { pemdaId: AnyPgColumn; id: AnyPgColumn }) {
  return [
    primaryKey({ name: `${table}_pkey`, columns: [t.pemdaId, t.id] }),
    foreignKey({ name: `${table}_pemda_fk`, columns: [t.pemdaId], foreignColumns: [pemda.id] }).onDelete('cascade'),
  ];
}

/** Part-of relation: the child goes with its parent. */
function partOf(name: string, columns: Columns, foreignColumns: Columns) {
  return foreignKey({ name, columns, foreignColumns }).onDelete('cascade');
}

/** A reference that must not silently disappear: the referencing row has to be changed first. */
function refersTo(name: string, columns: Columns, foreignColumns: Columns) {
  return foreignKey({ name, columns, foreignColumns }).onDelete('restrict');
}

const nipCheck = (name: string, column: AnyPgColumn) => check(name, sql`${column} ~ '^[0-9]{18}$'`);

/** The columns of an indicator definition, shared by RPJMD and Renstra indicators. */
const indikatorColumns = () => ({
  kode: text('kode').notNull(),
  nama: text('nama').notNull(),
  satuan: text('satuan').notNull(),
  polaritas: polaritasEnum('polaritas').notNull(),
  agregasi: agregasiEnum('agregasi').notNull(),
  desimal: smallint('desimal').notNull(),
  formulaTeks: text('formula_teks'),
  formulaPembilang: text('formula_pembilang'),
  formulaPenyebut: text('formula_penyebut'),
  formulaPengali: angka('formula_pengali'),
  sumberData: text('sumber_data'),
  /** Unit codes; kept as codes because a Renstra outlives reorganisations of the OPD. */
  penanggungJawab: text('penanggung_jawab').array().notNull(),
  iku: boolean('iku').notNull(),
});

function indikatorChecks(
  table: string,
  t: { desimal: AnyPgColumn; formulaTeks: AnyPgColumn; formulaPembilang: AnyPgColumn; formulaPenyebut: AnyPgColumn; formulaPengali: AnyPgColumn },
) {
  return [
    check(`${table}_desimal_ck`, sql`${t.desimal} between 0 and 6`),
    check(
      `${table}_formula_ck`,
      sql`(${t.formulaTeks} is null) = (${t.formulaPengali} is null) and (${t.formulaTeks} is not null or (${t.formulaPembilang} is null and ${t.formulaPenyebut} is null))`,
    ),
    check(`${table}_pengali_ck`, sql`${t.formulaPengali} > 0`),
  ];
}

// ---------------------------------------------------------------- pemda and RPJMD

export const pemdaPejabat = pgTable(
  'pemda_pejabat',
  {
    ...tenant(),
    nama: text('nama').notNull(),
    nip: text('nip'),
    pangkat: text('pangkat'),
    jabatan: text('jabatan').notNull(),
    /** The dataset admits a unit code here, but a pemda has no unit table to point at. */
    unitKode: text('unit_kode'),
    mulai: tanggal('mulai'),
    selesai: tanggal('selesai'),
    ...editable(),
  },
  (t) => [...tenantKeys('pemda_pejabat', t), unique('pemda_pejabat_urutan_uq').on(t.pemdaId, t.urutan), nipCheck('pemda_pejabat_nip_ck', t.nip)],
);

export const rpjmd = pgTable(
  'rpjmd',
  {
    ...tenant(),
    periodeAwal: integer('periode_awal').notNull(),
    periodeAkhir: integer('periode_akhir').notNull(),
    nomorDokumen: text('nomor_dokumen'),
    visi: text('visi').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('rpjmd', t),
    unique('rpjmd_urutan_uq').on(t.pemdaId, t.urutan),
    unique('rpjmd_periode_uq').on(t.pemdaId, t.periodeAwal),
    check('rpjmd_periode_ck', sql`${t.periodeAkhir} >= ${t.periodeAwal}`),
  ],
);

export const rpjmdMisi = pgTable(
  'rpjmd_misi',
  {
    ...tenant(),
    rpjmdId: uuid('rpjmd_id').notNull(),
    kode: text('kode').notNull(),
    nomor: integer('nomor').notNull(),
    uraian: text('uraian').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('rpjmd_misi', t),
    partOf('rpjmd_misi_rpjmd_fk', [t.pemdaId, t.rpjmdId], [rpjmd.pemdaId, rpjmd.id]),
    unique('rpjmd_misi_urutan_uq').on(t.pemdaId, t.rpjmdId, t.urutan),
    unique('rpjmd_misi_kode_uq').on(t.pemdaId, t.rpjmdId, t.kode),
    unique('rpjmd_misi_scope_uq').on(t.pemdaId, t.rpjmdId, t.id),
  ],
);

export const rpjmdTujuan = pgTable(
  'rpjmd_tujuan',
  {
    ...tenant(),
    rpjmdId: uuid('rpjmd_id').notNull(),
    misiId: uuid('misi_id').notNull(),
    kode: text('kode').notNull(),
    uraian: text('uraian').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('rpjmd_tujuan', t),
    partOf('rpjmd_tujuan_rpjmd_fk', [t.pemdaId, t.rpjmdId], [rpjmd.pemdaId, rpjmd.id]),
    partOf('rpjmd_tujuan_misi_fk', [t.pemdaId, t.rpjmdId, t.misiId], [rpjmdMisi.pemdaId, rpjmdMisi.rpjmdId, rpjmdMisi.id]),
    unique('rpjmd_tujuan_urutan_uq').on(t.pemdaId, t.rpjmdId, t.urutan),
    unique('rpjmd_tujuan_kode_uq').on(t.pemdaId, t.rpjmdId, t.kode),
    unique('rpjmd_tujuan_scope_uq').on(t.pemdaId, t.rpjmdId, t.id),
    index('rpjmd_tujuan_misi_idx').on(t.pemdaId, t.misiId),
  ],
);

export const rpjmdSasaran = pgTable(
  'rpjmd_sasaran',
  {
    ...tenant(),
    rpjmdId: uuid('rpjmd_id').notNull(),
    tujuanId: uuid('tujuan_id').notNull(),
    kode: text('kode').notNull(),
    uraian: text('uraian').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('rpjmd_sasaran', t),
    partOf('rpjmd_sasaran_rpjmd_fk', [t.pemdaId, t.rpjmdId], [rpjmd.pemdaId, rpjmd.id]),
    partOf('rpjmd_sasaran_tujuan_fk', [t.pemdaId, t.rpjmdId, t.tujuanId], [rpjmdTujuan.pemdaId, rpjmdTujuan.rpjmdId, rpjmdTujuan.id]),
    unique('rpjmd_sasaran_urutan_uq').on(t.pemdaId, t.rpjmdId, t.urutan),
    unique('rpjmd_sasaran_kode_uq').on(t.pemdaId, t.rpjmdId, t.kode),
    unique('rpjmd_sasaran_scope_uq').on(t.pemdaId, t.rpjmdId, t.id),
    index('rpjmd_sasaran_tujuan_idx').on(t.pemdaId, t.tujuanId),
  ],
);

/** An RPJMD indicator; `urutan` is its position in the RPJMD's indicator list. */
export const indikatorDaerah = pgTable(
  'indikator_daerah',
  {
    ...tenant(),
    rpjmdId: uuid('rpjmd_id').notNull(),
    sasaranId: uuid('sasaran_id').notNull(),
    ...indikatorColumns(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('indikator_daerah', t),
    partOf('indikator_daerah_rpjmd_fk', [t.pemdaId, t.rpjmdId], [rpjmd.pemdaId, rpjmd.id]),
    partOf('indikator_daerah_sasaran_fk', [t.pemdaId, t.rpjmdId, t.sasaranId], [rpjmdSasaran.pemdaId, rpjmdSasaran.rpjmdId, rpjmdSasaran.id]),
    unique('indikator_daerah_urutan_uq').on(t.pemdaId, t.rpjmdId, t.urutan),
    unique('indikator_daerah_kode_uq').on(t.pemdaId, t.rpjmdId, t.kode),
    index('indikator_daerah_sasaran_idx').on(t.pemdaId, t.sasaranId),
    ...indikatorChecks('indikator_daerah', t),
  ],
);

/** Baseline, yearly targets and end-of-period target of an RPJMD indicator. */
export const indikatorDaerahTarget = pgTable(
  'indikator_daerah_target',
  {
    ...tenant(),
    indikatorDaerahId: uuid('indikator_daerah_id').notNull(),
    jenis: jenisNilaiEnum('jenis').notNull(),
    tahun: integer('tahun').notNull(),
    nilai: angka('nilai').notNull(),
    predikat: text('predikat'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('indikator_daerah_target', t),
    partOf('indikator_daerah_target_indikator_fk', [t.pemdaId, t.indikatorDaerahId], [indikatorDaerah.pemdaId, indikatorDaerah.id]),
    unique('indikator_daerah_target_urutan_uq').on(t.pemdaId, t.indikatorDaerahId, t.jenis, t.urutan),
    unique('indikator_daerah_target_tahun_uq').on(t.pemdaId, t.indikatorDaerahId, t.jenis, t.tahun),
    uniqueIndex('indikator_daerah_target_tunggal_uq')
      .on(t.pemdaId, t.indikatorDaerahId, t.jenis)
      .where(sql`${t.jenis} <> 'target'`),
  ],
);

export const indikatorDaerahRealisasi = pgTable(
  'indikator_daerah_realisasi',
  {
    ...tenant(),
    indikatorDaerahId: uuid('indikator_daerah_id').notNull(),
    tahun: integer('tahun').notNull(),
    nilai: angka('nilai').notNull(),
    predikat: text('predikat'),
    sumber: text('sumber'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('indikator_daerah_realisasi', t),
    partOf('indikator_daerah_realisasi_indikator_fk', [t.pemdaId, t.indikatorDaerahId], [indikatorDaerah.pemdaId, indikatorDaerah.id]),
    unique('indikator_daerah_realisasi_urutan_uq').on(t.pemdaId, t.indikatorDaerahId, t.urutan),
    unique('indikator_daerah_realisasi_tahun_uq').on(t.pemdaId, t.indikatorDaerahId, t.tahun),
  ],
);

/** Values of other regions (province, national) for comparison. */
export const indikatorDaerahPembanding = pgTable(
  'indikator_daerah_pembanding',
  {
    ...tenant(),
    indikatorDaerahId: uuid('indikator_daerah_id').notNull(),
    tahun: integer('tahun').notNull(),
    wilayah: text('wilayah').notNull(),
    nilai: angka('nilai').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('indikator_daerah_pembanding', t),
    partOf('indikator_daerah_pembanding_indikator_fk', [t.pemdaId, t.indikatorDaerahId], [indikatorDaerah.pemdaId, indikatorDaerah.id]),
    unique('indikator_daerah_pembanding_urutan_uq').on(t.pemdaId, t.indikatorDaerahId, t.urutan),
    unique('indikator_daerah_pembanding_wilayah_uq').on(t.pemdaId, t.indikatorDaerahId, t.tahun, t.wilayah),
  ],
);

// ---------------------------------------------------------------- OPD and its organisation

export const opd = pgTable(
  'opd',
  {
    ...tenant(),
    slug: text('slug').notNull(),
    nama: text('nama').notNull(),
    singkatan: text('singkatan'),
    alamat: text('alamat'),
    telepon: text('telepon'),
    email: text('email'),
    website: text('website'),
    profil: jsonb('profil').$type<z.infer<typeof ProfilOpd>>(),
    ...editable(),
  },
  (t) => [...tenantKeys('opd', t), unique('opd_slug_uq').on(t.pemdaId, t.slug), unique('opd_urutan_uq').on(t.pemdaId, t.urutan)],
);

/** OPDs that carry an RPJMD indicator (pengampu). */
export const indikatorDaerahPengampu = pgTable(
  'indikator_daerah_pengampu',
  {
    pemdaId: uuid('pemda_id').notNull(),
    indikatorDaerahId: uuid('indikator_daerah_id').notNull(),
    urutan: integer('urutan').notNull(),
    opdId: uuid('opd_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'indikator_daerah_pengampu_pkey', columns: [t.pemdaId, t.indikatorDaerahId, t.urutan] }),
    foreignKey({ name: 'indikator_daerah_pengampu_pemda_fk', columns: [t.pemdaId], foreignColumns: [pemda.id] }).onDelete('cascade'),
    partOf('indikator_daerah_pengampu_indikator_fk', [t.pemdaId, t.indikatorDaerahId], [indikatorDaerah.pemdaId, indikatorDaerah.id]),
    partOf('indikator_daerah_pengampu_opd_fk', [t.pemdaId, t.opdId], [opd.pemdaId, opd.id]),
    unique('indikator_daerah_pengampu_opd_uq').on(t.pemdaId, t.indikatorDaerahId, t.opdId),
    index('indikator_daerah_pengampu_opd_idx').on(t.pemdaId, t.opdId),
  ],
);

export const unit = pgTable(
  'unit',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    kode: text('kode').notNull(),
    nama: text('nama').notNull(),
    jenis: jenisUnitEnum('jenis').notNull(),
    indukId: uuid('induk_id'),
    tugas: text('tugas'),
    fungsi: text('fungsi').array().notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('unit', t),
    partOf('unit_opd_fk', [t.pemdaId, t.opdId], [opd.pemdaId, opd.id]),
    partOf('unit_induk_fk', [t.pemdaId, t.opdId, t.indukId], [t.pemdaId, t.opdId, t.id]),
    unique('unit_urutan_uq').on(t.pemdaId, t.opdId, t.urutan),
    unique('unit_kode_uq').on(t.pemdaId, t.opdId, t.kode),
    unique('unit_scope_uq').on(t.pemdaId, t.opdId, t.id),
    index('unit_induk_idx').on(t.pemdaId, t.opdId, t.indukId),
    check('unit_induk_ck', sql`${t.indukId} <> ${t.id}`),
  ],
);

export const pejabat = pgTable(
  'pejabat',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    nama: text('nama').notNull(),
    nip: text('nip'),
    pangkat: text('pangkat'),
    jabatan: text('jabatan').notNull(),
    unitId: uuid('unit_id'),
    mulai: tanggal('mulai'),
    selesai: tanggal('selesai'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('pejabat', t),
    partOf('pejabat_opd_fk', [t.pemdaId, t.opdId], [opd.pemdaId, opd.id]),
    refersTo('pejabat_unit_fk', [t.pemdaId, t.opdId, t.unitId], [unit.pemdaId, unit.opdId, unit.id]),
    unique('pejabat_urutan_uq').on(t.pemdaId, t.opdId, t.urutan),
    index('pejabat_unit_idx').on(t.pemdaId, t.opdId, t.unitId),
    nipCheck('pejabat_nip_ck', t.nip),
  ],
);

// ---------------------------------------------------------------- Renstra and IKU

export const renstra = pgTable(
  'renstra',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    periodeAwal: integer('periode_awal').notNull(),
    periodeAkhir: integer('periode_akhir').notNull(),
    nomorDokumen: text('nomor_dokumen'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('renstra', t),
    partOf('renstra_opd_fk', [t.pemdaId, t.opdId], [opd.pemdaId, opd.id]),
    unique('renstra_urutan_uq').on(t.pemdaId, t.opdId, t.urutan),
    unique('renstra_periode_uq').on(t.pemdaId, t.opdId, t.periodeAwal),
    check('renstra_periode_ck', sql`${t.periodeAkhir} >= ${t.periodeAwal}`),
  ],
);

export const tujuan = pgTable(
  'tujuan',
  {
    ...tenant(),
    renstraId: uuid('renstra_id').notNull(),
    kode: text('kode').notNull(),
    uraian: text('uraian').notNull(),
    rpjmdTujuanKode: text('rpjmd_tujuan_kode'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('tujuan', t),
    partOf('tujuan_renstra_fk', [t.pemdaId, t.renstraId], [renstra.pemdaId, renstra.id]),
    unique('tujuan_urutan_uq').on(t.pemdaId, t.renstraId, t.urutan),
    unique('tujuan_kode_uq').on(t.pemdaId, t.renstraId, t.kode),
    unique('tujuan_scope_uq').on(t.pemdaId, t.renstraId, t.id),
  ],
);

export const sasaran = pgTable(
  'sasaran',
  {
    ...tenant(),
    renstraId: uuid('renstra_id').notNull(),
    tujuanId: uuid('tujuan_id').notNull(),
    kode: text('kode').notNull(),
    nomor: integer('nomor').notNull(),
    uraian: text('uraian').notNull(),
    rpjmdSasaranKode: text('rpjmd_sasaran_kode'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('sasaran', t),
    partOf('sasaran_renstra_fk', [t.pemdaId, t.renstraId], [renstra.pemdaId, renstra.id]),
    partOf('sasaran_tujuan_fk', [t.pemdaId, t.renstraId, t.tujuanId], [tujuan.pemdaId, tujuan.renstraId, tujuan.id]),
    unique('sasaran_urutan_uq').on(t.pemdaId, t.renstraId, t.urutan),
    unique('sasaran_kode_uq').on(t.pemdaId, t.renstraId, t.kode),
    unique('sasaran_scope_uq').on(t.pemdaId, t.renstraId, t.id),
    index('sasaran_tujuan_idx').on(t.pemdaId, t.tujuanId),
  ],
);

/**
 * A Renstra indicator, owned by a tujuan or by a sasaran; `urutan` is its position in its
 * owner's list. Codes are unique across the whole Renstra because IKU rows, PK rows and
 * realisasi cite indicators by code alone.
 */
export const indikator = pgTable(
  'indikator',
  {
    ...tenant(),
    renstraId: uuid('renstra_id').notNull(),
    tujuanId: uuid('tujuan_id'),
    sasaranId: uuid('sasaran_id'),
    ...indikatorColumns(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('indikator', t),
    partOf('indikator_renstra_fk', [t.pemdaId, t.renstraId], [renstra.pemdaId, renstra.id]),
    partOf('indikator_tujuan_fk', [t.pemdaId, t.renstraId, t.tujuanId], [tujuan.pemdaId, tujuan.renstraId, tujuan.id]),
    partOf('indikator_sasaran_fk', [t.pemdaId, t.renstraId, t.sasaranId], [sasaran.pemdaId, sasaran.renstraId, sasaran.id]),
    check('indikator_pemilik_ck', sql`num_nonnulls(${t.tujuanId}, ${t.sasaranId}) = 1`),
    unique('indikator_kode_uq').on(t.pemdaId, t.renstraId, t.kode),
    unique('indikator_scope_uq').on(t.pemdaId, t.renstraId, t.id),
    unique('indikator_tujuan_urutan_uq').on(t.pemdaId, t.tujuanId, t.urutan),
    unique('indikator_sasaran_urutan_uq').on(t.pemdaId, t.sasaranId, t.urutan),
    ...indikatorChecks('indikator', t),
  ],
);

/** Baseline, yearly targets and end-of-Renstra target of a Renstra indicator. */
export const indikatorTarget = pgTable(
  'indikator_target',
  {
    ...tenant(),
    indikatorId: uuid('indikator_id').notNull(),
    jenis: jenisNilaiEnum('jenis').notNull(),
    tahun: integer('tahun').notNull(),
    nilai: angka('nilai').notNull(),
    predikat: text('predikat'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('indikator_target', t),
    partOf('indikator_target_indikator_fk', [t.pemdaId, t.indikatorId], [indikator.pemdaId, indikator.id]),
    unique('indikator_target_urutan_uq').on(t.pemdaId, t.indikatorId, t.jenis, t.urutan),
    unique('indikator_target_tahun_uq').on(t.pemdaId, t.indikatorId, t.jenis, t.tahun),
    uniqueIndex('indikator_target_tunggal_uq')
      .on(t.pemdaId, t.indikatorId, t.jenis)
      .where(sql`${t.jenis} <> 'target'`),
  ],
);

export const ikuVersi = pgTable(
  'iku_versi',
  {
    ...tenant(),
    renstraId: uuid('renstra_id').notNull(),
    versi: integer('versi').notNull(),
    nama: text('nama').notNull(),
    nomorDokumen: text('nomor_dokumen'),
    tanggal: tanggal('tanggal'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('iku_versi', t),
    partOf('iku_versi_renstra_fk', [t.pemdaId, t.renstraId], [renstra.pemdaId, renstra.id]),
    unique('iku_versi_urutan_uq').on(t.pemdaId, t.renstraId, t.urutan),
    unique('iku_versi_versi_uq').on(t.pemdaId, t.renstraId, t.versi),
    unique('iku_versi_scope_uq').on(t.pemdaId, t.renstraId, t.id),
    check('iku_versi_versi_ck', sql`${t.versi} >= 0`),
  ],
);

/** One row of an IKU decree; its sasaran and indicator belong to the same Renstra as the decree. */
export const ikuBaris = pgTable(
  'iku_baris',
  {
    ...tenant(),
    renstraId: uuid('renstra_id').notNull(),
    ikuVersiId: uuid('iku_versi_id').notNull(),
    sasaranId: uuid('sasaran_id').notNull(),
    indikatorId: uuid('indikator_id'),
    nama: text('nama').notNull(),
    formula: text('formula').notNull(),
    sumberData: text('sumber_data'),
    penanggungJawab: text('penanggung_jawab'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('iku_baris', t),
    partOf('iku_baris_iku_versi_fk', [t.pemdaId, t.renstraId, t.ikuVersiId], [ikuVersi.pemdaId, ikuVersi.renstraId, ikuVersi.id]),
    refersTo('iku_baris_sasaran_fk', [t.pemdaId, t.renstraId, t.sasaranId], [sasaran.pemdaId, sasaran.renstraId, sasaran.id]),
    refersTo('iku_baris_indikator_fk', [t.pemdaId, t.renstraId, t.indikatorId], [indikator.pemdaId, indikator.renstraId, indikator.id]),
    unique('iku_baris_urutan_uq').on(t.pemdaId, t.ikuVersiId, t.urutan),
    index('iku_baris_sasaran_idx').on(t.pemdaId, t.sasaranId),
    index('iku_baris_indikator_idx').on(t.pemdaId, t.indikatorId),
  ],
);

// ---------------------------------------------------------------- one year of an OPD

export const tahunOpd = pgTable(
  'tahun_opd',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    tahun: integer('tahun').notNull(),
    /** Place and date line of the LKJIP. */
    lkjip: jsonb('lkjip').$type<NonNullable<z.infer<typeof TahunOpd>['lkjip']>>(),
    /** Narrative of the LKJIP: text lists per chapter and per sasaran. */
    narasi: jsonb('narasi').$type<z.infer<typeof Narasi>>(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('tahun_opd', t),
    partOf('tahun_opd_opd_fk', [t.pemdaId, t.opdId], [opd.pemdaId, opd.id]),
    unique('tahun_opd_urutan_uq').on(t.pemdaId, t.opdId, t.urutan),
    unique('tahun_opd_tahun_uq').on(t.pemdaId, t.opdId, t.tahun),
    unique('tahun_opd_scope_uq').on(t.pemdaId, t.opdId, t.id),
  ],
);

/** Year-scoped child of tahun_opd: columns and keys every per-year table shares. */
const perTahun = () => ({ ...tenant(), tahunOpdId: uuid('tahun_opd_id').notNull() });

function perTahunKeys(table: string, t: { pemdaId: AnyPgColumn; id: AnyPgColumn; tahunOpdId: AnyPgColumn; urutan: AnyPgColumn }) {
  return [
    ...tenantKeys(table, t),
    partOf(`${table}_tahun_opd_fk`, [t.pemdaId, t.tahunOpdId], [tahunOpd.pemdaId, tahunOpd.id]),
    unique(`${table}_urutan_uq`).on(t.pemdaId, t.tahunOpdId, t.urutan),
  ];
}

export const renjaVersi = pgTable(
  'renja_versi',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    tahunOpdId: uuid('tahun_opd_id').notNull(),
    versi: versiRenjaEnum('versi').notNull(),
    nama: text('nama'),
    tanggal: tanggal('tanggal'),
    sumber: text('sumber'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('renja_versi', t),
    partOf('renja_versi_tahun_opd_fk', [t.pemdaId, t.opdId, t.tahunOpdId], [tahunOpd.pemdaId, tahunOpd.opdId, tahunOpd.id]),
    unique('renja_versi_urutan_uq').on(t.pemdaId, t.tahunOpdId, t.urutan),
    unique('renja_versi_versi_uq').on(t.pemdaId, t.tahunOpdId, t.versi),
    unique('renja_versi_scope_uq').on(t.pemdaId, t.opdId, t.id),
  ],
);

/**
 * A row of the Renja tree (urusan > bidang urusan > program > kegiatan > sub kegiatan).
 * `induk_level` repeats the parent's level so that the foreign key can prove it and the
 * check can require the nomenclature's nesting.
 */
export const renjaNode = pgTable(
  'renja_node',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    renjaVersiId: uuid('renja_versi_id').notNull(),
    kode: text('kode').notNull(),
    level: levelRenjaEnum('level').notNull(),
    indukId: uuid('induk_id'),
    indukLevel: levelRenjaEnum('induk_level'),
    nama: text('nama').notNull(),
    lokasi: text('lokasi'),
    pagu: rupiah('pagu'),
    sumberDana: text('sumber_dana'),
    unitId: uuid('unit_id'),
    catatan: text('catatan'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('renja_node', t),
    partOf('renja_node_renja_versi_fk', [t.pemdaId, t.opdId, t.renjaVersiId], [renjaVersi.pemdaId, renjaVersi.opdId, renjaVersi.id]),
    partOf(
      'renja_node_induk_fk',
      [t.pemdaId, t.renjaVersiId, t.indukId, t.indukLevel],
      [t.pemdaId, t.renjaVersiId, t.id, t.level],
    ),
    refersTo('renja_node_unit_fk', [t.pemdaId, t.opdId, t.unitId], [unit.pemdaId, unit.opdId, unit.id]),
    unique('renja_node_urutan_uq').on(t.pemdaId, t.renjaVersiId, t.urutan),
    unique('renja_node_kode_uq').on(t.pemdaId, t.renjaVersiId, t.kode),
    unique('renja_node_scope_uq').on(t.pemdaId, t.renjaVersiId, t.id),
    unique('renja_node_level_uq').on(t.pemdaId, t.renjaVersiId, t.id, t.level),
    // Serves the cascade of renja_node_induk_fk (one lookup per deleted node): every column of the key, the selective parent id first after the tenant.
    index('renja_node_induk_idx').on(t.pemdaId, t.indukId, t.renjaVersiId, t.indukLevel),
    index('renja_node_unit_idx').on(t.pemdaId, t.opdId, t.unitId),
    check(
      'renja_node_induk_ck',
      sql`(${t.indukId} is null) = (${t.indukLevel} is null) and (${t.indukLevel} is null
        or (${t.level} = 'bidang-urusan' and ${t.indukLevel} = 'urusan')
        or (${t.level} = 'program' and ${t.indukLevel} in ('urusan', 'bidang-urusan'))
        or (${t.level} = 'kegiatan' and ${t.indukLevel} = 'program')
        or (${t.level} = 'sub-kegiatan' and ${t.indukLevel} = 'kegiatan'))`,
    ),
    check('renja_node_pagu_ck', sql`${t.pagu} >= 0`),
  ],
);

/** Renstra sasaran a program supports, by code (the Renstra is another document). */
export const renjaNodeSasaran = pgTable(
  'renja_node_sasaran',
  {
    pemdaId: uuid('pemda_id').notNull(),
    renjaNodeId: uuid('renja_node_id').notNull(),
    urutan: integer('urutan').notNull(),
    sasaranKode: text('sasaran_kode').notNull(),
  },
  (t) => [
    primaryKey({ name: 'renja_node_sasaran_pkey', columns: [t.pemdaId, t.renjaNodeId, t.urutan] }),
    foreignKey({ name: 'renja_node_sasaran_pemda_fk', columns: [t.pemdaId], foreignColumns: [pemda.id] }).onDelete('cascade'),
    partOf('renja_node_sasaran_node_fk', [t.pemdaId, t.renjaNodeId], [renjaNode.pemdaId, renjaNode.id]),
    unique('renja_node_sasaran_kode_uq').on(t.pemdaId, t.renjaNodeId, t.sasaranKode),
  ],
);

/** Indicator of a Renja node; codes are unique per Renja version because realisasi cite them by code. */
export const renjaIndikator = pgTable(
  'renja_indikator',
  {
    ...tenant(),
    renjaVersiId: uuid('renja_versi_id').notNull(),
    renjaNodeId: uuid('renja_node_id').notNull(),
    kode: text('kode').notNull(),
    nama: text('nama').notNull(),
    target: angka('target'),
    targetTeks: text('target_teks'),
    satuan: text('satuan'),
    targetRenstra: angka('target_renstra'),
    polaritas: polaritasEnum('polaritas').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('renja_indikator', t),
    partOf('renja_indikator_node_fk', [t.pemdaId, t.renjaVersiId, t.renjaNodeId], [renjaNode.pemdaId, renjaNode.renjaVersiId, renjaNode.id]),
    unique('renja_indikator_urutan_uq').on(t.pemdaId, t.renjaNodeId, t.urutan),
    unique('renja_indikator_kode_uq').on(t.pemdaId, t.renjaVersiId, t.kode),
  ],
);

export const anggaranVersi = pgTable(
  'anggaran_versi',
  {
    ...perTahun(),
    versi: versiAnggaranEnum('versi').notNull(),
    tanggal: tanggal('tanggal'),
    sumber: text('sumber'),
    ...editable(),
  },
  (t) => [...perTahunKeys('anggaran_versi', t), unique('anggaran_versi_versi_uq').on(t.pemdaId, t.tahunOpdId, t.versi)],
);

/** Pagu and realisasi of one Renja node in a DPA, by nomenclature code. */
export const anggaranBaris = pgTable(
  'anggaran_baris',
  {
    ...tenant(),
    anggaranVersiId: uuid('anggaran_versi_id').notNull(),
    kode: text('kode').notNull(),
    pagu: rupiah('pagu').notNull(),
    realisasi: rupiah('realisasi').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('anggaran_baris', t),
    partOf('anggaran_baris_anggaran_versi_fk', [t.pemdaId, t.anggaranVersiId], [anggaranVersi.pemdaId, anggaranVersi.id]),
    unique('anggaran_baris_urutan_uq').on(t.pemdaId, t.anggaranVersiId, t.urutan),
    unique('anggaran_baris_kode_uq').on(t.pemdaId, t.anggaranVersiId, t.kode),
    check('anggaran_baris_rupiah_ck', sql`${t.pagu} >= 0 and ${t.realisasi} >= 0`),
  ],
);

export const anggaranKelompok = pgTable(
  'anggaran_kelompok',
  {
    ...tenant(),
    anggaranVersiId: uuid('anggaran_versi_id').notNull(),
    kelompok: kelompokBelanjaEnum('kelompok').notNull(),
    pagu: rupiah('pagu').notNull(),
    realisasi: rupiah('realisasi').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('anggaran_kelompok', t),
    partOf('anggaran_kelompok_anggaran_versi_fk', [t.pemdaId, t.anggaranVersiId], [anggaranVersi.pemdaId, anggaranVersi.id]),
    unique('anggaran_kelompok_urutan_uq').on(t.pemdaId, t.anggaranVersiId, t.urutan),
    unique('anggaran_kelompok_kelompok_uq').on(t.pemdaId, t.anggaranVersiId, t.kelompok),
    check('anggaran_kelompok_rupiah_ck', sql`${t.pagu} >= 0 and ${t.realisasi} >= 0`),
  ],
);

// ---------------------------------------------------------------- Perjanjian Kinerja

/** A Perjanjian Kinerja; versi 0 is the original, 1.. the revisions (perubahan I, II ...). */
export const pk = pgTable(
  'pk',
  {
    ...perTahun(),
    versi: integer('versi').notNull(),
    nama: text('nama').notNull(),
    tanggal: tanggal('tanggal'),
    tempat: text('tempat'),
    pihakPertamaNama: text('pihak_pertama_nama').notNull(),
    pihakPertamaJabatan: text('pihak_pertama_jabatan').notNull(),
    pihakPertamaNip: text('pihak_pertama_nip'),
    pihakPertamaPangkat: text('pihak_pertama_pangkat'),
    pihakKeduaNama: text('pihak_kedua_nama').notNull(),
    pihakKeduaJabatan: text('pihak_kedua_jabatan').notNull(),
    pihakKeduaNip: text('pihak_kedua_nip'),
    pihakKeduaPangkat: text('pihak_kedua_pangkat'),
    ...editable(),
  },
  (t) => [
    ...perTahunKeys('pk', t),
    unique('pk_versi_uq').on(t.pemdaId, t.tahunOpdId, t.versi),
    check('pk_versi_ck', sql`${t.versi} >= 0`),
    nipCheck('pk_pihak_pertama_nip_ck', t.pihakPertamaNip),
    nipCheck('pk_pihak_kedua_nip_ck', t.pihakKeduaNip),
  ],
);

export const pkKinerja = pgTable(
  'pk_kinerja',
  {
    ...tenant(),
    pkId: uuid('pk_id').notNull(),
    sasaranKode: text('sasaran_kode').notNull(),
    indikatorKode: text('indikator_kode').notNull(),
    target: angka('target').notNull(),
    targetTeks: text('target_teks'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('pk_kinerja', t),
    partOf('pk_kinerja_pk_fk', [t.pemdaId, t.pkId], [pk.pemdaId, pk.id]),
    unique('pk_kinerja_urutan_uq').on(t.pemdaId, t.pkId, t.urutan),
    unique('pk_kinerja_indikator_uq').on(t.pemdaId, t.pkId, t.sasaranKode, t.indikatorKode),
  ],
);

/** Budget rows as the PK itself prints them (they may differ from the DPA; the checker reports it). */
export const pkAnggaran = pgTable(
  'pk_anggaran',
  {
    ...tenant(),
    pkId: uuid('pk_id').notNull(),
    programKode: text('program_kode').notNull(),
    kegiatanKode: text('kegiatan_kode').notNull(),
    pagu: rupiah('pagu').notNull(),
    sumberDana: text('sumber_dana').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('pk_anggaran', t),
    partOf('pk_anggaran_pk_fk', [t.pemdaId, t.pkId], [pk.pemdaId, pk.id]),
    unique('pk_anggaran_urutan_uq').on(t.pemdaId, t.pkId, t.urutan),
    check('pk_anggaran_pagu_ck', sql`${t.pagu} >= 0`),
  ],
);

/** The "Penjelasan Kinerja" annex: one entry per indicator. */
export const pkPenjelasan = pgTable(
  'pk_penjelasan',
  {
    ...tenant(),
    pkId: uuid('pk_id').notNull(),
    indikatorKode: text('indikator_kode').notNull(),
    uraianSasaran: text('uraian_sasaran').notNull(),
    relevansi: text('relevansi').notNull(),
    formulasi: text('formulasi').notNull(),
    sumberData: text('sumber_data').notNull(),
    penjelasanTarget: text('penjelasan_target').notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('pk_penjelasan', t),
    partOf('pk_penjelasan_pk_fk', [t.pemdaId, t.pkId], [pk.pemdaId, pk.id]),
    unique('pk_penjelasan_urutan_uq').on(t.pemdaId, t.pkId, t.urutan),
    unique('pk_penjelasan_indikator_uq').on(t.pemdaId, t.pkId, t.indikatorKode),
  ],
);

// ---------------------------------------------------------------- measurement

/** Quarterly targets; the indicator is a Renstra or Renja indicator code of the year. */
export const rencanaAksi = pgTable(
  'rencana_aksi',
  {
    ...perTahun(),
    indikatorKode: text('indikator_kode').notNull(),
    triwulan: smallint('triwulan').notNull(),
    target: angka('target').notNull(),
    ...editable(),
  },
  (t) => [
    ...perTahunKeys('rencana_aksi', t),
    unique('rencana_aksi_triwulan_uq').on(t.pemdaId, t.tahunOpdId, t.indikatorKode, t.triwulan),
    check('rencana_aksi_triwulan_ck', sql`${t.triwulan} between 1 and 4`),
  ],
);

/**
 * A measured value: per quarter (triwulan 1..4) or for the whole year (triwulan null).
 * The indicator is a Renstra or Renja indicator code of the year; at most one value per
 * indicator per period, hence NULLS NOT DISTINCT.
 */
export const realisasi = pgTable(
  'realisasi',
  {
    ...perTahun(),
    indikatorKode: text('indikator_kode').notNull(),
    triwulan: smallint('triwulan'),
    nilai: angka('nilai'),
    pembilang: angka('pembilang'),
    penyebut: angka('penyebut'),
    predikat: text('predikat'),
    keterangan: text('keterangan'),
    bukti: text('bukti').array().notNull(),
    status: statusRealisasiEnum('status').notNull(),
    ...editable(),
  },
  (t) => [
    ...perTahunKeys('realisasi', t),
    unique('realisasi_periode_uq').on(t.pemdaId, t.tahunOpdId, t.indikatorKode, t.triwulan).nullsNotDistinct(),
    check('realisasi_triwulan_ck', sql`${t.triwulan} between 1 and 4`),
  ],
);

// ---------------------------------------------------------------- other indicator sets and narrative

/** Key indicators for the LPPD (IKK). */
export const ikk = pgTable(
  'ikk',
  {
    ...perTahun(),
    nomor: integer('nomor').notNull(),
    nama: text('nama').notNull(),
    pembilangNama: text('pembilang_nama').notNull(),
    pembilang: angka('pembilang').notNull(),
    penyebutNama: text('penyebut_nama').notNull(),
    penyebut: angka('penyebut').notNull(),
    pengali: angka('pengali').notNull(),
    satuan: text('satuan').notNull(),
    hasilTerbit: angka('hasil_terbit'),
    sumber: text('sumber'),
    ...editable(),
  },
  (t) => [...perTahunKeys('ikk', t), check('ikk_pengali_ck', sql`${t.pengali} > 0`)],
);

/** SDG-linked sub kegiatan, by nomenclature code. */
export const sdgs = pgTable(
  'sdgs',
  {
    ...perTahun(),
    nomor: integer('nomor').notNull(),
    tujuanSdgs: text('tujuan_sdgs').notNull(),
    subKegiatanKode: text('sub_kegiatan_kode').notNull(),
    target: angka('target').notNull(),
    realisasi: angka('realisasi').notNull(),
    satuan: text('satuan').notNull(),
    sumber: text('sumber'),
    ...editable(),
  },
  (t) => [...perTahunKeys('sdgs', t)],
);

/** Follow-up of the recommendations of a SAKIP evaluation. */
export const tindakLanjut = pgTable(
  'tindak_lanjut',
  {
    ...perTahun(),
    rekomendasi: text('rekomendasi').notNull(),
    tindakLanjut: text('tindak_lanjut').notNull(),
    tahunEvaluasi: integer('tahun_evaluasi'),
    ...editable(),
  },
  (t) => [...perTahunKeys('tindak_lanjut', t)],
);

export const penghargaan = pgTable(
  'penghargaan',
  {
    ...perTahun(),
    nama: text('nama').notNull(),
    pemberi: text('pemberi').notNull(),
    tanggal: tanggal('tanggal'),
    ...editable(),
  },
  (t) => [...perTahunKeys('penghargaan', t)],
);

/** Every table scoped by pemda, parents before children: the order to insert in, reversed to delete. */
// ---------------------------------------------------------------- registers (docs/registers.md)

/**
 * A register an OPD keeps (dispute cases, trainings, ...): its typed columns and what places a
 * row in time, as JSON in the dataset's shape; rows and imported totals in their own tables.
 */
export const register = pgTable(
  'register',
  {
    ...tenant(),
    opdId: uuid('opd_id').notNull(),
    kode: text('kode').notNull(),
    nama: text('nama').notNull(),
    uraian: text('uraian'),
    preset: text('preset'),
    unitKode: text('unit_kode'),
    kolom: jsonb('kolom').$type<z.infer<typeof Register>['kolom']>().notNull(),
    periode: jsonb('periode').$type<z.infer<typeof Register>['periode']>().notNull(),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('register', t),
    partOf('register_opd_fk', [t.pemdaId, t.opdId], [opd.pemdaId, opd.id]),
    unique('register_kode_uq').on(t.pemdaId, t.opdId, t.kode),
    unique('register_urutan_uq').on(t.pemdaId, t.opdId, t.urutan),
  ],
);

/** One row of a register; `kode` is the row's id in the dataset, stable across edits. */
export const registerBaris = pgTable(
  'register_baris',
  {
    ...tenant(),
    registerId: uuid('register_id').notNull(),
    kode: text('kode').notNull(),
    nilai: jsonb('nilai').$type<Record<string, string | number | boolean | null>>().notNull(),
    keterangan: text('keterangan'),
    ...editable(),
  },
  (t) => [
    ...tenantKeys('register_baris', t),
    partOf('register_baris_register_fk', [t.pemdaId, t.registerId], [register.pemdaId, register.id]),
    unique('register_baris_kode_uq').on(t.pemdaId, t.registerId, t.kode),
    index('register_baris_register_idx').on(t.pemdaId, t.registerId, t.urutan),
  ],
);

/** Totals imported for months whose register rows are missing. */
export const registerTotal = pgTable(
  'register_total',
  {
    ...tenant(),
    registerId: uuid('register_id').notNull(),
    kode: text('kode').notNull(),
    tahun: smallint('tahun').notNull(),
    bulanDari: smallint('bulan_dari').notNull(),
    bulanSampai: smallint('bulan_sampai').notNull(),
    nilai: jsonb('nilai').$type<Record<string, number>>().notNull(),
    keterangan: text('keterangan').notNull(),
  },
  (t) => [
    ...tenantKeys('register_total', t),
    partOf('register_total_register_fk', [t.pemdaId, t.registerId], [register.pemdaId, register.id]),
    unique('register_total_kode_uq').on(t.pemdaId, t.registerId, t.kode),
    check('register_total_bulan_ck', sql`${t.bulanDari} between 1 and 12 and ${t.bulanSampai} between ${t.bulanDari} and 12`),
  ],
);

/** The register formulas an indicator's realisasi is computed from (at most one per indicator). */
export const indikatorRumus = pgTable(
  'indikator_rumus',
  {
    ...tenant(),
    indikatorId: uuid('indikator_id').notNull(),
    rumus: jsonb('rumus').$type<z.infer<typeof RumusIndikator>>().notNull(),
  },
  (t) => [
    ...tenantKeys('indikator_rumus', t),
    partOf('indikator_rumus_indikator_fk', [t.pemdaId, t.indikatorId], [indikator.pemdaId, indikator.id]),
    unique('indikator_rumus_indikator_uq').on(t.pemdaId, t.indikatorId),
  ],
);

export const tenantTables = [
  pemdaPejabat,
  rpjmd,
  rpjmdMisi,
  rpjmdTujuan,
  rpjmdSasaran,
  indikatorDaerah,
  indikatorDaerahTarget,
  indikatorDaerahRealisasi,
  indikatorDaerahPembanding,
  opd,
  indikatorDaerahPengampu,
  unit,
  pejabat,
  renstra,
  tujuan,
  sasaran,
  indikator,
  indikatorTarget,
  ikuVersi,
  ikuBaris,
  tahunOpd,
  renjaVersi,
  renjaNode,
  renjaNodeSasaran,
  renjaIndikator,
  anggaranVersi,
  anggaranBaris,
  anggaranKelompok,
  pk,
  pkKinerja,
  pkAnggaran,
  pkPenjelasan,
  rencanaAksi,
  realisasi,
  ikk,
  sdgs,
  tindakLanjut,
  penghargaan,
  register,
  registerBaris,
  registerTotal,
  indikatorRumus,
] as const;
export * from './schema-app.ts';
