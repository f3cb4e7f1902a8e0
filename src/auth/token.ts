/**
 * API tokens for integrations: the admin pemda creates a named token with scopes and an expiry,
 * sees its secret once, and may revoke it; a request with `Authorization: Bearer <token>` then
 * acts as that token (src/server/gerbang-sesi.ts) within the token's pemda only.
 *
 * The token is `skp_<prefix>_<pemda>_<secret>`: 10 hex characters shown in lists so that people
 * recognise it, the pemda's id as 32 hex characters, then 32 random bytes. The database holds only
 * the SHA-256 of the whole token, so a leaked table gives no usable token; the pemda part lets
 * every request find its token by (pemda, hash), on one shard when the database is distributed
 * by pemda (docs/scaling.md). Tokens made before the pemda part existed (`skp_<prefix>_<secret>`)
 * are still found, by hash alone: the one lookup of a request that is not limited to one pemda.
 * Creation and revocation are audited (`token_api`), and so is use (`dipakai`): every write, and
 * reads at most once a minute per token (`last_used_at`), so that an integration polling the feed
 * does not flood the log.
 *
 * A token's actor carries the scopes and no roles (src/policy/policy.ts decides what the scopes
 * allow); its `id` is the admin who created the token, because rows such as evidence files name
 * a user. Which request a token made is in the audit log: the `token_api/dipakai` row of a write
 * has the request id of that write's own audit rows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { lintasPemda } from '../db/sebaran.ts';
import { pemda, pengguna, tokenApi } from '../db/schema.ts';
import { type Aktor, boleh, type CakupanToken, CAKUPAN_TOKEN } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit } from '../workflow/audit.ts';
import { Dilarang, MasukanTidakSah, TidakDitemukan } from '../workflow/errors.ts';

export type Audit = Omit<KonteksAudit, 'pemdaId' | 'penggunaId'>;

/** Reads are marked as used at most this often per token. */
export const TANDAI_DIPAKAI_MS = 60 * 1000;
/** Longest lifetime of a token, in days. */
export const BERLAKU_HARI_MAKS = 366;

const FORMAT = /^skp_[0-9a-f]{10}_(?:([0-9a-f]{32})_)?[A-Za-z0-9_-]{43}$/;
/** The pemda id written as 32 hex characters, and back. */
const hexPemda = (id: string) => id.replaceAll('-', '');
const idPemda = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const HARI_MS = 24 * 60 * 60 * 1000;

export interface TokenTersimpan {
  id: string;
  nama: string;
  /** The first characters of the token (`skp_<prefix>`), for recognition. */
  prefix: string;
  cakupan: CakupanToken[];
  dibuatOleh: string;
  dibuatPada: Date;
  kedaluwarsa: Date;
  dicabutPada: Date | null;
  terakhirDipakai: Date | null;
}

function izin(a: Aktor): void {
  if (!boleh(a, { aksi: 'token:kelola' })) throw new Dilarang('hanya admin pemda yang mengelola token API');
}

const urutCakupan = (c: readonly string[]): CakupanToken[] => CAKUPAN_TOKEN.filter((x) => c.includes(x));

/** The problems of a set of scopes: a write scope needs `baca` (a client reads the version it writes). */
export function periksaCakupan(cakupan: readonly CakupanToken[]): Array<{ path: string; message: string }> {
  if (cakupan.length === 0) return [{ path: 'cakupan', message: 'pilih paling sedikit satu cakupan' }];
  if (cakupan.some((c) => c.startsWith('tulis:')) && !cakupan.includes('baca')) return [{ path: 'cakupan', message: 'cakupan tulis memerlukan cakupan baca' }];
  return [];
}

export async function daftarToken(db: Db, a: Aktor): Promise<TokenTersimpan[]> {
  izin(a);
  const rows = await db
    .select({
      id: tokenApi.id,
      nama: tokenApi.nama,
      prefix: tokenApi.prefix,
      cakupan: tokenApi.cakupan,
      dibuatOleh: pengguna.username,
      dibuatPada: tokenApi.createdAt,
      kedaluwarsa: tokenApi.expiresAt,
      dicabutPada: tokenApi.revokedAt,
      terakhirDipakai: tokenApi.lastUsedAt,
    })
    .from(tokenApi)
    .innerJoin(pengguna, and(eq(pengguna.pemdaId, tokenApi.pemdaId), eq(pengguna.id, tokenApi.dibuatOleh)))
    .where(eq(tokenApi.pemdaId, a.pemdaId))
    .orderBy(asc(tokenApi.createdAt), asc(tokenApi.id));
  return rows.map((r) => ({ ...r, cakupan: urutCakupan(r.cakupan) }));
}

/** Creates a token and returns it with its secret, which is never shown again. */
export async function buatToken(
  db: Db,
  a: Aktor,
  input: { nama: string; cakupan: readonly CakupanToken[]; berlakuHari: number },
  audit: Audit,
): Promise<{ token: TokenTersimpan; rahasia: string }> {
  izin(a);
  const cakupan = urutCakupan(input.cakupan);
  const masalah = periksaCakupan(cakupan);
  if (masalah.length > 0) throw new MasukanTidakSah(masalah);
  const prefix = randomBytes(5).toString('hex');
  const rahasia = `skp_${prefix}_${hexPemda(a.pemdaId)}_${randomBytes(32).toString('base64url')}`;
  const id = newId();
  const kedaluwarsa = new Date(audit.at.getTime() + input.berlakuHari * HARI_MS);
  await db.transaction(async (tx) => {
    await tx.insert(tokenApi).values({
      pemdaId: a.pemdaId,
      id,
      nama: input.nama,
      prefix: `skp_${prefix}`,
      hash: sha256(rahasia),
      cakupan,
      dibuatOleh: a.id,
      createdAt: audit.at,
      expiresAt: kedaluwarsa,
    });
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [
      { entity: 'token_api', entityKey: id, field: 'dibuat', lama: null, baru: { nama: input.nama, prefix: `skp_${prefix}`, cakupan, kedaluwarsa: kedaluwarsa.toISOString() } },
    ]);
  });
  return {
    token: { id, nama: input.nama, prefix: `skp_${prefix}`, cakupan, dibuatOleh: a.username, dibuatPada: audit.at, kedaluwarsa, dicabutPada: null, terakhirDipakai: null },
    rahasia,
  };
}

/** Revokes a token at once; revoking a revoked token changes nothing. Another pemda's token is not found. */
export async function cabutToken(db: Db, a: Aktor, id: string, audit: Audit): Promise<void> {
  izin(a);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ revokedAt: tokenApi.revokedAt, nama: tokenApi.nama, prefix: tokenApi.prefix })
      .from(tokenApi)
      .where(and(eq(tokenApi.pemdaId, a.pemdaId), eq(tokenApi.id, id)))
      .for('update');
    if (!row) throw new TidakDitemukan('token tidak ada');
    if (row.revokedAt) return;
    await tx
      .update(tokenApi)
      .set({ revokedAt: audit.at })
      .where(and(eq(tokenApi.pemdaId, a.pemdaId), eq(tokenApi.id, id)));
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [
      { entity: 'token_api', entityKey: id, field: 'dicabut', lama: null, baru: { nama: row.nama, prefix: row.prefix, pada: audit.at.toISOString() } },
    ]);
  });
}

export interface PemakaianToken {
  sekarang: Date;
  requestId: string | null;
  metode: string;
  /** The route's pattern (no ids or query values). */
  rute: string;
  /** A write is always recorded; a read at most once per TANDAI_DIPAKAI_MS. */
  tulis: boolean;
}

/**
 * The actor behind a bearer token, marking the token as used; undefined when the token is
 * malformed, unknown, expired or revoked (one answer for all: the caller cannot tell them apart).
 */
export async function bacaToken(db: Db, bearer: string, p: PemakaianToken): Promise<Aktor | undefined> {
  const m = FORMAT.exec(bearer);
  if (!m) return undefined;
  const hash = sha256(bearer);
  // A token of the earlier form names no pemda: its pemda is looked up over every pemda, on purpose.
  const pemdaId =
    m[1] === undefined
      ? (await lintasPemda(db, (tx) => tx.select({ pemdaId: tokenApi.pemdaId }).from(tokenApi).where(eq(tokenApi.hash, hash))))[0]?.pemdaId
      : idPemda(m[1]);
  if (pemdaId === undefined) return undefined;
  const [row] = await db
    .select({
      pemdaId: tokenApi.pemdaId,
      id: tokenApi.id,
      nama: tokenApi.nama,
      prefix: tokenApi.prefix,
      cakupan: tokenApi.cakupan,
      dibuatOleh: tokenApi.dibuatOleh,
      expiresAt: tokenApi.expiresAt,
      revokedAt: tokenApi.revokedAt,
      lastUsedAt: tokenApi.lastUsedAt,
      pemdaSlug: pemda.slug,
      pemdaNama: pemda.nama,
    })
    .from(tokenApi)
    .innerJoin(pemda, eq(pemda.id, tokenApi.pemdaId))
    // A token acts for the admin who made it: deactivating that account stops its tokens too.
    .innerJoin(pengguna, and(eq(pengguna.pemdaId, tokenApi.pemdaId), eq(pengguna.id, tokenApi.dibuatOleh), eq(pengguna.aktif, true)))
    .where(and(eq(tokenApi.pemdaId, pemdaId), eq(tokenApi.hash, hash)));
  if (!row || row.revokedAt !== null || row.expiresAt <= p.sekarang) return undefined;
  if (p.tulis || row.lastUsedAt === null || p.sekarang.getTime() - row.lastUsedAt.getTime() >= TANDAI_DIPAKAI_MS) await tandaiDipakai(db, row, p);
  return {
    id: row.dibuatOleh,
    username: `token:${row.prefix}`,
    nama: row.nama,
    pemdaId: row.pemdaId,
    pemdaSlug: row.pemdaSlug,
    pemdaNama: row.pemdaNama,
    peran: [],
    token: { id: row.id, nama: row.nama, cakupan: urutCakupan(row.cakupan) },
  };
}

async function tandaiDipakai(db: Db, row: { pemdaId: string; id: string; prefix: string }, p: PemakaianToken): Promise<void> {
  const batas = new Date(p.sekarang.getTime() - TANDAI_DIPAKAI_MS);
  await db.transaction(async (tx) => {
    // Conditional, so that concurrent reads of one token record one use, not many.
    const where = p.tulis
      ? and(eq(tokenApi.pemdaId, row.pemdaId), eq(tokenApi.id, row.id))
      : and(eq(tokenApi.pemdaId, row.pemdaId), eq(tokenApi.id, row.id), or(isNull(tokenApi.lastUsedAt), lt(tokenApi.lastUsedAt, batas)));
    const updated = await tx.update(tokenApi).set({ lastUsedAt: p.sekarang }).where(where).returning({ id: tokenApi.id });
    if (updated.length === 0) return;
    await catatAudit(tx, { pemdaId: row.pemdaId, penggunaId: null, requestId: p.requestId, at: p.sekarang }, [
      { entity: 'token_api', entityKey: row.id, field: 'dipakai', lama: null, baru: { prefix: row.prefix, metode: p.metode, rute: p.rute } },
    ]);
  });
}
