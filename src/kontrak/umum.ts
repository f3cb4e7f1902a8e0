/**
 * The API's request and response shapes (zod): routes validate with them, the OpenAPI document
 * is generated from them, and responses are encoded through them, so a field that is not
 * declared here never leaves the server. This file holds what every route shares (path
 * parameters, errors, empty bodies), sign-in and the current user (src/server/routes/auth.ts),
 * the quarter deadlines (src/server/routes/entri.ts) and GET /api/health; the areas' shapes are in
 * the files beside it, and the ones that used to live here are re-exported at the end.
 */
import { z } from 'zod';
import { PERAN } from '../policy/policy.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug hanya huruf kecil, angka dan tanda hubung').max(64);

export const PemdaParams = z.object({ pemda: slug.describe('slug pemda, mis. paser') });
export const OpdParams = PemdaParams.extend({ opd: slug.describe('slug OPD, mis. disnakertrans') });
/** A whole number written in decimal digits only (no sign, exponent, hex or fraction), as a number. */
const angkaUrl = (pesan: string, schema: z.ZodNumber) => z.string().regex(/^[0-9]{1,9}$/, pesan).transform(Number).pipe(schema);
export const TahunParams = OpdParams.extend({
  tahun: angkaUrl('tahun berupa empat angka, mis. 2024', z.number().int().min(1990).max(2100)).describe('tahun anggaran'),
});
const triwulan = angkaUrl('triwulan 1 sampai 4', z.number().int().min(1, 'triwulan 1 sampai 4').max(4, 'triwulan 1 sampai 4'));
export const TriwulanParams = TahunParams.extend({ tw: triwulan.describe('triwulan 1..4') });
export const EntriParams = TriwulanParams.extend({
  kode: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._\-#/]+$/, 'kode indikator tidak sah')
    .describe('kode indikator, di-encode dengan encodeURIComponent (kode Renja memuat #)'),
});
/** An entry's address as the server reads it (tahun and tw as numbers). */
export type EntriParams = z.output<typeof EntriParams>;
export const TenggatParams = PemdaParams.extend({ tahun: TahunParams.shape.tahun, tw: triwulan.describe('triwulan 1..4') });
export const BuktiParams = z.object({ id: z.uuid('id bukti tidak sah') });

// ---------------------------------------------------------------- errors

export const Galat = z
  .looseObject({
    error: z.string().describe('kode galat, mis. belum-masuk, csrf, tidak-ditemukan, masukan-tidak-sah'),
    message: z.string().optional(),
    alasan: z.string().optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Galat' });
export type Galat = z.output<typeof Galat>;

/**
 * Answers every route behind a session can give: 401 belum-masuk, 403 dilarang or csrf, 404
 * tidak-ditemukan (also for another pemda's data).
 */
export const GALAT_SESI = { 401: Galat, 403: Galat, 404: Galat } as const;

// ---------------------------------------------------------------- auth

export const TanpaIsi = z.null().describe('tanpa isi');
/** Body of a write that takes no input: nothing, or an empty JSON object. */
export const TanpaBody = z.strictObject({}).nullable().optional().describe('tanpa isi (atau {})');

export const Peran = z.enum(PERAN);
export type Peran = z.output<typeof Peran>;
export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    nama: z.string(),
    pemda: z.object({ slug: z.string(), nama: z.string() }),
    peran: z.array(z.object({ peran: Peran, opd: z.string().optional().describe('slug OPD'), unit: z.string().optional().describe('kode unit') })),
    csrfToken: z.string().describe('kirim sebagai header x-csrf-token pada setiap permintaan selain GET'),
  })
  .meta({ id: 'Me' });
export type Me = z.output<typeof Me>;

export const LoginBody = z.object({
  username: z.string().trim().min(1, 'username wajib diisi').max(64),
  password: z.string().min(1, 'kata sandi wajib diisi').max(1024),
});
export type LoginBody = z.input<typeof LoginBody>;
export const LoginResponse = z.object({ user: Me, csrfToken: z.string() });
export type LoginResponse = z.output<typeof LoginResponse>;

// ---------------------------------------------------------------- quarter deadlines

const waktu = z.iso.datetime({ offset: true, message: 'waktu berformat ISO 8601, mis. 2024-04-10T23:59:59+08:00' });
export const TenggatBody = z.object({
  version: z.number().int().min(0).describe('versi yang dibaca dari GET (0 bila belum pernah diatur); versi lain: 409 versi-usang dengan current'),
  batas: waktu,
  pengecualian: z.array(z.object({ opd: slug, unit: z.string().min(1).max(64), batas: waktu })).max(1000).optional(),
});
export type TenggatBody = z.input<typeof TenggatBody>;
export const TenggatResponse = z.object({
  tahun: z.number().int(),
  triwulan: z.number().int(),
  version: z.number().int().describe('versi tersimpan; 0 bila belum pernah diatur'),
  batas: z.string().nullable().describe('null bila belum pernah diatur'),
  pengecualian: z.array(z.object({ opd: z.string(), unit: z.string(), batas: z.string() })),
});
export type TenggatResponse = z.output<typeof TenggatResponse>;

export const Health = z.object({
  status: z.string(),
  database: z.object({ kind: z.string(), status: z.string(), message: z.string().optional() }),
});
export type Health = z.output<typeof Health>;

/** Compiles only when `T` is `true`: a contract schema and the domain type it restates must agree. */
export type Benar<T extends true> = T;
