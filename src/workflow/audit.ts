/**
 * The audit log: one row per changed field, written by the command that changes the data, in
 * the same transaction. The table refuses updates and deletes (trigger in migration 0001).
 */
import { and, asc, desc, eq, gte, inArray, like, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { auditLog, opd, pengguna, register } from '../db/schema.ts';
import type { KolomRegisterData, NilaiSelData } from '../dataset/schema.ts';
import { boleh, type Aktor } from '../policy/policy.ts';
import { DISAMARKAN, isPribadi } from '../dataset/register.ts';

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

/** What a personal value shows to whoever may not see it. */
export const NILAI_DISAMARKAN = '•••';

/**
 * The audit rows as the actor may see them. The log keeps whole values, so personal data is
 * masked here, where it leaves the store, by the same rules as everywhere else:
 * - users' names (`pengguna/nama`) only for who manages accounts (`pengguna:kelola`);
 * - a register row's personal columns (names, phone numbers, columns marked `pribadi`, by the
 *   register's current definition) only for who manages that OPD's registers (`register:kelola`),
 *   as the register's own rows route does. A column the register no longer defines, or a row of
 *   a register that no longer exists, is masked whole: its personal status is unknown.
 */
export async function samarkanAudit<T extends { entity: string; entityKey: string; field: string; lama: unknown; baru: unknown }>(db: Db, a: Aktor, baris: readonly T[]): Promise<T[]> {
  const pribadiPengguna = boleh(a, { aksi: 'pengguna:kelola' });
  const perlu = new Map<string, { opd: string; kode: string }>();
  for (const r of baris) {
    if (r.entity !== 'register_baris' || r.field !== 'nilai') continue;
    const [opdSlug = '', kode = ''] = r.entityKey.split('/');
    if (!boleh(a, { aksi: 'register:kelola', opd: opdSlug })) perlu.set(`${opdSlug}/${kode}`, { opd: opdSlug, kode });
  }
  const kolom = new Map<string, readonly KolomRegisterData[]>();
  const opds = [...new Set([...perlu.values()].map((x) => x.opd))];
  if (opds.length > 0) {
    const regs = await db
      .select({ opd: opd.slug, kode: register.kode, kolom: register.kolom })
      .from(register)
      .innerJoin(opd, and(eq(opd.pemdaId, register.pemdaId), eq(opd.id, register.opdId)))
      .where(and(eq(register.pemdaId, a.pemdaId), inArray(opd.slug, opds)));
    for (const r of regs) kolom.set(`${r.opd}/${r.kode}`, r.kolom);
  }
  const sel = (kunci: string, v: unknown): unknown => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v === null ? null : DISAMARKAN;
    const def = kolom.get(kunci);
    const out: Record<string, NilaiSelData> = {};
    for (const [k, x] of Object.entries(v as Record<string, NilaiSelData>)) {
      const c = def?.find((d) => d.kode === k);
      out[k] = x === null || x === '' || (c !== undefined && !isPribadi(c)) ? x : DISAMARKAN;
    }
    return out;
  };
  return baris.map((r) => {
    if (r.entity === 'pengguna' && r.field === 'nama' && !pribadiPengguna) {
      return { ...r, lama: r.lama === null ? null : NILAI_DISAMARKAN, baru: r.baru === null ? null : NILAI_DISAMARKAN };
    }
    if (r.entity === 'register_baris' && r.field === 'nilai') {
      const kunci = r.entityKey.split('/').slice(0, 2).join('/');
      if (perlu.has(kunci)) return { ...r, lama: sel(kunci, r.lama), baru: sel(kunci, r.baru) };
    }
    return r;
  });
}
