/**
 * The "nasional" database: many kabupaten-sized pemda in one PostgreSQL or one Citus cluster, for
 * measuring the database alone (row counts, sizes, the hot queries with EXPLAIN ANALYZE). Not
 * part of `npm run bench`: it takes minutes to tens of minutes and gigabytes of disk.
 *
 *   node --import tsx bench/nasional.ts --url postgres://postgres@127.0.0.1:5432/test \
 *        --asli 4 --jumlah 100 [--lanjut] [--ukur-saja] [--tanpa-ukur] [--hapus]
 *
 *   scripts/citus.sh start 2 sikiper_nasional
 *   node --import tsx bench/nasional.ts --citus --asli 4 --jumlah 100 [--lanjut] [--ukur-saja] [--tanpa-ukur] [--salin koordinator]
 *
 * On one PostgreSQL it creates (or, with --lanjut, reuses) the database `sikiper_nasional` on
 * that server. With --citus, `--url` names the coordinator (default 127.0.0.1:9700) and the
 * database must already exist on every node, made by `scripts/citus.sh start <workers> <db>`
 * (a database on Citus is created on each node and the workers joined to it, which this script
 * does not do); `migrate` then distributes every tenant table by pemda_id.
 *
 * The first `--asli` pemda are generated and stored with saveDataset (the real write path,
 * ~15 s each on the 2-core machine); the rest are copies of those, made in SQL with a new pemda
 * id (every tenant key starts with pemda_id, so a copy is the same rows under another pemda),
 * because generating all 546 through the application would take over two hours. Each pemda also
 * gets its accounts (one head per unit, with its row in `nama_pengguna`), one live session each
 * and an audit log with one row per realisasi, so that the session and audit indexes have
 * national size too. A copy takes every tenant table of its source (audit log included) except
 * the accounts and sessions, which are made afresh: usernames are unique over the installation
 * and a session id hashes its pemda.
 *
 * How a copy is made:
 * - one PostgreSQL (`lokal`): one transaction of INSERT ... SELECT per table.
 * - Citus, through the coordinator (`koordinator`): the same statements. The source and the copy
 *   hash to different shards, so Citus cannot push them down: it runs the SELECT on the source
 *   pemda's worker, pulls the rows to the coordinator and COPYs them into the new pemda's shard
 *   ("INSERT/SELECT method: pull to coordinator" in EXPLAIN), all in one distributed transaction.
 * - Citus, on the worker (`pekerja`, the default when possible): the new pemda id is chosen so
 *   that its shard group sits on the same worker as its source, and the rows go from shard to
 *   shard in one transaction on that worker, without passing the coordinator. The shard names
 *   come from Citus's own hash (get_shard_id_for_distribution_column).
 * Every copy, whichever way, is counted back table by table through the server (the coordinator,
 * which finds rows only in the shard the hash names) before it is accepted.
 * In every case foreign-key triggers are off while copying (session_replication_role = replica;
 * on Citus propagated to the workers with citus.propagate_set_commands): the rows are an exact
 * copy of a consistent pemda with pemda_id replaced in every key, so every reference holds by
 * construction, and checking them row by row took more than half of the copy time.
 *
 * On Citus the generated pemda are spread over the workers (their pemda row is inserted with an
 * id that hashes to the next worker before saveDataset fills it), and copy n goes to worker
 * n mod workers, so every worker holds the same number of pemda.
 *
 * The time of every generated and copied pemda is kept in `nasional_bench.waktu` (outside the
 * application's schema), so that runs grown with --lanjut report all of them.
 * Prints Markdown to stdout (for docs/scaling.md).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { adalahCitus } from '../src/db/citus.ts';
import { migrate, openDatabase } from '../src/db/client.ts';
import { saveDataset } from '../src/db/dataset-repository.ts';
import { newId } from '../src/db/ids.ts';
import * as t from '../src/db/schema.ts';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { generateNasional, JUMLAH_PEMDA_NASIONAL } from './synth/generate.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    db: { type: 'string', default: 'sikiper_nasional' },
    asli: { type: 'string', default: '4' },
    jumlah: { type: 'string', default: '100' },
    lanjut: { type: 'boolean', default: false },
    'ukur-saja': { type: 'boolean', default: false },
    hapus: { type: 'boolean', default: false },
    /** Only load (no VACUUM, no measuring): for growing in steps with --lanjut. */
    'tanpa-ukur': { type: 'boolean', default: false },
    citus: { type: 'boolean', default: false },
    /** Citus only: `pekerja` (shard to shard on the worker, the default) or `koordinator` (INSERT ... SELECT through the coordinator). */
    salin: { type: 'string', default: 'pekerja' },
  },
});

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const out = (s: string) => process.stdout.write(`${s}\n`);
const detik = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const angka = (n: number) => n.toLocaleString('id-ID');
const mb = (b: number) => (b < 1024 * 1024 ? `${angka(Math.round(b / 1024))} kB` : `${angka(Math.round(b / 1024 / 1024))} MB`);

const CITUS = values.citus;
if (values.salin !== 'pekerja' && values.salin !== 'koordinator') throw new Error('--salin harus pekerja atau koordinator');
const adminUrl = values.url ?? (CITUS ? 'postgres://postgres@127.0.0.1:9700/postgres' : 'postgres://postgres@127.0.0.1:5432/test');
const target = new URL(adminUrl);
target.pathname = `/${values.db}`;
const url = target.toString();

if (CITUS) {
  if (values.hapus) {
    log(`database ${values.db} di Citus dibuat dan dihapus di setiap node oleh scripts/citus.sh, bukan oleh skrip ini`);
    process.exit(2);
  }
} else {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows: ada } = await admin.query('select 1 from pg_database where datname = $1', [values.db]);
  if (ada.length > 0) {
    // Dropping a Citus database on the coordinator alone would leave its shards on the workers.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const citus = await adalahCitus(c);
    await c.end();
    if (citus) {
      await admin.end();
      throw new Error(`${values.db} adalah database Citus: jalankan dengan --citus`);
    }
  }
  if (values.hapus) {
    await admin.query(`drop database if exists ${values.db}`);
    await admin.end();
    log(`database ${values.db} dihapus`);
    process.exit(0);
  }
  if (!values.lanjut && !values['ukur-saja']) {
    await admin.query(`drop database if exists ${values.db}`);
    await admin.query(`create database ${values.db}`);
  }
  await admin.end();
}

const database = await openDatabase({ url });
if (database.kind !== 'postgres') throw new Error('nasional hanya untuk PostgreSQL');
const pool = database.client;
if (CITUS && !(await adalahCitus(pool))) {
  throw new Error(`${values.db} belum memuat Citus: buat dulu dengan scripts/citus.sh start 2 ${values.db}`);
}
if (CITUS && !values.lanjut && !values['ukur-saja']) {
  const { rows } = await pool.query<{ ada: boolean }>(`select to_regclass('public.pemda') is not null as ada`);
  const isi = rows[0]?.ada === true && (await pool.query('select 1 from pemda limit 1')).rows.length > 0;
  if (isi) throw new Error(`${values.db} sudah berisi pemda: pakai --lanjut, atau buat ulang dengan scripts/citus.sh start 2 ${values.db}`);
}
await migrate(database);
await pool.query('create schema if not exists nasional_bench');
await pool.query(
  `create table if not exists nasional_bench.waktu (
     pada timestamptz not null default now(), jenis text not null, cara text not null, pemda_id uuid not null, node text, ms double precision not null, ms_aplikasi double precision not null)`,
);
const { rows: superRows } = await pool.query<{ super: boolean }>('select rolsuper as super from pg_roles where rolname = current_user');
/** Turning foreign-key triggers off needs a superuser; without one the copies check every reference. */
const TANPA_PEMICU = superRows[0]?.super === true;

const asli = Number(values.asli);
const jumlah = Number(values.jumlah);
const tableName = (x: PgTable) => getTableConfig(x).name;
/** Dataset tables in insert order. */
const DATASET_TABLES = t.tenantTables.map(tableName);
/** Filled for every pemda, copies included, by isiAplikasi (usernames are unique over the installation, session ids hash the pemda). */
const TABEL_AKUN = new Set(['pengguna', 'peran_pengguna', 'sesi', 'nama_pengguna']);

async function columns(table: string): Promise<string[]> {
  const r = await pool.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

/** Every table a copy takes from its source: the dataset tables, then the other tenant tables (audit_log, revisi_data, ...). */
const { rows: tabelPemda } = await pool.query<{ nama: string }>(
  `select c.relname as nama from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'pemda_id' and not a.attisdropped)
    order by c.relname`,
);
const TABEL_SALIN = [...DATASET_TABLES, ...tabelPemda.map((r) => r.nama).filter((n) => !DATASET_TABLES.includes(n) && !TABEL_AKUN.has(n))];
const KOLOM = new Map<string, string[]>();
for (const tabel of TABEL_SALIN) KOLOM.set(tabel, await columns(tabel));
/** `insert into <ke> (...) select ... from <dari> where pemda_id = $1`, with $2 as the new pemda_id. */
function sqlSalin(tabel: string, dari: string, ke: string): string {
  const cols = KOLOM.get(tabel) ?? [];
  const list = cols.map((x) => `"${x}"`).join(', ');
  const sel = cols.map((x) => (x === 'pemda_id' ? '$2::uuid' : `"${x}"`)).join(', ');
  return `insert into ${ke} (${list}) select ${sel} from ${dari} where pemda_id = $1`;
}

async function pemdaIds(): Promise<Array<{ id: string; slug: string }>> {
  return (await pool.query<{ id: string; slug: string }>('select id, slug from pemda order by created_at, slug')).rows;
}

// ---------------------------------------------------------------- the cluster

interface Node {
  /** host:port, as the reports name it. */
  nama: string;
  url: string;
}
/** The workers holding the tenant shards (Citus), in port order; one entry for the server itself otherwise. */
const NODES: Node[] = [];
/** Every node of the cluster, the coordinator first (its placements of reference tables count too). */
const SEMUA_NODE: Node[] = [];
if (CITUS) {
  const { rows } = await pool.query<{ nodename: string; nodeport: number; shards: boolean }>(
    `select nodename, nodeport, exists(select 1 from citus_shards s where s.nodename = n.nodename and s.nodeport = n.nodeport and s.table_name = 'realisasi'::regclass) as shards
       from pg_dist_node n where noderole = 'primary' and isactive order by groupid`,
  );
  for (const r of rows) {
    const u = new URL(url);
    u.hostname = r.nodename;
    u.port = String(r.nodeport);
    const node = { nama: `${r.nodename}:${r.nodeport}`, url: u.toString() };
    SEMUA_NODE.push(node);
    if (r.shards) NODES.push(node);
  }
  if (NODES.length === 0) throw new Error('tidak ada worker yang memegang shard');
} else {
  const u = new URL(url);
  SEMUA_NODE.push({ nama: `${u.hostname}:${u.port || '5432'}`, url });
}
const poolNode = new Map<string, pg.Pool>();
function koneksiNode(nama: string): pg.Pool {
  let p = poolNode.get(nama);
  if (!p) {
    const node = SEMUA_NODE.find((n) => n.nama === nama);
    if (!node) throw new Error(`node ${nama} tidak dikenal`);
    p = new pg.Pool({ connectionString: node.url, max: 2 });
    p.on('error', () => undefined);
    poolNode.set(nama, p);
  }
  return p;
}

/** The worker holding a pemda's shard group (all tenant tables are co-located). */
async function nodeOf(ids: string[]): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; node: string }>(
    `select d.id::text as id, n.nodename || ':' || n.nodeport as node
       from unnest($1::uuid[]) as d(id)
       join pg_dist_placement p on p.shardid = get_shard_id_for_distribution_column('realisasi', d.id)
       join pg_dist_node n on n.groupid = p.groupid`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.node]));
}

/** A new pemda id whose shard group is on `node` (ids are UUIDv7 like the application's; drawn until one hashes there). */
async function idDi(node: string): Promise<string> {
  for (;;) {
    const calon = Array.from({ length: 16 }, () => newId());
    const di = await nodeOf(calon);
    const id = calon.find((c) => di.get(c) === node);
    if (id) return id;
  }
}

/** Each table's shard holding pemda `id`, by Citus's hash of the distribution column. */
async function shardOf(id: string): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ tabel: string; shard: string }>(
    `select t as tabel, shard_name(t::regclass, get_shard_id_for_distribution_column(t::regclass, $1::uuid)) as shard from unnest($2::text[]) as t`,
    [id, TABEL_SALIN],
  );
  return new Map(rows.map((r) => [r.tabel, r.shard]));
}

// ---------------------------------------------------------------- filling

const HASH_PALSU = '$argon2id$v=19$m=19456,t=2,p=1$c2lraXBlcmJlbmNo$YmVuY2htYXJrLW5vdC1hLXJlYWwtaGFzaA';

/**
 * Accounts (a head per unit) with their `nama_pengguna` rows, one live session each and, when
 * `audit`, an audit row per realisasi. The ids are derived from the pemda and unit ids rather
 * than drawn (gen_random_uuid), and each row's pemda_id is the source row's: on Citus these
 * INSERT ... SELECT then run as one statement on the pemda's worker instead of passing the
 * coordinator. A session's id is the SHA-256 of its cookie `<pemda id>.<token>` (src/auth/sesi.ts),
 * the token being 43 base64url characters.
 */
async function isiAplikasi(pemdaId: string, slug: string, audit: boolean): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(
      `insert into pengguna (pemda_id, id, username, nama, password_hash)
       select u.pemda_id, md5(u.pemda_id::text || u.id::text)::uuid, left($2 || '.' || o.slug || '.' || u.kode, 60) || '-' || substr(md5(u.id::text), 1, 3), 'Kepala ' || u.nama, $3
         from unit u join opd o on o.pemda_id = u.pemda_id and o.id = u.opd_id where u.pemda_id = $1`,
      [pemdaId, slug.slice(0, 20), HASH_PALSU],
    );
    await c.query(
      `insert into peran_pengguna (pemda_id, id, pengguna_id, peran, opd_slug, unit_kode)
       select u.pemda_id, md5('peran.' || u.pemda_id::text || u.id::text)::uuid, md5(u.pemda_id::text || u.id::text)::uuid, 'kepala-unit', o.slug, u.kode
         from unit u join opd o on o.pemda_id = u.pemda_id and o.id = u.opd_id where u.pemda_id = $1`,
      [pemdaId],
    );
    await c.query(
      `insert into sesi (pemda_id, id, pengguna_id, csrf_token, created_at, expires_at)
       select p.pemda_id,
              encode(sha256(convert_to(p.pemda_id::text || '.' || rtrim(translate(encode(sha256(convert_to(p.id::text, 'UTF8')), 'base64'), '+/', '-_'), '='), 'UTF8')), 'hex'),
              p.id, md5(p.id::text), now(), now() + interval '8 hours'
         from pengguna p where p.pemda_id = $1`,
      [pemdaId],
    );
    await c.query('insert into nama_pengguna (username, pemda_id, pengguna_id) select username, pemda_id, id from pengguna where pemda_id = $1', [pemdaId]);
    if (audit) {
      await c.query(
        `insert into audit_log (pemda_id, id, pengguna_id, at, entity, entity_key, field, old_value, new_value, request_id)
         select r.pemda_id, gen_random_uuid(), null, r.updated_at, 'realisasi', o.slug || '/' || y.tahun || '/' || coalesce(r.triwulan::text, '-') || '/' || r.indikator_kode,
                'nilai', null, to_jsonb(r.nilai), null
           from realisasi r join tahun_opd y on y.pemda_id = r.pemda_id and y.id = r.tahun_opd_id join opd o on o.pemda_id = y.pemda_id and o.id = y.opd_id
          where r.pemda_id = $1`,
        [pemdaId],
      );
    }
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
}

const sqlPemdaBaru = `insert into pemda (id, slug, nama, jenis, provinsi, ibukota, pengaturan)
  select $2, $3, nama || ' (salinan)', jenis, provinsi, ibukota, pengaturan from pemda where id = $1`;

/** Row counts of every copied table for one pemda, in one query (on Citus routed to the pemda's worker). */
async function hitung(id: string): Promise<Map<string, number>> {
  const sql = TABEL_SALIN.map((tb) => `select '${tb}' as tabel, count(*)::int as n from "${tb}" where pemda_id = $1`).join(' union all ');
  const { rows } = await pool.query<{ tabel: string; n: number }>(sql, [id]);
  return new Map(rows.map((r) => [r.tabel, r.n]));
}

type Cara = 'lokal' | 'koordinator' | 'pekerja';

/** A copy of pemda `dari` under id `id` and slug `slugBaru`: INSERT ... SELECT per table through the server (or the coordinator), in one transaction. */
async function salinLewatServer(dari: string, id: string, slugBaru: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(sqlPemdaBaru, [dari, id, slugBaru]);
    if (TANPA_PEMICU) {
      if (CITUS) await c.query(`set local citus.propagate_set_commands to 'local'`);
      await c.query('set local session_replication_role to replica');
    }
    for (const table of TABEL_SALIN) await c.query(sqlSalin(table, `"${table}"`, `"${table}"`), [dari, id]);
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
}

/**
 * The same copy made on the worker holding both pemda, shard to shard, in one transaction there.
 * The pemda row (a reference table) is written through the coordinator first and removed again
 * if the copy fails.
 */
async function salinDiPekerja(dari: string, id: string, slugBaru: string, node: string): Promise<void> {
  const [shardDari, shardKe] = await Promise.all([shardOf(dari), shardOf(id)]);
  await pool.query(sqlPemdaBaru, [dari, id, slugBaru]);
  const c = await koneksiNode(node).connect();
  try {
    await c.query('begin');
    if (TANPA_PEMICU) await c.query('set local session_replication_role to replica');
    for (const table of TABEL_SALIN) {
      const a = shardDari.get(table);
      const b = shardKe.get(table);
      if (!a || !b) throw new Error(`shard ${table} tidak ditemukan`);
      await c.query(sqlSalin(table, a, b), [dari, id]);
    }
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    await pool.query('delete from pemda where id = $1', [id]);
    throw e;
  } finally {
    c.release();
  }
}

if (!values['ukur-saja']) {
  const ada = await pemdaIds();
  let n = ada.length;
  const t0 = performance.now();
  const catat = (jenis: string, cara: string, id: string, node: string | null, ms: number, msAplikasi: number) =>
    pool.query('insert into nasional_bench.waktu (jenis, cara, pemda_id, node, ms, ms_aplikasi) values ($1, $2, $3, $4, $5, $6)', [jenis, cara, id, node, ms, msAplikasi]);
  if (n < asli) {
    let i = 0;
    for (const d of generateNasional({ seed: 546_000, jumlah: JUMLAH_PEMDA_NASIONAL })) {
      if (i++ < n) continue;
      if (n >= asli) break;
      const s = performance.now();
      let node: string | null = null;
      if (CITUS) {
        // The pemda row first, with an id on the next worker: saveDataset's upsert by slug keeps it.
        node = NODES[n % NODES.length]?.nama ?? null;
        if (!node) throw new Error('tidak ada worker');
        const p = d.pemda;
        await pool.query('insert into pemda (id, slug, nama, jenis, provinsi, ibukota, pengaturan) values ($1, $2, $3, $4, $5, $6, $7)', [
          await idDi(node),
          p.slug,
          p.nama,
          p.jenis,
          p.provinsi ?? null,
          p.ibukota ?? null,
          JSON.stringify(p.pengaturan),
        ]);
      }
      await saveDataset(database.db, d);
      const [row] = (await pool.query<{ id: string }>('select id from pemda where slug = $1', [d.pemda.slug])).rows;
      if (!row) throw new Error('pemda tidak tersimpan');
      const s2 = performance.now();
      await isiAplikasi(row.id, d.pemda.slug, true);
      const e = performance.now();
      await catat('asli', 'saveDataset', row.id, node, e - s, e - s2);
      n++;
      log(`asli ${n}/${asli} ${d.pemda.slug}${node ? ` di ${node}` : ''}: ${detik(e - s)} (saveDataset ${detik(s2 - s)}, akun dan audit ${detik(e - s2)})`);
    }
  }
  const sumber = (await pemdaIds()).slice(0, asli);
  const nodeSumber = CITUS ? await nodeOf(sumber.map((s) => s.id)) : new Map<string, string>();
  const kali: Record<string, number[]> = {};
  /** Row counts of each source, counted once. */
  const jumlahSumber = new Map<string, Map<string, number>>();
  while (n < jumlah) {
    const s = performance.now();
    let cara: Cara = 'lokal';
    let node: string | null = null;
    let src = sumber[n % sumber.length];
    let id: string;
    if (CITUS) {
      // Copy n goes to worker n mod workers, from a source on that worker when there is one.
      node = NODES[n % NODES.length]?.nama ?? null;
      if (!node) throw new Error('tidak ada worker');
      const diSana = sumber.filter((x) => nodeSumber.get(x.id) === node);
      if (values.salin === 'pekerja' && diSana.length > 0) {
        cara = 'pekerja';
        src = diSana[Math.floor(n / NODES.length) % diSana.length];
      } else cara = 'koordinator';
      id = await idDi(node);
    } else id = newId();
    if (!src) throw new Error('tidak ada pemda sumber');
    const slugBaru = `${src.slug}-s${String(n + 1).padStart(3, '0')}`;
    if (cara === 'pekerja' && node) await salinDiPekerja(src.id, id, slugBaru, node);
    else await salinLewatServer(src.id, id, slugBaru);
    const s2 = performance.now();
    await isiAplikasi(id, `s${n + 1}`, false);
    const e = performance.now();
    // Every copy is counted back through the server (the coordinator): a row in the wrong shard would be missing here.
    const srcId = src.id;
    const a = jumlahSumber.get(srcId) ?? (await hitung(srcId));
    jumlahSumber.set(srcId, a);
    const b = await hitung(id);
    for (const [tabel, jml] of a) {
      if (b.get(tabel) !== jml) throw new Error(`salinan ${slugBaru}: ${tabel} ${b.get(tabel) ?? 0} baris, sumber ${jml}`);
    }
    await catat('salinan', cara, id, node, e - s, e - s2);
    (kali[cara] ??= []).push(e - s);
    n++;
    if (n % 10 === 0 || n === jumlah || (kali[cara]?.length ?? 0) <= 2) {
      log(`salinan ${n}/${jumlah} (${cara}${node ? ` ke ${node}` : ''}): ${detik(e - s)}, akun ${detik(e - s2)} (total ${((performance.now() - t0) / 60000).toFixed(1)} menit)`);
    }
  }
  if (values['tanpa-ukur']) {
    await Promise.all([...poolNode.values()].map((p) => p.end()));
    await database.close();
    process.exit(0);
  }
  const v = performance.now();
  log('vacuum analyze');
  // Citus does not pass a VACUUM without table names on to the workers: every node vacuums its own tables (the shards).
  await Promise.all(SEMUA_NODE.map((node) => (CITUS ? koneksiNode(node.nama) : pool).query('vacuum analyze')));
  log(`vacuum analyze: ${detik(performance.now() - v)}`);
}

// ---------------------------------------------------------------- measure

const semua = await pemdaIds();
out(`pemda in the database: ${semua.length}`);

/** The database size on every node. */
const ukuranNode = new Map<string, number>();
for (const node of SEMUA_NODE) {
  const { rows } = await (CITUS ? koneksiNode(node.nama) : pool).query<{ b: string }>('select pg_database_size(current_database())::text as b');
  ukuranNode.set(node.nama, Number(rows[0]?.b ?? 0));
}
const totalDb = [...ukuranNode.values()].reduce((a, b) => a + b, 0);
out(`database size: ${mb(totalDb)}${CITUS ? ` over ${SEMUA_NODE.length} nodes (${SEMUA_NODE.map((n) => `${n.nama} ${mb(ukuranNode.get(n.nama) ?? 0)}`).join(', ')})` : ''}`);
out('');

/** Times of the generated and copied pemda, per way. */
{
  const { rows } = await pool.query<{ jenis: string; cara: string; node: string | null; n: number; med: number; avg: number; min: number; max: number; app: number }>(
    `select jenis, cara, node, count(*)::int as n, percentile_cont(0.5) within group (order by ms) as med, avg(ms) as avg, min(ms) as min, max(ms) as max,
            percentile_cont(0.5) within group (order by ms_aplikasi) as app
       from nasional_bench.waktu group by jenis, cara, node order by jenis, cara, node`,
  );
  if (rows.length > 0) {
    out('Time per pemda (generated: saveDataset, then accounts and audit rows; copied: the copy, then accounts; wall time on the shared machine):');
    out('');
    out('| pemda | way | node | count | median | mean | min | max | of which accounts (+ audit), median |');
    out('|:--|:--|:--|--:|--:|--:|--:|--:|--:|');
    for (const r of rows) {
      out(`| ${r.jenis} | ${r.cara} | ${r.node ?? '–'} | ${r.n} | ${detik(r.med)} | ${detik(r.avg)} | ${detik(r.min)} | ${detik(r.max)} | ${detik(r.app)} |`);
    }
    out('');
  }
}

log('mengukur');
if (CITUS) {
  // Bytes per placement (citus_shards: table, indexes and TOAST of each shard), rows per shard counted on the shard.
  const { rows: shards } = await pool.query<{ tabel: string; jenis: string; shardid: string; node: string; bytes: string }>(
    `select table_name::text as tabel, citus_table_type as jenis, shardid::text, nodename || ':' || nodeport as node, shard_size::text as bytes from citus_shards`,
  );
  const tabelList = [...new Set(shards.map((s) => s.tabel))];
  const barisShard = new Map<string, number>();
  for (const tb of tabelList) {
    const { rows } = await pool.query<{ shardid: string; result: string }>(`select shardid::text, result from run_command_on_shards($1, 'select count(*) from %s')`, [tb]);
    for (const r of rows) barisShard.set(r.shardid, Number(r.result));
  }
  const nodeKolom = SEMUA_NODE.filter((n) => shards.some((s) => s.node === n.nama));
  const { rows: pemdaPerNode } = await pool.query<{ node: string; n: number }>(
    `select n.nodename || ':' || n.nodeport as node, count(*)::int as n
       from pemda d join pg_dist_placement p on p.shardid = get_shard_id_for_distribution_column('realisasi', d.id) join pg_dist_node n on n.groupid = p.groupid
      group by 1`,
  );
  const pemdaDi = new Map(pemdaPerNode.map((r) => [r.node, r.n]));

  out('Per node (tenant shards and the node\'s copy of the reference tables; "database" is pg_database_size on that node, catalogs and empty shards included):');
  out('');
  out('| node | pemda | shard placements | rows | bytes in placements | per pemda on the node | database |');
  out('|:--|--:|--:|--:|--:|--:|--:|');
  for (const node of nodeKolom) {
    const di = shards.filter((s) => s.node === node.nama);
    const baris = di.reduce((a, s) => a + (barisShard.get(s.shardid) ?? 0), 0);
    const bytes = di.reduce((a, s) => a + Number(s.bytes), 0);
    const p = pemdaDi.get(node.nama) ?? 0;
    out(`| ${node.nama} | ${p} | ${di.length} | ${angka(baris)} | ${mb(bytes)} | ${p > 0 ? mb(bytes / p) : '–'} | ${mb(ukuranNode.get(node.nama) ?? 0)} |`);
  }
  out('');
  out('| table | kind | rows | rows per pemda | all placements | ' + nodeKolom.map((n) => n.nama).join(' | ') + ' |');
  out('|:--|:--|--:|--:|--:|' + nodeKolom.map(() => '--:').join('|') + '|');
  const perTabel = tabelList
    .map((tb) => {
      const di = shards.filter((s) => s.tabel === tb);
      const baris = [...new Set(di.map((s) => s.shardid))].reduce((a, id) => a + (barisShard.get(id) ?? 0), 0);
      return { tb, jenis: di[0]?.jenis ?? '', baris, bytes: di.reduce((a, s) => a + Number(s.bytes), 0), di };
    })
    .sort((a, b) => b.bytes - a.bytes);
  for (const r of perTabel) {
    if (r.baris === 0) continue;
    const perNode = nodeKolom.map((n) => mb(r.di.filter((s) => s.node === n.nama).reduce((a, s) => a + Number(s.bytes), 0)));
    out(`| ${r.tb} | ${r.jenis} | ${angka(r.baris)} | ${angka(Math.round(r.baris / semua.length))} | ${mb(r.bytes)} | ${perNode.join(' | ')} |`);
  }
} else {
  out('| table | rows | rows per pemda | table + indexes |');
  out('|:--|--:|--:|--:|');
  const { rows: tabel } = await pool.query<{ relname: string; total: string; ukuran: string }>(
    `select c.relname, pg_total_relation_size(c.oid)::text as total, pg_size_pretty(pg_total_relation_size(c.oid)) as ukuran
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
  );
  for (const r of tabel) {
    const { rows } = await pool.query<{ n: string }>(`select count(*)::text as n from "${r.relname}"`);
    const n = Number(rows[0]?.n ?? 0);
    if (n === 0) continue;
    out(`| ${r.relname} | ${angka(n)} | ${angka(Math.round(n / semua.length))} | ${r.ukuran} |`);
  }
}

/** A pemda in the middle of the table, its busiest OPD-year and one head of unit with their session. */
const tengah = semua[Math.floor(semua.length / 2)];
if (!tengah) throw new Error('database kosong');
const q1 = async <R extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await pool.query<R>(text, params)).rows[0];
const ty = await q1<{ id: string; opd_id: string; tahun: number; slug: string }>(
  `select y.id, y.opd_id, y.tahun, o.slug from tahun_opd y join opd o on o.pemda_id = y.pemda_id and o.id = y.opd_id
    where y.pemda_id = $1 order by y.tahun desc, o.urutan limit 1`,
  [tengah.id],
);
if (!ty) throw new Error('tidak ada tahun_opd');
const ri = await q1<{ indikator_kode: string; triwulan: number }>(
  'select indikator_kode, triwulan from realisasi where pemda_id = $1 and tahun_opd_id = $2 and triwulan is not null limit 1',
  [tengah.id, ty.id],
);
const se = await q1<{ id: string; pengguna_id: string }>('select id, pengguna_id from sesi where pemda_id = $1 limit 1', [tengah.id]);
const rv = await q1<{ id: string }>(
  `select id from renja_versi where pemda_id = $1 and tahun_opd_id = $2 order by urutan desc limit 1`,
  [tengah.id, ty.id],
);
const rs = await q1<{ id: string }>('select id from renstra where pemda_id = $1 and opd_id = $2 limit 1', [tengah.id, ty.opd_id]);
if (!ri || !se || !rv || !rs) throw new Error('data contoh tidak lengkap');

const HOT: Array<{ nama: string; sql: string; params: unknown[]; ulang?: number }> = [
  { nama: 'session by (pemda, cookie hash) (every request)', sql: 'select * from sesi where pemda_id = $1 and id = $2', params: [tengah.id, se.id] },
  {
    nama: 'session + account + pemda + roles in one query (bacaSesi, every request)',
    sql: `select s.pemda_id, s.pengguna_id, s.csrf_token, s.created_at, s.expires_at, p.username, p.nama, p.aktif, d.slug, d.nama,
                 coalesce((select json_agg(json_build_object('peran', r.peran, 'opd', r.opd_slug, 'unit', r.unit_kode) order by r.peran, r.opd_slug, r.unit_kode)
                             from peran_pengguna r where r.pemda_id = $1 and r.pengguna_id = s.pengguna_id), '[]'::json)
            from sesi s join pengguna p on p.pemda_id = s.pemda_id and p.id = s.pengguna_id join pemda d on d.id = s.pemda_id
           where s.pemda_id = $1 and s.id = $2`,
    params: [tengah.id, se.id],
  },
  {
    nama: 'actor of the session (every request)',
    sql: 'select p.id, p.username, p.nama, p.aktif, d.slug, d.nama from pengguna p join pemda d on d.id = p.pemda_id where p.pemda_id = $1 and p.id = $2',
    params: [tengah.id, se.pengguna_id],
  },
  { nama: 'roles of the actor (every request)', sql: 'select peran, opd_slug, unit_kode from peran_pengguna where pemda_id = $1 and pengguna_id = $2 order by peran, opd_slug, unit_kode', params: [tengah.id, se.pengguna_id] },
  { nama: 'data revision of pemda + OPD (dashboard cache check)', sql: 'select coalesce(sum(revisi), 0) from revisi_data where pemda_id = $1', params: [tengah.id] },
  { nama: 'OPD-year row (catalogue)', sql: 'select * from tahun_opd where pemda_id = $1 and opd_id = $2 and tahun = $3', params: [tengah.id, ty.opd_id, ty.tahun] },
  {
    nama: 'Renstra indicators of the OPD (catalogue)',
    sql: `select i.* from indikator i join sasaran s on s.pemda_id = i.pemda_id and s.id = i.sasaran_id where i.pemda_id = $1 and i.renstra_id = $2 order by s.nomor, s.urutan, i.urutan`,
    params: [tengah.id, rs.id],
  },
  {
    nama: 'Renja indicators of the OPD-year (catalogue)',
    sql: `select ri.*, rn.unit_id from renja_indikator ri join renja_node rn on rn.pemda_id = ri.pemda_id and rn.id = ri.renja_node_id
           where ri.pemda_id = $1 and ri.renja_versi_id = $2 and rn.level in ('program', 'kegiatan', 'sub-kegiatan') order by rn.urutan, ri.urutan`,
    params: [tengah.id, rv.id],
  },
  {
    nama: 'realisasi entry, locked (save)',
    sql: 'select * from realisasi where pemda_id = $1 and tahun_opd_id = $2 and indikator_kode = $3 and triwulan = $4 for update',
    params: [tengah.id, ty.id, ri.indikator_kode, ri.triwulan],
  },
  {
    nama: 'realisasi update (save)',
    sql: `update realisasi set nilai = nilai, version = version + 1, updated_at = now() where pemda_id = $1 and tahun_opd_id = $2 and indikator_kode = $3 and triwulan = $4`,
    params: [tengah.id, ty.id, ri.indikator_kode, ri.triwulan],
  },
  {
    nama: 'audit row insert (save)',
    sql: `insert into audit_log (pemda_id, id, pengguna_id, at, entity, entity_key, field, old_value, new_value, request_id) values ($1, gen_random_uuid(), $2, now(), 'realisasi', 'x/1/1/k', 'nilai', null, '1'::jsonb, 'r')`,
    params: [tengah.id, se.pengguna_id],
  },
  {
    nama: 'progress of an OPD-year (dashboard)',
    sql: 'select indikator_kode, triwulan, status from realisasi where pemda_id = $1 and tahun_opd_id = $2 and triwulan is not null',
    params: [tengah.id, ty.id],
  },
  {
    nama: 'history of one entry (audit)',
    sql: `select * from audit_log where pemda_id = $1 and entity = 'realisasi' and entity_key = $2 order by at, id`,
    params: [tengah.id, `${ty.slug}/${ty.tahun}/${ri.triwulan}/${ri.indikator_kode}`],
  },
  // Seconds per run: fewer runs.
  { nama: 'all realisasi of one pemda (whole-pemda load)', sql: 'select * from realisasi where pemda_id = $1 order by urutan', params: [tengah.id], ulang: 5 },
];

log('kueri panas');
const PEMANASAN = 3;
const ULANG = 20;
const nodeTengah = CITUS ? (await nodeOf([tengah.id])).get(tengah.id) : undefined;
out('');
out(
  `Hot queries on pemda ${tengah.slug}${nodeTengah ? ` (shards on ${nodeTengah})` : ''}, OPD ${ty.slug}, ${ty.tahun} ` +
    `(median of ${ULANG} runs after ${PEMANASAN} warm-ups, 5 runs after 1 for the whole-pemda load; EXPLAIN ANALYZE of one run; every run in a transaction rolled back):`,
);
out('');
if (CITUS) {
  out('| query | median round trip | coordinator execution | Task Count | worker | worker execution | worker plan |');
  out('|:--|--:|--:|--:|:--|--:|:--|');
} else {
  out('| query | median round trip | execution | plan |');
  out('|:--|--:|--:|:--|');
}
const planDetail: string[] = [];
for (const h of HOT) {
  const c = await pool.connect();
  try {
    const ulang = h.ulang ?? ULANG;
    const pemanasan = h.ulang ? 1 : PEMANASAN;
    const times: number[] = [];
    for (let i = 0; i < pemanasan + ulang; i++) {
      await c.query('begin');
      const s = performance.now();
      await c.query(h.sql, h.params);
      const e = performance.now() - s;
      await c.query('rollback');
      if (i >= pemanasan) times.push(e);
    }
    times.sort((a, b) => a - b);
    const med = ulang % 2 === 0 ? ((times[ulang / 2 - 1] ?? 0) + (times[ulang / 2] ?? 0)) / 2 : (times[(ulang - 1) / 2] ?? 0);
    await c.query('begin');
    const plan = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${h.sql}`, h.params);
    await c.query('rollback');
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    const scan = (
      lines
        .find((l) => /Index|Seq Scan|Bitmap/.test(l))
        ?.trim()
        .replace(/\s+\(cost.*$/, '')
        .replace(/^->\s*/, '') ??
      lines.find((l) => !/Custom Scan|Task|Node:|Tuple data/.test(l))?.trim().replace(/\s+\(cost.*$/, '').replace(/^->\s*/, '') ??
      ''
    ).replace(/\|/g, '/');
    const eksekusi = /^Execution Time: ([\d.]+) ms/m.exec(lines.join('\n'))?.[1];
    if (CITUS) {
      const teks = lines.join('\n');
      const tugas = /Task Count: (\d+)/.exec(teks)?.[1] ?? '–';
      const di = /Node: host=(\S+) port=(\d+)/.exec(teks);
      const pekerja = /^\s+Execution Time: ([\d.]+) ms/m.exec(teks)?.[1];
      out(`| ${h.nama} | ${med.toFixed(2)} ms | ${eksekusi ?? '?'} ms | ${tugas} | ${di ? `${di[1]}:${di[2]}` : '–'} | ${pekerja ? `${pekerja} ms` : '–'} | ${scan} |`);
    } else {
      out(`| ${h.nama} | ${med.toFixed(2)} ms | ${eksekusi ?? '?'} ms | ${scan} |`);
    }
    planDetail.push(`-- ${h.nama}\n${lines.join('\n')}`);
  } finally {
    c.release();
  }
}
out('');
out('<details><summary>EXPLAIN (ANALYZE, BUFFERS) output</summary>');
out('');
out('```');
out(planDetail.join('\n\n'));
out('```');
out('</details>');
await Promise.all([...poolNode.values()].map((p) => p.end()));
await database.close();
