/**
 * Databases for tests: PGlite in memory always, PostgreSQL when SIKIPER_TEST_DATABASE_URL
 * names a database, and a Citus cluster when SIKIPER_TEST_CITUS_URL names a database on its
 * coordinator (scripts/run-tests.mjs creates a fresh one per run for each). Each open() gives a
 * migrated database; on PostgreSQL all opens share one database, so tests keep to their own
 * pemda (random slugs) instead of expecting it empty.
 */
import { randomBytes } from 'node:crypto';
import { type Db, type DatabaseKind, migrate, openDatabase } from './client.ts';

export interface OpenTestDatabase {
  db: Db;
  close: () => Promise<void>;
}

export interface TestDatabase {
  /** `citus` is PostgreSQL too (driver `postgres`), with the tables distributed by pemda. */
  name: DatabaseKind | 'citus';
  /** The driver. */
  kind: DatabaseKind;
  open: () => Promise<OpenTestDatabase>;
}

export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', kind: 'pglite', open: () => openMigrated('memory://') }];
  const url = env.SIKIPER_TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', kind: 'postgres', open: () => openMigrated(url) });
  const citus = env.SIKIPER_TEST_CITUS_URL;
  // On the cluster every statement that would run on several shards is an error (Citus's own check,
  // per connection), so the whole tier proves that requests stay on one pemda's shard; the few reads
  // that span pemda on purpose say so (`lintasPemda`, src/db/citus.ts).
  if (citus) list.push({ name: 'citus', kind: 'postgres', open: () => openMigrated(denganOpsi(citus, '-c citus.multi_task_query_log_level=error')) });
  // SIKIPER_TEST_ONLY=citus (or a comma list) keeps only those: the inner loop on one database.
  const only = env.SIKIPER_TEST_ONLY?.split(',').map((s) => s.trim());
  return only ? list.filter((d) => only.includes(d.name)) : list;
}

async function openMigrated(url: string): Promise<OpenTestDatabase> {
  const database = await openDatabase({ url });
  try {
    await migrate(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { db: database.db, close: () => database.close() };
}

function denganOpsi(url: string, opsi: string): string {
  const u = new URL(url);
  u.searchParams.set('options', opsi);
  return u.toString();
}

/** A slug no other test run uses, for tests sharing one PostgreSQL database. */
export function randomSlug(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
