/**
 * The browser side: the built web UI (web/dist) when it exists, with its index.html for every
 * other non-API GET (client-side routes); otherwise the server-rendered summary page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { loadDataset } from '../../db/dataset-repository.ts';
import { boleh } from '../../policy/policy.ts';
import { halamanMasuk, halamanRingkasan } from '../html.ts';

export function adaWeb(webDist: string | false): webDist is string {
  return webDist !== false && existsSync(join(webDist, 'index.html'));
}

/** Static files of the web UI; registered at the root, outside the API's session gate. */
export function pasangWeb(app: FastifyInstance, webDist: string | false): void {
  if (adaWeb(webDist)) {
    void app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  // Not async: a returned reply would be awaited as a thenable on top of the file stream.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (adaWeb(webDist) && (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api') {
      void reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
      return;
    }
    void reply.code(404).send({ error: 'tidak-ditemukan', message: `${req.method} ${path} tidak ada` });
  });
}

/** The summary page at /, inside the session gate (as a public route) so that it knows the visitor. */
export function routesRingkasan(database: Database, webDist: string | false): FastifyPluginCallbackZod {
  return (app, _opts, done) => {
    if (adaWeb(webDist)) return done();
    app.get('/', { config: { publik: true }, schema: { hide: true } }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      const a = req.sesi?.aktor;
      if (!a) return halamanMasuk();
      const d = await loadDataset(database.db, a.pemdaSlug);
      // The page lists only the OPDs the visitor may read.
      return halamanRingkasan(d && { ...d, opd: d.opd.filter((o) => boleh(a, { aksi: 'opd:baca', opd: o.slug })) });
    });
    done();
  };
}
