/**
 * Shapes of the exchange routes (src/server/routes/tukar.ts): the Renja/DPA and realisasi
 * workbook import (…/impor/:jenis/pratinjau, …/impor/:jenis/simpan), the templates, the OPD's
 * tables as a workbook (…/ekspor/:tabel), and the pemda's backup and restore (…/cadangan).
 */
import { z } from 'zod';
import { PemdaParams, TahunParams } from './umum.ts';

/** The table groups of the OPD-year workbook a page can download (src/exchange/tabel-web.ts). */
export const GRUP_TABEL = ['semua', 'rencana', 'pk', 'capaian', 'anggaran'] as const;
export type GrupTabel = (typeof GRUP_TABEL)[number];

export const GalatImpor = z.object({
  lembar: z.string().optional(),
  baris: z.number().int().optional(),
  kolom: z.string().optional().describe('huruf kolom, mis. F'),
  judul: z.string().optional().describe('judul kolom seperti tertulis di berkas'),
  lokasi: z.string().describe("mis. Renja!F12 (Pagu); kosong untuk berkas itu sendiri"),
  pesan: z.string(),
});
export type GalatImpor = z.output<typeof GalatImpor>;
const PerubahanMedan = z.object({ medan: z.string(), lama: z.string(), baru: z.string() });
export const BarisPratinjau = z.object({ kode: z.string(), jenis: z.string().optional(), nama: z.string(), medan: z.array(PerubahanMedan) });
export type BarisPratinjau = z.output<typeof BarisPratinjau>;
export const Selisih = z.object({ baru: z.boolean(), tambah: z.array(BarisPratinjau), ubah: z.array(BarisPratinjau), hapus: z.array(BarisPratinjau), tetap: z.number().int() });
export type Selisih = z.output<typeof Selisih>;
export const PratinjauImpor = z
  .object({
    pemda: z.string(),
    opd: z.string(),
    tahun: z.number().int(),
    berkas: z.string(),
    versi: z.string().optional().describe('Renja: murni atau perubahan'),
    status: z.string().optional().describe('realisasi: status entri yang diimpor'),
    lembar: z.string().optional(),
    jumlahBaris: z.number().int().optional(),
    renja: Selisih.optional(),
    dpa: Selisih.extend({ versi: z.string() }).optional(),
    kinerja: Selisih.extend({ lembar: z.string() }).optional(),
    anggaran: Selisih.extend({ lembar: z.string(), versi: z.string() }).optional(),
    peringatan: z.array(z.string()),
  })
  .meta({ id: 'PratinjauImpor' });
export type PratinjauImpor = z.output<typeof PratinjauImpor>;
export const InfoBerkas = z.object({ nama: z.string(), ukuran: z.number().int(), sha256: z.string() });
export type InfoBerkas = z.output<typeof InfoBerkas>;
export const HasilImpor = z
  .object({
    jenis: z.enum(['renja', 'realisasi']),
    berkas: InfoBerkas,
    pratinjau: PratinjauImpor,
    galat: z.array(GalatImpor),
    ditulis: z.boolean().describe('true hanya setelah simpan berhasil'),
  })
  .meta({ id: 'HasilImpor' });
export type HasilImpor = z.output<typeof HasilImpor>;
/** The body of a refused import or restore (409, 413, 422). */
export const GagalImpor = z
  .object({
    error: z.string().describe('impor-tidak-sah, berkas-terlalu-besar, berkas-berbeda'),
    message: z.string(),
    berkas: InfoBerkas.optional(),
    pratinjau: PratinjauImpor.optional(),
    galat: z.array(GalatImpor),
  })
  .meta({ id: 'GagalImpor' });
export type GagalImpor = z.output<typeof GagalImpor>;

export const IsiCadangan = z.object({ opd: z.number().int(), tahun: z.number().int(), nodeRenja: z.number().int(), realisasi: z.number().int(), barisAnggaran: z.number().int() });
export type IsiCadangan = z.output<typeof IsiCadangan>;
export const PratinjauCadangan = z
  .object({
    berkas: InfoBerkas,
    dibuat: z.string().describe('waktu pembuatan cadangan (ISO 8601)'),
    migrasi: z.string(),
    migrasiBerbeda: z.boolean().describe('cadangan dibuat oleh program pada migrasi lain; datasetnya tetap diperiksa penuh'),
    pemda: z.object({ slug: z.string(), nama: z.string() }).describe('pemda yang akan dipulihkan (selalu pemda pengguna)'),
    asal: z.string().describe('slug pemda di berkas cadangan; berbeda dari pemda.slug bila cadangan pemda lain dipulihkan ke pemda ini'),
    pemdaLainDiabaikan: z.array(z.string()).describe('pemda lain di berkas yang tidak dipulihkan'),
    isi: IsiCadangan,
    sekarang: IsiCadangan,
    dipulihkan: z.boolean(),
  })
  .meta({ id: 'PratinjauCadangan' });
export type PratinjauCadangan = z.output<typeof PratinjauCadangan>;

export const JenisImpor = z.enum(['renja', 'realisasi']);
export type JenisImpor = z.output<typeof JenisImpor>;
export const ImporParams = TahunParams.extend({ jenis: JenisImpor.describe('renja (Renja/DPA) atau realisasi') });
const Sha = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 harus 64 digit heksadesimal dari jawaban pratinjau');
export const ImporQuery = z.strictObject({
  versi: z.enum(['murni', 'perubahan']).default('murni').describe('Renja: versi yang diganti'),
  dpa: z.enum(['dpa', 'dpa-perubahan']).optional().describe('realisasi: versi DPA yang realisasinya diperbarui (bawaan: terakhir)'),
});
export type ImporQuery = z.input<typeof ImporQuery>;
export const SimpanQuery = ImporQuery.extend({ sha256: Sha });
export const TemplatParams = PemdaParams.extend({ jenis: JenisImpor });
export const EksporParams = TahunParams.extend({ tabel: z.enum(GRUP_TABEL) });
export const PulihkanQuery = z.strictObject({
  sha256: Sha,
  pemdaLain: z.enum(['true', 'false']).default('false').describe('true: pulihkan cadangan satu pemda lain ke pemda ini (menimpa seluruh datanya)'),
});
