/**
 * Fresh planner statistics for the Renja tables before a save that replaces a pemda's data.
 *
 * `saveDataset` deletes a pemda's rows and inserts them again in one transaction. Each inserted
 * Renja node and indicator is checked against its parent by a foreign-key lookup whose plan is
 * chosen from the table statistics; with statistics from when the tables were small (PGlite
 * never analyzes on its own) the planner picks an index that shares only the
 * (pemda_id, renja_versi_id) prefix, and every lookup then walks all nodes of the version,
 * live and just deleted: replacing a 5.000-row Renja took 12 s instead of about 1 s. ANALYZE is
 * transactional and only samples the tables, so running it first costs milliseconds. (Since
 * migration renja_induk_index the parent index covers the parent key itself; see
 * docs/performance.md for what that changed.)
 */
import { sql } from 'drizzle-orm';
import { satuKoneksiPerWorker } from '../db/sebaran.ts';
import type { Db } from '../db/client.ts';

/** Called inside the transaction of the save (restore, import). */
export async function segarkanStatistik(db: Db): Promise<void> {
  // On Citus ANALYZE runs on every shard; over parallel connections it would stop the same
  // transaction from writing the `pemda` reference table afterwards.
  await satuKoneksiPerWorker(db);
  await db.execute(sql`analyze renja_node, renja_indikator`);
}
