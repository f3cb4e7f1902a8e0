/**
 * What the HTTP benchmarks share: a database (a PGlite folder, a fresh PostgreSQL database or a
 * fresh database on a Citus cluster) holding the synthetic kabupaten, its accounts with live
 * sessions, the list of entries each account may edit, and the server running in a second process.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, migrate } from '../../src/db/client.ts';
import { saveDataset } from '../../src/db/dataset-repository.ts';
import { newId } from '../../src/db/ids.ts';
import * as t from '../../src/db/schema.ts';
import type { Dataset } from '../../src/dataset/schema.ts';
import { bacaKatalog } from '../../src/workflow/katalog.ts';
import type { BenchContext } from '../harness.ts';

export const POSTGRES_BENCH = process.env.SIKIPER_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The Citus database of the benchmarks, made afresh on every node by each `buatDb('citus')`. */
export const CITUS_BENCH_DB = 'sikiper_bench_citus';
const CITUS_SH = fileURLToPath(new URL('../../scripts/citus.sh', import.meta.url));

export interface DbBench {
  kind: 'pglite' | 'postgres' | 'citus';
  url: string;
  /** Drops the database (on every node of a Citus cluster) or removes the folder. */
  hapus: () => Promise<void>;
}

/** Runs scripts/citus.sh with `args`; its stderr is passed through, its stdout returned. */
export function citusSh(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(CITUS_SH, args, { maxBuffer: 1 << 20 }, (e, stdout, stderr) => {
      if (stderr) process.stderr.write(stderr.replace(/^/gm, '    '));
      if (e) reject(new Error(`scripts/citus.sh ${args.join(' ')}: ${e.message}`));
      else resolve(stdout.trim());
    });
  });
}

/**
 * A fresh database: a PGlite folder, a database on the PostgreSQL server POSTGRES_BENCH, or
 * CITUS_BENCH_DB on a Citus cluster of a coordinator and 2 workers (`scripts/citus.sh start 2`,
 * which starts the cluster if it is not running). The cluster is left running when the database
 * is dropped: other sessions may be using it.
 */
export async function buatDb(kind: DbBench['kind']): Promise<DbBench> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sikiper-bench-db-'));
    return { kind, url: `file://${dir}`, hapus: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  if (kind === 'citus') {
    const url = (await citusSh('start', '2', CITUS_BENCH_DB)).split('\n').pop() ?? '';
    if (!url.startsWith('postgres://')) throw new Error(`scripts/citus.sh start tidak mencetak URL: ${url}`);
    return { kind, url, hapus: () => hapusDiSetiapNode(url) };
  }
  const nama = `sikiper_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_BENCH });
  await admin.connect();
  await admin.query(`create database ${nama}`);
  await admin.end();
  const u = new URL(POSTGRES_BENCH);
  u.pathname = `/${nama}`;
  return {
    kind,
    url: u.toString(),
    hapus: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_BENCH });
      await c.connect();
      await c.query(`drop database if exists ${nama} with (force)`);
      await c.end();
    },
  };
}

/**
 * Drops the database of `url` on every node the coordinator lists (workers added later too),
 * the coordinator last; a node that does not answer is reported and skipped.
 */
async function hapusDiSetiapNode(url: string): Promise<void> {
  const u = new URL(url);
  const nama = u.pathname.slice(1);
  const node: Array<{ host: string; port: number }> = [];
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rows } = await c.query<{ nodename: string; nodeport: number }>('select nodename, nodeport from pg_dist_node where groupid <> 0 order by nodeport');
    node.push(...rows.map((r) => ({ host: r.nodename, port: r.nodeport })));
  } finally {
    await c.end().catch(() => undefined);
  }
  node.push({ host: u.hostname, port: Number(u.port || 5432) });
  for (const n of node) {
    const admin = new URL(url);
    admin.hostname = n.host;
    admin.port = String(n.port);
    admin.pathname = '/postgres';
    const a = new pg.Client({ connectionString: admin.toString() });
    try {
      await a.connect();
      await a.query(`drop database if exists ${nama} with (force)`);
    } catch (e) {
      process.stderr.write(`  ${nama} di ${n.host}:${n.port} tidak terhapus: ${(e as Error).message}\n`);
    } finally {
      await a.end().catch(() => undefined);
    }
  }
}

export interface Akun {
  username: string;
  cookie: string;
  csrf: string;
  peran: 'kepala-unit' | 'perencana' | 'admin-pemda';
  opd?: string;
  unit?: string;
}

/** One realisasi entry an account may save a draft of, with its stored version. */
export interface EntriBench {
  akun: number;
  opd: string;
  kode: string;
  triwulan: number;
  version: number;
}

export interface DataBench {
  pemda: string;
  pemdaId: string;
  tahun: number;
  opd: string[];
  akun: Akun[];
  entri: EntriBench[];
}

/** The last year of the synthetic kabupaten: the one being entered at the deadline. */
export function tahunBerjalan(d: Dataset): number {
  return Math.max(...d.opd.flatMap((o) => o.tahun.map((x) => x.tahun)));
}

// Never used to sign in: the benchmark's sessions are created directly, as a sign-in would.
const HASH_TIDAK_DIPAKAI = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$YmVuY2htYXJrLWFjY291bnQtbm8tbG9naW4';

/**
 * Stores the kabupaten, then one account per unit (kepala-unit), one planner per OPD and an
 * admin, each with a live session exactly as `masuk` creates it (SHA-256 of the cookie token
 * in the table, a CSRF token), and lists the entries of the current year each head may edit
 * (indicators of their unit without a formula, quarters not yet submitted). The current year's
 * fourth quarter is emptied first: it is the quarter whose deadline the load stands for.
 */
export async function isiDb(database: Database, d: Dataset, ctx: BenchContext): Promise<DataBench> {
  const db = database.db;
  const t0 = performance.now();
  await migrate(database);
  await saveDataset(db, d);
  ctx.log(`kabupaten disimpan (${database.kind}) dalam ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const [p] = await db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, d.pemda.slug));
  if (!p) throw new Error('pemda tidak tersimpan');
  const tahun = tahunBerjalan(d);
  // The deadline being benchmarked is the fourth quarter of the current year: nothing entered yet.
  await db.execute(
    sql`delete from ${t.realisasi} where ${t.realisasi.pemdaId} = ${p.id} and ${t.realisasi.triwulan} = 4
          and ${t.realisasi.tahunOpdId} in (select ${t.tahunOpd.id} from ${t.tahunOpd} where ${t.tahunOpd.pemdaId} = ${p.id} and ${t.tahunOpd.tahun} = ${tahun})`,
  );
  const akun: Akun[] = [];
  const entri: EntriBench[] = [];
  const sekarang = new Date();
  const baris = { pengguna: [] as Array<typeof t.pengguna.$inferInsert>, peran: [] as Array<typeof t.peranPengguna.$inferInsert>, sesi: [] as Array<typeof t.sesi.$inferInsert> };
  const tambah = (a: Omit<Akun, 'cookie' | 'csrf'>) => {
    const id = newId();
    // `<pemda id>.<32 random bytes>`, as src/auth/sesi.ts makes it: the pemda part routes the session lookup.
    const token = `${p.id}.${randomBytes(32).toString('base64url')}`;
    const csrf = randomBytes(32).toString('base64url');
    baris.pengguna.push({ pemdaId: p.id, id, username: a.username, nama: a.username, passwordHash: HASH_TIDAK_DIPAKAI });
    baris.peran.push({ pemdaId: p.id, id: newId(), penggunaId: id, peran: a.peran, opdSlug: a.opd ?? null, unitKode: a.unit ?? null });
    baris.sesi.push({
      pemdaId: p.id,
      id: createHash('sha256').update(token).digest('hex'),
      penggunaId: id,
      csrfToken: csrf,
      createdAt: sekarang,
      expiresAt: new Date(sekarang.getTime() + 8 * 3600 * 1000),
    });
    akun.push({ ...a, cookie: token, csrf });
    return akun.length - 1;
  };
  tambah({ username: 'bench.admin', peran: 'admin-pemda' });
  for (const [oi, opd] of d.opd.entries()) {
    const katalog = await bacaKatalog(db, p.id, opd.slug, tahun);
    if (!katalog) throw new Error(`katalog ${opd.slug} tidak ada`);
    tambah({ username: `bench.perencana.${oi}`, peran: 'perencana', opd: opd.slug });
    const tersimpan = new Map<string, { status: string; version: number }>();
    if (katalog.tahunOpdId) {
      const rows = await db
        .select({ kode: t.realisasi.indikatorKode, tw: t.realisasi.triwulan, status: t.realisasi.status, version: t.realisasi.version })
        .from(t.realisasi)
        .where(and(eq(t.realisasi.pemdaId, p.id), eq(t.realisasi.tahunOpdId, katalog.tahunOpdId), isNotNull(t.realisasi.triwulan)));
      for (const r of rows) tersimpan.set(`${r.kode}/${r.tw}`, { status: r.status, version: r.version });
    }
    for (const [ui, u] of katalog.unit.entries()) {
      const milik = katalog.indikator.filter((i) => i.unit.includes(u.kode) && i.formula === null);
      if (milik.length === 0) continue;
      const ai = tambah({ username: `bench.unit.${oi}.${ui}`, peran: 'kepala-unit', opd: opd.slug, unit: u.kode });
      for (const ind of milik) {
        for (const tw of [1, 2, 3, 4]) {
          const s = tersimpan.get(`${ind.kode}/${tw}`);
          if (s && !['draf', 'ditolak'].includes(s.status)) continue;
          entri.push({ akun: ai, opd: opd.slug, kode: ind.kode, triwulan: tw, version: s?.version ?? 0 });
        }
      }
    }
  }
  await db.transaction(async (tx) => {
    await tx.insert(t.namaPengguna).values(baris.pengguna.map((u) => ({ username: u.username, pemdaId: u.pemdaId, penggunaId: u.id })));
    await tx.insert(t.pengguna).values(baris.pengguna);
    await tx.insert(t.peranPengguna).values(baris.peran);
    await tx.insert(t.sesi).values(baris.sesi);
  });
  ctx.log(`${akun.length} akun dengan sesi, ${entri.length} entri yang dapat disimpan (tahun ${tahun})`);
  return { pemda: d.pemda.slug, pemdaId: p.id, tahun, opd: d.opd.map((o) => o.slug), akun, entri };
}

/** Version of every listed entry as stored now (0 when there is no row). */
export async function versiTersimpan(db: Database['db'], data: DataBench): Promise<Map<string, number>> {
  const rows = await db
    .select({ kode: t.realisasi.indikatorKode, tw: t.realisasi.triwulan, version: t.realisasi.version, opd: t.opd.slug, tahun: t.tahunOpd.tahun })
    .from(t.realisasi)
    .innerJoin(t.tahunOpd, and(eq(t.tahunOpd.pemdaId, t.realisasi.pemdaId), eq(t.tahunOpd.id, t.realisasi.tahunOpdId)))
    .innerJoin(t.opd, and(eq(t.opd.pemdaId, t.tahunOpd.pemdaId), eq(t.opd.id, t.tahunOpd.opdId)))
    .where(and(eq(t.realisasi.pemdaId, data.pemdaId), eq(t.tahunOpd.tahun, data.tahun), inArray(t.opd.slug, data.opd)));
  return new Map(rows.map((r) => [`${r.opd}/${r.kode}/${r.tw}`, r.version]));
}

export interface Server {
  url: string;
  pid: number;
  proses: ChildProcess;
  /** Peak resident memory of the server process so far (VmHWM), in bytes. */
  puncakRss: () => number;
  /** CPU time (user + system) the server process has used so far, in ms; on a shared machine the honest cost per request. */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

const PROSES = fileURLToPath(new URL('./proses.ts', import.meta.url));

/** Starts the server in a second process on `databaseUrl`; BENCH_CPU_PROF=<dir> writes a CPU profile of it. */
export function mulaiServer(databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const prof = process.env.BENCH_CPU_PROF;
  const args = [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), '--import', 'tsx', PROSES];
  const proses = spawn(process.execPath, args, { env: { ...process.env, ...env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proses.on('error', reject);
    proses.on('exit', (code) => reject(new Error(`server berhenti (exit ${String(code)}) sebelum siap`)));
    proses.stdout.setEncoding('utf8');
    proses.stdout.on('data', (chunk: string) => {
      out += chunk;
      const m = /@@port (\d+)/.exec(out);
      if (!m || !proses.pid) return;
      proses.removeAllListeners('exit');
      const pid = proses.pid;
      resolve({
        url: `http://127.0.0.1:${m[1]}`,
        pid,
        proses,
        puncakRss: () => {
          try {
            const line = readFileSync(`/proc/${pid}/status`, 'utf8')
              .split('\n')
              .find((l) => l.startsWith('VmHWM:'));
            return line ? Number(line.replace(/\D+/g, '')) * 1024 : Number.NaN;
          } catch {
            return Number.NaN;
          }
        },
        cpuMs: () => {
          try {
            // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): utime and stime in clock ticks (100 Hz).
            const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
            return (Number(f[11]) + Number(f[12])) * 10;
          } catch {
            return Number.NaN;
          }
        },
        stop: () =>
          new Promise<void>((res) => {
            proses.once('exit', () => res());
            proses.kill('SIGTERM');
          }),
      });
    });
  });
}
