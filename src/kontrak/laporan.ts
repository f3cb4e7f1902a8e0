/**
 * Shapes of the routes that read an OPD (src/server/routes/laporan.ts): the pemda and OPD
 * lists, the computed tables (GET …/capaian, …/anggaran, …/check), the dashboard (GET
 * …/dashboard) and the OPD's officials. The tables are built by src/measure/present.ts
 * (capaianJson, anggaranJson); the route's types check that what it builds is what is declared
 * here.
 */
import { z } from 'zod';
import { ATURAN, type AturanKode } from '../check/rules.ts';
import { AnggaranVersi, LevelRenja, Polaritas } from '../dataset/schema.ts';

// ---------------------------------------------------------------- pemda, OPD, officials

export const DaftarOpd = z.object({ opd: z.array(z.object({ slug: z.string(), nama: z.string() })) });
export type DaftarOpd = z.output<typeof DaftarOpd>;
export const DaftarPemda = z.object({ pemda: z.array(z.object({ slug: z.string(), nama: z.string(), jenis: z.string() })) });
export type DaftarPemda = z.output<typeof DaftarPemda>;

export const Pejabat = z.object({
  pejabat: z.array(
    z.object({
      nama: z.string(),
      jabatan: z.string(),
      pangkat: z.string().optional(),
      unit: z.string().optional(),
      nip: z.string().optional().describe('hanya untuk admin-pemda, perencana dan kepala-opd'),
    }),
  ),
});
export type Pejabat = z.output<typeof Pejabat>;

// ---------------------------------------------------------------- figures

/** Why a figure is null: nothing entered yet, or it cannot be computed (e.g. a zero target). */
export const StatusAngka = z.enum(['belum-diisi', 'tidak-dapat-dihitung']);
export type StatusAngka = z.output<typeof StatusAngka>;

type Angka<K extends string> = { [P in K]: z.ZodNullable<z.ZodNumber> } & { [P in `${K}Status`]: z.ZodOptional<typeof StatusAngka> };

/**
 * A figure as src/measure/present.ts `angka` writes it: `{ [key]: 87.17 }`, or
 * `{ [key]: null, [key + 'Status']: 'belum-diisi' }`. Percentages are percent values rounded to 2 decimals.
 */
function angka<K extends string>(key: K): Angka<K> {
  return {
    [key]: z.number().nullable(),
    [`${key}Status`]: StatusAngka.optional().describe(`mengapa ${key} null`),
  } as Angka<K>;
}

const predikat = z.string().nullable().describe('predikat pada skala pemda; null bila capaian tidak ada');

// ---------------------------------------------------------------- capaian (Tabel 3.2–3.15)

const Pengukuran = z.object({
  ...angka('target'),
  sumberTarget: z.enum(['pk', 'renstra', 'tidak-ada']).describe('target dari Perjanjian Kinerja terakhir, dari Renstra, atau tidak ada'),
  ...angka('realisasi'),
  predikatRealisasi: z.string().optional().describe('realisasi berupa predikat (indikator kualitatif)'),
  ...angka('capaian'),
  predikat,
});

const IndikatorCapaian = z.object({
  kode: z.string(),
  nama: z.string(),
  satuan: z.string(),
  dariRegister: z.boolean().optional().describe('realisasi dihitung dari register (ada penjelasannya); tidak dikirim bila tidak'),
  ...Pengukuran.shape,
  tahunLalu: Pengukuran,
  targetAkhirRenstra: z.object({ ...angka('target'), ...angka('capaian') }),
});

const SasaranCapaian = z.object({
  nomor: z.number(),
  kode: z.string(),
  uraian: z.string(),
  ...angka('capaian'),
  predikat,
  ...angka('capaianTahunLalu'),
  ...angka('capaianTargetAkhirRenstra'),
  indikator: z.array(IndikatorCapaian),
  program: z
    .array(
      z.object({
        kode: z.string(),
        level: LevelRenja,
        nama: z.string(),
        indikator: z.array(
          z.object({ kode: z.string(), nama: z.string(), satuan: z.string().nullable(), ...angka('target'), ...angka('realisasi'), ...angka('capaian') }),
        ),
      }),
    )
    .describe('program dan kegiatan pendukung sasaran, dengan indikator Renja-nya'),
});

export const Capaian = z
  .object({
    pemda: z.string(),
    opd: z.string(),
    tahun: z.number().int(),
    skala: z.string().describe('nama skala predikat'),
    sasaran: z.array(SasaranCapaian),
    rataRata: z.object({ ...angka('capaian'), predikat }),
    ikuDaerah: z.array(
      z.object({
        kode: z.string(),
        nama: z.string(),
        satuan: z.string(),
        polaritas: Polaritas,
        ...angka('target'),
        ...angka('realisasi'),
        ...angka('realisasiTahunLalu'),
        ...angka('capaian'),
        predikat,
        pembanding: z.array(z.object({ wilayah: z.string(), nilai: z.number() })),
      }),
    ),
    ikk: z.array(
      z.object({
        nomor: z.number(),
        nama: z.string(),
        pembilang: z.number(),
        penyebut: z.number(),
        pengali: z.number(),
        satuan: z.string(),
        ...angka('hasil'),
        hasilTerbit: z.number().nullable(),
      }),
    ),
    sdgs: z.array(
      z.object({
        nomor: z.number(),
        tujuanSdgs: z.string(),
        subKegiatan: z.string(),
        subKegiatanNama: z.string().nullable(),
        satuan: z.string(),
        target: z.number(),
        realisasi: z.number(),
        ...angka('capaian'),
      }),
    ),
  })
  .meta({ id: 'Capaian' });
export type Capaian = z.output<typeof Capaian>;

// ---------------------------------------------------------------- anggaran (Tabel 3.16–3.18)

const rupiah = z.number().describe('rupiah');

export const Anggaran = z
  .object({
    pemda: z.string(),
    opd: z.string(),
    tahun: z.number().int(),
    versi: AnggaranVersi.shape.versi.nullable().describe('versi DPA yang dipakai; null bila belum ada anggaran'),
    total: z.object({ pagu: rupiah, realisasi: rupiah, sisa: rupiah, ...angka('serapan'), predikat }),
    kelompok: z.array(z.object({ kelompok: z.string(), pagu: rupiah, realisasi: rupiah, sisa: rupiah, ...angka('serapan') })),
    baris: z.array(z.object({ kode: z.string(), level: LevelRenja, nama: z.string(), pagu: rupiah, realisasi: rupiah, ...angka('serapan') })),
    sasaran: z.array(
      z.object({
        nomor: z.number(),
        kode: z.string(),
        uraian: z.string(),
        program: z.array(z.object({ kode: z.string(), nama: z.string(), pagu: rupiah, realisasi: rupiah, ...angka('serapan') })),
        ...angka('capaianKinerja'),
        ...angka('serapanRataRataProgram'),
        ...angka('serapanTertimbang'),
        ...angka('efisiensi'),
        ...angka('efisiensiTertimbang'),
      }),
    ),
    rataRata: z.object({
      ...angka('capaianKinerja'),
      ...angka('serapanRataRataProgram'),
      ...angka('serapanTertimbang'),
      ...angka('efisiensi'),
      ...angka('efisiensiTertimbang'),
    }),
  })
  .meta({ id: 'Anggaran' });
export type Anggaran = z.output<typeof Anggaran>;

// ---------------------------------------------------------------- check, dashboard

export const CheckResponse = z.object({
  jumlah: z.number().int(),
  temuan: z.array(
    z.object({
      aturan: z.enum(Object.keys(ATURAN) as [AturanKode, ...AturanKode[]]),
      tingkat: z.enum(['galat', 'peringatan']),
      lokasi: z.string().describe('mis. disnakertrans / 2023 / dpa-perubahan / 2.07.01'),
      pesan: z.string(),
      nilai: z.record(z.string(), z.union([z.number(), z.string()])).describe('angka-angka yang terlibat'),
    }),
  ),
});
export type CheckResponse = z.output<typeof CheckResponse>;

export const Dashboard = z.object({
  skala: z
    .object({ nama: z.string(), bands: z.array(z.object({ min: z.number(), label: z.string(), warna: z.string().optional() })) })
    .optional()
    .describe('skala predikat pemda yang berlaku (diatur admin pemda)'),
  capaian: Capaian.describe('sama dengan GET .../capaian'),
  anggaran: Anggaran.describe('sama dengan GET .../anggaran'),
  progres: z.array(
    z.object({
      triwulan: z.number().int(),
      unit: z.array(
        z.object({
          kode: z.string(),
          nama: z.string(),
          total: z.number().int(),
          terisi: z.number().int(),
          diajukan: z.number().int(),
          diverifikasi: z.number().int(),
          disetujui: z.number().int(),
          kepala: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type Dashboard = z.output<typeof Dashboard>;
