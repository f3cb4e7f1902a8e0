/**
 * Shapes of the plan editor's routes (src/server/routes/rencana.ts, /api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/rencana/…):
 * Renstra and IKU, Renja and pagu, PK versions and their comparison, quarterly targets.
 * Every write sends the `version` it read; money is whole rupiah as a decimal string.
 */
import { z } from 'zod';
import { TahunParams } from './umum.ts';

/** The OPD-year a call of the plan editor, the evaluation or the narrative is about (the path's pemda, opd, tahun). */
export type LingkupTahun = z.output<typeof TahunParams>;

const angka = z.number().refine(Number.isFinite, 'bilangan hingga');
const nonNeg = angka.refine((n) => n >= 0, 'tidak boleh negatif');
const kode = z.string().min(1).max(64).regex(/^[A-Za-z0-9._\-#/]+$/, 'kode tidak sah').describe('kode, di-encode dengan encodeURIComponent');
const rupiah = z.string().regex(/^\d{1,16}$/, 'rupiah bulat tanpa pemisah, mis. "155565000"').describe('rupiah bulat sebagai string (tepat, tanpa pembulatan)');
const tanggal = z.iso.date('tanggal berformat YYYY-MM-DD');
const versionBody = z.number().int().min(0).describe('version yang dibaca klien; beda dengan yang tersimpan → 409');

// ---------------------------------------------------------------- Renstra

export const Polaritas = z.enum(['positif', 'negatif']);
export type Polaritas = z.output<typeof Polaritas>;
export const Agregasi = z.enum(['jumlah', 'akhir', 'rata-rata', 'rasio']);
export type Agregasi = z.output<typeof Agregasi>;
export const NilaiTahun = z.object({ tahun: z.number().int().min(1990).max(2100), nilai: angka });
export type NilaiTahun = z.output<typeof NilaiTahun>;
export const Formula = z.object({
  teks: z.string().max(2000),
  pembilang: z.string().max(1000).nullable(),
  penyebut: z.string().max(1000).nullable(),
  pengali: z.number().positive('pengali harus lebih dari 0'),
});
export type Formula = z.output<typeof Formula>;

export const IndikatorRenstra = z
  .object({
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    polaritas: Polaritas,
    agregasi: Agregasi,
    desimal: z.number().int(),
    iku: z.boolean(),
    formula: Formula.nullable(),
    sumberData: z.string().nullable(),
    penanggungJawab: z.array(z.string()),
    baseline: NilaiTahun.nullable(),
    target: z.array(NilaiTahun),
    targetAkhir: NilaiTahun.nullable().describe('target akhir periode Renstra'),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'IndikatorRenstra' });
export type IndikatorRenstra = z.output<typeof IndikatorRenstra>;

export const PohonRenstra = z.object({
  renstra: z.object({ periodeAwal: z.number().int(), periodeAkhir: z.number().int(), nomorDokumen: z.string().nullable() }),
  tujuan: z.array(
    z.object({
      kode: z.string(),
      uraian: z.string(),
      indikator: z.array(IndikatorRenstra),
      sasaran: z.array(z.object({ kode: z.string(), nomor: z.number().int(), uraian: z.string(), indikator: z.array(IndikatorRenstra) })),
    }),
  ),
  bolehUbah: z.boolean(),
});
export type PohonRenstra = z.output<typeof PohonRenstra>;

export const UbahIndikatorBody = z.object({
  version: versionBody,
  satuan: z.string().trim().min(1, 'satuan wajib diisi').max(64),
  polaritas: Polaritas,
  agregasi: Agregasi,
  formula: Formula.nullable(),
  baseline: NilaiTahun.nullable(),
  target: z.array(NilaiTahun).max(20),
  targetAkhir: NilaiTahun.nullable(),
});
export type UbahIndikatorBody = z.input<typeof UbahIndikatorBody>;

// ---------------------------------------------------------------- Renja

export const IndikatorRenja = z.object({
  kode: z.string(),
  nama: z.string(),
  satuan: z.string().nullable(),
  target: z.number().nullable(),
  targetTeks: z.string().nullable(),
  version: z.number().int(),
});
export type IndikatorRenja = z.output<typeof IndikatorRenja>;
export const NodeRenja = z
  .object({
    kode: z.string(),
    level: z.enum(['urusan', 'bidang-urusan', 'program', 'kegiatan', 'sub-kegiatan']),
    induk: z.string().nullable(),
    nama: z.string(),
    pagu: rupiah.nullable(),
    jumlahAnak: rupiah.nullable().describe('jumlah pagu anak (kegiatan di bawah program, sub kegiatan di bawah kegiatan)'),
    tidakSesuai: z.boolean().describe('jumlah pagu anak tidak sama dengan pagu node ini'),
    indikator: z.array(IndikatorRenja),
    version: z.number().int(),
  })
  .meta({ id: 'NodeRenja' });
export type NodeRenja = z.output<typeof NodeRenja>;
export const PohonRenja = z.object({
  versi: z.object({ versi: z.enum(['murni', 'perubahan']), nama: z.string().nullable(), tanggal: z.string().nullable() }),
  node: z.array(NodeRenja),
  totalPagu: rupiah,
  bolehUbah: z.boolean(),
});
export type PohonRenja = z.output<typeof PohonRenja>;

export const UbahPaguBody = z.object({ version: versionBody, pagu: rupiah.nullable() });
export type UbahPaguBody = z.input<typeof UbahPaguBody>;
export const UbahTargetRenjaBody = z.object({ version: versionBody, target: nonNeg.nullable(), targetTeks: z.string().max(200).nullable().optional() });
export type UbahTargetRenjaBody = z.input<typeof UbahTargetRenjaBody>;

// ---------------------------------------------------------------- PK

export const RingkasPk = z.object({
  versi: z.number().int(),
  nama: z.string(),
  tanggal: z.string().nullable(),
  terkini: z.boolean().describe('versi terakhir: dipakai untuk capaian dan satu-satunya yang dapat diubah'),
  jumlahKinerja: z.number().int(),
  version: z.number().int(),
});
export type RingkasPk = z.output<typeof RingkasPk>;
export const DaftarPk = z.object({ versi: z.array(RingkasPk), bolehUbah: z.boolean() });
export type DaftarPk = z.output<typeof DaftarPk>;
export const KinerjaPk = z.object({
  sasaran: z.string(),
  indikator: z.string(),
  nama: z.string().nullable(),
  satuan: z.string().nullable(),
  target: z.number(),
  targetTeks: z.string().nullable(),
  version: z.number().int(),
});
export type KinerjaPk = z.output<typeof KinerjaPk>;
export const DetailPk = RingkasPk.extend({
  tempat: z.string().nullable(),
  bolehUbah: z.boolean(),
  kinerja: z.array(KinerjaPk),
  anggaran: z.array(z.object({ program: z.string(), kegiatan: z.string(), pagu: rupiah, sumberDana: z.string() })),
  penjelasan: z.array(z.object({ indikator: z.string(), formulasi: z.string(), penjelasanTarget: z.string() })),
}).meta({ id: 'DetailPk' });
export type DetailPk = z.output<typeof DetailPk>;

const InfoPk = z.object({ versi: z.number().int(), nama: z.string(), tanggal: z.string().nullable() });
export const BandingPk = z
  .object({
    a: InfoPk,
    b: InfoPk,
    baris: z.array(
      z.object({
        sasaran: z.string(),
        indikator: z.string(),
        nama: z.string().nullable(),
        satuan: z.string().nullable(),
        targetA: z.number().nullable(),
        targetTeksA: z.string().nullable(),
        targetB: z.number().nullable(),
        targetTeksB: z.string().nullable(),
        berubah: z.boolean(),
      }),
    ),
    jumlahBerubah: z.number().int(),
  })
  .meta({ id: 'BandingPk' });
export type BandingPk = z.output<typeof BandingPk>;
export const BandingPkQuery = z.object({ a: z.coerce.number().int().min(0), b: z.coerce.number().int().min(0) });

export const BuatRevisiPkBody = z.object({
  dari: z.number().int().min(0),
  version: versionBody,
  nama: z.string().trim().min(1, 'nama versi wajib diisi').max(200),
  tanggal: tanggal.nullable(),
});
export type BuatRevisiPkBody = z.input<typeof BuatRevisiPkBody>;
export const UbahTargetPkBody = z.object({ version: versionBody, target: nonNeg, targetTeks: z.string().max(200).nullable().optional() });
export type UbahTargetPkBody = z.input<typeof UbahTargetPkBody>;

// ---------------------------------------------------------------- quarterly targets

export const TargetTriwulan = z
  .object({
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    jenis: z.enum(['renstra', 'renja']),
    targetTahun: z.number().nullable(),
    triwulan: z.array(z.object({ triwulan: z.number().int(), target: z.number().nullable(), version: z.number().int().describe('0 bila belum ada') })),
  })
  .meta({ id: 'TargetTriwulan' });
export type TargetTriwulan = z.output<typeof TargetTriwulan>;
export const DaftarTargetTriwulan = z.object({ indikator: z.array(TargetTriwulan), bolehUbah: z.boolean() });
export type DaftarTargetTriwulan = z.output<typeof DaftarTargetTriwulan>;
export const UbahTargetTriwulanBody = z.object({ version: versionBody.describe('0 bila target triwulan belum ada'), target: nonNeg.nullable() });
export type UbahTargetTriwulanBody = z.input<typeof UbahTargetTriwulanBody>;

// ---------------------------------------------------------------- path parameters

export const KodeParams = TahunParams.extend({ kode });
export const VersiParams = TahunParams.extend({ versi: z.string().regex(/^[0-9]{1,4}$/, 'versi berupa angka desimal').transform(Number).pipe(z.number().int().min(0).max(1000)) });
export const KinerjaParams = VersiParams.extend({ indikator: kode });
export const TriwulanKodeParams = KodeParams.extend({ tw: z.coerce.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4') });
