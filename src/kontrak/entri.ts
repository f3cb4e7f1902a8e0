/**
 * Shapes of the realisasi entry routes (src/server/routes/entri.ts): the quarter's list, saving
 * a draft, the workflow steps, an entry's history and its evidence files. The quarter deadlines
 * (TenggatBody, TenggatResponse) are in umum.ts beside their path parameters.
 */
import { z } from 'zod';

const angka = z.number().describe('bilangan hingga (finite)');
export const StatusEntri = z.enum(['kosong', 'draf', 'diajukan', 'ditolak', 'diverifikasi', 'disetujui']);
export type StatusEntri = z.output<typeof StatusEntri>;

export const Entri = z
  .object({
    kode: z.string(),
    nama: z.string(),
    satuan: z.string(),
    jenis: z.enum(['renstra', 'renja']),
    unit: z.array(z.string()).describe('kode unit penanggung jawab'),
    formula: z.object({ teks: z.string(), pembilang: z.string().nullable(), penyebut: z.string().nullable(), pengali: z.number() }).nullable(),
    target: z.number().nullable().describe('target tahunan (PK terakhir, atau Renstra/Renja)'),
    targetTriwulan: z.number().nullable().describe('target triwulan dari rencana aksi'),
    nilai: z.number().nullable(),
    pembilang: z.number().nullable(),
    penyebut: z.number().nullable(),
    keterangan: z.string().nullable(),
    bukti: z.array(z.object({ id: z.string(), nama: z.string() })),
    status: StatusEntri,
    version: z.number().int().describe('versi tersimpan; 0 untuk entri yang belum pernah disimpan'),
    komentar: z.array(z.object({ oleh: z.string().describe('username'), pada: z.string(), aksi: z.string(), teks: z.string() })),
    bolehUbah: z.boolean(),
    bolehAjukan: z.boolean(),
    bolehVerifikasi: z.boolean(),
    bolehSetujui: z.boolean(),
    bolehTolak: z.boolean(),
  })
  .meta({ id: 'Entri' });
export type Entri = z.output<typeof Entri>;

export const DaftarEntri = z.object({
  terkunci: z.boolean().describe('tenggat triwulan telah lewat bagi unit-unit yang Anda lihat'),
  alasan: z.string().optional(),
  tenggat: z.string().optional().describe('batas pengisian yang berlaku (ISO 8601)'),
  indikator: z.array(Entri),
});
export type DaftarEntri = z.output<typeof DaftarEntri>;

export const SimpanBody = z.object({
  nilai: angka.nullable().optional(),
  pembilang: angka.nullable().optional(),
  penyebut: angka.nullable().optional(),
  keterangan: z.string().max(2000, 'keterangan paling banyak 2000 karakter').nullable().optional(),
  version: z.number().int().min(0).describe('versi yang sedang diubah (0 untuk entri baru)'),
});
export type SimpanBody = z.input<typeof SimpanBody>;

export const StatusBody = z.object({
  version: z.number().int().min(0),
  komentar: z.string().max(2000, 'komentar paling banyak 2000 karakter').optional(),
});
export type StatusBody = z.input<typeof StatusBody>;
export const TolakBody = z.object({
  version: z.number().int().min(0),
  komentar: z.string().trim().min(3, 'alasan penolakan paling sedikit 3 karakter').max(2000, 'alasan penolakan paling banyak 2000 karakter'),
});
export type TolakBody = z.input<typeof TolakBody>;

export const Riwayat = z.object({
  riwayat: z.array(z.object({ oleh: z.string(), pada: z.string(), field: z.string(), lama: z.unknown(), baru: z.unknown() })),
});
export type Riwayat = z.output<typeof Riwayat>;

export const Bukti = z.object({ id: z.string(), nama: z.string() });
export type Bukti = z.output<typeof Bukti>;
