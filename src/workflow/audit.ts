/**
 * The audit log: one row per changed field, written by the command that changes the data, in
 * the same transaction. The table refuses updates and deletes (trigger in migration 0001).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { auditLog, pengguna } from '../db/schema.ts';

/** Who changes data, when, and within which request. */
export interface KonteksAudit {
  pemdaId: string;
  /** Null for changes the system makes by itself (seeding demo accounts). */
  penggunaId: string | null;
  requestId: string | null;
  at: Date;
}

export interface Perubahan {
  entity: string;
  entityKey: string;
  field: string;
  lama: unknown;
  baru: unknown;
}

export async function catatAudit(tx: Db, k: KonteksAudit, changes: readonly Perubahan[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.insert(auditLog).values(
    changes.map((c) => ({
      pemdaId: k.pemdaId,
      id: newId(),
      penggunaId: k.penggunaId,
      at: k.at,
      entity: c.entity,
      entityKey: c.entityKey,
      field: c.field,
      oldValue: c.lama ?? null,
      newValue: c.baru ?? null,
      requestId: k.requestId,
    })),
  );
}

/** The fields whose value differs between two versions of a record. */
export function selisih<T extends Record<string, unknown>>(
  entity: string,
  entityKey: string,
  lama: Partial<T> | undefined,
  baru: Partial<T>,
  fields: ReadonlyArray<keyof T & string>,
): Perubahan[] {
  return fields.flatMap((field) => {
    const before = lama?.[field] ?? null;
    const after = baru[field] ?? null;
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ entity, entityKey, field, lama: before, baru: after }];
  });
}

export interface BarisRiwayat {
  /** Username of the person; the system's own changes show as "sistem". */
  oleh: string;
  pada: Date;
  entity: string;
  field: string;
  lama: unknown;
  baru: unknown;
}

/** History of one record, oldest first. */
export async function bacaRiwayat(db: Db, pemdaId: string, entities: readonly string[], entityKey: string): Promise<BarisRiwayat[]> {
  const rows = await db
    .select({
      oleh: pengguna.username,
      pada: auditLog.at,
      entity: auditLog.entity,
      field: auditLog.field,
      lama: auditLog.oldValue,
      baru: auditLog.newValue,
    })
    .from(auditLog)
    .leftJoin(pengguna, and(eq(pengguna.pemdaId, auditLog.pemdaId), eq(pengguna.id, auditLog.penggunaId)))
    .where(and(eq(auditLog.pemdaId, pemdaId), inArray(auditLog.entity, [...entities]), eq(auditLog.entityKey, entityKey)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({ ...r, oleh: r.oleh ?? 'sistem' }));
}
