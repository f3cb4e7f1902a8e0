/**
 * User accounts and their roles.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { namaPengguna, opd, pemda, peranPengguna, pengguna, unit } from '../db/schema.ts';
import type { Aktor, Penugasan } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit } from '../workflow/audit.ts';
import { hashSandi } from './password.ts';

export class PenggunaError extends Error {
  override name = 'PenggunaError';
}

export interface PenggunaBaru {
  username: string;
  nama: string;
  sandi: string;
  peran: readonly Penugasan[];
}

/** Roles of one user, in a stable order. */
export async function peranOf(db: Db, pemdaId: string, penggunaId: string): Promise<Penugasan[]> {
  const rows = await db
    .select({ peran: peranPengguna.peran, opd: peranPengguna.opdSlug, unit: peranPengguna.unitKode })
    .from(peranPengguna)
    .where(and(eq(peranPengguna.pemdaId, pemdaId), eq(peranPengguna.penggunaId, penggunaId)))
    .orderBy(asc(peranPengguna.peran), asc(peranPengguna.opdSlug), asc(peranPengguna.unitKode));
  return rows.map((r) => ({ peran: r.peran, ...(r.opd === null ? {} : { opd: r.opd }), ...(r.unit === null ? {} : { unit: r.unit }) }));
}

/** The actor behind a user id, or undefined when the account does not exist or is disabled. */
export async function aktorOf(db: Db, pemdaId: string, penggunaId: string): Promise<Aktor | undefined> {
  const [row] = await db
    .select({ id: pengguna.id, username: pengguna.username, nama: pengguna.nama, aktif: pengguna.aktif, pemdaSlug: pemda.slug, pemdaNama: pemda.nama })
    .from(pengguna)
    .innerJoin(pemda, eq(pemda.id, pengguna.pemdaId))
    .where(and(eq(pengguna.pemdaId, pemdaId), eq(pengguna.id, penggunaId)));
  if (!row?.aktif) return undefined;
  return { id: row.id, username: row.username, nama: row.nama, pemdaId, pemdaSlug: row.pemdaSlug, pemdaNama: row.pemdaNama, peran: await peranOf(db, pemdaId, penggunaId) };
}

/**
 * Creates accounts with their roles in one transaction. Every OPD slug and unit code a role
 * names must exist in the pemda: roles refer to them by code (see schema-app.ts).
 */
export async function buatPengguna(db: Db, pemdaSlug: string, baru: readonly PenggunaBaru[], audit: Omit<KonteksAudit, 'pemdaId'>): Promise<string[]> {
  const hashes = await Promise.all(baru.map((b) => hashSandi(b.sandi)));
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: pemda.id }).from(pemda).where(eq(pemda.slug, pemdaSlug));
    if (!p) throw new PenggunaError(`pemda "${pemdaSlug}" tidak ada`);
    const slugs = [...new Set(baru.flatMap((b) => b.peran.flatMap((r) => (r.opd === undefined ? [] : [r.opd]))))];
    const known =
      slugs.length === 0
        ? []
        : await tx
            .select({ opd: opd.slug, unit: unit.kode })
            .from(opd)
            .leftJoin(unit, and(eq(unit.pemdaId, opd.pemdaId), eq(unit.opdId, opd.id)))
            .where(and(eq(opd.pemdaId, p.id), inArray(opd.slug, slugs)));
    const ids: string[] = [];
    for (const [i, b] of baru.entries()) {
      for (const r of b.peran) {
        if (r.opd !== undefined && !known.some((k) => k.opd === r.opd)) throw new PenggunaError(`OPD "${r.opd}" tidak ada di pemda "${pemdaSlug}"`);
        if (r.unit !== undefined && !known.some((k) => k.opd === r.opd && k.unit === r.unit)) throw new PenggunaError(`unit "${r.unit}" tidak ada di OPD "${r.opd}"`);
      }
      const id = newId();
      ids.push(id);
      await tx.insert(namaPengguna).values({ username: b.username, pemdaId: p.id, penggunaId: id });
      await tx.insert(pengguna).values({ pemdaId: p.id, id, username: b.username, nama: b.nama, passwordHash: hashes[i] ?? '' });
      if (b.peran.length > 0) {
        await tx.insert(peranPengguna).values(b.peran.map((r) => ({ pemdaId: p.id, id: newId(), penggunaId: id, peran: r.peran, opdSlug: r.opd, unitKode: r.unit })));
      }
      await catatAudit(tx, { ...audit, pemdaId: p.id }, [
        { entity: 'pengguna', entityKey: b.username, field: 'nama', lama: null, baru: b.nama },
        { entity: 'pengguna', entityKey: b.username, field: 'peran', lama: null, baru: b.peran },
      ]);
    }
    return ids;
  });
}

/** Whether a pemda has any account at all. */
export async function adaPengguna(db: Db, pemdaSlug: string): Promise<boolean> {
  const [p] = await db.select({ id: pemda.id }).from(pemda).where(eq(pemda.slug, pemdaSlug));
  if (!p) return false;
  const rows = await db.select({ id: pengguna.id }).from(pengguna).where(eq(pengguna.pemdaId, p.id)).limit(1);
  return rows.length > 0;
}
