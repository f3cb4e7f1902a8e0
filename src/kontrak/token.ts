/**
 * Shapes of the API token routes (src/server/routes/token.ts): the admin pemda's list, creation
 * and revocation of tokens (/api/pemda/{pemda}/token…), and the changes feed
 * (GET /api/pemda/{pemda}/perubahan) that integrations read with a token.
 */
import { z } from 'zod';
import { CAKUPAN_TOKEN } from '../policy/policy.ts';
import { PemdaParams } from './umum.ts';

export const CakupanToken = z.enum(CAKUPAN_TOKEN).describe('baca: membaca seperti pimpinan dan umpan perubahan; tulis:<area>: menulis satu area');
export type CakupanToken = z.output<typeof CakupanToken>;

export const TokenApi = z
  .object({
    id: z.string(),
    nama: z.string(),
    prefix: z.string().describe('awal token (skp_…) untuk mengenalinya; rahasia tidak pernah ditampilkan lagi'),
    cakupan: z.array(CakupanToken),
    dibuatOleh: z.string().describe('username admin yang membuatnya'),
    dibuatPada: z.string(),
    kedaluwarsa: z.string(),
    dicabutPada: z.string().nullable(),
    terakhirDipakai: z.string().nullable().describe('dicatat paling sering sekali semenit untuk baca'),
  })
  .meta({ id: 'TokenApi' });
export type TokenApi = z.output<typeof TokenApi>;

export const DaftarToken = z.object({ token: z.array(TokenApi) });
export type DaftarToken = z.output<typeof DaftarToken>;

export const BuatTokenBody = z.strictObject({
  nama: z.string().trim().min(1, 'nama wajib diisi').max(100, 'nama paling panjang 100 karakter'),
  cakupan: z
    .array(CakupanToken)
    .min(1, 'pilih paling sedikit satu cakupan')
    .max(CAKUPAN_TOKEN.length)
    .refine((c) => !c.some((x) => x.startsWith('tulis:')) || c.includes('baca'), 'cakupan tulis memerlukan cakupan baca'),
  berlakuHari: z.number().int('berlaku dalam hari bulat').min(1, 'berlaku paling sedikit 1 hari').max(366, 'berlaku paling lama 366 hari'),
});
export type BuatTokenBody = z.input<typeof BuatTokenBody>;

export const TokenBaru = z.object({
  token: TokenApi,
  rahasia: z.string().describe('token lengkap untuk header Authorization: Bearer; hanya ditampilkan sekali ini'),
});
export type TokenBaru = z.output<typeof TokenBaru>;

export const TokenParams = PemdaParams.extend({ id: z.uuid('id token tidak sah') });

// ---------------------------------------------------------------- changes feed

export const UmpanQuery = z.strictObject({
  setelah: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'kursor tidak sah')
    .optional()
    .describe('nilai berikutnya dari halaman sebelumnya; tanpa kursor: dari awal'),
  batas: z.string().regex(/^[0-9]{1,4}$/, 'batas 1 sampai 1000').transform(Number).pipe(z.number().int().min(1, 'batas 1 sampai 1000').max(1000, 'batas 1 sampai 1000')).optional(),
});
export type UmpanQuery = z.output<typeof UmpanQuery>;

export const Peristiwa = z.object({
  jenis: z.string().describe('mis. entri.disetujui, entri.diubah, rencana.diubah, anggaran.diubah, register.ditambah, tahun.disahkan, tahun.dibuka'),
  entitas: z.string(),
  kunci: z.string().describe('kunci rekaman, mis. disnakertrans/2024/1/IKU-1'),
  opd: z.string().nullable(),
  tahun: z.number().int().nullable(),
  pada: z.string(),
  medan: z.array(z.string()).describe('medan yang berubah (tanpa nilai)'),
});
export type Peristiwa = z.output<typeof Peristiwa>;

export const HalamanUmpan = z
  .object({
    peristiwa: z.array(Peristiwa),
    berikutnya: z.string().describe('kirim sebagai setelah untuk melanjutkan; tetap dikirim walau halaman kosong'),
    lebih: z.boolean().describe('masih ada peristiwa yang bisa dibaca sekarang'),
  })
  .meta({ id: 'HalamanUmpan' });
export type HalamanUmpan = z.output<typeof HalamanUmpan>;
