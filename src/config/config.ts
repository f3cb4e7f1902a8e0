/**
 * The configuration of a `sikiper` process, as one pure function of its environment. The entry
 * point (src/cli/main.ts, given `process.env` by bin/sikiper.js) calls `bacaKonfigurasi` once at
 * start and passes the typed result down: the database options, the server's options, the demo
 * password. No other code reads the environment (eslint's no-restricted-properties rule).
 *
 * A bad value stops the process with a message naming the variable and saying what it must be,
 * instead of surfacing later as a confusing failure (or, worse, as a silently ignored security
 * setting such as SIKIPER_COOKIE_SECURE=yes). Unknown SIKIPER_* variables are named in a warning:
 * they are probably typos.
 */
import { z } from 'zod';
import { DatabaseConfigError, resolveTarget } from '../db/target.ts';

export interface Konfigurasi {
  /** DATABASE_URL: postgres://…, file://<folder> or memory://; undefined (unset or empty) for PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** SIKIPER_DATA_DIR: the PGlite folder when DATABASE_URL is not set; default ./data. */
  dataDir: string;
  /** SIKIPER_PG_POOL: PostgreSQL connections per process; default 20. */
  pgPool: number;
  /** PORT: the server's port (the `serve --port` option wins); default 3000. */
  port: number;
  /** HOST: the server's address (the `serve --host` option wins); default 127.0.0.1. */
  host: string;
  /** SIKIPER_COOKIE_SECURE=1: session cookies are Secure even on plain HTTP. */
  cookieSecure: boolean;
  /** SIKIPER_TRUST_PROXY=1: trust X-Forwarded-* from a reverse proxy. */
  trustProxy: boolean;
  /** SIKIPER_ALLOWED_ORIGINS: other origins allowed to write (comma-separated), e.g. a development UI server. */
  originLain: string[];
  /** SIKIPER_CACHE_DASBOR: OPD-years whose computed dashboard one server process keeps; default 400. */
  cacheDasbor: number;
  /** SIKIPER_CACHE_KATALOG: OPD-year indicator catalogues one process keeps; default 2000. */
  cacheKatalog: number;
  /** SIKIPER_PEKERJA: document worker threads; default one fewer than the cores (at least 1). */
  pekerja: number | undefined;
  /** SIKIPER_PEKERJA_PEMDA: documents one pemda may have rendered at once; default half the workers. */
  pekerjaPemda: number | undefined;
  /** SIKIPER_ANTREAN_MAKS: heavy jobs waiting in all; default 20. */
  antreanMaks: number;
  /** SIKIPER_ANTREAN_PEMDA: heavy jobs one pemda may have waiting; default 10. */
  antreanPemda: number;
  /** SIKIPER_REQUEST_TIMEOUT: seconds a whole request (body included) may take to arrive; default 120. */
  batasPermintaanDetik: number;
  /** SIKIPER_DEMO_PASSWORD: the demo accounts' password; unset: a random one shown once. */
  sandiDemo: string | undefined;
}

export interface MasalahKonfigurasi {
  variabel: string;
  pesan: string;
}

export type HasilKonfigurasi =
  | { ok: true; konfigurasi: Konfigurasi; peringatan: string[] }
  | { ok: false; masalah: MasalahKonfigurasi[]; peringatan: string[] };

const bendera = (nama: string) =>
  z
    .enum(['0', '1'], { error: `${nama} harus 0 atau 1` })
    .optional()
    .transform((v) => v === '1');

const bulat = (nama: string, min: number, maks: number, bawaan: number) => {
  const pesan = `${nama} harus bilangan bulat ${min} sampai ${maks}`;
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, pesan)
    .refine((v) => Number(v) >= min && Number(v) <= maks, pesan)
    .optional()
    .transform((v) => (v === undefined ? bawaan : Number(v)));
};

/** Like `bulat`, without a default here: the default depends on the machine (its cores). */
const bulatOpsional = (nama: string, min: number, maks: number) => {
  const pesan = `${nama} harus bilangan bulat ${min} sampai ${maks}`;
  return z
    .string()
    .regex(/^[0-9]{1,9}$/, pesan)
    .refine((v) => Number(v) >= min && Number(v) <= maks, pesan)
    .optional()
    .transform((v) => (v === undefined ? undefined : Number(v)));
};

/** Every variable `sikiper` reads, by name. */
const SkemaLingkungan = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      if (v === undefined || v.trim() === '') return;
      try {
        resolveTarget({ url: v });
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof DatabaseConfigError ? e.message : String(e) });
      }
    })
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim())),
  SIKIPER_DATA_DIR: z.string().min(1, 'SIKIPER_DATA_DIR tidak boleh kosong').default('./data'),
  SIKIPER_PG_POOL: bulat('SIKIPER_PG_POOL', 1, 10_000, 20),
  PORT: bulat('PORT', 0, 65535, 3000),
  HOST: z
    .string()
    .min(1, 'HOST tidak boleh kosong')
    .max(253, 'HOST terlalu panjang')
    .regex(/^[A-Za-z0-9.:[\]%-]*$/, 'HOST harus nama host atau alamat IP')
    .default('127.0.0.1'),
  SIKIPER_COOKIE_SECURE: bendera('SIKIPER_COOKIE_SECURE'),
  SIKIPER_TRUST_PROXY: bendera('SIKIPER_TRUST_PROXY'),
  SIKIPER_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .superRefine((origins, ctx) => {
      for (const o of origins) {
        let u: URL | undefined;
        try {
          u = new URL(o);
        } catch {
          u = undefined;
        }
        if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== o) {
          ctx.addIssue({ code: 'custom', message: `"${o}" bukan origin (skema://host[:port] tanpa garis miring di akhir)` });
        }
      }
    }),
  SIKIPER_CACHE_DASBOR: bulat('SIKIPER_CACHE_DASBOR', 0, 1_000_000, 400),
  SIKIPER_CACHE_KATALOG: bulat('SIKIPER_CACHE_KATALOG', 0, 1_000_000, 2000),
  // Document worker threads and the heavy-work queue (src/server/beban.ts).
  SIKIPER_PEKERJA: bulatOpsional('SIKIPER_PEKERJA', 1, 64),
  SIKIPER_PEKERJA_PEMDA: bulatOpsional('SIKIPER_PEKERJA_PEMDA', 1, 64),
  SIKIPER_ANTREAN_MAKS: bulat('SIKIPER_ANTREAN_MAKS', 0, 1000, 20),
  SIKIPER_ANTREAN_PEMDA: bulat('SIKIPER_ANTREAN_PEMDA', 0, 1000, 10),
  SIKIPER_REQUEST_TIMEOUT: bulat('SIKIPER_REQUEST_TIMEOUT', 5, 3600, 120),
  SIKIPER_DEMO_PASSWORD: z
    .string()
    .min(12, 'SIKIPER_DEMO_PASSWORD paling sedikit 12 karakter')
    .max(1024, 'SIKIPER_DEMO_PASSWORD paling banyak 1024 karakter')
    .optional(),
});

/** The variables `sikiper` reads. */
export const VARIABEL_DIKENAL: readonly string[] = Object.keys(SkemaLingkungan.shape);

/** Variables of the test and benchmark tooling (scripts/, bench/, web/e2e), not of `sikiper`: not warned about. */
const VARIABEL_ALAT = /^SIKIPER_(TEST_|BENCH_|SCREENSHOTS$)/;

/** Values never repeated in a message. */
const RAHASIA = new Set(['SIKIPER_DEMO_PASSWORD', 'DATABASE_URL']);

/**
 * Reads the configuration from an environment (pure: the caller passes `process.env`). Returns
 * the typed configuration, or every problem by variable; in both cases the warnings about
 * unknown SIKIPER_* variables.
 */
export function bacaKonfigurasi(env: Readonly<Record<string, string | undefined>>): HasilKonfigurasi {
  const dikenal = new Set(VARIABEL_DIKENAL);
  const peringatan = Object.keys(env)
    .filter((k) => k.startsWith('SIKIPER_') && !VARIABEL_ALAT.test(k) && !dikenal.has(k))
    .sort()
    .map((k) => `variabel ${k} tidak dikenal dan diabaikan (yang dikenal: ${VARIABEL_DIKENAL.join(', ')})`);
  const hasil = SkemaLingkungan.safeParse(env);
  if (!hasil.success) {
    const terlihat = new Set<string>();
    const masalah = hasil.error.issues.flatMap((i) => {
      const variabel = String(i.path[0] ?? '?');
      const kunci = `${variabel}\n${i.message}`;
      if (terlihat.has(kunci)) return [];
      terlihat.add(kunci);
      const tampil = RAHASIA.has(variabel) ? '' : ` (sekarang: ${JSON.stringify(env[variabel] ?? '')})`;
      return [{ variabel, pesan: `${i.message}${tampil}` }];
    });
    return { ok: false, masalah, peringatan };
  }
  const e = hasil.data;
  return {
    ok: true,
    peringatan,
    konfigurasi: {
      databaseUrl: e.DATABASE_URL,
      dataDir: e.SIKIPER_DATA_DIR,
      pgPool: e.SIKIPER_PG_POOL,
      port: e.PORT,
      host: e.HOST,
      cookieSecure: e.SIKIPER_COOKIE_SECURE,
      trustProxy: e.SIKIPER_TRUST_PROXY,
      originLain: e.SIKIPER_ALLOWED_ORIGINS,
      cacheDasbor: e.SIKIPER_CACHE_DASBOR,
      cacheKatalog: e.SIKIPER_CACHE_KATALOG,
      pekerja: e.SIKIPER_PEKERJA,
      pekerjaPemda: e.SIKIPER_PEKERJA_PEMDA,
      antreanMaks: e.SIKIPER_ANTREAN_MAKS,
      antreanPemda: e.SIKIPER_ANTREAN_PEMDA,
      batasPermintaanDetik: e.SIKIPER_REQUEST_TIMEOUT,
      sandiDemo: e.SIKIPER_DEMO_PASSWORD,
    },
  };
}

/** The problems as the command prints them: one line per variable. */
export function teksMasalah(masalah: readonly MasalahKonfigurasi[]): string {
  return `konfigurasi tidak sah:\n${masalah.map((m) => `  ${m.variabel}: ${m.pesan}`).join('\n')}`;
}
