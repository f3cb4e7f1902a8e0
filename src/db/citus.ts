/**
 * Migrations on a Citus cluster (docs/scaling.md). The same SQL files as on PGlite and one
 * PostgreSQL run on the coordinator, and every table ends up distributed the way a multi-tenant
 * schema needs it:
 *
 * - every tenant table (it has `pemda_id`, which starts its primary key) is distributed by
 *   `pemda_id`, all of them co-located, so that one pemda's rows of every table sit on one shard
 *   group and a request about one pemda runs on one worker;
 * - installation-wide tables are reference tables, copied to every node: `pemda` (every tenant
 *   table points at it) and `nama_pengguna` (usernames are unique over the installation);
 * - `percobaan_masuk` (failed sign-ins per account name and address, before any pemda is known)
 *   stays a plain table on the coordinator.
 *
 * Citus refuses a foreign key from a plain table to a distributed one and the other way round,
 * so a table must be distributed before the foreign keys between it and distributed tables are
 * added. The migrations add foreign keys in their own statements after the tables; here such a
 * statement waits while one of its two tables is not distributed yet, and runs once both are.
 * A database that was migrated on plain PostgreSQL and then moved onto Citus is distributed the
 * same way: the foreign keys touching its plain tables are dropped, the tables distributed and
 * the keys added back, in one transaction. Running it again changes nothing.
 */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';

/** Copied to every node. */
export const TABEL_REFERENSI = ['pemda', 'nama_pengguna'] as const;
/** Kept on the coordinator only. */
export const TABEL_KOORDINATOR = ['percobaan_masuk'] as const;
/** The column every tenant table is distributed by. */
export const KOLOM_SEBARAN = 'pemda_id';

type Klien = Pick<pg.PoolClient, 'query'>;

/** Whether the database is a Citus coordinator (the extension is installed). */
export async function adalahCitus(klien: Klien): Promise<boolean> {
  const { rows } = await klien.query<{ ada: boolean }>(`select exists(select 1 from pg_extension where extname = 'citus') as ada`);
  return rows[0]?.ada === true;
}

const FK = /^\s*ALTER TABLE "(\w+)" ADD CONSTRAINT "\w+" FOREIGN KEY .* REFERENCES "public"\."(\w+)"/s;

/**
 * Applies the migrations the database has not seen, with drizzle's own bookkeeping table (so
 * `migrate` on one PostgreSQL and here agree on what was applied), then distributes what is not
 * distributed yet. One transaction: on any error nothing of it stays.
 */
export async function migrasiCitus(klien: Klien, migrationsFolder: string): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await klien.query('create schema if not exists drizzle');
  await klien.query('create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
  const { rows } = await klien.query<{ created_at: string }>('select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1');
  const terakhir = rows[0] === undefined ? undefined : Number(rows[0].created_at);
  await klien.query('begin');
  try {
    // DDL and distribution in one transaction need Citus to use one connection per worker.
    await klien.query(`set local citus.multi_shard_modify_mode to 'sequential'`);
    // The only trigger keeps audit_log append-only (0001): it touches nothing but its own row.
    await klien.query('set local citus.enable_unsafe_triggers to on');
    // Nothing is distributed until sebarkan below, so what is distributed now stays so while the files run.
    const sudah = await tabelTersebar(klien);
    const tertunda: string[] = [];
    for (const m of migrations) {
      if (terakhir !== undefined && terakhir >= m.folderMillis) continue;
      for (const stmt of m.sql) {
        const fk = FK.exec(stmt);
        if (fk && !(sudah.has(fk[1] ?? '') && sudah.has(fk[2] ?? ''))) tertunda.push(stmt);
        else await klien.query(stmt);
      }
      await klien.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [m.hash, m.folderMillis]);
    }
    await sebarkan(klien, tertunda);
    await klien.query('commit');
  } catch (e) {
    await klien.query('rollback');
    throw e;
  }
}

/** The tables of the schema that are already distributed or reference tables (Citus metadata). */
async function tabelTersebar(klien: Klien): Promise<Set<string>> {
  const { rows } = await klien.query<{ nama: string }>(
    `select c.relname as nama from pg_dist_partition p join pg_class c on c.oid = p.logicalrelid
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and (p.partmethod = 'h' or p.repmodel = 't')`,
  );
  return new Set(rows.map((r) => r.nama));
}

/** How each table of the schema is placed on the cluster. */
export type Penempatan = 'referensi' | 'koordinator' | 'tersebar';

export function penempatan(tabel: string, punyaPemdaId: boolean): Penempatan {
  if ((TABEL_REFERENSI as readonly string[]).includes(tabel)) return 'referensi';
  if ((TABEL_KOORDINATOR as readonly string[]).includes(tabel)) return 'koordinator';
  if (punyaPemdaId) return 'tersebar';
  throw new Error(`tabel "${tabel}" tidak punya kolom ${KOLOM_SEBARAN} dan tidak terdaftar sebagai tabel referensi atau koordinator (src/db/citus.ts)`);
}

/**
 * Distributes every table that is not yet, then adds the foreign keys that waited for it
 * (`tertunda`) and those it had to drop to do so.
 */
async function sebarkan(klien: Klien, tertunda: readonly string[]): Promise<void> {
  const { rows: tabel } = await klien.query<{ nama: string; pemda: boolean }>(
    `select c.relname as nama,
            exists(select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = $1 and not a.attisdropped) as pemda
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and not exists(select 1 from pg_dist_partition p where p.logicalrelid = c.oid and (p.partmethod = 'h' or p.repmodel = 't'))
      order by c.relname`,
    [KOLOM_SEBARAN],
  );
  const rencana = tabel.map((t) => ({ nama: t.nama, cara: penempatan(t.nama, t.pemda) })).filter((t) => t.cara !== 'koordinator');
  if (rencana.length === 0 && tertunda.length === 0) return;
  const nama = rencana.map((t) => t.nama);
  // Foreign keys that touch a table about to move: dropped now, added back once it has moved.
  const { rows: fk } = await klien.query<{ tabel: string; nama: string; def: string }>(
    `select conrelid::regclass::text as tabel, conname as nama, pg_get_constraintdef(oid) as def
       from pg_constraint
      where contype = 'f' and connamespace = 'public'::regnamespace
        and (conrelid::regclass::text = any($1) or confrelid::regclass::text = any($1))
      order by conrelid::regclass::text, conname`,
    [nama],
  );
  for (const k of fk) await klien.query(`alter table ${k.tabel} drop constraint "${k.nama}"`);
  for (const t of rencana.filter((r) => r.cara === 'referensi')) await klien.query('select create_reference_table($1)', [`public.${t.nama}`]);
  for (const t of rencana.filter((r) => r.cara === 'tersebar')) {
    // 'default' co-locates every table distributed by a uuid with the same shard count: all tenant tables.
    await klien.query(`select create_distributed_table($1, $2, colocate_with => 'default')`, [`public.${t.nama}`, KOLOM_SEBARAN]);
  }
  for (const k of fk) await klien.query(`alter table ${k.tabel} add constraint "${k.nama}" ${k.def}`);
  for (const stmt of tertunda) await klien.query(stmt);
}

/** The placement of every table on the cluster, for `sikiper migrate` to print and tests to check. */
export async function bacaPenempatan(klien: Klien): Promise<Array<{ tabel: string; cara: Penempatan | 'lokal'; colocation: number | null }>> {
  const { rows } = await klien.query<{ tabel: string; partmethod: string | null; repmodel: string | null; colocationid: number | null }>(
    `select c.relname as tabel, p.partmethod, p.repmodel, p.colocationid
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       left join pg_dist_partition p on p.logicalrelid = c.oid
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname`,
  );
  return rows.map((r) => ({
    tabel: r.tabel,
    cara: r.partmethod === 'h' ? 'tersebar' : r.repmodel === 't' ? 'referensi' : (TABEL_KOORDINATOR as readonly string[]).includes(r.tabel) ? 'koordinator' : 'lokal',
    colocation: r.partmethod === 'h' ? r.colocationid : null,
  }));
}

