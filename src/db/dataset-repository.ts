/**
 * Whole datasets in and out of the database.
 *
 * `saveDataset` replaces everything a pemda has with the given dataset in one transaction;
 * `loadDataset` reads it back in the same shape and order. Every statement is scoped by
 * pemda_id; writes are one batch insert per table and reads one query per table.
 */
import { and, asc, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { checkReferences, DatasetError, type DatasetProblem, formatPath } from '../dataset/load.ts';
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Dataset,
  type IndikatorData,
  type IndikatorDaerahData,
  type NodeRenjaData,
  type Pejabat,
  type RealisasiData,
} from '../dataset/schema.ts';
import type { Db } from './client.ts';
import { newId } from './ids.ts';
import { galatBasisData } from './galat.ts';
import { naikkanRevisi, naikkanRevisiRencana, SELURUH_PEMDA } from './revisi.ts';
import * as t from './schema.ts';
import { type Baris, type DalamLingkup, type HasilSinkron, type KunciAlami, sinkronkan, type TabelSinkron } from './sinkron.ts';

type TenantTable = (typeof t.tenantTables)[number];

export interface PemdaSummary {
  id: string;
  slug: string;
  nama: string;
  jenis: Dataset['pemda']['jenis'];
}

export async function listPemda(db: Db): Promise<PemdaSummary[]> {
  return db
    .select({ id: t.pemda.id, slug: t.pemda.slug, nama: t.pemda.nama, jenis: t.pemda.jenis })
    .from(t.pemda)
    .orderBy(asc(t.pemda.slug));
}

// ---------------------------------------------------------------- save

/**
 * What a save may change. Without it, the whole pemda: the dataset is all the pemda holds. With
 * `opd`, that OPD's rows only (its units, officials, Renstra, registers and years); with `tahun`
 * too, only that OPD-year's rows (Renja, DPA, PK, targets, realisasi, ...). Nothing outside the
 * scope is read for writing, written, or deleted, and only the scope's revision is raised.
 */
export interface LingkupSimpan {
  opd: string;
  tahun?: number;
}

/** Natural keys (see src/db/sinkron.ts): the codes, years and positions by which a row is known within its parent. */
const targetKunci =
  (induk: string) =>
  (nilai: (nama: string) => string | null): string =>
    // A target is the target of a year; the baseline and the end target are one each per indicator.
    JSON.stringify(nilai('jenis') === 'target' ? [nilai(induk), 'target', nilai('tahun')] : [nilai(induk), nilai('jenis')]);

const KUNCI_ALAMI = new Map<TenantTable, KunciAlami>([
  [t.pemdaPejabat, ['urutan']],
  [t.rpjmd, ['periodeAwal']],
  [t.rpjmdMisi, ['rpjmdId', 'kode']],
  [t.rpjmdTujuan, ['rpjmdId', 'kode']],
  [t.rpjmdSasaran, ['rpjmdId', 'kode']],
  [t.indikatorDaerah, ['rpjmdId', 'kode']],
  [t.indikatorDaerahTarget, targetKunci('indikatorDaerahId')],
  [t.indikatorDaerahRealisasi, ['indikatorDaerahId', 'tahun']],
  [t.indikatorDaerahPembanding, ['indikatorDaerahId', 'tahun', 'wilayah']],
  [t.opd, ['slug']],
  [t.indikatorDaerahPengampu, ['indikatorDaerahId', 'opdId']],
  [t.unit, ['opdId', 'kode']],
  [t.pejabat, ['opdId', 'urutan']],
  [t.renstra, ['opdId', 'periodeAwal']],
  [t.tujuan, ['renstraId', 'kode']],
  [t.sasaran, ['renstraId', 'kode']],
  [t.indikator, ['renstraId', 'kode']],
  [t.indikatorTarget, targetKunci('indikatorId')],
  [t.ikuVersi, ['renstraId', 'versi']],
  [t.ikuBaris, ['ikuVersiId', 'urutan']],
  [t.tahunOpd, ['opdId', 'tahun']],
  [t.renjaVersi, ['tahunOpdId', 'versi']],
  [t.renjaNode, ['renjaVersiId', 'kode']],
  [t.renjaNodeSasaran, ['renjaNodeId', 'sasaranKode']],
  [t.renjaIndikator, ['renjaVersiId', 'kode']],
  [t.anggaranVersi, ['tahunOpdId', 'versi']],
  [t.anggaranBaris, ['anggaranVersiId', 'kode']],
  [t.anggaranKelompok, ['anggaranVersiId', 'kelompok']],
  [t.pk, ['tahunOpdId', 'versi']],
  [t.pkKinerja, ['pkId', 'sasaranKode', 'indikatorKode']],
  [t.pkAnggaran, ['pkId', 'urutan']],
  [t.pkPenjelasan, ['pkId', 'indikatorKode']],
  [t.rencanaAksi, ['tahunOpdId', 'indikatorKode', 'triwulan']],
  [t.realisasi, ['tahunOpdId', 'indikatorKode', 'triwulan']],
  [t.ikk, ['tahunOpdId', 'urutan']],
  [t.sdgs, ['tahunOpdId', 'urutan']],
  [t.tindakLanjut, ['tahunOpdId', 'urutan']],
  [t.penghargaan, ['tahunOpdId', 'urutan']],
  [t.register, ['opdId', 'kode']],
  [t.registerBaris, ['registerId', 'kode']],
  [t.registerTotal, ['registerId', 'kode']],
  [t.indikatorRumus, ['indikatorId']],
]);

/** Tables of the pemda itself (RPJMD, its indicators, the pemda's officials): outside every OPD scope. */
const TABEL_PEMDA = new Set<TenantTable>([
  t.pemdaPejabat,
  t.rpjmd,
  t.rpjmdMisi,
  t.rpjmdTujuan,
  t.rpjmdSasaran,
  t.indikatorDaerah,
  t.indikatorDaerahTarget,
  t.indikatorDaerahRealisasi,
  t.indikatorDaerahPembanding,
  t.indikatorDaerahPengampu,
]);

/** Tables of one OPD-year: tahun_opd and everything below it. */
const TABEL_TAHUN = new Set<TenantTable>([
  t.tahunOpd,
  t.renjaVersi,
  t.renjaNode,
  t.renjaNodeSasaran,
  t.renjaIndikator,
  t.anggaranVersi,
  t.anggaranBaris,
  t.anggaranKelompok,
  t.pk,
  t.pkKinerja,
  t.pkAnggaran,
  t.pkPenjelasan,
  t.rencanaAksi,
  t.realisasi,
  t.ikk,
  t.sdgs,
  t.tindakLanjut,
  t.penghargaan,
]);

/** The dataset restricted to one OPD: the others and the RPJMD's links to them left out. */
function hanyaOpd(d: Dataset, opdSlug: string): Dataset {
  return {
    ...d,
    pemda: {
      ...d.pemda,
      rpjmd: d.pemda.rpjmd.map((r) => ({ ...r, indikator: r.indikator.map((i) => ({ ...i, pengampu: i.pengampu.filter((s) => s === opdSlug) })) })),
    },
    opd: d.opd.filter((o) => o.slug === opdSlug),
  };
}

/**
 * Stores a validated dataset: the whole pemda (its rows become exactly the dataset's; the pemda
 * row itself is kept and updated so that its id stays stable), or only the OPD or OPD-year that
 * `lingkup` names. Only rows that differ are written (src/db/sinkron.ts): unchanged rows keep
 * their id, version and updated_at. Either everything is written or, on any error, nothing
 * changes. Answers what changed, per table.
 */
export async function saveDataset(db: Db, dataset: Dataset, lingkup?: LingkupSimpan): Promise<HasilSinkron> {
  const problems = checkReferences(dataset);
  if (problems.length > 0) throw new DatasetError(problems);
  if (lingkup && !dataset.opd.some((o) => o.slug === lingkup.opd)) {
    throw new DatasetError([{ path: 'opd', message: `OPD "${lingkup.opd}" tidak ada di dataset yang disimpan` }]);
  }
  if (lingkup?.tahun !== undefined && !dataset.opd.some((o) => o.slug === lingkup.opd && o.tahun.some((y) => y.tahun === lingkup.tahun))) {
    throw new DatasetError([{ path: 'opd', message: `tahun ${lingkup.tahun} OPD "${lingkup.opd}" tidak ada di dataset yang disimpan` }]);
  }
  const p = dataset.pemda;
  try {
    return await db.transaction(async (tx) => {
      let pemdaId: string;
      let filter: FilterTabel = () => undefined;
      if (!lingkup) {
        // The upsert also locks the pemda row, so concurrent saves of one pemda run one after the other.
        const [row] = await tx
          .insert(t.pemda)
          .values({ id: newId(), slug: p.slug, nama: p.nama, jenis: p.jenis, provinsi: p.provinsi, ibukota: p.ibukota, pengaturan: p.pengaturan })
          .onConflictDoUpdate({
            target: t.pemda.slug,
            set: {
              nama: p.nama,
              jenis: p.jenis,
              provinsi: p.provinsi ?? null,
              ibukota: p.ibukota ?? null,
              pengaturan: p.pengaturan,
              // The time the row was inserted with; Citus refuses a stable function such as now() in DO UPDATE.
              updatedAt: sql`excluded.updated_at`,
              version: sql`${t.pemda.version} + 1`,
            },
          })
          .returning({ id: t.pemda.id });
        if (!row) throw new Error(`pemda "${p.slug}" tidak tersimpan`);
        pemdaId = row.id;
      } else {
        // A share lock: saves of different OPDs run side by side; a whole-pemda save waits for them.
        const [row] = await tx.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, p.slug)).for('share');
        if (!row) throw new DatasetError([{ path: 'pemda.slug', message: `pemda "${p.slug}" tidak ada di basis data` }]);
        pemdaId = row.id;
        // Saves of one OPD run one after the other.
        const [o] = await tx
          .select({ id: t.opd.id })
          .from(t.opd)
          .where(and(eq(t.opd.pemdaId, pemdaId), eq(t.opd.slug, lingkup.opd)))
          .for('update');
        filter = filterOpd(pemdaId, o?.id ?? newId(), lingkup.tahun === undefined ? undefined : [lingkup.tahun]);
      }

      const wanted = buildRows(lingkup ? hanyaOpd(dataset, lingkup.opd) : dataset, pemdaId);
      if (lingkup) {
        // The OPD keeps its place among the pemda's OPDs (a new one comes last).
        const [posisi] = await tx
          .select({ urutan: sql<number>`coalesce((select ${t.opd.urutan} from ${t.opd} where ${t.opd.pemdaId} = ${pemdaId} and ${t.opd.slug} = ${lingkup.opd}), (select max(${t.opd.urutan}) + 1 from ${t.opd} where ${t.opd.pemdaId} = ${pemdaId}), 0)` })
          .from(t.pemda)
          .where(eq(t.pemda.id, pemdaId));
        for (const row of wanted.of(t.opd) as Array<{ urutan: number }>) row.urutan = Number(posisi?.urutan ?? 0);
      }
      if (lingkup?.tahun !== undefined) {
        // Likewise the year among the OPD's years: the dataset may hold only some of them.
        const [posisi] = await tx.execute<{ urutan: number }>(sql`
          select coalesce(
            (select y.urutan from ${t.tahunOpd} y join ${t.opd} o on o.pemda_id = y.pemda_id and o.id = y.opd_id
              where y.pemda_id = ${pemdaId} and o.slug = ${lingkup.opd} and y.tahun = ${lingkup.tahun}),
            (select max(y.urutan) + 1 from ${t.tahunOpd} y join ${t.opd} o on o.pemda_id = y.pemda_id and o.id = y.opd_id
              where y.pemda_id = ${pemdaId} and o.slug = ${lingkup.opd}),
            0) as urutan`).then((r) => (r as { rows: Array<{ urutan: number }> }).rows);
        for (const row of wanted.of(t.tahunOpd) as Array<{ urutan: number; tahun: number }>) {
          if (row.tahun === lingkup.tahun) row.urutan = Number(posisi?.urutan ?? 0);
        }
      }
      const tabel: TabelSinkron[] = [];
      for (const table of t.tenantTables) {
        if (lingkup && TABEL_PEMDA.has(table)) continue;
        const kunci = KUNCI_ALAMI.get(table);
        if (!kunci) throw new Error(`tabel ${getTableName(table)} tanpa kunci alami`);
        const tulis = lingkup?.tahun === undefined || TABEL_TAHUN.has(table);
        tabel.push({ table, kunci, tersimpan: await selectAll(tx, table, pemdaId, filter(table)), diinginkan: wanted.of(table) as Baris[], tulis });
      }
      const hasil = await sinkronkan(tx, pemdaId, tabel, lingkup?.tahun === undefined ? () => true : milikTahun(lingkup.tahun));
      if (!lingkup) await naikkanRevisi(tx, pemdaId, SELURUH_PEMDA);
      else if (hasil.berubah) await naikkanRevisiRencana(tx, pemdaId, lingkup.opd);
      return hasil;
    });
  } catch (e) {
    throw asDataError(e) ?? e;
  }
}

/**
 * The rows of one year of the (single) OPD being written: its tahun_opd row and every row that
 * refers to a row already found to be of that year. Tables come parents first, so one pass finds them all.
 */
function milikTahun(tahun: number): DalamLingkup {
  const ids = new Set<string>();
  return (table, row) => {
    const milik =
      table === t.tahunOpd
        ? row.tahun === tahun
        : Object.entries(row).some(([key, v]) => key !== 'id' && key !== 'pemdaId' && typeof v === 'string' && ids.has(v));
    if (milik && typeof row.id === 'string') ids.add(row.id);
    return milik;
  };
}

/** Insert rows collected per table, each checked against its table's insert type. */
class Rows {
  private readonly byTable = new Map<PgTable, object[]>();

  add<T extends TenantTable>(table: T, row: T['$inferInsert']): void {
    const list = this.byTable.get(table);
    if (list) list.push(row);
    else this.byTable.set(table, [row]);
  }

  of(table: PgTable): object[] {
    return this.byTable.get(table) ?? [];
  }
}

/** Nesting the nomenclature allows: the levels a node's parent may have. */
const PARENT_LEVELS: Record<NodeRenjaData['level'], readonly NodeRenjaData['level'][]> = {
  urusan: [],
  'bidang-urusan': ['urusan'],
  program: ['urusan', 'bidang-urusan'],
  kegiatan: ['program'],
  'sub-kegiatan': ['kegiatan'],
};

type Path = (string | number)[];

/** Gives every element of the dataset an id and turns it into rows, resolving codes to ids. */
function buildRows(d: Dataset, pemdaId: string): Rows {
  const rows = new Rows();
  const problems: DatasetProblem[] = [];
  const problem = (path: Path, message: string) => problems.push({ path: formatPath(path), message });
  const base = (urutan: number) => ({ pemdaId, id: newId(), urutan });

  d.pemda.pejabat.forEach((x, i) => rows.add(t.pemdaPejabat, { ...base(i), ...pejabatValues(x), unitKode: x.unit }));

  const opdIds = new Map(d.opd.map((o) => [o.slug, newId()]));
  d.pemda.rpjmd.forEach((r, ri) => {
    const rpjmdRow = { ...base(ri), periodeAwal: r.periodeAwal, periodeAkhir: r.periodeAkhir, nomorDokumen: r.nomorDokumen, visi: r.visi };
    rows.add(t.rpjmd, rpjmdRow);
    const rpjmdId = rpjmdRow.id;
    const at = (...path: Path) => ['pemda', 'rpjmd', ri, ...path];
    const misi = new Map<string, string>();
    r.misi.forEach((m, i) => {
      const row = { ...base(i), rpjmdId, kode: m.kode, nomor: m.nomor, uraian: m.uraian };
      misi.set(m.kode, row.id);
      rows.add(t.rpjmdMisi, row);
    });
    const tujuan = new Map<string, string>();
    r.tujuan.forEach((x, i) => {
      const misiId = misi.get(x.misi);
      if (!misiId) return problem(at('tujuan', i, 'misi'), `misi "${x.misi}" tidak ada`);
      const row = { ...base(i), rpjmdId, misiId, kode: x.kode, uraian: x.uraian };
      tujuan.set(x.kode, row.id);
      rows.add(t.rpjmdTujuan, row);
    });
    const sasaran = new Map<string, string>();
    r.sasaran.forEach((x, i) => {
      const tujuanId = tujuan.get(x.tujuan);
      if (!tujuanId) return problem(at('sasaran', i, 'tujuan'), `tujuan "${x.tujuan}" tidak ada`);
      const row = { ...base(i), rpjmdId, tujuanId, kode: x.kode, uraian: x.uraian };
      sasaran.set(x.kode, row.id);
      rows.add(t.rpjmdSasaran, row);
    });
    r.indikator.forEach((ind, i) => {
      const sasaranId = sasaran.get(ind.sasaran);
      if (!sasaranId) return problem(at('indikator', i, 'sasaran'), `sasaran RPJMD "${ind.sasaran}" tidak ada`);
      const row = { ...base(i), rpjmdId, sasaranId, ...indikatorValues(ind) };
      rows.add(t.indikatorDaerah, row);
      const indikatorDaerahId = row.id;
      targetValues(ind).forEach((v) => rows.add(t.indikatorDaerahTarget, { pemdaId, id: newId(), indikatorDaerahId, ...v }));
      ind.realisasi.forEach((v, j) =>
        rows.add(t.indikatorDaerahRealisasi, { ...base(j), indikatorDaerahId, tahun: v.tahun, nilai: v.nilai, predikat: v.predikat, sumber: v.sumber }),
      );
      ind.pembanding.forEach((v, j) =>
        rows.add(t.indikatorDaerahPembanding, { ...base(j), indikatorDaerahId, tahun: v.tahun, wilayah: v.wilayah, nilai: v.nilai }),
      );
      ind.pengampu.forEach((slug, j) => {
        const opdId = opdIds.get(slug);
        if (!opdId) return problem(at('indikator', i, 'pengampu', j), `OPD "${slug}" tidak ada`);
        rows.add(t.indikatorDaerahPengampu, { pemdaId, indikatorDaerahId, urutan: j, opdId });
      });
    });
  });

  d.opd.forEach((o, oi) => {
    const opdId = opdIds.get(o.slug) ?? newId();
    const at = (...path: Path) => ['opd', oi, ...path];
    rows.add(t.opd, {
      pemdaId,
      id: opdId,
      urutan: oi,
      slug: o.slug,
      nama: o.nama,
      singkatan: o.singkatan,
      alamat: o.alamat,
      telepon: o.telepon,
      email: o.email,
      website: o.website,
      profil: o.profil,
    });

    const unitIds = new Map(o.unit.map((u) => [u.kode, newId()]));
    const unitRef = (kode: string | undefined, path: Path): string | undefined => {
      if (kode === undefined) return undefined;
      const id = unitIds.get(kode);
      if (!id) problem(path, `unit "${kode}" tidak ada`);
      return id;
    };
    // A foreign key cannot see a cycle when all of its rows arrive in one statement.
    unitCycles(o.unit).forEach((i) => problem(at('unit', i, 'induk'), 'unit induk membentuk lingkaran'));
    o.unit.forEach((u, i) =>
      rows.add(t.unit, {
        pemdaId,
        id: unitIds.get(u.kode) ?? newId(),
        urutan: i,
        opdId,
        kode: u.kode,
        nama: u.nama,
        jenis: u.jenis,
        indukId: unitRef(u.induk, at('unit', i, 'induk')),
        tugas: u.tugas,
        fungsi: u.fungsi,
      }),
    );
    o.pejabat.forEach((x, i) => rows.add(t.pejabat, { ...base(i), opdId, ...pejabatValues(x), unitId: unitRef(x.unit, at('pejabat', i, 'unit')) }));
    o.register.forEach((reg, ri) => {
      const registerId = newId();
      rows.add(t.register, {
        pemdaId,
        id: registerId,
        urutan: ri,
        opdId,
        kode: reg.kode,
        nama: reg.nama,
        uraian: reg.uraian,
        preset: reg.preset,
        unitKode: reg.unit,
        kolom: reg.kolom,
        periode: reg.periode,
      });
      reg.baris.forEach((b, i) => rows.add(t.registerBaris, { ...base(i), registerId, kode: b.id, nilai: b.nilai, keterangan: b.keterangan }));
      reg.totalImpor.forEach((x, i) =>
        rows.add(t.registerTotal, {
          ...base(i),
          registerId,
          kode: x.id,
          tahun: x.tahun,
          bulanDari: x.bulanDari,
          bulanSampai: x.bulanSampai,
          nilai: x.nilai,
          keterangan: x.keterangan,
        }),
      );
    });

    o.renstra.forEach((r, ri) => {
      const renstraRow = { ...base(ri), opdId, periodeAwal: r.periodeAwal, periodeAkhir: r.periodeAkhir, nomorDokumen: r.nomorDokumen };
      rows.add(t.renstra, renstraRow);
      const renstraId = renstraRow.id;
      const tujuanIds = new Map<string, string>();
      const sasaranIds = new Map<string, string>();
      const indikatorIds = new Map<string, string>();
      const addIndikator = (ind: IndikatorData, urutan: number, owner: { tujuanId: string } | { sasaranId: string }) => {
        const row = { ...base(urutan), renstraId, ...owner, ...indikatorValues(ind) };
        indikatorIds.set(ind.kode, row.id);
        rows.add(t.indikator, row);
        if (ind.rumus) rows.add(t.indikatorRumus, { pemdaId, id: newId(), urutan: 0, indikatorId: row.id, rumus: ind.rumus });
        targetValues(ind).forEach((v) => rows.add(t.indikatorTarget, { pemdaId, id: newId(), indikatorId: row.id, ...v }));
      };
      r.tujuan.forEach((x, i) => {
        const row = { ...base(i), renstraId, kode: x.kode, uraian: x.uraian, rpjmdTujuanKode: x.rpjmdTujuan };
        tujuanIds.set(x.kode, row.id);
        rows.add(t.tujuan, row);
        x.indikator.forEach((ind, j) => addIndikator(ind, j, { tujuanId: row.id }));
      });
      r.sasaran.forEach((x, i) => {
        const tujuanId = tujuanIds.get(x.tujuan);
        if (!tujuanId) return problem(at('renstra', ri, 'sasaran', i, 'tujuan'), `tujuan "${x.tujuan}" tidak ada`);
        const row = { ...base(i), renstraId, tujuanId, kode: x.kode, nomor: x.nomor, uraian: x.uraian, rpjmdSasaranKode: x.rpjmdSasaran };
        sasaranIds.set(x.kode, row.id);
        rows.add(t.sasaran, row);
        x.indikator.forEach((ind, j) => addIndikator(ind, j, { sasaranId: row.id }));
      });
      r.iku.forEach((v, vi) => {
        const versiRow = { ...base(vi), renstraId, versi: v.versi, nama: v.nama, nomorDokumen: v.nomorDokumen, tanggal: v.tanggal };
        rows.add(t.ikuVersi, versiRow);
        v.baris.forEach((b, bi) => {
          const path = at('renstra', ri, 'iku', vi, 'baris', bi);
          const sasaranId = sasaranIds.get(b.sasaran);
          if (!sasaranId) return problem([...path, 'sasaran'], `sasaran "${b.sasaran}" tidak ada di Renstra ini`);
          const indikatorId = b.indikator === undefined ? undefined : indikatorIds.get(b.indikator);
          if (b.indikator !== undefined && !indikatorId) return problem([...path, 'indikator'], `indikator "${b.indikator}" tidak ada di Renstra ini`);
          rows.add(t.ikuBaris, {
            ...base(bi),
            renstraId,
            ikuVersiId: versiRow.id,
            sasaranId,
            indikatorId,
            nama: b.nama,
            formula: b.formula,
            sumberData: b.sumberData,
            penanggungJawab: b.penanggungJawab,
          });
        });
      });
    });

    o.tahun.forEach((y, yi) => {
      const tahunRow = { ...base(yi), opdId, tahun: y.tahun, lkjip: y.lkjip, narasi: y.narasi };
      rows.add(t.tahunOpd, tahunRow);
      const tahunOpdId = tahunRow.id;
      const ofYear = (i: number) => ({ ...base(i), tahunOpdId });
      const atYear = (...path: Path) => at('tahun', yi, ...path);

      y.renja.forEach((r, ri) => {
        const versiRow = { ...base(ri), opdId, tahunOpdId, versi: r.versi, nama: r.nama, tanggal: r.tanggal, sumber: r.sumber };
        rows.add(t.renjaVersi, versiRow);
        const renjaVersiId = versiRow.id;
        const nodes = new Map(r.node.map((n) => [n.kode, { id: newId(), level: n.level }]));
        r.node.forEach((n, i) => {
          const path = atYear('renja', ri, 'node', i);
          const self = nodes.get(n.kode);
          if (!self) return;
          const induk = n.induk === undefined ? undefined : nodes.get(n.induk);
          if (n.induk !== undefined && !induk) return problem([...path, 'induk'], `induk "${n.induk}" tidak ada`);
          if (induk && !PARENT_LEVELS[n.level].includes(induk.level)) {
            return problem([...path, 'induk'], `${n.level} tidak boleh berinduk ${induk.level} ("${n.induk}")`);
          }
          rows.add(t.renjaNode, {
            pemdaId,
            id: self.id,
            urutan: i,
            opdId,
            renjaVersiId,
            kode: n.kode,
            level: n.level,
            indukId: induk?.id,
            indukLevel: induk?.level,
            nama: n.nama,
            lokasi: n.lokasi,
            pagu: n.pagu,
            sumberDana: n.sumberDana,
            unitId: unitRef(n.unit, [...path, 'unit']),
            catatan: n.catatan,
          });
          n.sasaran.forEach((kode, j) => rows.add(t.renjaNodeSasaran, { pemdaId, renjaNodeId: self.id, urutan: j, sasaranKode: kode }));
          n.indikator.forEach((ind, j) =>
            rows.add(t.renjaIndikator, {
              ...base(j),
              renjaVersiId,
              renjaNodeId: self.id,
              kode: ind.kode,
              nama: ind.nama,
              target: ind.target,
              targetTeks: ind.targetTeks,
              satuan: ind.satuan,
              targetRenstra: ind.targetRenstra,
              polaritas: ind.polaritas,
            }),
          );
        });
      });

      y.anggaran.forEach((a, ai) => {
        const versiRow = { ...ofYear(ai), versi: a.versi, tanggal: a.tanggal, sumber: a.sumber };
        rows.add(t.anggaranVersi, versiRow);
        const anggaranVersiId = versiRow.id;
        a.baris.forEach((b, i) => rows.add(t.anggaranBaris, { ...base(i), anggaranVersiId, kode: b.kode, pagu: b.pagu, realisasi: b.realisasi }));
        a.kelompok.forEach((k, i) =>
          rows.add(t.anggaranKelompok, { ...base(i), anggaranVersiId, kelompok: k.kelompok, pagu: k.pagu, realisasi: k.realisasi }),
        );
      });

      y.pk.forEach((x, pi) => {
        const pkRow = {
          ...ofYear(pi),
          versi: x.versi,
          nama: x.nama,
          tanggal: x.tanggal,
          tempat: x.tempat,
          pihakPertamaNama: x.pihakPertama.nama,
          pihakPertamaJabatan: x.pihakPertama.jabatan,
          pihakPertamaNip: x.pihakPertama.nip,
          pihakPertamaPangkat: x.pihakPertama.pangkat,
          pihakKeduaNama: x.pihakKedua.nama,
          pihakKeduaJabatan: x.pihakKedua.jabatan,
          pihakKeduaNip: x.pihakKedua.nip,
          pihakKeduaPangkat: x.pihakKedua.pangkat,
        };
        rows.add(t.pk, pkRow);
        const pkId = pkRow.id;
        x.kinerja.forEach((k, i) =>
          rows.add(t.pkKinerja, { ...base(i), pkId, sasaranKode: k.sasaran, indikatorKode: k.indikator, target: k.target, targetTeks: k.targetTeks }),
        );
        x.anggaran.forEach((k, i) =>
          rows.add(t.pkAnggaran, { ...base(i), pkId, programKode: k.program, kegiatanKode: k.kegiatan, pagu: k.pagu, sumberDana: k.sumberDana }),
        );
        x.penjelasan.forEach((k, i) =>
          rows.add(t.pkPenjelasan, {
            ...base(i),
            pkId,
            indikatorKode: k.indikator,
            uraianSasaran: k.uraianSasaran,
            relevansi: k.relevansi,
            formulasi: k.formulasi,
            sumberData: k.sumberData,
            penjelasanTarget: k.penjelasanTarget,
          }),
        );
      });

      y.rencanaAksi.forEach((x, i) => rows.add(t.rencanaAksi, { ...ofYear(i), indikatorKode: x.indikator, triwulan: x.triwulan, target: x.target }));
      y.realisasi.forEach((x, i) =>
        rows.add(t.realisasi, {
          ...ofYear(i),
          indikatorKode: x.indikator,
          triwulan: x.triwulan,
          nilai: x.nilai,
          pembilang: x.pembilang,
          penyebut: x.penyebut,
          predikat: x.predikat,
          keterangan: x.keterangan,
          bukti: x.bukti,
          status: x.status,
        }),
      );
      y.ikk.forEach((x, i) =>
        rows.add(t.ikk, {
          ...ofYear(i),
          nomor: x.nomor,
          nama: x.nama,
          pembilangNama: x.pembilangNama,
          pembilang: x.pembilang,
          penyebutNama: x.penyebutNama,
          penyebut: x.penyebut,
          pengali: x.pengali,
          satuan: x.satuan,
          hasilTerbit: x.hasilTerbit,
          sumber: x.sumber,
        }),
      );
      y.sdgs.forEach((x, i) =>
        rows.add(t.sdgs, {
          ...ofYear(i),
          nomor: x.nomor,
          tujuanSdgs: x.tujuanSdgs,
          subKegiatanKode: x.subKegiatan,
          target: x.target,
          realisasi: x.realisasi,
          satuan: x.satuan,
          sumber: x.sumber,
        }),
      );
      y.tindakLanjut.forEach((x, i) =>
        rows.add(t.tindakLanjut, { ...ofYear(i), rekomendasi: x.rekomendasi, tindakLanjut: x.tindakLanjut, tahunEvaluasi: x.tahunEvaluasi }),
      );
      y.penghargaan.forEach((x, i) => rows.add(t.penghargaan, { ...ofYear(i), nama: x.nama, pemberi: x.pemberi, tanggal: x.tanggal }));
    });
  });

  if (problems.length > 0) throw new DatasetError(problems);
  return rows;
}

function pejabatValues(x: z.infer<typeof Pejabat>) {
  return { nama: x.nama, nip: x.nip, pangkat: x.pangkat, jabatan: x.jabatan, mulai: x.mulai, selesai: x.selesai };
}

function indikatorValues(ind: IndikatorData) {
  return {
    kode: ind.kode,
    nama: ind.nama,
    satuan: ind.satuan,
    polaritas: ind.polaritas,
    agregasi: ind.agregasi,
    desimal: ind.desimal,
    formulaTeks: ind.formula?.teks,
    formulaPembilang: ind.formula?.pembilang,
    formulaPenyebut: ind.formula?.penyebut,
    formulaPengali: ind.formula?.pengali,
    sumberData: ind.sumberData,
    penanggungJawab: ind.penanggungJawab,
    iku: ind.iku,
  };
}

type NilaiTahunData = NonNullable<IndikatorData['baseline']>;
type JenisNilai = (typeof t.jenisNilaiEnum.enumValues)[number];

function targetValues(ind: IndikatorData): Array<{ jenis: JenisNilai; urutan: number } & NilaiTahunData> {
  return [
    ...(ind.baseline ? [{ jenis: 'baseline' as const, urutan: 0, ...ind.baseline }] : []),
    ...ind.target.map((v, i) => ({ jenis: 'target' as const, urutan: i, ...v })),
    ...(ind.targetAkhir ? [{ jenis: 'akhir' as const, urutan: 0, ...ind.targetAkhir }] : []),
  ];
}

/** Indexes of the units whose chain of induk comes back to them. */
function unitCycles(units: ReadonlyArray<{ kode: string; induk?: string | undefined }>): number[] {
  const index = new Map(units.map((u, i) => [u.kode, i]));
  const parentOf = (i: number) => {
    const induk = units[i]?.induk;
    return induk === undefined ? undefined : index.get(induk);
  };
  return units.flatMap((_, i) => {
    const seen = new Set<number>();
    for (let p = parentOf(i); p !== undefined; p = parentOf(p)) {
      if (p === i) return [i];
      if (seen.has(p)) return [];
      seen.add(p);
    }
    return [];
  });
}

/**
 * Drizzle wraps driver errors in a message holding the whole batch statement. When the
 * database refuses the data itself (SQLSTATE class 22: a value it cannot store, such as a
 * NUL character or 2023-02-30; class 23: a violated constraint), what matters is which
 * rule and which values.
 */
function asDataError(e: unknown): DatasetError | undefined {
  const cause = findDriverError(e);
  if (!cause || !(cause.code.startsWith('22') || cause.code.startsWith('23'))) return undefined;
  const error = new DatasetError([
    { path: '', message: `basis data menolak ${cause.table ? `baris ${cause.table}` : 'data'}: ${cause.message}${cause.detail ? ` (${cause.detail})` : ''}` },
  ]);
  error.cause = e;
  return error;
}

interface DriverError {
  code: string;
  message: string;
  table?: string;
  detail?: string;
}

function findDriverError(e: unknown): DriverError | undefined {
  for (let current = e, hops = 0; current instanceof Error && hops < 5; current = current.cause, hops++) {
    const fields = current as Error & Partial<Record<'code' | 'table' | 'detail', unknown>>;
    const g = galatBasisData(current);
    if (g && typeof fields.code === 'string') {
      return {
        // Read through galatBasisData: on Citus a worker's violation arrives as XX000 with shard-named constraints.
        code: g.code,
        message: current.message.replace(/"(\w+?)_\d{6,}"/g, '"$1"'),
        table: g.table,
        detail: typeof fields.detail === 'string' ? fields.detail : undefined,
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- load

/** Reads a pemda's dataset back, in the order it was saved; undefined when the slug is unknown. */
export async function loadDataset(db: Db, pemdaSlug: string): Promise<Dataset | undefined> {
  // One snapshot for all the per-table reads, so a concurrent save is seen entirely or not at all.
  return db.transaction(
    async (tx) => {
      const [p] = await tx.select().from(t.pemda).where(eq(t.pemda.slug, pemdaSlug));
      if (!p) return undefined;
      return assemble(p, await readAll(tx, p.id));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * The dataset of a pemda restricted to one OPD: the pemda's own data (settings, officials,
 * RPJMD and its indicators) and everything of that OPD, all years, and none of the other
 * OPDs. Every figure about the OPD (capaian, anggaran, checks, the LKJIP) comes out the same as
 * from the whole dataset, for a fraction of the rows (1/40 in a kabupaten). Undefined when the
 * pemda or the OPD does not exist. With `tahun`, only those years of the OPD (e.g. the year and
 * the one before): the read model of one OPD-year, in the same fixed number of queries whatever
 * the years held.
 */
export async function loadDatasetOpd(db: Db, pemdaSlug: string, opdSlug: string, tahun?: readonly number[]): Promise<Dataset | undefined> {
  return db.transaction(
    async (tx) => {
      const [p] = await tx.select().from(t.pemda).where(eq(t.pemda.slug, pemdaSlug));
      if (!p) return undefined;
      const [o] = await tx
        .select({ id: t.opd.id })
        .from(t.opd)
        .where(and(eq(t.opd.pemdaId, p.id), eq(t.opd.slug, opdSlug)));
      if (!o) return undefined;
      return assemble(p, await readAll(tx, p.id, filterOpd(p.id, o.id, tahun)));
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Extra WHERE conditions per table that keep one OPD's rows (and years); tables not listed are the pemda's own. */
type FilterTabel = (table: TenantTable) => SQL | undefined;

function filterOpd(pemdaId: string, opdId: string, tahun?: readonly number[]): FilterTabel {
  const diTahun = tahun === undefined ? sql`` : sql` and ${t.tahunOpd.tahun} in (${sql.join(tahun.map((y) => sql`${y}`), sql`, `)})`;
  const tahunOpd = sql`(select id from ${t.tahunOpd} where ${t.tahunOpd.pemdaId} = ${pemdaId} and ${t.tahunOpd.opdId} = ${opdId}${diTahun})`;
  const renstra = sql`(select id from ${t.renstra} where ${t.renstra.pemdaId} = ${pemdaId} and ${t.renstra.opdId} = ${opdId})`;
  const renjaVersi = sql`(select id from ${t.renjaVersi} where ${t.renjaVersi.pemdaId} = ${pemdaId} and ${t.renjaVersi.tahunOpdId} in ${tahunOpd})`;
  const renjaNode = sql`(select id from ${t.renjaNode} where ${t.renjaNode.pemdaId} = ${pemdaId} and ${t.renjaNode.renjaVersiId} in ${renjaVersi})`;
  const anggaranVersi = sql`(select id from ${t.anggaranVersi} where ${t.anggaranVersi.pemdaId} = ${pemdaId} and ${t.anggaranVersi.tahunOpdId} in ${tahunOpd})`;
  const pk = sql`(select id from ${t.pk} where ${t.pk.pemdaId} = ${pemdaId} and ${t.pk.tahunOpdId} in ${tahunOpd})`;
  const register = sql`(select id from ${t.register} where ${t.register.pemdaId} = ${pemdaId} and ${t.register.opdId} = ${opdId})`;
  const byOpd = new Map<TenantTable, SQL>([
    [t.opd, sql`${t.opd.id} = ${opdId}`],
    [t.indikatorDaerahPengampu, sql`${t.indikatorDaerahPengampu.opdId} = ${opdId}`],
    [t.unit, sql`${t.unit.opdId} = ${opdId}`],
    [t.pejabat, sql`${t.pejabat.opdId} = ${opdId}`],
    [t.renstra, sql`${t.renstra.opdId} = ${opdId}`],
    [t.tujuan, sql`${t.tujuan.renstraId} in ${renstra}`],
    [t.sasaran, sql`${t.sasaran.renstraId} in ${renstra}`],
    [t.indikator, sql`${t.indikator.renstraId} in ${renstra}`],
    [
      t.indikatorTarget,
      sql`${t.indikatorTarget.indikatorId} in (select id from ${t.indikator} where ${t.indikator.pemdaId} = ${pemdaId} and ${t.indikator.renstraId} in ${renstra})`,
    ],
    [t.ikuVersi, sql`${t.ikuVersi.renstraId} in ${renstra}`],
    [t.ikuBaris, sql`${t.ikuBaris.renstraId} in ${renstra}`],
    [t.tahunOpd, sql`${t.tahunOpd.opdId} = ${opdId}${diTahun}`],
    [t.renjaVersi, sql`${t.renjaVersi.opdId} = ${opdId} and ${t.renjaVersi.tahunOpdId} in ${tahunOpd}`],
    [t.renjaNode, sql`${t.renjaNode.opdId} = ${opdId} and ${t.renjaNode.renjaVersiId} in ${renjaVersi}`],
    [t.renjaNodeSasaran, sql`${t.renjaNodeSasaran.renjaNodeId} in ${renjaNode}`],
    [t.renjaIndikator, sql`${t.renjaIndikator.renjaVersiId} in ${renjaVersi}`],
    [t.anggaranVersi, sql`${t.anggaranVersi.tahunOpdId} in ${tahunOpd}`],
    [t.anggaranBaris, sql`${t.anggaranBaris.anggaranVersiId} in ${anggaranVersi}`],
    [t.anggaranKelompok, sql`${t.anggaranKelompok.anggaranVersiId} in ${anggaranVersi}`],
    [t.pk, sql`${t.pk.tahunOpdId} in ${tahunOpd}`],
    [t.pkKinerja, sql`${t.pkKinerja.pkId} in ${pk}`],
    [t.pkAnggaran, sql`${t.pkAnggaran.pkId} in ${pk}`],
    [t.pkPenjelasan, sql`${t.pkPenjelasan.pkId} in ${pk}`],
    [t.rencanaAksi, sql`${t.rencanaAksi.tahunOpdId} in ${tahunOpd}`],
    [t.realisasi, sql`${t.realisasi.tahunOpdId} in ${tahunOpd}`],
    [t.ikk, sql`${t.ikk.tahunOpdId} in ${tahunOpd}`],
    [t.sdgs, sql`${t.sdgs.tahunOpdId} in ${tahunOpd}`],
    [t.tindakLanjut, sql`${t.tindakLanjut.tahunOpdId} in ${tahunOpd}`],
    [t.penghargaan, sql`${t.penghargaan.tahunOpdId} in ${tahunOpd}`],
    [t.register, sql`${t.register.opdId} = ${opdId}`],
    [t.registerBaris, sql`${t.registerBaris.registerId} in ${register}`],
    [t.registerTotal, sql`${t.registerTotal.registerId} in ${register}`],
    [
      t.indikatorRumus,
      sql`${t.indikatorRumus.indikatorId} in (select id from ${t.indikator} where ${t.indikator.pemdaId} = ${pemdaId} and ${t.indikator.renstraId} in ${renstra})`,
    ],
  ]);
  return (table) => byOpd.get(table);
}

async function readAll(db: Db, pemdaId: string, filter: FilterTabel = () => undefined) {
  const read = <T extends TenantTable>(table: T) => selectAll(db, table, pemdaId, filter(table));
  return {
    pemdaPejabat: await read(t.pemdaPejabat),
    rpjmd: await read(t.rpjmd),
    rpjmdMisi: await read(t.rpjmdMisi),
    rpjmdTujuan: await read(t.rpjmdTujuan),
    rpjmdSasaran: await read(t.rpjmdSasaran),
    indikatorDaerah: await read(t.indikatorDaerah),
    indikatorDaerahTarget: await read(t.indikatorDaerahTarget),
    indikatorDaerahRealisasi: await read(t.indikatorDaerahRealisasi),
    indikatorDaerahPembanding: await read(t.indikatorDaerahPembanding),
    opd: await read(t.opd),
    indikatorDaerahPengampu: await read(t.indikatorDaerahPengampu),
    unit: await read(t.unit),
    pejabat: await read(t.pejabat),
    renstra: await read(t.renstra),
    tujuan: await read(t.tujuan),
    sasaran: await read(t.sasaran),
    indikator: await read(t.indikator),
    indikatorTarget: await read(t.indikatorTarget),
    ikuVersi: await read(t.ikuVersi),
    ikuBaris: await read(t.ikuBaris),
    tahunOpd: await read(t.tahunOpd),
    renjaVersi: await read(t.renjaVersi),
    renjaNode: await read(t.renjaNode),
    renjaNodeSasaran: await read(t.renjaNodeSasaran),
    renjaIndikator: await read(t.renjaIndikator),
    anggaranVersi: await read(t.anggaranVersi),
    anggaranBaris: await read(t.anggaranBaris),
    anggaranKelompok: await read(t.anggaranKelompok),
    pk: await read(t.pk),
    pkKinerja: await read(t.pkKinerja),
    pkAnggaran: await read(t.pkAnggaran),
    pkPenjelasan: await read(t.pkPenjelasan),
    rencanaAksi: await read(t.rencanaAksi),
    realisasi: await read(t.realisasi),
    ikk: await read(t.ikk),
    sdgs: await read(t.sdgs),
    tindakLanjut: await read(t.tindakLanjut),
    penghargaan: await read(t.penghargaan),
    register: await read(t.register),
    registerBaris: await read(t.registerBaris),
    registerTotal: await read(t.registerTotal),
    indikatorRumus: await read(t.indikatorRumus),
  };
}

async function selectAll<T extends TenantTable>(db: Db, table: T, pemdaId: string, extra?: SQL): Promise<Array<T['$inferSelect']>> {
  // Sorting by urutan alone is enough: grouping by parent keeps that order within each parent.
  // Widened so that TypeScript does not evaluate the select type for a generic table.
  const source: PgTable = table;
  const where = extra ? and(eq(table.pemdaId, pemdaId), extra) : eq(table.pemdaId, pemdaId);
  const rows: unknown = await db.select().from(source).where(where).orderBy(asc(table.urutan));
  return rows as Array<T['$inferSelect']>;
}

type Selected<T extends PgTable> = T['$inferSelect'];
type Loaded = Awaited<ReturnType<typeof readAll>>;

function groupBy<R>(rows: R[], key: (row: R) => string | null): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function childrenOf<R>(groups: Map<string, R[]>, id: string): R[] {
  return groups.get(id) ?? [];
}

/** `{ key: value }` when the column holds a value, `{}` when it is NULL: the dataset omits absent fields. */
function opt<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A value the schema's constraints guarantee; its absence means the database was changed outside SIKIPER. */
function required<V>(value: V | null | undefined, what: string): V {
  if (value === null || value === undefined) throw new Error(`data rusak: ${what} kosong`);
  return value;
}

function triwulanOf(n: number): NonNullable<RealisasiData['triwulan']> {
  if (n === 1 || n === 2 || n === 3 || n === 4) return n;
  throw new Error(`data rusak: triwulan ${n}`);
}

function pejabatOf(r: Selected<typeof t.pejabat> | Selected<typeof t.pemdaPejabat>, unit: string | null) {
  return {
    nama: r.nama,
    ...opt('nip', r.nip),
    ...opt('pangkat', r.pangkat),
    jabatan: r.jabatan,
    ...opt('unit', unit),
    ...opt('mulai', r.mulai),
    ...opt('selesai', r.selesai),
  };
}

type IndikatorRow = Selected<typeof t.indikator> | Selected<typeof t.indikatorDaerah>;
type TargetRow = Selected<typeof t.indikatorTarget> | Selected<typeof t.indikatorDaerahTarget>;

function nilaiTahunOf(v: { tahun: number; nilai: number; predikat: string | null }): NilaiTahunData {
  return { tahun: v.tahun, nilai: v.nilai, ...opt('predikat', v.predikat) };
}

function indikatorOf(r: IndikatorRow, values: TargetRow[], rumus?: IndikatorData['rumus']): IndikatorData {
  const baseline = values.find((v) => v.jenis === 'baseline');
  const akhir = values.find((v) => v.jenis === 'akhir');
  return {
    kode: r.kode,
    nama: r.nama,
    satuan: r.satuan,
    polaritas: r.polaritas,
    agregasi: r.agregasi,
    desimal: r.desimal,
    ...(r.formulaTeks === null
      ? {}
      : {
          formula: {
            teks: r.formulaTeks,
            ...opt('pembilang', r.formulaPembilang),
            ...opt('penyebut', r.formulaPenyebut),
            pengali: required(r.formulaPengali, `pengali formula indikator ${r.kode}`),
          },
        }),
    ...(rumus ? { rumus } : {}),
    ...opt('sumberData', r.sumberData),
    penanggungJawab: r.penanggungJawab,
    iku: r.iku,
    ...(baseline ? { baseline: nilaiTahunOf(baseline) } : {}),
    target: values.filter((v) => v.jenis === 'target').map(nilaiTahunOf),
    ...(akhir ? { targetAkhir: nilaiTahunOf(akhir) } : {}),
  };
}

function assemble(p: Selected<typeof t.pemda>, r: Loaded): Dataset {
  const kodeOf = <R extends { id: string; kode: string }>(rows: R[]) => new Map(rows.map((x) => [x.id, x.kode]));
  const opdSlug = new Map(r.opd.map((o) => [o.id, o.slug]));
  const unitKode = kodeOf(r.unit);
  const misiKode = kodeOf(r.rpjmdMisi);
  const rpjmdTujuanKode = kodeOf(r.rpjmdTujuan);
  const rpjmdSasaranKode = kodeOf(r.rpjmdSasaran);
  const tujuanKode = kodeOf(r.tujuan);
  const sasaranKode = kodeOf(r.sasaran);
  const indikatorKode = kodeOf(r.indikator);
  const nodeKode = kodeOf(r.renjaNode);
  const lookup = (map: Map<string, string>, id: string | null, what: string): string | null =>
    id === null ? null : required(map.get(id), `${what} ${id}`);

  const byRpjmd = {
    misi: groupBy(r.rpjmdMisi, (x) => x.rpjmdId),
    tujuan: groupBy(r.rpjmdTujuan, (x) => x.rpjmdId),
    sasaran: groupBy(r.rpjmdSasaran, (x) => x.rpjmdId),
    indikator: groupBy(r.indikatorDaerah, (x) => x.rpjmdId),
  };
  const byIndikatorDaerah = {
    target: groupBy(r.indikatorDaerahTarget, (x) => x.indikatorDaerahId),
    realisasi: groupBy(r.indikatorDaerahRealisasi, (x) => x.indikatorDaerahId),
    pembanding: groupBy(r.indikatorDaerahPembanding, (x) => x.indikatorDaerahId),
    pengampu: groupBy(r.indikatorDaerahPengampu, (x) => x.indikatorDaerahId),
  };
  const rumusByIndikator = new Map(r.indikatorRumus.map((x) => [x.indikatorId, x.rumus]));
  const barisByRegister = groupBy(r.registerBaris, (x) => x.registerId);
  const totalByRegister = groupBy(r.registerTotal, (x) => x.registerId);
  const byOpd = {
    register: groupBy(r.register, (x) => x.opdId),
    unit: groupBy(r.unit, (x) => x.opdId),
    pejabat: groupBy(r.pejabat, (x) => x.opdId),
    renstra: groupBy(r.renstra, (x) => x.opdId),
    tahun: groupBy(r.tahunOpd, (x) => x.opdId),
  };
  const byRenstra = {
    tujuan: groupBy(r.tujuan, (x) => x.renstraId),
    sasaran: groupBy(r.sasaran, (x) => x.renstraId),
    iku: groupBy(r.ikuVersi, (x) => x.renstraId),
  };
  const indikatorByTujuan = groupBy(r.indikator, (x) => x.tujuanId);
  const indikatorBySasaran = groupBy(r.indikator, (x) => x.sasaranId);
  const targetByIndikator = groupBy(r.indikatorTarget, (x) => x.indikatorId);
  const ikuBarisByVersi = groupBy(r.ikuBaris, (x) => x.ikuVersiId);
  const byTahun = {
    renja: groupBy(r.renjaVersi, (x) => x.tahunOpdId),
    anggaran: groupBy(r.anggaranVersi, (x) => x.tahunOpdId),
    pk: groupBy(r.pk, (x) => x.tahunOpdId),
    rencanaAksi: groupBy(r.rencanaAksi, (x) => x.tahunOpdId),
    realisasi: groupBy(r.realisasi, (x) => x.tahunOpdId),
    ikk: groupBy(r.ikk, (x) => x.tahunOpdId),
    sdgs: groupBy(r.sdgs, (x) => x.tahunOpdId),
    tindakLanjut: groupBy(r.tindakLanjut, (x) => x.tahunOpdId),
    penghargaan: groupBy(r.penghargaan, (x) => x.tahunOpdId),
  };
  const nodeByVersi = groupBy(r.renjaNode, (x) => x.renjaVersiId);
  const sasaranByNode = groupBy(r.renjaNodeSasaran, (x) => x.renjaNodeId);
  const indikatorByNode = groupBy(r.renjaIndikator, (x) => x.renjaNodeId);
  const byAnggaran = { baris: groupBy(r.anggaranBaris, (x) => x.anggaranVersiId), kelompok: groupBy(r.anggaranKelompok, (x) => x.anggaranVersiId) };
  const byPk = {
    kinerja: groupBy(r.pkKinerja, (x) => x.pkId),
    anggaran: groupBy(r.pkAnggaran, (x) => x.pkId),
    penjelasan: groupBy(r.pkPenjelasan, (x) => x.pkId),
  };

  const indikatorDaerahOf = (x: Selected<typeof t.indikatorDaerah>): IndikatorDaerahData => ({
    ...indikatorOf(x, childrenOf(byIndikatorDaerah.target, x.id)),
    sasaran: required(rpjmdSasaranKode.get(x.sasaranId), `sasaran RPJMD ${x.sasaranId}`),
    pengampu: childrenOf(byIndikatorDaerah.pengampu, x.id).map((g) => required(opdSlug.get(g.opdId), `OPD ${g.opdId}`)),
    realisasi: childrenOf(byIndikatorDaerah.realisasi, x.id).map((v) => ({ ...nilaiTahunOf(v), ...opt('sumber', v.sumber) })),
    pembanding: childrenOf(byIndikatorDaerah.pembanding, x.id).map((v) => ({ tahun: v.tahun, wilayah: v.wilayah, nilai: v.nilai })),
  });

  return {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    pemda: {
      slug: p.slug,
      nama: p.nama,
      jenis: p.jenis,
      ...opt('provinsi', p.provinsi),
      ...opt('ibukota', p.ibukota),
      pejabat: r.pemdaPejabat.map((x) => pejabatOf(x, x.unitKode)),
      pengaturan: p.pengaturan,
      rpjmd: r.rpjmd.map((x) => ({
        periodeAwal: x.periodeAwal,
        periodeAkhir: x.periodeAkhir,
        ...opt('nomorDokumen', x.nomorDokumen),
        visi: x.visi,
        misi: childrenOf(byRpjmd.misi, x.id).map((m) => ({ kode: m.kode, nomor: m.nomor, uraian: m.uraian })),
        tujuan: childrenOf(byRpjmd.tujuan, x.id).map((m) => ({
          kode: m.kode,
          misi: required(misiKode.get(m.misiId), `misi ${m.misiId}`),
          uraian: m.uraian,
        })),
        sasaran: childrenOf(byRpjmd.sasaran, x.id).map((m) => ({
          kode: m.kode,
          tujuan: required(rpjmdTujuanKode.get(m.tujuanId), `tujuan RPJMD ${m.tujuanId}`),
          uraian: m.uraian,
        })),
        indikator: childrenOf(byRpjmd.indikator, x.id).map(indikatorDaerahOf),
      })),
    },
    opd: r.opd.map((o) => ({
      slug: o.slug,
      nama: o.nama,
      ...opt('singkatan', o.singkatan),
      ...opt('alamat', o.alamat),
      ...opt('telepon', o.telepon),
      ...opt('email', o.email),
      ...opt('website', o.website),
      ...opt('profil', o.profil),
      unit: childrenOf(byOpd.unit, o.id).map((u) => ({
          kode: u.kode,
          nama: u.nama,
          jenis: u.jenis,
          ...opt('induk', lookup(unitKode, u.indukId, 'unit')),
          ...opt('tugas', u.tugas),
          fungsi: u.fungsi,
        })),
      pejabat: childrenOf(byOpd.pejabat, o.id).map((x) => pejabatOf(x, lookup(unitKode, x.unitId, 'unit'))),
      renstra: childrenOf(byOpd.renstra, o.id).map((rs) => ({
        periodeAwal: rs.periodeAwal,
        periodeAkhir: rs.periodeAkhir,
        ...opt('nomorDokumen', rs.nomorDokumen),
        tujuan: childrenOf(byRenstra.tujuan, rs.id).map((x) => ({
          kode: x.kode,
          uraian: x.uraian,
          ...opt('rpjmdTujuan', x.rpjmdTujuanKode),
          indikator: childrenOf(indikatorByTujuan, x.id).map((i) => indikatorOf(i, childrenOf(targetByIndikator, i.id), rumusByIndikator.get(i.id))),
        })),
        sasaran: childrenOf(byRenstra.sasaran, rs.id).map((x) => ({
          kode: x.kode,
          nomor: x.nomor,
          tujuan: required(tujuanKode.get(x.tujuanId), `tujuan ${x.tujuanId}`),
          uraian: x.uraian,
          ...opt('rpjmdSasaran', x.rpjmdSasaranKode),
          indikator: childrenOf(indikatorBySasaran, x.id).map((i) => indikatorOf(i, childrenOf(targetByIndikator, i.id), rumusByIndikator.get(i.id))),
        })),
        iku: childrenOf(byRenstra.iku, rs.id).map((v) => ({
          versi: v.versi,
          nama: v.nama,
          ...opt('nomorDokumen', v.nomorDokumen),
          ...opt('tanggal', v.tanggal),
          baris: childrenOf(ikuBarisByVersi, v.id).map((b) => ({
            sasaran: required(sasaranKode.get(b.sasaranId), `sasaran ${b.sasaranId}`),
            ...opt('indikator', lookup(indikatorKode, b.indikatorId, 'indikator')),
            nama: b.nama,
            formula: b.formula,
            ...opt('sumberData', b.sumberData),
            ...opt('penanggungJawab', b.penanggungJawab),
          })),
        })),
      })),
      tahun: childrenOf(byOpd.tahun, o.id).map((y) => ({
        tahun: y.tahun,
        renja: childrenOf(byTahun.renja, y.id).map((v) => ({
          versi: v.versi,
          ...opt('nama', v.nama),
          ...opt('tanggal', v.tanggal),
          ...opt('sumber', v.sumber),
          node: childrenOf(nodeByVersi, v.id).map((n) => ({
              kode: n.kode,
              level: n.level,
              ...opt('induk', lookup(nodeKode, n.indukId, 'node Renja')),
              nama: n.nama,
              ...opt('lokasi', n.lokasi),
              indikator: childrenOf(indikatorByNode, n.id).map((i) => ({
                kode: i.kode,
                nama: i.nama,
                ...opt('target', i.target),
                ...opt('targetTeks', i.targetTeks),
                ...opt('satuan', i.satuan),
                ...opt('targetRenstra', i.targetRenstra),
                polaritas: i.polaritas,
              })),
              ...opt('pagu', n.pagu),
              ...opt('sumberDana', n.sumberDana),
              ...opt('unit', lookup(unitKode, n.unitId, 'unit')),
              ...opt('catatan', n.catatan),
              sasaran: childrenOf(sasaranByNode, n.id).map((s) => s.sasaranKode),
            })),
        })),
        anggaran: childrenOf(byTahun.anggaran, y.id).map((a) => ({
          versi: a.versi,
          ...opt('tanggal', a.tanggal),
          ...opt('sumber', a.sumber),
          baris: childrenOf(byAnggaran.baris, a.id).map((b) => ({ kode: b.kode, pagu: b.pagu, realisasi: b.realisasi })),
          kelompok: childrenOf(byAnggaran.kelompok, a.id).map((k) => ({ kelompok: k.kelompok, pagu: k.pagu, realisasi: k.realisasi })),
        })),
        pk: childrenOf(byTahun.pk, y.id).map((x) => ({
          versi: x.versi,
          nama: x.nama,
          ...opt('tanggal', x.tanggal),
          ...opt('tempat', x.tempat),
          pihakPertama: {
            nama: x.pihakPertamaNama,
            jabatan: x.pihakPertamaJabatan,
            ...opt('nip', x.pihakPertamaNip),
            ...opt('pangkat', x.pihakPertamaPangkat),
          },
          pihakKedua: {
            nama: x.pihakKeduaNama,
            jabatan: x.pihakKeduaJabatan,
            ...opt('nip', x.pihakKeduaNip),
            ...opt('pangkat', x.pihakKeduaPangkat),
          },
          kinerja: childrenOf(byPk.kinerja, x.id).map((k) => ({
            sasaran: k.sasaranKode,
            indikator: k.indikatorKode,
            target: k.target,
            ...opt('targetTeks', k.targetTeks),
          })),
          anggaran: childrenOf(byPk.anggaran, x.id).map((k) => ({
            program: k.programKode,
            kegiatan: k.kegiatanKode,
            pagu: k.pagu,
            sumberDana: k.sumberDana,
          })),
          penjelasan: childrenOf(byPk.penjelasan, x.id).map((k) => ({
            indikator: k.indikatorKode,
            uraianSasaran: k.uraianSasaran,
            relevansi: k.relevansi,
            formulasi: k.formulasi,
            sumberData: k.sumberData,
            penjelasanTarget: k.penjelasanTarget,
          })),
        })),
        rencanaAksi: childrenOf(byTahun.rencanaAksi, y.id).map((x) => ({
          indikator: x.indikatorKode,
          triwulan: triwulanOf(x.triwulan),
          target: x.target,
        })),
        realisasi: childrenOf(byTahun.realisasi, y.id).map((x) => ({
          indikator: x.indikatorKode,
          ...(x.triwulan === null ? {} : { triwulan: triwulanOf(x.triwulan) }),
          ...opt('nilai', x.nilai),
          ...opt('pembilang', x.pembilang),
          ...opt('penyebut', x.penyebut),
          ...opt('predikat', x.predikat),
          ...opt('keterangan', x.keterangan),
          bukti: x.bukti,
          status: x.status,
        })),
        ikk: childrenOf(byTahun.ikk, y.id).map((x) => ({
          nomor: x.nomor,
          nama: x.nama,
          pembilangNama: x.pembilangNama,
          pembilang: x.pembilang,
          penyebutNama: x.penyebutNama,
          penyebut: x.penyebut,
          pengali: x.pengali,
          satuan: x.satuan,
          ...opt('hasilTerbit', x.hasilTerbit),
          ...opt('sumber', x.sumber),
        })),
        sdgs: childrenOf(byTahun.sdgs, y.id).map((x) => ({
          nomor: x.nomor,
          tujuanSdgs: x.tujuanSdgs,
          subKegiatan: x.subKegiatanKode,
          target: x.target,
          realisasi: x.realisasi,
          satuan: x.satuan,
          ...opt('sumber', x.sumber),
        })),
        ...opt('narasi', y.narasi),
        tindakLanjut: childrenOf(byTahun.tindakLanjut, y.id).map((x) => ({
          rekomendasi: x.rekomendasi,
          tindakLanjut: x.tindakLanjut,
          ...opt('tahunEvaluasi', x.tahunEvaluasi),
        })),
        penghargaan: childrenOf(byTahun.penghargaan, y.id).map((x) => ({
          nama: x.nama,
          pemberi: x.pemberi,
          ...opt('tanggal', x.tanggal),
        })),
        ...opt('lkjip', y.lkjip),
      })),
      register: childrenOf(byOpd.register, o.id).map((x) => ({
        kode: x.kode,
        nama: x.nama,
        ...opt('uraian', x.uraian),
        ...opt('preset', x.preset),
        ...opt('unit', x.unitKode),
        kolom: x.kolom,
        periode: x.periode,
        baris: childrenOf(barisByRegister, x.id).map((b) => ({ id: b.kode, nilai: b.nilai, ...opt('keterangan', b.keterangan) })),
        totalImpor: childrenOf(totalByRegister, x.id).map((b) => ({
          id: b.kode,
          tahun: b.tahun,
          bulanDari: b.bulanDari,
          bulanSampai: b.bulanSampai,
          nilai: b.nilai,
          keterangan: b.keterangan,
        })),
      })),
    })),
  };
}
