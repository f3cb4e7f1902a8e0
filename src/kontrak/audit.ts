/**
 * Shapes of the audit log route (src/server/routes/audit.ts): the filter of GET
 * /api/pemda/:pemda/audit and the rows it answers.
 */
import { z } from 'zod';

/** Entities the audit log records, for the UI's filter. */
export const ENTITAS_AUDIT = ['realisasi', 'bukti_file', 'tenggat', 'tenggat_pengecualian', 'tahun_opd', 'pengguna', 'register_baris', 'token_api'] as const;

const waktu = z.iso.datetime({ offset: true, message: 'waktu berformat ISO 8601, mis. 2024-04-10T00:00:00+08:00' });

export const AuditQuery = z.strictObject({
  pengguna: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'username tidak sah').optional().describe('username pelaku'),
  entity: z.enum(ENTITAS_AUDIT).optional(),
  entityKey: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9._\-#/]+$/, 'kunci entitas tidak sah')
    .optional()
    .describe('kunci rekaman atau awalannya, mis. disnakertrans/2024/1/IKU-1 atau disnakertrans/2024'),
  dari: waktu.optional().describe('sejak (termasuk)'),
  sampai: waktu.optional().describe('sebelum (tidak termasuk)'),
  batas: z.string().regex(/^[0-9]{1,3}$/, 'batas 1 sampai 500').transform(Number).pipe(z.number().int().min(1).max(500)).optional(),
  lewati: z.string().regex(/^[0-9]{1,7}$/, 'lewati berupa angka').transform(Number).optional(),
});
/** The filter as the server reads it (batas and lewati as numbers; the browser sends them in the query string). */
export type AuditQuery = z.output<typeof AuditQuery>;

export const DaftarAudit = z.object({
  baris: z.array(
    z.object({
      id: z.string(),
      pada: z.string(),
      oleh: z.string().describe('username; "sistem" untuk perubahan oleh sistem'),
      entity: z.string(),
      entityKey: z.string(),
      field: z.string(),
      lama: z.unknown(),
      baru: z.unknown(),
      requestId: z.string().nullable(),
    }),
  ),
  lebih: z.boolean().describe('masih ada baris berikutnya (naikkan lewati)'),
});
export type DaftarAudit = z.output<typeof DaftarAudit>;
