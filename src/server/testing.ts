/**
 * Test harness for the HTTP API: a database with the Paser reference dataset stored under a
 * random pemda slug, the demo accounts (with a random username suffix, since usernames are
 * global and test files share one PostgreSQL database), an app on a movable clock, and
 * clients that sign in once and carry their cookie and CSRF token.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { and, asc, eq, sql } from 'drizzle-orm';
import { buatPenggunaDemo, PENGGUNA_DEMO } from '../auth/demo.ts';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Database, Db } from '../db/client.ts';
import { saveDataset } from '../db/dataset-repository.ts';
import * as t from '../db/schema.ts';
import { randomSlug, type TestDatabase } from '../db/testing.ts';
import { type AppOptions, buildApp } from './app.ts';

export const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));
export const SANDI = 'sandi-uji-coba-panjang';

export type NamaDemo = (typeof PENGGUNA_DEMO)[number]['username'];

export interface Pemda {
  slug: string;
  akhiran: string;
  id: string;
}

/** A clock tests can move. */
export class Jam {
  constructor(private ms = Date.parse('2024-03-01T00:00:00Z')) {}
  now = () => new Date(this.ms);
  maju(ms: number): void {
    this.ms += ms;
  }
}

export interface Klien {
  username: string;
  cookie: string;
  csrf: string;
  req: (method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

export interface Harness {
  db: Db;
  app: ReturnType<typeof buildApp>;
  jam: Jam;
  pemda: Pemda;
  /** Stores another copy of the reference dataset with its own demo accounts. */
  pemdaBaru: () => Promise<Pemda>;
  masuk: (nama: NamaDemo, pemda?: Pemda) => Promise<Klien>;
  close: () => Promise<void>;
}

export async function siapkan(kind: TestDatabase, options: AppOptions = {}): Promise<Harness> {
  const opened = await kind.open();
  const files = await bacaBerkasDataset(FIXTURE);
  const jam = new Jam();
  const pemdaBaru = async (): Promise<Pemda> => {
    const slug = randomSlug('paser');
    const akhiran = `-${randomBytes(4).toString('hex')}`;
    await saveDataset(opened.db, { ...files, pemda: { ...files.pemda, slug } });
    await buatPenggunaDemo(opened.db, { pemda: slug, sandi: SANDI, akhiran, sekarang: jam.now() });
    const [row] = await opened.db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, slug));
    if (!row) throw new Error('pemda uji tidak tersimpan');
    return { slug, akhiran, id: row.id };
  };
  const pemda = await pemdaBaru();
  const app = buildApp({ db: opened.db, kind: kind.name } as unknown as Database, {
    clock: jam.now,
    batasMasuk: { max: 1000, timeWindow: 60_000 },
    webDist: false,
    ...options,
  });
  const masuk = async (nama: NamaDemo, p: Pemda = pemda): Promise<Klien> => {
    const username = `${nama}${p.akhiran}`;
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: SANDI } });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    const cookie = r.cookies.find((c) => c.name === 'sikiper_sesi');
    if (!cookie) throw new Error('login tanpa cookie');
    const csrf = r.json<{ csrfToken: string }>().csrfToken;
    const klien: Klien = {
      username,
      cookie: cookie.value,
      csrf,
      req: (method, url, body, headers = {}) =>
        app.inject({
          method,
          url,
          cookies: { sikiper_sesi: klien.cookie },
          headers: { ...(method === 'GET' ? {} : { 'x-csrf-token': klien.csrf }), ...headers },
          ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        }),
    };
    return klien;
  };
  return {
    db: opened.db,
    app,
    jam,
    pemda,
    pemdaBaru,
    masuk,
    close: async () => {
      await app.close();
      await opened.close();
    },
  };
}

/** Everything a request may have changed, to prove that a refused one changed nothing. */
export async function jejak(db: Db, pemdaId: string) {
  const audit = await db.select().from(t.auditLog).where(eq(t.auditLog.pemdaId, pemdaId)).orderBy(asc(t.auditLog.id));
  const realisasi = await db.select().from(t.realisasi).where(eq(t.realisasi.pemdaId, pemdaId)).orderBy(asc(t.realisasi.id));
  const bukti = await db.select({ id: t.buktiFile.id }).from(t.buktiFile).where(eq(t.buktiFile.pemdaId, pemdaId));
  const tenggat = await db.select().from(t.tenggat).where(eq(t.tenggat.pemdaId, pemdaId));
  const komentar = await db.select().from(t.komentarVerifikasi).where(and(eq(t.komentarVerifikasi.pemdaId, pemdaId)));
  return JSON.stringify({ audit, realisasi, bukti, tenggat, komentar });
}

/** A multipart/form-data body with one file field "berkas". */
export function multipart(nama: string, isi: Buffer, type = 'application/octet-stream') {
  const boundary = `----sikiper${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="${nama}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), isi, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A fingerprint of every row of one pemda: each table with a `pemda_id` column (found in the
 * catalogue, so tables added later are included) plus the pemda row itself, in one query.
 */
export async function sidikJari(db: Db, pemdaId: string): Promise<string> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'pemda_id' order by table_name`,
  );
  const names = rowsOf<{ table_name: string }>(tables).map((r) => r.table_name);
  if (!names.includes('audit_log')) throw new Error('audit_log tidak ditemukan di katalog');
  const parts = names.map(
    (n) => sql`select ${n}::text as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h, count(*)::int as n from ${sql.identifier(n)} x where x.pemda_id = ${pemdaId}`,
  );
  parts.push(sql`select 'pemda'::text as t, md5(coalesce(string_agg(x::text, '|'), '')) as h, count(*)::int as n from pemda x where x.id = ${pemdaId}`);
  const res = await db.execute<{ t: string; h: string; n: number }>(sql.join(parts, sql` union all `));
  return rowsOf<{ t: string; h: string; n: number }>(res)
    .map((r) => `${r.t}:${r.n}:${r.h}`)
    .sort()
    .join('\n');
}

/** node-postgres answers `{ rows }`, PGlite through Drizzle too; both shapes are read. */
function rowsOf<T>(res: unknown): T[] {
  return Array.isArray(res) ? (res as T[]) : ((res as { rows: T[] }).rows ?? []);
}
