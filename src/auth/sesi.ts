/**
 * Sessions: signing in and out, and finding the actor behind a cookie.
 *
 * The cookie holds 32 random bytes; the database holds only their SHA-256, so reading the
 * table does not give anyone a usable cookie. A session ends after 8 hours without use or 7
 * days after sign-in, whichever comes first. Signing in always makes a new session (and drops
 * the one the browser had), so a session id planted before sign-in is never promoted.
 *
 * Failed sign-ins are counted per account: the fifth in a row locks the account for 15
 * minutes. All times come from the caller's clock so that tests can move it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { pemda, peranPengguna, pengguna, sesi } from '../db/schema.ts';
import type { Aktor, Peran } from '../policy/policy.ts';
import { catatAudit } from '../workflow/audit.ts';
import { cocokSandi } from './password.ts';
import { aktorOf } from './pengguna.ts';

export const SESI_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESI_ABSOLUT_MS = 7 * 24 * 60 * 60 * 1000;
export const GAGAL_MAKS = 5;
export const KUNCI_MS = 15 * 60 * 1000;
/** Extending a session's expiry is a write; doing it at most once a minute keeps reads cheap. */
const PERPANJANG_SETELAH_MS = 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export interface SesiAktif {
  aktor: Aktor;
  /** Hash of the cookie token: the session's id. */
  id: string;
  csrfToken: string;
}

export type HasilMasuk =
  | { hasil: 'berhasil'; token: string; sesi: SesiAktif }
  | { hasil: 'gagal' }
  | { hasil: 'terkunci'; sampai: Date };

export interface Permintaan {
  sekarang: Date;
  requestId: string | null;
}

export async function masuk(db: Db, username: string, sandi: string, req: Permintaan & { tokenLama?: string | undefined }): Promise<HasilMasuk> {
  const [user] = await db
    .select({ pemdaId: pengguna.pemdaId, id: pengguna.id, hash: pengguna.passwordHash, aktif: pengguna.aktif, lockedUntil: pengguna.lockedUntil })
    .from(pengguna)
    .where(eq(pengguna.username, username.trim().toLowerCase()));
  if (!user?.aktif) {
    await cocokSandi(undefined, sandi);
    return { hasil: 'gagal' };
  }
  if (user.lockedUntil && user.lockedUntil > req.sekarang) return { hasil: 'terkunci', sampai: user.lockedUntil };
  if (!(await cocokSandi(user.hash, sandi))) {
    await catatGagal(db, user, req);
    return { hasil: 'gagal' };
  }
  const t = token();
  const id = sha256(t);
  const csrfToken = token();
  await db.transaction(async (tx) => {
    if (req.tokenLama) await tx.delete(sesi).where(eq(sesi.id, sha256(req.tokenLama)));
    await tx.delete(sesi).where(and(eq(sesi.pemdaId, user.pemdaId), eq(sesi.penggunaId, user.id), lt(sesi.expiresAt, req.sekarang)));
    await tx.update(pengguna).set({ failedLogins: 0, lockedUntil: null }).where(and(eq(pengguna.pemdaId, user.pemdaId), eq(pengguna.id, user.id)));
    await tx.insert(sesi).values({
      pemdaId: user.pemdaId,
      id,
      penggunaId: user.id,
      csrfToken,
      createdAt: req.sekarang,
      expiresAt: new Date(req.sekarang.getTime() + SESI_IDLE_MS),
    });
  });
  const aktor = await aktorOf(db, user.pemdaId, user.id);
  if (!aktor) return { hasil: 'gagal' };
  return { hasil: 'berhasil', token: t, sesi: { aktor, id, csrfToken } };
}

/** Counts a failed sign-in; the one that reaches the limit locks the account and restarts the count. */
async function catatGagal(db: Db, user: { pemdaId: string; id: string }, req: Permintaan): Promise<void> {
  const sampai = new Date(req.sekarang.getTime() + KUNCI_MS);
  await db.transaction(async (tx) => {
    const reached = sql`${pengguna.failedLogins} + 1 >= ${GAGAL_MAKS}`;
    const [row] = await tx
      .update(pengguna)
      .set({
        failedLogins: sql`case when ${reached} then 0 else ${pengguna.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${reached} then ${sampai.toISOString()}::timestamptz else ${pengguna.lockedUntil} end`,
      })
      .where(and(eq(pengguna.pemdaId, user.pemdaId), eq(pengguna.id, user.id)))
      .returning({ username: pengguna.username, lockedUntil: pengguna.lockedUntil });
    if (row?.lockedUntil && row.lockedUntil.getTime() === sampai.getTime()) {
      await catatAudit(tx, { pemdaId: user.pemdaId, penggunaId: null, requestId: req.requestId, at: req.sekarang }, [
        { entity: 'pengguna', entityKey: row.username, field: 'locked_until', lama: null, baru: sampai.toISOString() },
      ]);
    }
  });
}

/** The live session behind a cookie token, extending its idle expiry; undefined when there is none. */
export async function bacaSesi(db: Db, cookieToken: string, sekarang: Date): Promise<SesiAktif | undefined> {
  const id = sha256(cookieToken);
  // Every request asks this: the session, its account, the pemda and the roles in one round trip.
  const [row] = await db
    .select({
      pemdaId: sesi.pemdaId,
      penggunaId: sesi.penggunaId,
      csrfToken: sesi.csrfToken,
      createdAt: sesi.createdAt,
      expiresAt: sesi.expiresAt,
      username: pengguna.username,
      nama: pengguna.nama,
      aktif: pengguna.aktif,
      pemdaSlug: pemda.slug,
      pemdaNama: pemda.nama,
      // Same order as peranOf.
      peran: sql<Array<{ peran: Peran; opd: string | null; unit: string | null }>>`coalesce((
        select json_agg(json_build_object('peran', ${peranPengguna.peran}, 'opd', ${peranPengguna.opdSlug}, 'unit', ${peranPengguna.unitKode})
                        order by ${peranPengguna.peran}, ${peranPengguna.opdSlug}, ${peranPengguna.unitKode})
          from ${peranPengguna} where ${peranPengguna.pemdaId} = ${sesi.pemdaId} and ${peranPengguna.penggunaId} = ${sesi.penggunaId}), '[]'::json)`,
    })
    .from(sesi)
    .innerJoin(pengguna, and(eq(pengguna.pemdaId, sesi.pemdaId), eq(pengguna.id, sesi.penggunaId)))
    .innerJoin(pemda, eq(pemda.id, sesi.pemdaId))
    .where(eq(sesi.id, id));
  if (!row || row.expiresAt <= sekarang || !row.aktif) return undefined;
  const peran = (typeof row.peran === 'string' ? (JSON.parse(row.peran) as typeof row.peran) : row.peran).map((r) => ({
    peran: r.peran,
    ...(r.opd === null ? {} : { opd: r.opd }),
    ...(r.unit === null ? {} : { unit: r.unit }),
  }));
  const aktor: Aktor = { id: row.penggunaId, username: row.username, nama: row.nama, pemdaId: row.pemdaId, pemdaSlug: row.pemdaSlug, pemdaNama: row.pemdaNama, peran };
  const expiresAt = new Date(Math.min(sekarang.getTime() + SESI_IDLE_MS, row.createdAt.getTime() + SESI_ABSOLUT_MS));
  if (expiresAt.getTime() - row.expiresAt.getTime() > PERPANJANG_SETELAH_MS) {
    await db.update(sesi).set({ expiresAt }).where(and(eq(sesi.pemdaId, row.pemdaId), eq(sesi.id, id)));
  }
  return { aktor, id, csrfToken: row.csrfToken };
}

export async function keluar(db: Db, s: SesiAktif): Promise<void> {
  await db.delete(sesi).where(and(eq(sesi.pemdaId, s.aktor.pemdaId), eq(sesi.id, s.id)));
}

/** Ends every session of the user, on every device. */
export async function keluarSemua(db: Db, s: SesiAktif): Promise<number> {
  const rows = await db
    .delete(sesi)
    .where(and(eq(sesi.pemdaId, s.aktor.pemdaId), eq(sesi.penggunaId, s.aktor.id)))
    .returning({ id: sesi.id });
  return rows.length;
}
