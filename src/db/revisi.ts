/**
 * Data revisions: the counters that tell a cache whether what it computed is still current.
 *
 * Every command that changes recorded data calls `naikkanRevisi` inside its own transaction,
 * so the counter moves exactly when the change commits, and every server process sharing the
 * database sees it. Readers call `bacaRevisi` (one indexed query) and compare.
 *
 * Call it as the LAST statement before commit: the counter row stays locked until the commit,
 * and concurrent writers of the same OPD queue on it only for that short moment.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { revisiData } from './schema.ts';

/** The scope of writes that concern the whole pemda (dataset import, restore, pemda settings). */
export const SELURUH_PEMDA = '';

/** Raises the revision of one OPD's data (`lingkup` = OPD slug) or of the whole pemda. */
export async function naikkanRevisi(tx: Db, pemdaId: string, lingkup: string): Promise<void> {
  await tx
    .insert(revisiData)
    .values({ pemdaId, lingkup, revisi: 1 })
    .onConflictDoUpdate({ target: [revisiData.pemdaId, revisiData.lingkup], set: { revisi: sql`${revisiData.revisi} + 1` } });
}

/**
 * The revision a figure about one OPD depends on: the pemda-wide counter and the OPD's, as one
 * string to compare. Changes of either make it differ (each counter only grows).
 */
export async function bacaRevisi(db: Db, pemdaId: string, opdSlug: string): Promise<string> {
  const rows = await db
    .select({ lingkup: revisiData.lingkup, revisi: revisiData.revisi })
    .from(revisiData)
    .where(and(eq(revisiData.pemdaId, pemdaId), inArray(revisiData.lingkup, [SELURUH_PEMDA, opdSlug])));
  const of = (l: string) => rows.find((r) => r.lingkup === l)?.revisi ?? 0;
  return `${of(SELURUH_PEMDA)}.${of(opdSlug)}`;
}

/** The pemda-wide revision alone: for what only a dataset import changes (the plan, the catalogue). */
export async function bacaRevisiPemda(db: Db, pemdaId: string): Promise<string> {
  const [row] = await db
    .select({ revisi: revisiData.revisi })
    .from(revisiData)
    .where(and(eq(revisiData.pemdaId, pemdaId), eq(revisiData.lingkup, SELURUH_PEMDA)));
  return String(row?.revisi ?? 0);
}
