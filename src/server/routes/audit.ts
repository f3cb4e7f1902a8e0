/**
 * The audit log, read-only: the pemda-wide list for its administrator and its internal auditor,
 * filtered by person, entity, record and time. There is deliberately no route that changes or
 * deletes audit rows (src/server/audit.test.ts checks the route table; a database trigger
 * refuses UPDATE, DELETE and TRUNCATE as well). The history of one value is the entry's own
 * `GET .../entri/:kode/riwayat`.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { boleh } from '../../policy/policy.ts';
import { cariAudit, ENTITAS_AUDIT, samarkanAudit } from '../../workflow/audit.ts';
import { Dilarang } from '../../workflow/errors.ts';
import { GALAT_SESI, Galat, PemdaParams } from '../schemas.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

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

export function routesAudit(database: Database): FastifyPluginCallbackZod {
  const db = database.db;
  return (app, _opts, done) => {
    app.get(
      '/api/pemda/:pemda/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Log audit pemda (admin pemda dan inspektorat), terbaru dahulu',
          description: 'Hanya baca: tidak ada rute yang mengubah atau menghapus log audit.',
          params: PemdaParams,
          querystring: AuditQuery,
          response: { 200: DaftarAudit, ...GALAT_SESI, 400: Galat },
        },
      },
      async (req) => {
        const a = aktorPemda(req, req.params.pemda);
        if (!boleh(a, { aksi: 'audit:baca' })) throw new Dilarang('log audit hanya untuk admin pemda dan inspektorat');
        const q = req.query;
        const hasil = await cariAudit(db, a.pemdaId, {
          username: q.pengguna,
          entity: q.entity,
          entityKey: q.entityKey,
          dari: q.dari === undefined ? undefined : new Date(q.dari),
          sampai: q.sampai === undefined ? undefined : new Date(q.sampai),
          batas: q.batas ?? 100,
          lewati: q.lewati ?? 0,
        });
        // Personal values (users' names, register rows' personal columns) are masked for whoever may not see them.
        const baris = await samarkanAudit(db, a, hasil.baris);
        return {
          baris: baris.map((r) => ({
            id: r.id,
            pada: r.pada.toISOString(),
            oleh: r.oleh,
            entity: r.entity,
            entityKey: r.entityKey,
            field: r.field,
            lama: r.lama,
            baru: r.baru,
            requestId: r.requestId,
          })),
          lebih: hasil.lebih,
        };
      },
    );
    done();
  };
}
