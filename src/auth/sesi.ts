/**
 * Sessions: signing in and out, and finding the actor behind a cookie.
 *
 * The cookie is `<pemda id>.<32 random bytes>`; the database holds only its SHA-256, so reading
 * the table does not give anyone a usable cookie. The pemda in the cookie lets every request find
 * its session by (pemda, hash), the table's primary key, which on a database distributed by pemda
 * (Citus, docs/scaling.md) is a lookup on one shard; a cookie whose pemda part was changed hashes
 * to nothing. Sign-in reads the account's pemda from `nama_pengguna`, the one table keyed by
 * username alone. A session ends after 8 hours without use or 7 days after sign-in, whichever
 * comes first. Signing in always makes a new session (and drops the one the browser had), so a
 * session id planted before sign-in is never promoted.
 *
 * Failed sign-ins slow down the next attempt instead of locking the account: per account name
 * and client address, the first GAGAL_BEBAS_PASANGAN failures in the window cost nothing, each
 * further one doubles the wait (1 s, 2 s, 4 s, ... at most TUNDA_PASANGAN_MAKS_MS); per account
 * name over every address, a looser ceiling (GAGAL_BEBAS_AKUN failures, then at most
 * TUNDA_AKUN_MAKS_MS) slows guessing from many addresses without ever shutting the owner out for
 * long. An attempt inside a wait is refused unchecked. Unknown names, wrong passwords and
 * waits get the same answer after the same argon2 work, and unknown names are counted like
 * known ones, so nothing tells which accounts exist. All times come from the caller's clock so
 * that tests can move it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { namaPengguna, pemda, peranPengguna, pengguna, percobaanMasuk, sesi } from '../db/schema.ts';
import type { Aktor, Peran } from '../policy/policy.ts';
import { catatAudit } from '../workflow/audit.ts';
import { cocokSandi } from './password.ts';
import { aktorOf } from './pengguna.ts';

export const SESI_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESI_ABSOLUT_MS = 7 * 24 * 60 * 60 * 1000;
/** Failures older than this are forgotten. */
export const JENDELA_GAGAL_MS = 15 * 60 * 1000;
/** Failures per (account name, address) within the window answered without a wait. */
export const GAGAL_BEBAS_PASANGAN = 3;
/** Longest wait for one (account name, address). */
export const TUNDA_PASANGAN_MAKS_MS = 5 * 60 * 1000;
/** Failures per account name over all addresses within the window before every address waits. */
export const GAGAL_BEBAS_AKUN = 20;
/** Longest wait the per-account ceiling imposes: the owner, from anywhere, is never held up longer. */
export const TUNDA_AKUN_MAKS_MS = 30 * 1000;
/** The row of the per-account ceiling. */
const SEMUA_ALAMAT = '*';
/** Extending a session's expiry is a write; doing it at most once a minute keeps reads cheap. */
const PERPANJANG_SETELAH_MS = 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');
const COOKIE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/;

/** The pemda and session id a cookie names, or undefined when it is not a session cookie. */
function bacaCookie(cookie: string): { pemdaId: string; id: string } | undefined {
  const m = COOKIE.exec(cookie);
  return m?.[1] === undefined ? undefined : { pemdaId: m[1], id: sha256(cookie) };
}

export interface SesiAktif {
  aktor: Aktor;
  /** Hash of the cookie token: the session's id. */
  id: string;
  csrfToken: string;
}

export type HasilMasuk =
  | { hasil: 'berhasil'; token: string; sesi: SesiAktif }
  /** Unknown name, wrong password, disabled account, or an attempt inside a wait: told apart nowhere. `tunggu`: ms before the next attempt from this address is checked. */
  | { hasil: 'gagal'; tunggu: number };

export interface Permintaan {
  sekarang: Date;
  requestId: string | null;
}

/** The key of an account name in `percobaan_masuk`. */
export const kunciAkun = (username: string) => sha256(username.trim().toLowerCase());

/** The wait after the n-th failure when `bebas` are free: 1 s, 2 s, 4 s, ... at most `maks`. */
export function tundaSetelah(gagal: number, bebas: number, maks: number): number {
  return gagal <= bebas ? 0 : Math.min(1000 * 2 ** Math.min(gagal - bebas - 1, 30), maks);
}

export async function masuk(db: Db, username: string, sandi: string, req: Permintaan & { alamat: string; tokenLama?: string | undefined }): Promise<HasilMasuk> {
  const nama = username.trim().toLowerCase();
  const akun = kunciAkun(nama);
  const tunggu = await sisaTunda(db, akun, req.alamat, req.sekarang);
  if (tunggu > 0) {
    // Inside a wait: refused without checking, after the same work as a check, not counted.
    await cocokSandi(undefined, sandi);
    return { hasil: 'gagal', tunggu };
  }
  const [akunnya] = await db.select({ pemdaId: namaPengguna.pemdaId, id: namaPengguna.penggunaId }).from(namaPengguna).where(eq(namaPengguna.username, nama));
  const [user] = akunnya
    ? await db
        .select({ pemdaId: pengguna.pemdaId, id: pengguna.id, hash: pengguna.passwordHash, aktif: pengguna.aktif })
        .from(pengguna)
        .where(and(eq(pengguna.pemdaId, akunnya.pemdaId), eq(pengguna.id, akunnya.id)))
    : [];
  const cocok = user?.aktif ? await cocokSandi(user.hash, sandi) : await cocokSandi(undefined, sandi);
  if (!user?.aktif || !cocok) return { hasil: 'gagal', tunggu: await catatGagal(db, akun, user?.aktif ? user : undefined, req) };
  const t = `${user.pemdaId}.${token()}`;
  const id = sha256(t);
  const csrfToken = token();
  const lama = req.tokenLama === undefined ? undefined : bacaCookie(req.tokenLama);
  await db.transaction(async (tx) => {
    if (lama) await tx.delete(sesi).where(and(eq(sesi.pemdaId, lama.pemdaId), eq(sesi.id, lama.id)));
    await tx.delete(sesi).where(and(eq(sesi.pemdaId, user.pemdaId), eq(sesi.penggunaId, user.id), lt(sesi.expiresAt, req.sekarang)));
    // The owner proved the password: this address starts afresh, and so does the account's ceiling.
    await tx.delete(percobaanMasuk).where(and(eq(percobaanMasuk.akun, akun), inArray(percobaanMasuk.alamat, [req.alamat, SEMUA_ALAMAT])));
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
  if (!aktor) return { hasil: 'gagal', tunggu: 0 };
  return { hasil: 'berhasil', token: t, sesi: { aktor, id, csrfToken } };
}

/** Ms before an attempt for this account name from this address is checked (0: now). */
async function sisaTunda(db: Db, akun: string, alamat: string, sekarang: Date): Promise<number> {
  const rows = await db
    .select({ tundaSampai: percobaanMasuk.tundaSampai })
    .from(percobaanMasuk)
    .where(and(eq(percobaanMasuk.akun, akun), inArray(percobaanMasuk.alamat, [alamat, SEMUA_ALAMAT])));
  return Math.max(0, ...rows.map((r) => (r.tundaSampai ? r.tundaSampai.getTime() - sekarang.getTime() : 0)));
}

/**
 * Counts a failure for the (name, address) pair and for the name, sets their waits, and returns
 * the wait for this address. The account's first wait is audited when the name is an account's.
 */
async function catatGagal(db: Db, akun: string, user: { pemdaId: string; id: string } | undefined, req: Permintaan & { alamat: string }): Promise<number> {
  const basi = new Date(req.sekarang.getTime() - JENDELA_GAGAL_MS);
  return db.transaction(async (tx) => {
    await tx.delete(percobaanMasuk).where(lt(percobaanMasuk.terakhir, basi));
    const rows = await tx
      .insert(percobaanMasuk)
      .values([req.alamat, SEMUA_ALAMAT].map((alamat) => ({ akun, alamat, gagal: 1, terakhir: req.sekarang })))
      .onConflictDoUpdate({
        target: [percobaanMasuk.akun, percobaanMasuk.alamat],
        set: {
          gagal: sql`case when ${percobaanMasuk.terakhir} < ${basi.toISOString()}::timestamptz then 1 else ${percobaanMasuk.gagal} + 1 end`,
          terakhir: req.sekarang,
        },
      })
      .returning({ alamat: percobaanMasuk.alamat, gagal: percobaanMasuk.gagal });
    let tunggu = 0;
    for (const r of rows) {
      const semua = r.alamat === SEMUA_ALAMAT;
      const ms = semua ? tundaSetelah(r.gagal, GAGAL_BEBAS_AKUN, TUNDA_AKUN_MAKS_MS) : tundaSetelah(r.gagal, GAGAL_BEBAS_PASANGAN, TUNDA_PASANGAN_MAKS_MS);
      if (ms === 0) continue;
      tunggu = Math.max(tunggu, ms);
      const sampai = new Date(req.sekarang.getTime() + ms);
      await tx.update(percobaanMasuk).set({ tundaSampai: sampai }).where(and(eq(percobaanMasuk.akun, akun), eq(percobaanMasuk.alamat, r.alamat)));
      if (semua && user && r.gagal === GAGAL_BEBAS_AKUN + 1) {
        const [u] = await tx.select({ username: pengguna.username }).from(pengguna).where(and(eq(pengguna.pemdaId, user.pemdaId), eq(pengguna.id, user.id)));
        await catatAudit(tx, { pemdaId: user.pemdaId, penggunaId: null, requestId: req.requestId, at: req.sekarang }, [
          { entity: 'pengguna', entityKey: u?.username ?? '', field: 'masuk_ditunda', lama: null, baru: { gagal: r.gagal, sampai: sampai.toISOString() } },
        ]);
      }
    }
    return tunggu;
  });
}

/** The live session behind a cookie token, extending its idle expiry; undefined when there is none. */
export async function bacaSesi(db: Db, cookieToken: string, sekarang: Date): Promise<SesiAktif | undefined> {
  const cookie = bacaCookie(cookieToken);
  if (!cookie) return undefined;
  const { id } = cookie;
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
          from ${peranPengguna} where ${peranPengguna.pemdaId} = ${cookie.pemdaId} and ${peranPengguna.penggunaId} = ${sesi.penggunaId}), '[]'::json)`,
    })
    .from(sesi)
    .innerJoin(pengguna, and(eq(pengguna.pemdaId, sesi.pemdaId), eq(pengguna.id, sesi.penggunaId)))
    .innerJoin(pemda, eq(pemda.id, sesi.pemdaId))
    .where(and(eq(sesi.pemdaId, cookie.pemdaId), eq(sesi.id, id)));
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
