/**
 * The audit log, read-only: the pemda-wide list for its administrator and its internal auditor,
 * filtered by person, entity, record and time. There is deliberately no route that changes or
 * deletes audit rows (src/server/audit.test.ts checks the route table; a database trigger
 * refuses UPDATE, DELETE and TRUNCATE as well). The history of one value is the entry's own
 * `GET .../entri/:kode/riwayat`.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { boleh } from '../../policy/policy.ts';
import { cariAudit, samarkanAudit } from '../../workflow/audit.ts';
import { Dilarang } from '../../workflow/errors.ts';
import { AuditQuery, DaftarAudit } from '../../kontrak/audit.ts';
import { GALAT_SESI, Galat, PemdaParams } from '../../kontrak/umum.ts';
import { aktorPemda } from '../gerbang-sesi.ts';

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
