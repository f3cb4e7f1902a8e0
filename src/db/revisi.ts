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

/**
 * The scope of an OPD's plan (Renstra, IKU, Renja, PK, targets): what the OPD-year catalogue
 * reads. Plan writes and imports raise it beside the OPD's own; an entry saved does not, so the
 * catalogue survives the save traffic.
 */
export function lingkupRencana(opdSlug: string): string {
  return `${opdSlug}#rencana`;
}

/** Raises the OPD's revision and its plan's: for writes that change the plan. */
export async function naikkanRevisiRencana(tx: Db, pemdaId: string, opdSlug: string): Promise<void> {
  await naikkanRevisi(tx, pemdaId, opdSlug);
  await naikkanRevisi(tx, pemdaId, lingkupRencana(opdSlug));
}

/** The revision of an OPD's plan (and of the pemda-wide data), for the catalogue. */
export async function bacaRevisiRencana(db: Db, pemdaId: string, opdSlug: string): Promise<string> {
  return bacaRevisi(db, pemdaId, lingkupRencana(opdSlug));
}
