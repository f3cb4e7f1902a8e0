/**
 * Managing the accounts of a pemda (admin pemda): list, create, rename, deactivate, reset the
 * password, add and remove role assignments, end every session of a user. Each command asks the
 * policy, runs in one transaction with its audit rows and, where it edits the account, checks
 * the version the admin saw (409 when someone else changed it meanwhile). Passwords and their
 * hashes never reach the audit log.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import { namaPengguna, opd, peranPengguna, pengguna, percobaanMasuk, sesi, unit } from '../db/schema.ts';
import { kunciAkun } from './sesi.ts';
import { type Aktor, boleh, PERAN, type Peran } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from '../workflow/audit.ts';
import { Dilarang, type Masalah, MasukanTidakSah, SudahAda, TidakDitemukan, VersiUsang } from '../workflow/errors.ts';
import { tangkapUnik } from '../db/galat.ts';
import { PANJANG_SANDI_MIN } from '../kontrak/pengaturan.ts';
import { hashSandi } from './password.ts';

export type Audit = Omit<KonteksAudit, 'pemdaId' | 'penggunaId'>;

export interface PeranTersimpan {
  id: string;
  peran: Peran;
  opd: string | null;
  unit: string | null;
}

export interface PenggunaKelola {
  id: string;
  username: string;
  nama: string;
  aktif: boolean;
  terkunciSampai: string | null;
  sesiAktif: number;
  version: number;
  peran: PeranTersimpan[];
}

const OPD_SAJA: ReadonlySet<Peran> = new Set(['perencana', 'kepala-opd', 'keuangan']);
export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

function izin(a: Aktor): void {
  if (!boleh(a, { aksi: 'pengguna:kelola' })) throw new Dilarang('hanya admin pemda yang mengelola pengguna');
}

/** The rule for a password chosen by an admin; a generated one always satisfies it. */
export function periksaSandi(sandi: string, username: string, path = 'sandi'): Masalah[] {
  const issues: Masalah[] = [];
  if (sandi.length < PANJANG_SANDI_MIN) issues.push({ path, message: `kata sandi paling sedikit ${PANJANG_SANDI_MIN} karakter` });
  if (sandi.toLowerCase().includes(username.toLowerCase())) issues.push({ path, message: 'kata sandi tidak boleh memuat username' });
  if (new Set(sandi).size < 4) issues.push({ path, message: 'kata sandi terlalu mudah ditebak (terlalu sedikit karakter berbeda)' });
  return issues;
}

export const sandiAcak = () => randomBytes(12).toString('base64url');

export async function daftarPengguna(db: Db, a: Aktor, sekarang: Date): Promise<PenggunaKelola[]> {
  izin(a);
  const users = await db
    .select({ id: pengguna.id, username: pengguna.username, nama: pengguna.nama, aktif: pengguna.aktif, version: pengguna.version })
    .from(pengguna)
    .where(eq(pengguna.pemdaId, a.pemdaId))
    .orderBy(asc(pengguna.username));
  const roles = await db
    .select({ id: peranPengguna.id, penggunaId: peranPengguna.penggunaId, peran: peranPengguna.peran, opd: peranPengguna.opdSlug, unit: peranPengguna.unitKode })
    .from(peranPengguna)
    .where(eq(peranPengguna.pemdaId, a.pemdaId))
    .orderBy(asc(peranPengguna.peran), asc(peranPengguna.opdSlug), asc(peranPengguna.unitKode));
  const sessions = await db
    .select({ penggunaId: sesi.penggunaId, n: count() })
    .from(sesi)
    .where(and(eq(sesi.pemdaId, a.pemdaId), gt(sesi.expiresAt, sekarang)))
    .groupBy(sesi.penggunaId);
  const n = new Map(sessions.map((s) => [s.penggunaId, Number(s.n)]));
  // Sign-ins of an account held up by failures from many addresses (the per-account ceiling).
  const akun = new Map(users.map((u) => [kunciAkun(u.username), u.id]));
  const tunda = new Map<string, Date>();
  if (akun.size > 0) {
    const rows = await db
      .select({ akun: percobaanMasuk.akun, sampai: percobaanMasuk.tundaSampai })
      .from(percobaanMasuk)
      .where(and(eq(percobaanMasuk.alamat, '*'), inArray(percobaanMasuk.akun, [...akun.keys()]), gt(percobaanMasuk.tundaSampai, sekarang)));
    for (const r of rows) {
      const id = akun.get(r.akun);
      if (id !== undefined && r.sampai) tunda.set(id, r.sampai);
    }
  }
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    nama: u.nama,
    aktif: u.aktif,
    terkunciSampai: tunda.get(u.id)?.toISOString() ?? null,
    sesiAktif: n.get(u.id) ?? 0,
    version: u.version,
    peran: roles.filter((r) => r.penggunaId === u.id).map((r) => ({ id: r.id, peran: r.peran, opd: r.opd, unit: r.unit })),
  }));
}

export interface PenugasanMasukan {
  peran: Peran;
  opd?: string | null | undefined;
  unit?: string | null | undefined;
}

/** Checks a role's scope (pemda, OPD, or OPD + unit) against the role and the pemda's OPDs and units. */
async function periksaPeran(db: Db, pemdaId: string, list: readonly PenugasanMasukan[], path: string): Promise<Masalah[]> {
  const issues: Masalah[] = [];
  const slugs = [...new Set(list.flatMap((r) => (r.opd ? [r.opd] : [])))];
  const known =
    slugs.length === 0
      ? []
      : await db
          .select({ opd: opd.slug, unit: unit.kode })
          .from(opd)
          .leftJoin(unit, and(eq(unit.pemdaId, opd.pemdaId), eq(unit.opdId, opd.id)))
          .where(and(eq(opd.pemdaId, pemdaId), inArray(opd.slug, slugs)));
  list.forEach((r, i) => {
    const at = `${path}.${i}`;
    if (!(PERAN as readonly string[]).includes(r.peran)) issues.push({ path: `${at}.peran`, message: `peran "${r.peran}" tidak dikenal` });
    const perluOpd = r.peran === 'kepala-unit' || OPD_SAJA.has(r.peran);
    if (perluOpd && !r.opd) issues.push({ path: `${at}.opd`, message: `peran ${r.peran} harus menyebut OPD` });
    if (!perluOpd && r.opd) issues.push({ path: `${at}.opd`, message: `peran ${r.peran} berlaku untuk seluruh pemda, tanpa OPD` });
    if (r.peran === 'kepala-unit' && !r.unit) issues.push({ path: `${at}.unit`, message: 'peran kepala-unit harus menyebut unit' });
    if (r.peran !== 'kepala-unit' && r.unit) issues.push({ path: `${at}.unit`, message: `peran ${r.peran} tidak menyebut unit` });
    if (r.opd && !known.some((k) => k.opd === r.opd)) issues.push({ path: `${at}.opd`, message: `OPD "${r.opd}" tidak ada` });
    else if (r.opd && r.unit && !known.some((k) => k.opd === r.opd && k.unit === r.unit)) issues.push({ path: `${at}.unit`, message: `unit "${r.unit}" tidak ada di OPD "${r.opd}"` });
  });
  return issues;
}

const ringkas = (r: PenugasanMasukan) => ({ peran: r.peran, ...(r.opd ? { opd: r.opd } : {}), ...(r.unit ? { unit: r.unit } : {}) });

export interface BuatPengguna {
  username: string;
  nama: string;
  /** Omitted: a random initial password is made and returned once. */
  sandi?: string | undefined;
  peran: readonly PenugasanMasukan[];
}

export async function buatPenggunaBaru(db: Db, a: Aktor, audit: Audit, input: BuatPengguna): Promise<{ id: string; sandiAwal?: string }> {
  izin(a);
  const username = input.username.trim().toLowerCase();
  const issues: Masalah[] = [];
  if (!USERNAME.test(username)) issues.push({ path: 'username', message: 'username 3–64 karakter: huruf kecil, angka, titik, garis bawah, tanda hubung' });
  if (input.nama.trim() === '') issues.push({ path: 'nama', message: 'nama wajib diisi' });
  if (input.sandi !== undefined) issues.push(...periksaSandi(input.sandi, username));
  issues.push(...(await periksaPeran(db, a.pemdaId, input.peran, 'peran')));
  if (issues.length > 0) throw new MasukanTidakSah(issues);
  const dipakai = () => new SudahAda(`username "${username}" sudah dipakai`, [{ path: 'username', message: `username "${username}" sudah dipakai` }]);
  // Usernames are unique over the installation: the sign-in form does not ask for the pemda.
  const [taken] = await db.select({ pemdaId: namaPengguna.pemdaId }).from(namaPengguna).where(eq(namaPengguna.username, username));
  if (taken) throw dipakai();
  const sandi = input.sandi ?? sandiAcak();
  const hash = await hashSandi(sandi);
  const id = newId();
  // Two admins (or a double click) creating the same username at once both pass the check above;
  // the unique key refuses the second insert, which is the same conflict.
  await tangkapUnik(dipakai, () => db.transaction(async (tx) => {
    await tx.insert(namaPengguna).values({ username, pemdaId: a.pemdaId, penggunaId: id });
    await tx.insert(pengguna).values({ pemdaId: a.pemdaId, id, username, nama: input.nama.trim(), passwordHash: hash, createdAt: audit.at, updatedAt: audit.at });
    if (input.peran.length > 0) {
      await tx
        .insert(peranPengguna)
        .values(input.peran.map((r) => ({ pemdaId: a.pemdaId, id: newId(), penggunaId: id, peran: r.peran, opdSlug: r.opd ?? null, unitKode: r.unit ?? null, createdAt: audit.at })));
    }
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [
      { entity: 'pengguna', entityKey: username, field: 'nama', lama: null, baru: input.nama.trim() },
      { entity: 'pengguna', entityKey: username, field: 'aktif', lama: null, baru: true },
      { entity: 'pengguna', entityKey: username, field: 'peran', lama: null, baru: input.peran.map(ringkas) },
      { entity: 'pengguna', entityKey: username, field: 'sandi', lama: null, baru: input.sandi === undefined ? 'dibuat acak' : 'diatur admin' },
    ]);
  }));
  return input.sandi === undefined ? { id, sandiAwal: sandi } : { id };
}

/** Locks the user's row for the edit and checks the version the admin saw. */
async function kunciPengguna(tx: Db, a: Aktor, id: string, version: number | undefined) {
  const [row] = await tx.select().from(pengguna).where(and(eq(pengguna.pemdaId, a.pemdaId), eq(pengguna.id, id))).for('update');
  if (!row) throw new TidakDitemukan('pengguna tidak ada');
  if (version !== undefined && row.version !== version) throw new VersiUsang({ version: row.version, nama: row.nama, aktif: row.aktif });
  return row;
}

async function naikVersi(tx: Db, a: Aktor, id: string, version: number, at: Date, set: Partial<{ nama: string; aktif: boolean; passwordHash: string; failedLogins: number; lockedUntil: Date | null }> = {}) {
  await tx
    .update(pengguna)
    .set({ ...set, version: version + 1, updatedAt: at })
    .where(and(eq(pengguna.pemdaId, a.pemdaId), eq(pengguna.id, id)));
}

async function akhiriSesi(tx: Db, pemdaId: string, id: string): Promise<number> {
  const rows = await tx
    .delete(sesi)
    .where(and(eq(sesi.pemdaId, pemdaId), eq(sesi.penggunaId, id)))
    .returning({ id: sesi.id });
  return rows.length;
}

export interface UbahPengguna {
  version: number;
  nama?: string | undefined;
  aktif?: boolean | undefined;
}

/** Renames or (de)activates an account; deactivating ends its sessions. An admin cannot deactivate itself. */
export async function ubahPengguna(db: Db, a: Aktor, audit: Audit, id: string, input: UbahPengguna): Promise<void> {
  izin(a);
  const issues: Masalah[] = [];
  if (input.nama !== undefined && input.nama.trim() === '') issues.push({ path: 'nama', message: 'nama wajib diisi' });
  if (input.aktif === false && id === a.id) issues.push({ path: 'aktif', message: 'Anda tidak dapat menonaktifkan akun Anda sendiri' });
  if (issues.length > 0) throw new MasukanTidakSah(issues);
  await db.transaction(async (tx) => {
    const row = await kunciPengguna(tx, a, id, input.version);
    const baru = { nama: input.nama?.trim() ?? row.nama, aktif: input.aktif ?? row.aktif };
    const changes: Perubahan[] = [];
    if (baru.nama !== row.nama) changes.push({ entity: 'pengguna', entityKey: row.username, field: 'nama', lama: row.nama, baru: baru.nama });
    if (baru.aktif !== row.aktif) changes.push({ entity: 'pengguna', entityKey: row.username, field: 'aktif', lama: row.aktif, baru: baru.aktif });
    if (changes.length === 0) return;
    await naikVersi(tx, a, id, row.version, audit.at, baru);
    if (!baru.aktif) {
      const n = await akhiriSesi(tx, a.pemdaId, id);
      if (n > 0) changes.push({ entity: 'pengguna', entityKey: row.username, field: 'sesi', lama: n, baru: 0 });
    }
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, changes);
  });
}

/** Sets a new password (given, or random and returned once), lifts the sign-in waits and ends every session of the user. */
export async function resetSandi(db: Db, a: Aktor, audit: Audit, id: string, input: { version: number; sandi?: string | undefined }): Promise<{ sandiBaru?: string }> {
  izin(a);
  const [target] = await db.select({ username: pengguna.username }).from(pengguna).where(and(eq(pengguna.pemdaId, a.pemdaId), eq(pengguna.id, id)));
  if (!target) throw new TidakDitemukan('pengguna tidak ada');
  if (input.sandi !== undefined) {
    const issues = periksaSandi(input.sandi, target.username);
    if (issues.length > 0) throw new MasukanTidakSah(issues);
  }
  const sandi = input.sandi ?? sandiAcak();
  const hash = await hashSandi(sandi);
  await db.transaction(async (tx) => {
    const row = await kunciPengguna(tx, a, id, input.version);
    await naikVersi(tx, a, id, row.version, audit.at, { passwordHash: hash, failedLogins: 0, lockedUntil: null });
    // The new password starts without waits from earlier failures.
    await tx.delete(percobaanMasuk).where(eq(percobaanMasuk.akun, kunciAkun(row.username)));
    const n = await akhiriSesi(tx, a.pemdaId, id);
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [
      { entity: 'pengguna', entityKey: row.username, field: 'sandi', lama: 'lama', baru: input.sandi === undefined ? 'diatur ulang acak' : 'diatur ulang admin' },
      ...(n > 0 ? [{ entity: 'pengguna', entityKey: row.username, field: 'sesi', lama: n, baru: 0 }] : []),
    ]);
  });
  return input.sandi === undefined ? { sandiBaru: sandi } : {};
}

/** Ends every session of a user ("log out everywhere"). */
export async function keluarkanSemua(db: Db, a: Aktor, audit: Audit, id: string): Promise<number> {
  izin(a);
  return db.transaction(async (tx) => {
    const row = await kunciPengguna(tx, a, id, undefined);
    const n = await akhiriSesi(tx, a.pemdaId, id);
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [{ entity: 'pengguna', entityKey: row.username, field: 'sesi', lama: n, baru: 0 }]);
    return n;
  });
}

async function rolesOf(tx: Db, pemdaId: string, id: string) {
  const rows = await tx
    .select({ peran: peranPengguna.peran, opd: peranPengguna.opdSlug, unit: peranPengguna.unitKode })
    .from(peranPengguna)
    .where(and(eq(peranPengguna.pemdaId, pemdaId), eq(peranPengguna.penggunaId, id)))
    .orderBy(asc(peranPengguna.peran), asc(peranPengguna.opdSlug), asc(peranPengguna.unitKode));
  return rows.map(ringkas);
}

/** Adds a role assignment; the user's version moves so that a stale screen gets 409. */
export async function tambahPeran(db: Db, a: Aktor, audit: Audit, id: string, input: PenugasanMasukan & { version: number }): Promise<void> {
  izin(a);
  const issues = await periksaPeran(db, a.pemdaId, [input], 'peran');
  if (issues.length > 0) throw new MasukanTidakSah(issues.map((i) => ({ ...i, path: i.path.replace(/^peran\.0\.?/, '') || 'peran' })));
  await db.transaction(async (tx) => {
    const row = await kunciPengguna(tx, a, id, input.version);
    const lama = await rolesOf(tx, a.pemdaId, id);
    const r = ringkas(input);
    if (lama.some((x) => JSON.stringify(x) === JSON.stringify(r))) throw new MasukanTidakSah([{ path: 'peran', message: 'pengguna sudah memegang peran ini' }]);
    await tx.insert(peranPengguna).values({ pemdaId: a.pemdaId, id: newId(), penggunaId: id, peran: input.peran, opdSlug: input.opd ?? null, unitKode: input.unit ?? null, createdAt: audit.at });
    await naikVersi(tx, a, id, row.version, audit.at);
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [{ entity: 'pengguna', entityKey: row.username, field: 'peran', lama, baru: await rolesOf(tx, a.pemdaId, id) }]);
  });
}

/** Removes a role assignment. An admin cannot remove its own admin-pemda role (nobody could undo it). */
export async function hapusPeran(db: Db, a: Aktor, audit: Audit, id: string, peranId: string, version: number): Promise<void> {
  izin(a);
  await db.transaction(async (tx) => {
    const row = await kunciPengguna(tx, a, id, version);
    const [r] = await tx
      .select({ peran: peranPengguna.peran })
      .from(peranPengguna)
      .where(and(eq(peranPengguna.pemdaId, a.pemdaId), eq(peranPengguna.penggunaId, id), eq(peranPengguna.id, peranId)));
    if (!r) throw new TidakDitemukan('penugasan peran tidak ada');
    if (id === a.id && r.peran === 'admin-pemda') throw new MasukanTidakSah([{ path: 'peran', message: 'Anda tidak dapat mencabut peran admin pemda Anda sendiri' }]);
    const lama = await rolesOf(tx, a.pemdaId, id);
    await tx.delete(peranPengguna).where(and(eq(peranPengguna.pemdaId, a.pemdaId), eq(peranPengguna.id, peranId)));
    await naikVersi(tx, a, id, row.version, audit.at);
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, [{ entity: 'pengguna', entityKey: row.username, field: 'peran', lama, baru: await rolesOf(tx, a.pemdaId, id) }]);
  });
}
