/**
 * The HTTP server: health, the computed SAKIP tables as JSON, and a read-only summary page.
 * Routes are thin: validate params -> load the pemda's data -> engine -> presenter.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { cekDataset } from '../check/rules.ts';
import type { Database } from '../db/client.ts';
import { listPemda, loadDataset } from '../db/dataset-repository.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { NotFoundError } from '../measure/konteks.ts';
import { anggaranJson, capaianJson } from '../measure/present.ts';
import { halamanRingkasan } from './html.ts';

const Params = z.strictObject({
  pemda: z.string().regex(/^[a-z0-9-]{1,64}$/),
  opd: z.string().regex(/^[a-z0-9-]{1,64}$/),
  tahun: z.coerce.number().int().min(1990).max(2100),
});

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function buildApp(database: Database, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1024 * 1024 });

  app.addHook('onSend', async (_req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _req, reply) => {
    if (error instanceof NotFoundError) return reply.code(404).send({ error: 'tidak-ditemukan', message: error.message });
    if (error instanceof z.ZodError) {
      return reply.code(400).send({ error: 'masukan-tidak-sah', issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
    }
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ error: 'permintaan-tidak-sah', message: error.message });
    app.log.error(error);
    return reply.code(500).send({ error: 'galat-server', message: 'terjadi galat di server' });
  });

  async function dataset(pemda: string) {
    const d = await loadDataset(database.db, pemda);
    if (!d) throw new NotFoundError(`pemda "${pemda}" tidak ada`);
    return d;
  }

  app.get('/api/health', async (_req, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { status: 'ok', database: { kind: database.kind, status: 'ok' } };
    } catch (e) {
      return reply.code(503).send({ status: 'gagal', database: { kind: database.kind, status: 'gagal', message: (e as Error).message } });
    }
  });

  app.get('/api/pemda', async () => ({ pemda: await listPemda(database.db) }));

  app.get('/api/pemda/:pemda/opd/:opd/tahun/:tahun/capaian', async (req) => {
    const p = Params.parse(req.params);
    return capaianJson(hitungCapaian(await dataset(p.pemda), p.opd, p.tahun));
  });

  app.get('/api/pemda/:pemda/opd/:opd/tahun/:tahun/anggaran', async (req) => {
    const p = Params.parse(req.params);
    return anggaranJson(hitungAnggaran(await dataset(p.pemda), p.opd, p.tahun));
  });

  app.get('/api/pemda/:pemda/opd/:opd/tahun/:tahun/check', async (req) => {
    const p = Params.parse(req.params);
    const temuan = cekDataset(await dataset(p.pemda), { opd: p.opd, tahun: p.tahun });
    return { jumlah: temuan.length, temuan };
  });

  app.get('/', async (_req, reply) => {
    const list = await listPemda(database.db);
    const first = list[0];
    const d = first ? await loadDataset(database.db, first.slug) : undefined;
    return reply.type('text/html; charset=utf-8').send(halamanRingkasan(d));
  });

  return app;
}
