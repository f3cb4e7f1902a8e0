/**
 * Shapes of the SAKIP evaluation routes (src/server/routes/evaluasi.ts,
 * /api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/evaluasi/…): scores and recommendations, follow-ups,
 * the year's sign-off and its reopening.
 */
import { z } from 'zod';
import { KOMPONEN_LKE, SUB_KOMPONEN } from '../engine/evaluasi.ts';
import { TahunParams } from './umum.ts';

const versionBody = z.number().int().min(0).describe('version evaluasi yang dibaca klien (0 bila belum ada); beda dengan yang tersimpan → 409');

const persen = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, 'nilai 0 sampai 100 dengan titik desimal, mis. "87.5"').describe('persen capaian sub komponen 0..100, desimal tepat');
const SkorKomponen = z.object(Object.fromEntries(SUB_KOMPONEN.map((s) => [s.kode, persen])) as Record<(typeof SUB_KOMPONEN)[number]['kode'], typeof persen>);
export const Skor = z.object(Object.fromEntries(KOMPONEN_LKE.map((k) => [k.kode, SkorKomponen])) as Record<(typeof KOMPONEN_LKE)[number]['kode'], typeof SkorKomponen>);
export type Skor = z.output<typeof Skor>;
export const StatusTindakLanjut = z.enum(['belum', 'proses', 'selesai']).describe('belum: belum ditindaklanjuti; proses: sedang ditindaklanjuti; selesai: tuntas, dengan bukti');
export const Rekomendasi = z.object({
  id: z.string(),
  teks: z.string(),
  tindakLanjut: z.string().nullable(),
  status: StatusTindakLanjut,
  tautan: z.array(z.string()).describe('bukti tindak lanjut (tautan)'),
  selesaiPada: z.string().nullable(),
});
export type Rekomendasi = z.output<typeof Rekomendasi>;

const KodeKomponen = z.enum(KOMPONEN_LKE.map((k) => k.kode) as [(typeof KOMPONEN_LKE)[number]['kode'], ...Array<(typeof KOMPONEN_LKE)[number]['kode']>]);
const NilaiSub = z.object(Object.fromEntries(SUB_KOMPONEN.map((s) => [s.kode, z.number()])) as Record<(typeof SUB_KOMPONEN)[number]['kode'], z.ZodNumber>);

export const EvaluasiOpd = z
  .object({
    ada: z.boolean(),
    perKriteria: z.boolean().describe('evaluasi dijawab per kriteria (LKE): nilai dan predikat dari …/evaluasi/lke, skor ringkas tidak dipakai'),
    skor: Skor,
    rekomendasi: z.array(Rekomendasi),
    hasil: z.object({
      komponen: z.array(z.object({ kode: KodeKomponen, nama: z.string(), bobot: z.number(), nilai: z.number(), sub: NilaiSub })).describe('evaluasi ringkas (dua belas persentase); kosong bila evaluasi dijawab per kriteria'),
      total: z.number().describe('dibulatkan 2 desimal untuk tampilan; predikat dihitung dari nilai tepat'),
      predikat: z.enum(['AA', 'A', 'BB', 'B', 'CC', 'C', 'D']),
    }),
    version: z.number().int(),
    pengesahan: z.object({ oleh: z.string(), nama: z.string(), pada: z.string() }).nullable(),
    boleh: z.object({ isi: z.boolean(), tindakLanjut: z.boolean(), sahkan: z.boolean(), buka: z.boolean() }),
  })
  .meta({ id: 'EvaluasiOpd' });
export type EvaluasiOpd = z.output<typeof EvaluasiOpd>;

export const Kekurangan = z.object({
  indikator: z.string(),
  nama: z.string(),
  unit: z.array(z.object({ kode: z.string(), nama: z.string() })).describe('unit yang wajib mengisi realisasinya'),
  triwulan: z.number().int(),
  status: z.enum(['kosong', 'draf', 'diajukan', 'ditolak', 'diverifikasi']),
});
export type Kekurangan = z.output<typeof Kekurangan>;
export const BelumLengkapGalat = z.object({
  error: z.literal('belum-lengkap'),
  message: z.string(),
  kurang: z.array(Kekurangan),
});
export type BelumLengkapGalat = z.output<typeof BelumLengkapGalat>;

export const SimpanEvaluasiBody = z.object({
  version: versionBody,
  skor: Skor,
  rekomendasi: z.array(z.object({ id: z.string().max(64).optional(), teks: z.string().max(2000, 'rekomendasi paling panjang 2000 karakter') })).max(50),
});
export type SimpanEvaluasiBody = z.input<typeof SimpanEvaluasiBody>;
export const TindakLanjutParams = TahunParams.extend({ id: z.string().min(1).max(64) });
const tautan = z.url({ protocol: /^https?$/, error: 'tautan harus alamat http:// atau https://' }).max(1000);
export const TindakLanjutBody = z.object({
  version: versionBody,
  tindakLanjut: z.string().max(2000),
  status: StatusTindakLanjut.optional().describe('bawaan: proses bila ada isian tindak lanjut, belum bila kosong; selesai memerlukan isian dan sedikitnya satu tautan bukti'),
  tautan: z.array(tautan).max(20).optional(),
});
export type TindakLanjutBody = z.input<typeof TindakLanjutBody>;
export const BukaTahunBody = z.object({ alasan: z.string().trim().min(1, 'alasan wajib diisi').max(1000) });
export type BukaTahunBody = z.input<typeof BukaTahunBody>;
