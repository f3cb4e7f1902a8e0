/**
 * Databases for tests: PGlite in memory always, and PostgreSQL when SIKIPER_TEST_DATABASE_URL
 * names a database (scripts/run-tests.mjs creates a fresh one per run). Each open() gives a
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
  name: DatabaseKind;
  open: () => Promise<OpenTestDatabase>;
}

export function testDatabases(env: NodeJS.ProcessEnv = process.env): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'pglite', open: () => openMigrated('memory://') }];
  const url = env.SIKIPER_TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: () => openMigrated(url) });
  return list;
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

/** A slug no other test run uses, for tests sharing one PostgreSQL database. */
export function randomSlug(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}
