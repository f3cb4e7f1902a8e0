/**
 * Shapes of the settings routes (src/server/routes/pengaturan.ts): the pemda's rating scale and
 * lower-is-better rule (/api/pemda/{pemda}/pengaturan), the quarter deadlines of a year
 * (GET /api/pemda/{pemda}/tenggat/{tahun}), users and their roles (/api/pemda/{pemda}/pengguna/…),
 * budget realisation (…/tahun/{tahun}/realisasi-anggaran) and the years with data (…/tahun-data).
 */
import { z } from 'zod';
import { Peran, PemdaParams, TahunParams } from './umum.ts';

/** Shortest password accepted for a new account. */
export const PANJANG_SANDI_MIN = 10;

// ---------------------------------------------------------------- scale and lower-is-better rule

export const Band = z.object({
  min: z.number().min(0, 'batas bawah paling kecil 0').max(1000, 'batas bawah paling besar 1000'),
  label: z.string().trim().min(1, 'label wajib diisi').max(80),
  warna: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'warna berformat #rrggbb')
    .optional(),
});
export type Band = z.output<typeof Band>;
export const Skala = z.object({ nama: z.string().trim().min(1, 'nama skala wajib diisi').max(120), bands: z.array(Band).min(2, 'paling sedikit dua band').max(10, 'paling banyak sepuluh band') });
export type Skala = z.output<typeof Skala>;
export const RumusNegatif = z.enum(['selisih', 'rasio-terbalik', 'selisih-min-nol']);
export type RumusNegatif = z.output<typeof RumusNegatif>;
/** The licence of the pemda's open data (docs/open-data.md). */
export const Lisensi = z.object({
  nama: z.string().trim().min(1, 'nama lisensi wajib diisi').max(120),
  url: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s]+$/, 'alamat lisensi berupa URL http(s)'),
});
export type Lisensi = z.output<typeof Lisensi>;
export const Pengaturan = z.object({
  skala: Skala,
  rumusNegatif: RumusNegatif,
  lisensi: Lisensi.describe('lisensi data terbuka (bawaan CC BY 4.0)'),
  version: z.number().int(),
  preset: z.object({ empat: Skala, lima: Skala }).describe('skala baku yang dapat dipilih'),
});
export type Pengaturan = z.output<typeof Pengaturan>;
export const PengaturanBody = z.object({
  version: z.number().int().min(0),
  skala: Skala.optional(),
  rumusNegatif: RumusNegatif.optional(),
  lisensi: Lisensi.optional(),
});
export type PengaturanBody = z.input<typeof PengaturanBody>;

// ---------------------------------------------------------------- deadlines of a year

export const TenggatTahunParams = PemdaParams.extend({ tahun: TahunParams.shape.tahun });
export const TenggatTahun = z.object({
  tahun: z.number().int(),
  triwulan: z.array(
    z.object({
      triwulan: z.number().int(),
      batas: z.string().nullable(),
      version: z.number().int().describe('0 bila belum diatur'),
      pengecualian: z.array(z.object({ opd: z.string(), unit: z.string(), batas: z.string() })),
    }),
  ),
  unit: z.array(z.object({ opd: z.string(), opdNama: z.string(), kode: z.string(), nama: z.string() })).describe('unit yang dapat diberi pengecualian'),
});
export type TenggatTahun = z.output<typeof TenggatTahun>;

// ---------------------------------------------------------------- users and roles

export const PeranPengguna = z.object({ id: z.string(), peran: Peran, opd: z.string().nullable(), unit: z.string().nullable() });
export type PeranPengguna = z.output<typeof PeranPengguna>;
export const PenggunaKelola = z.object({
  id: z.string(),
  username: z.string(),
  nama: z.string().describe('data pribadi: hanya untuk admin pemda'),
  aktif: z.boolean(),
  terkunciSampai: z.string().nullable(),
  sesiAktif: z.number().int(),
  version: z.number().int(),
  peran: z.array(PeranPengguna),
});
export type PenggunaKelola = z.output<typeof PenggunaKelola>;
export const DaftarPengguna = z.object({ pengguna: z.array(PenggunaKelola) });
export type DaftarPengguna = z.output<typeof DaftarPengguna>;
export const Penugasan = z.object({ peran: Peran, opd: z.string().max(64).nullable().optional(), unit: z.string().max(64).nullable().optional() });
export type Penugasan = z.input<typeof Penugasan>;
const sandi = z.string().max(1024).optional().describe(`paling sedikit ${PANJANG_SANDI_MIN} karakter; bila tidak dikirim dibuat acak dan dikembalikan sekali`);
export const BuatPenggunaBody = z.object({
  username: z.string().trim().min(1, 'username wajib diisi').max(64),
  nama: z.string().trim().min(1, 'nama wajib diisi').max(200),
  sandi,
  peran: z.array(Penugasan).max(50),
});
export type BuatPenggunaBody = z.input<typeof BuatPenggunaBody>;
export const PenggunaBaru = z.object({ id: z.string(), sandiAwal: z.string().optional() });
export type PenggunaBaru = z.output<typeof PenggunaBaru>;
export const PenggunaParams = PemdaParams.extend({ id: z.uuid('id pengguna tidak sah') });
export const PeranParams = PenggunaParams.extend({ peranId: z.uuid('id peran tidak sah') });
const Versi = z.object({ version: z.number().int().min(0) });
export const UbahPenggunaBody = Versi.extend({ nama: z.string().trim().min(1, 'nama wajib diisi').max(200).optional(), aktif: z.boolean().optional() });
export type UbahPenggunaBody = z.input<typeof UbahPenggunaBody>;
export const ResetSandiBody = Versi.extend({ sandi });
export type ResetSandiBody = z.input<typeof ResetSandiBody>;
export const SandiBaru = z.object({ sandiBaru: z.string().optional() });
export type SandiBaru = z.output<typeof SandiBaru>;
export const SesiDiakhiri = z.object({ sesiDiakhiri: z.number().int() });
export type SesiDiakhiri = z.output<typeof SesiDiakhiri>;
export const TambahPeranBody = Versi.extend(Penugasan.shape);
export type TambahPeranBody = z.input<typeof TambahPeranBody>;
export const CabutPeranQuery = z.strictObject({ version: z.string().regex(/^[0-9]{1,9}$/, 'version berupa angka desimal').transform(Number).pipe(z.number().int().min(0)) });

// ---------------------------------------------------------------- budget realisation

export const BarisAnggaran = z.object({
  kode: z.string(),
  nama: z.string(),
  level: z.string().nullable(),
  induk: z.string().nullable(),
  pagu: z.number().int(),
  realisasi: z.number().int(),
  version: z.number().int(),
  diisi: z.boolean().describe('baris yang diisi langsung; baris di atasnya mengikuti'),
});
export type BarisAnggaran = z.output<typeof BarisAnggaran>;
export const AnggaranOpd = z.object({
  opd: z.string(),
  tahun: z.number().int(),
  versi: z.enum(['dpa', 'dpa-perubahan']).nullable(),
  baris: z.array(BarisAnggaran),
  peringatan: z.array(z.object({ aturan: z.string(), kode: z.string(), pesan: z.string() })),
  bolehUbah: z.boolean(),
});
export type AnggaranOpd = z.output<typeof AnggaranOpd>;
const rupiah = z.number().int('rupiah harus bilangan bulat').min(0, 'tidak boleh negatif').max(Number.MAX_SAFE_INTEGER, 'nilai terlalu besar');
export const SimpanAnggaranBody = z.object({
  baris: z
    .array(z.object({ kode: z.string().min(1).max(64), version: z.number().int().min(0), pagu: rupiah.optional(), realisasi: rupiah.optional() }))
    .min(1, 'tidak ada baris yang diubah')
    .max(2000),
});
export type SimpanAnggaranBody = z.input<typeof SimpanAnggaranBody>;

export const TahunData = z.object({ tahun: z.array(z.number().int()) });
export type TahunData = z.output<typeof TahunData>;
