/**
 * Settings of a transaction that matter only when the database is a Citus cluster (see
 * src/db/citus.ts and docs/scaling.md). On PostgreSQL without Citus and on PGlite they set an
 * unused placeholder and change nothing.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Asks Citus to use one connection per worker for the rest of the transaction. Needed where a
 * transaction touches several shards or runs ANALYZE and then writes a reference table (restoring
 * several pemda, whose `pemda` rows are replicated): Citus refuses that after parallel access.
 */
export async function satuKoneksiPerWorker(tx: Db): Promise<void> {
  await tx.execute(sql`set local citus.multi_shard_modify_mode to 'sequential'`);
}

/**
 * Runs `f` in a transaction marked as reading across pemda on purpose, so its statements may run
 * on every shard (the test tier on Citus makes any other such statement an error, see
 * src/db/testing.ts). For the few reads that are national by nature; a request about one pemda
 * never needs it.
 */
export async function lintasPemda<T>(db: Db, f: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local citus.multi_task_query_log_level to off`);
    return f(tx);
  });
}
