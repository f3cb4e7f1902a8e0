/**
 * The HTTP server. Routes are thin: session gate (gerbang-sesi.ts) -> zod validation (schemas.ts) ->
 * the policy and one workflow command or query -> a presenter. Every permission is decided in
 * src/policy; every change is a command in src/workflow that writes its audit rows in its own
 * transaction.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UKURAN_BUKTI_MAKS } from '../db/schema-app.ts';
import type { Database } from '../db/client.ts';
import { Beban, type OpsiBeban } from './beban.ts';
import { galatUntukLog } from '../db/galat.ts';
import { pasangPenanganGalat, ValidasiGagal } from './errors.ts';
import { routesAudit } from './routes/audit.ts';
import { routesAuth } from './routes/auth.ts';
import { routesDokumen } from './routes/dokumen.ts';
import { routesEntri } from './routes/entri.ts';
import { routesRegister } from './routes/register.ts';
import { routesLaporan } from './routes/laporan.ts';
import { routesRencana } from './routes/rencana.ts';
import { routesTukar } from './routes/tukar.ts';
import { routesPengaturan } from './routes/pengaturan.ts';
import { routesNarasi } from './routes/narasi.ts';
import { routesEvaluasi } from './routes/evaluasi.ts';
import { routesLke } from './routes/lke.ts';
import { routesToken } from './routes/token.ts';
import { type BatasPublik, routesPublik } from './routes/publik.ts';
import { pasangWeb, routesRingkasan } from './routes/web.ts';
import { Health } from '../kontrak/umum.ts';
import { pasangGerbangSesi, type OpsiSesi } from './gerbang-sesi.ts';
import { aturUkuranCacheKatalog } from '../workflow/katalog.ts';

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface AppOptions {
  logger?: boolean;
  /** Where the log lines go when `logger` is on (default stdout); tests read them. */
  logStream?: { write: (line: string) => void };
  /** The clock for sessions, lockouts, deadlines and audit times; tests move it. */
  clock?: () => Date;
  /** Sign-in attempts per IP; default 10 per minute. */
  batasMasuk?: { max: number; timeWindow: number | string };
  /** Secure cookies even on plain HTTP (SIKIPER_COOKIE_SECURE=1 for `sikiper serve`); default false. */
  cookieSecure?: boolean;
  /** Other origins allowed to write, e.g. a development UI server (SIKIPER_ALLOWED_ORIGINS); default none. */
  originLain?: string[];
  /** Trust X-Forwarded-* from a reverse proxy (SIKIPER_TRUST_PROXY=1); default false. */
  trustProxy?: boolean;
  /** OPD-years whose computed dashboard this process keeps (SIKIPER_CACHE_DASBOR); default 400. */
  cacheDasbor?: number;
  /** OPD-year catalogues this process keeps (SIKIPER_CACHE_KATALOG); default 2000. The cache is per process: the last app built sets it. */
  cacheKatalog?: number;
  /** The built web UI; false to never serve it. Default web/dist. */
  webDist?: string | false;
  /** Document worker threads and the heavy-work queue (SIKIPER_PEKERJA*, SIKIPER_ANTREAN_* through the configuration; see beban.ts). */
  beban?: OpsiBeban;
  /** Requests per client address on the public pages and open data (routes/publik.ts); default 120 per minute, 10 PDFs. */
  batasPublik?: BatasPublik;
  /** Connection time limits in ms (see BATAS_WAKTU); `permintaan` comes from SIKIPER_REQUEST_TIMEOUT through the configuration. */
  batasWaktu?: Partial<BatasWaktu>;
}

/**
 * How long a client may take. Without limits a client sending one byte every few seconds holds
 * a connection (and its memory) for ever, and a few hundred such clients exhaust the server.
 */
export interface BatasWaktu {
  /** The request's headers must be complete within this (Node's headersTimeout); answered 408. */
  header: number;
  /** The whole request, body included, must arrive within this (requestTimeout); answered 408. A 5 MB upload at 50 kB/s fits in the default. */
  permintaan: number;
  /** A connection without any byte in either direction for this long is closed (connectionTimeout). */
  menganggur: number;
  /** An idle keep-alive connection between requests is closed after this (keepAliveTimeout). */
  keepAlive: number;
}

export const BATAS_WAKTU: BatasWaktu = { header: 15_000, permintaan: 120_000, menganggur: 30_000, keepAlive: 5_000 };

function batasWaktu(opsi: Partial<BatasWaktu> | undefined): BatasWaktu {
  const b = { ...BATAS_WAKTU, ...opsi };
  // Node refuses a header limit longer than the request limit.
  return { ...b, header: Math.min(b.header, b.permintaan) };
}

const LOCALE = z.locales.id();

/**
 * Validates requests with the route's zod schema and Indonesian messages (a message a schema
 * sets itself wins). The returned error is an Error, so Fastify passes it to the error handler as is.
 */
function validatorCompiler({ schema }: { schema: unknown }) {
  const zod = schema as z.ZodType;
  return (data: unknown) => {
    const tidakSah = teksTidakSah(data);
    if (tidakSah.length > 0) return { error: new ValidasiGagal(tidakSah) };
    const result = zod.safeParse(data, { error: LOCALE.localeError });
    if (result.success) return { value: result.data };
    return { error: new ValidasiGagal(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))) };
  };
}

/**
 * Characters no field of the API accepts, in any string of body, query or params: NUL and the
 * other C0 controls except tab and line breaks (PostgreSQL's text and jsonb refuse NUL; the
 * others have no business in performance data), lone UTF-16 surrogates (they cannot be stored
 * as UTF-8 and would silently become U+FFFD), and the bidirectional embedding/override/isolate
 * controls (they make text display differently from what is stored, e.g. in the audit log).
 */
// eslint-disable-next-line no-control-regex
const KARAKTER_TERLARANG = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

const SURROGATE_TUNGGAL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No request of the API nests deeper; a deeper one is refused before anything walks it. */
const KEDALAMAN_MAKS = 16;

function teksTidakSah(data: unknown, path: string[] = [], out: Array<{ path: string; message: string }> = []): Array<{ path: string; message: string }> {
  if (out.length >= 20) return out;
  if (path.length > KEDALAMAN_MAKS) {
    out.push({ path: path.slice(0, 3).join('.'), message: `susunan data terlalu dalam (paling dalam ${KEDALAMAN_MAKS} tingkat)` });
    return out;
  }
  if (typeof data === 'string') {
    if (KARAKTER_TERLARANG.test(data)) out.push({ path: path.join('.'), message: 'teks memuat karakter kendali (mis. NUL atau penanda arah teks) yang tidak diizinkan' });
    else if (SURROGATE_TUNGGAL.test(data)) out.push({ path: path.join('.'), message: 'teks memuat karakter Unicode yang tidak utuh (surrogate tunggal)' });
  } else if (Array.isArray(data)) {
    data.forEach((v, i) => teksTidakSah(v, [...path, String(i)], out));
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      teksTidakSah(k, [...path, k], out);
      teksTidakSah(v, [...path, k], out);
    }
  }
  return out;
}

const TULIS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Write routes that declare no query take none: an unexpected parameter is refused, not ignored. */
const TANPA_QUERY = z.strictObject({});

export interface Rute {
  method: string;
  url: string;
  schema: { body?: unknown; querystring?: unknown; params?: unknown } | undefined;
}

const RUTE = new WeakMap<FastifyInstance, Rute[]>();

/** Every route of an app built by `buildApp`, as registered (complete once the app is ready). */
export function daftarRute(app: FastifyInstance): readonly Rute[] {
  return RUTE.get(app) ?? [];
}

export function buildApp(database: Database, options: AppOptions = {}): FastifyInstance {
  const opsi: OpsiSesi = {
    sekarang: options.clock ?? (() => new Date()),
    cookieSecure: options.cookieSecure ?? false,
    originLain: options.originLain ?? [],
  };
  if (options.cacheKatalog !== undefined) aturUkuranCacheKatalog(options.cacheKatalog);
  const webDist = options.webDist ?? WEB_DIST;
  const batas = batasWaktu(options.batasWaktu);
  const app = Fastify({
    logger: options.logger
      ? {
          ...(options.logStream ? { stream: options.logStream } : {}),
          // Request logs carry method, URL, status and timing: never bodies (passwords, values),
          // cookies or CSRF tokens. The paths below are redacted in case a serializer adds them.
          redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]', 'req.body', 'body'], censor: '[disamarkan]' },
          serializers: {
            req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url, id: req.id }),
            // A failed query's message holds its SQL and parameters (password hashes, names, values): never logged.
            err: galatUntukLog,
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    requestTimeout: batas.permintaan,
    connectionTimeout: batas.menganggur,
    keepAliveTimeout: batas.keepAlive,
    http: {
      headersTimeout: batas.header,
      // Node checks the header and request limits on this interval (default 30 s, which would
      // stretch a short limit); a quarter of the shorter limit, at least 250 ms, at most 5 s.
      connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(Math.min(batas.header, batas.permintaan) / 4))),
    },
    trustProxy: options.trustProxy ?? false,
    // Audit rows name the request; ids must be unique across processes and not chosen by the client.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  const rute: Rute[] = [];
  RUTE.set(app, rute);
  app.addHook('onRoute', (r) => {
    for (const method of ([] as string[]).concat(r.method)) rute.push({ method, url: r.url, schema: r.schema });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  pasangPenanganGalat(app);
  const beban = new Beban(options.beban);
  app.decorate('beban', beban);
  app.addHook('onClose', () => beban.tutup());

  app.addHook('onSend', async (req, reply) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    reply.header('x-request-id', req.id);
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  void app.register(fastifyCookie);
  void app.register(fastifyRateLimit, { global: false });
  void app.register(fastifyMultipart, { limits: { fileSize: UKURAN_BUKTI_MAKS, files: 1 } });
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'SIKIPER API',
        description:
          'Sistem Informasi Kinerja Perangkat Daerah. Masuk dengan POST /api/auth/login (cookie sikiper_sesi); setiap permintaan selain GET ' +
          'menyertakan header x-csrf-token dari jawaban login atau GET /api/me. Integrasi memakai token API (dibuat admin pemda) di header ' +
          'Authorization: Bearer skp_…, tanpa cookie dan tanpa x-csrf-token; lihat docs/exchange.md.',
        version: '1',
      },
      components: {
        securitySchemes: {
          sesi: { type: 'apiKey', in: 'cookie', name: 'sikiper_sesi' },
          token: { type: 'http', scheme: 'bearer', description: 'token API skp_… dari admin pemda; cakupan baca dan tulis:<area>' },
        },
      },
      // Either one, never both (400 autentikasi-ganda).
      security: [{ sesi: [] }, { token: [] }],
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject,
  });
  void app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  void app.register(async (api) => {
    api.addHook('onRoute', (route) => {
      const methods = ([] as string[]).concat(route.method);
      if (!methods.some((m) => TULIS.has(m))) return;
      route.schema ??= {};
      route.schema.querystring ??= TANPA_QUERY;
    });
    // A request without a body and a JSON body `null` both reach validation as null; the
    // latter is no request any route takes.
    api.addHook('preValidation', (req, _reply, next) => {
      if (req.body === null && TULIS.has(req.method) && Number(req.headers['content-length'] ?? 0) > 0) {
        next(new ValidasiGagal([{ path: '', message: 'isi permintaan tidak boleh null' }]));
      } else next();
    });
    pasangGerbangSesi(api, database.db, opsi);
    const typed = api.withTypeProvider<ZodTypeProvider>();

    typed.get(
      '/api/health',
      { config: { publik: true }, schema: { tags: ['sistem'], summary: 'Kesehatan server dan basis data', security: [], response: { 200: Health, 503: Health } } },
      async (_req, reply) => {
        try {
          await database.db.execute(sql`select 1`);
          return { status: 'ok', database: { kind: database.kind, status: 'ok' } };
        } catch {
          return reply.code(503).send({ status: 'gagal', database: { kind: database.kind, status: 'gagal' } });
        }
      },
    );
    typed.get('/api/openapi.json', { config: { publik: true }, schema: { hide: true } }, () => Promise.resolve(app.swagger()));

    await api.register(routesAuth(database, { ...opsi, batasMasuk: options.batasMasuk ?? { max: 10, timeWindow: '1 minute' } }));
    await api.register(routesLaporan(database, { cacheMaks: options.cacheDasbor ?? 400 }));
    await api.register(routesEntri(database, opsi.sekarang));
    await api.register(routesRencana(database, opsi.sekarang));
    await api.register(routesDokumen(database, beban));
    await api.register(routesTukar(database, opsi.sekarang));
    await api.register(routesPengaturan(database, opsi.sekarang));
    await api.register(routesRegister(database, opsi.sekarang));
    await api.register(routesNarasi(database, opsi.sekarang));
    await api.register(routesEvaluasi(database, opsi.sekarang));
    await api.register(routesLke(database, opsi.sekarang));
    await api.register(routesRingkasan(database, webDist));
    await api.register(routesAudit(database));
    await api.register(routesToken(database, opsi.sekarang));
    await api.register(routesPublik(database, beban, options.batasPublik));
  });
  pasangWeb(app, webDist);

  return app;
}
