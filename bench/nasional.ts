/**
 * The "nasional" database: many kabupaten-sized pemda in one PostgreSQL, for measuring the
 * database alone (row counts, sizes, the hot queries with EXPLAIN ANALYZE). Not part of
 * `npm run bench`: it takes minutes to tens of minutes and gigabytes of disk.
 *
 *   node --import tsx bench/nasional.ts --url postgres://postgres@127.0.0.1:5432/test \
 *        --asli 4 --jumlah 100 [--lanjut] [--ukur-saja] [--hapus]
 *
 * Creates (or, with --lanjut, reuses) the database `sikiper_nasional` on that server. The first
 * `--asli` pemda are generated and stored with saveDataset (the real write path, ~15 s each on
 * the 2-core machine); the rest are copies of those, made in SQL with a new pemda id (every
 * tenant key starts with pemda_id, so a copy is the same rows under another pemda), because
 * generating all 546 through the application would take over two hours. Each pemda also gets
 * its accounts (one head per unit, one planner per OPD), sessions and an audit log with one row
 * per realisasi, so that the session and audit indexes have national size too.
 * Prints Markdown to stdout (for docs/scaling.md).
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate, openDatabase } from '../src/db/client.ts';
import { saveDataset } from '../src/db/dataset-repository.ts';
import { newId } from '../src/db/ids.ts';
import * as t from '../src/db/schema.ts';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { generateNasional, JUMLAH_PEMDA_NASIONAL } from './synth/generate.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    db: { type: 'string', default: 'sikiper_nasional' },
    asli: { type: 'string', default: '4' },
    jumlah: { type: 'string', default: '100' },
    lanjut: { type: 'boolean', default: false },
    'ukur-saja': { type: 'boolean', default: false },
    hapus: { type: 'boolean', default: false },
  },
});

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const out = (s: string) => process.stdout.write(`${s}\n`);

const adminUrl = values.url;
const target = new URL(adminUrl);
target.pathname = `/${values.db}`;
const url = target.toString();

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
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

const database = await openDatabase({ url });
if (database.kind !== 'postgres') throw new Error('nasional hanya untuk PostgreSQL');
await migrate(database);
const pool = database.client;

const asli = Number(values.asli);
const jumlah = Number(values.jumlah);
const tableName = (x: PgTable) => getTableConfig(x).name;
/** Dataset tables in insert order, then the application tables a pemda's users fill. */
const DATASET_TABLES = t.tenantTables.map(tableName);

async function columns(table: string): Promise<string[]> {
  const r = await pool.query<{ column_name: string }>(
    `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

async function pemdaIds(): Promise<Array<{ id: string; slug: string }>> {
  return (await pool.query<{ id: string; slug: string }>('select id, slug from pemda order by created_at, slug')).rows;
}

const HASH_PALSU = '$argon2id$v=19$m=19456,t=2,p=1$c2lraXBlcmJlbmNo$YmVuY2htYXJrLW5vdC1hLXJlYWwtaGFzaA';

/** Accounts (a head per unit, a planner per OPD), one live session each, and an audit row per realisasi. */
async function isiAplikasi(pemdaId: string, slug: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(
      `insert into pengguna (pemda_id, id, username, nama, password_hash)
       select $1, gen_random_uuid(), left($2 || '.' || o.slug || '.' || u.kode, 60) || '-' || substr(md5(u.id::text), 1, 3), 'Kepala ' || u.nama, $3
         from unit u join opd o on o.pemda_id = u.pemda_id and o.id = u.opd_id where u.pemda_id = $1`,
      [pemdaId, slug.slice(0, 20), HASH_PALSU],
    );
    await c.query(
      `insert into peran_pengguna (pemda_id, id, pengguna_id, peran, opd_slug, unit_kode)
       select $1, gen_random_uuid(), p.id, 'kepala-unit', o.slug, u.kode
         from unit u join opd o on o.pemda_id = u.pemda_id and o.id = u.opd_id
         join pengguna p on p.pemda_id = u.pemda_id and p.nama = 'Kepala ' || u.nama and p.username like '%' || substr(md5(u.id::text), 1, 3)
        where u.pemda_id = $1`,
      [pemdaId],
    );
    await c.query(
      `insert into sesi (pemda_id, id, pengguna_id, csrf_token, created_at, expires_at)
       select $1, encode(sha256(p.id::text::bytea), 'hex'), p.id, md5(p.id::text), now(), now() + interval '8 hours' from pengguna p where p.pemda_id = $1`,
      [pemdaId],
    );
    await c.query(
      `insert into audit_log (pemda_id, id, pengguna_id, at, entity, entity_key, field, old_value, new_value, request_id)
       select r.pemda_id, gen_random_uuid(), null, r.updated_at, 'realisasi', o.slug || '/' || y.tahun || '/' || coalesce(r.triwulan::text, '-') || '/' || r.indikator_kode,
              'nilai', null, to_jsonb(r.nilai), null
         from realisasi r join tahun_opd y on y.pemda_id = r.pemda_id and y.id = r.tahun_opd_id join opd o on o.pemda_id = y.pemda_id and o.id = y.opd_id
        where r.pemda_id = $1`,
      [pemdaId],
    );
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
}

/** A copy of pemda `dari` under a new id and slug, in one transaction of INSERT ... SELECT per table. */
async function salin(dari: string, slugBaru: string): Promise<string> {
  const id = newId();
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(
      `insert into pemda (id, slug, nama, jenis, provinsi, ibukota, pengaturan)
       select $2, $3, nama || ' (salinan)', jenis, provinsi, ibukota, pengaturan from pemda where id = $1`,
      [dari, id, slugBaru],
    );
    for (const table of DATASET_TABLES) {
      const cols = await columns(table);
      const list = cols.map((x) => `"${x}"`).join(', ');
      const sel = cols.map((x) => (x === 'pemda_id' ? '$2::uuid' : `"${x}"`)).join(', ');
      await c.query(`insert into "${table}" (${list}) select ${sel} from "${table}" where pemda_id = $1`, [dari, id]);
    }
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    c.release();
  }
  return id;
}

if (!values['ukur-saja']) {
  const ada = await pemdaIds();
  let n = ada.length;
  const t0 = performance.now();
  if (n < asli) {
    let i = 0;
    for (const d of generateNasional({ seed: 546_000, jumlah: JUMLAH_PEMDA_NASIONAL })) {
      if (i++ < n) continue;
      if (n >= asli) break;
      const s = performance.now();
      await saveDataset(database.db, d);
      const [row] = (await pool.query<{ id: string }>('select id from pemda where slug = $1', [d.pemda.slug])).rows;
      if (!row) throw new Error('pemda tidak tersimpan');
      await isiAplikasi(row.id, d.pemda.slug);
      n++;
      log(`asli ${n}/${asli} ${d.pemda.slug}: ${((performance.now() - s) / 1000).toFixed(1)} s`);
    }
  }
  const sumber = (await pemdaIds()).slice(0, asli);
  while (n < jumlah) {
    const src = sumber[n % sumber.length];
    if (!src) throw new Error('tidak ada pemda sumber');
    const s = performance.now();
    const id = await salin(src.id, `${src.slug}-s${String(n + 1).padStart(3, '0')}`);
    await isiAplikasi(id, `s${n + 1}`);
    n++;
    if (n % 10 === 0 || n === jumlah) log(`salinan ${n}/${jumlah}: ${((performance.now() - s) / 1000).toFixed(1)} s (total ${((performance.now() - t0) / 60000).toFixed(1)} menit)`);
  }
  log('vacuum analyze');
  await pool.query('vacuum analyze');
}

// ---------------------------------------------------------------- measure

const semua = await pemdaIds();
out(`pemda in the database: ${semua.length}`);
const { rows: ukuranDb } = await pool.query<{ s: string }>('select pg_size_pretty(pg_database_size(current_database())) as s');
out(`database size: ${ukuranDb[0]?.s ?? '?'}`);
out('');
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
  out(`| ${r.relname} | ${n.toLocaleString('id-ID')} | ${Math.round(n / semua.length).toLocaleString('id-ID')} | ${r.ukuran} |`);
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

const HOT: Array<{ nama: string; sql: string; params: unknown[]; tulis?: boolean }> = [
  { nama: 'session by cookie hash (every request)', sql: 'select * from sesi where id = $1', params: [se.id] },
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
    tulis: true,
  },
  {
    nama: 'realisasi update (save)',
    sql: `update realisasi set nilai = nilai, version = version + 1, updated_at = now() where pemda_id = $1 and tahun_opd_id = $2 and indikator_kode = $3 and triwulan = $4`,
    params: [tengah.id, ty.id, ri.indikator_kode, ri.triwulan],
    tulis: true,
  },
  {
    nama: 'audit row insert (save)',
    sql: `insert into audit_log (pemda_id, id, pengguna_id, at, entity, entity_key, field, old_value, new_value, request_id) values ($1, gen_random_uuid(), $2, now(), 'realisasi', 'x/1/1/k', 'nilai', null, '1'::jsonb, 'r')`,
    params: [tengah.id, se.pengguna_id],
    tulis: true,
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
  { nama: 'all realisasi of one pemda (whole-pemda load)', sql: 'select * from realisasi where pemda_id = $1 order by urutan', params: [tengah.id] },
];

out('');
out(`Hot queries on pemda ${tengah.slug}, OPD ${ty.slug}, ${ty.tahun} (median of 20 runs after 3 warm-ups; EXPLAIN ANALYZE of one run):`);
out('');
out('| query | median | plan |');
out('|:--|--:|:--|');
const planDetail: string[] = [];
for (const h of HOT) {
  const c = await pool.connect();
  try {
    const times: number[] = [];
    for (let i = 0; i < 23; i++) {
      await c.query('begin');
      const s = performance.now();
      await c.query(h.sql, h.params);
      const e = performance.now() - s;
      await c.query('rollback');
      if (i >= 3) times.push(e);
    }
    times.sort((a, b) => a - b);
    const med = ((times[9] ?? 0) + (times[10] ?? 0)) / 2;
    await c.query('begin');
    const plan = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${h.sql}`, h.params);
    await c.query('rollback');
    const lines = plan.rows.map((r) => r['QUERY PLAN']);
    const scan = lines.find((l) => /Index|Seq Scan|Bitmap/.test(l))?.trim().replace(/\s+\(cost.*$/, '').replace(/^->\s*/, '') ?? lines[0] ?? '';
    out(`| ${h.nama} | ${med.toFixed(2)} ms | ${scan.replace(/\|/g, '/')} |`);
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
void createHash;
await database.close();
