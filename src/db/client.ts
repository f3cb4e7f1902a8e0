/**
 * Opens the database. The URL decides the driver:
 *   postgres://... or postgresql://...   PostgreSQL through a node-postgres pool
 *   memory://                            PGlite in memory (tests)
 *   file://<folder>                      PGlite stored in <folder>
 *   (none)                               PGlite stored in the data folder, default ./data
 * The caller passes them (src/config/config.ts reads DATABASE_URL, SIKIPER_DATA_DIR, SIKIPER_PG_POOL).
 * Both drivers give the same `Db` type, so repositories do not know which one runs.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { adalahCitus, migrasiCitus } from './citus.ts';
import * as schema from './schema.ts';
import { DatabaseConfigError, redact, resolveTarget, type OpenOptions } from './target.ts';

export type Schema = typeof schema;
/** The driver-independent Drizzle database that repositories take. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Drizzle `db` plus what it takes to migrate and close it. */
export type Database = {
  db: Db;
  /** A short description without credentials, for logs. */
  description: string;
  close: () => Promise<void>;
} & ({ kind: 'pglite'; client: PGlite } | { kind: 'postgres'; client: pg.Pool });

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Arbitrary constant shared by every SIKIPER process: serializes migrations on one server. */
const MIGRATION_LOCK = 7_453_001;


export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const target = resolveTarget(opts);
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: opts.pool ?? 20 });
    const description = `postgres ${redact(target.url)}`;
    // Idle clients can fail when the server restarts; without a listener that error would crash the process.
    pool.on('error', () => undefined);
    try {
      await pool.query('select 1');
    } catch (e) {
      await pool.end();
      throw new DatabaseConfigError(`tidak dapat terhubung ke ${description}: ${(e as Error).message}`);
    }
    return { kind: 'postgres', client: pool, db: drizzleNodePg({ client: pool, schema }), description, close: () => pool.end() };
  }
  if (target.dataDir) await mkdir(target.dataDir, { recursive: true });
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  try {
    await client.waitReady;
  } catch (e) {
    throw new DatabaseConfigError(`tidak dapat membuka PGlite di ${target.dataDir ?? 'memori'}: ${(e as Error).message}`);
  }
  return {
    kind: 'pglite',
    client,
    db: drizzlePglite({ client, schema }),
    description: `pglite ${target.dataDir ?? 'memory://'}`,
    close: () => client.close(),
  };
}

/** Applies the migrations in drizzle/ that the database has not seen yet. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  switch (database.kind) {
    case 'pglite':
      await migratePglite(drizzlePglite({ client: database.client }), config);
      return;
    case 'postgres': {
      // Several processes (app instances, parallel test files) may start on one fresh database at once.
      const connection = await database.client.connect();
      try {
        await connection.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          // On a Citus coordinator the same files run, and the tables are distributed by pemda (src/db/citus.ts).
          if (await adalahCitus(connection)) await migrasiCitus(connection, MIGRATIONS_FOLDER);
          else await migrateNodePg(drizzleNodePg({ client: connection }), config);
        } finally {
          await connection.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        connection.release();
      }
      return;
    }
  }
}
