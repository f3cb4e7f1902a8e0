/**
 * The audit log: one row per changed field, written by the command that changes the data, in
 * the same transaction. The table refuses updates and deletes (trigger in migration 0001).
 */
import { and, asc, desc, eq, gte, inArray, like, lt, or } from 'drizzle-orm';
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
  // In statements of AUDIT_PER_INSERT rows: PostgreSQL takes at most 65.535 parameters per statement (10 per row here).
  for (let i = 0; i < changes.length; i += AUDIT_PER_INSERT) await tulisAudit(tx, k, changes.slice(i, i + AUDIT_PER_INSERT));
}

const AUDIT_PER_INSERT = 1000;

async function tulisAudit(tx: Db, k: KonteksAudit, changes: readonly Perubahan[]): Promise<void> {
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

export interface SaringAudit {
  /** Username of the person who made the change. */
  username?: string | undefined;
  entity?: string | undefined;
  /** The changed record's key, or the start of it (e.g. `disnakertrans/2024`). */
  entityKey?: string | undefined;
  dari?: Date | undefined;
  /** Exclusive. */
  sampai?: Date | undefined;
  batas: number;
  /** Rows skipped (newest first). */
  lewati: number;
}

export interface BarisAudit extends BarisRiwayat {
  id: string;
  entityKey: string;
  requestId: string | null;
}

/** The pemda's audit log, newest first, filtered; one row more than `batas` tells that more follow. */
export async function cariAudit(db: Db, pemdaId: string, s: SaringAudit): Promise<{ baris: BarisAudit[]; lebih: boolean }> {
  const syarat = [eq(auditLog.pemdaId, pemdaId)];
  if (s.username !== undefined) {
    const [p] = await db.select({ id: pengguna.id }).from(pengguna).where(and(eq(pengguna.pemdaId, pemdaId), eq(pengguna.username, s.username)));
    if (!p) return { baris: [], lebih: false };
    syarat.push(eq(auditLog.penggunaId, p.id));
  }
  if (s.entity !== undefined) syarat.push(eq(auditLog.entity, s.entity));
  if (s.entityKey !== undefined) {
    const prefix = s.entityKey.replace(/[\\%_]/g, (c) => `\\${c}`);
    syarat.push(or(eq(auditLog.entityKey, s.entityKey), like(auditLog.entityKey, `${prefix}/%`)) ?? eq(auditLog.entityKey, s.entityKey));
  }
  if (s.dari !== undefined) syarat.push(gte(auditLog.at, s.dari));
  if (s.sampai !== undefined) syarat.push(lt(auditLog.at, s.sampai));
  const rows = await db
    .select({
      id: auditLog.id,
      oleh: pengguna.username,
      pada: auditLog.at,
      entity: auditLog.entity,
      entityKey: auditLog.entityKey,
      field: auditLog.field,
      lama: auditLog.oldValue,
      baru: auditLog.newValue,
      requestId: auditLog.requestId,
    })
    .from(auditLog)
    .leftJoin(pengguna, and(eq(pengguna.pemdaId, auditLog.pemdaId), eq(pengguna.id, auditLog.penggunaId)))
    .where(and(...syarat))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(s.batas + 1)
    .offset(s.lewati);
  return { baris: rows.slice(0, s.batas).map((r) => ({ ...r, oleh: r.oleh ?? 'sistem' })), lebih: rows.length > s.batas };
}

/** Entities the audit log records, for the UI's filter. */
export const ENTITAS_AUDIT = ['realisasi', 'bukti_file', 'tenggat', 'tenggat_pengecualian', 'tahun_opd', 'pengguna'] as const;
