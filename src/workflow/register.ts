/**
 * Register commands: read registers and their rows (personal columns masked unless the actor
 * manages the register), add, change and delete rows, import rows all-or-nothing. Every change
 * runs in one transaction with its audit rows (before and after).
 */
import { and, asc, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import * as t from '../db/schema.ts';
import type { BarisRegisterData, NilaiSelData, RegisterData } from '../dataset/schema.ts';
import { boleh, type Aktor } from '../policy/policy.ts';
import { type BarisImpor, type MasalahImpor, periksaBaris, samarkanBaris } from '../dataset/register.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from './audit.ts';
import { Dilarang, MasukanTidakSah, TidakDitemukan, VersiUsang } from './errors.ts';
import type { KonteksPerintah } from './konteks-perintah.ts';
import { naikkanRevisi } from '../db/revisi.ts';
import { pelanggaranUnik } from '../db/galat.ts';

export interface BarisTersimpan extends BarisRegisterData {
  version: number;
}

const audit = (k: KonteksPerintah): KonteksAudit => ({ pemdaId: k.aktor.pemdaId, penggunaId: k.aktor.id, requestId: k.requestId, at: k.sekarang });

export const bolehKelola = (a: Aktor, opd: string) => boleh(a, { aksi: 'register:kelola', opd });

function bacaBoleh(a: Aktor, opd: string): void {
  if (!boleh(a, { aksi: 'register:baca', opd })) throw new Dilarang(`tidak berwenang membaca register OPD "${opd}"`);
}
function kelolaBoleh(a: Aktor, opd: string): void {
  if (!bolehKelola(a, opd)) throw new Dilarang(`tidak berwenang mengelola register OPD "${opd}"`);
}

async function opdId(db: Db, pemdaId: string, slug: string): Promise<string> {
  const [o] = await db.select({ id: t.opd.id }).from(t.opd).where(and(eq(t.opd.pemdaId, pemdaId), eq(t.opd.slug, slug)));
  if (!o) throw new TidakDitemukan(`OPD "${slug}" tidak ada`);
  return o.id;
}

type RegisterRow = typeof t.register.$inferSelect;

function definisi(r: RegisterRow, totals: Array<typeof t.registerTotal.$inferSelect>): RegisterData {
  return {
    kode: r.kode,
    nama: r.nama,
    ...(r.uraian ? { uraian: r.uraian } : {}),
    ...(r.preset ? { preset: r.preset } : {}),
    ...(r.unitKode ? { unit: r.unitKode } : {}),
    kolom: r.kolom,
    periode: r.periode,
    baris: [],
    totalImpor: totals.map((x) => ({ id: x.kode, tahun: x.tahun, bulanDari: x.bulanDari, bulanSampai: x.bulanSampai, nilai: x.nilai, keterangan: x.keterangan })),
  };
}

/** A register's definition and imported totals (no rows). */
export async function bacaRegister(db: Db, pemdaId: string, opd: string, kode: string): Promise<{ row: RegisterRow; data: RegisterData }> {
  const id = await opdId(db, pemdaId, opd);
  const [r] = await db.select().from(t.register).where(and(eq(t.register.pemdaId, pemdaId), eq(t.register.opdId, id), eq(t.register.kode, kode)));
  if (!r) throw new TidakDitemukan(`register "${kode}" tidak ada di OPD "${opd}"`);
  const totals = await db
    .select()
    .from(t.registerTotal)
    .where(and(eq(t.registerTotal.pemdaId, pemdaId), eq(t.registerTotal.registerId, r.id)))
    .orderBy(asc(t.registerTotal.urutan));
  return { row: r, data: definisi(r, totals) };
}

export async function daftarRegister(db: Db, a: Aktor, opd: string) {
  bacaBoleh(a, opd);
  const id = await opdId(db, a.pemdaId, opd);
  const regs = await db.select().from(t.register).where(and(eq(t.register.pemdaId, a.pemdaId), eq(t.register.opdId, id))).orderBy(asc(t.register.urutan));
  const out = [];
  for (const r of regs) {
    const rows = await db.select({ id: t.registerBaris.id }).from(t.registerBaris).where(and(eq(t.registerBaris.pemdaId, a.pemdaId), eq(t.registerBaris.registerId, r.id)));
    const totals = await db.select().from(t.registerTotal).where(and(eq(t.registerTotal.pemdaId, a.pemdaId), eq(t.registerTotal.registerId, r.id)));
    const d = definisi(r, totals);
    out.push({ ...d, jumlahBaris: rows.length });
  }
  return { kelola: bolehKelola(a, opd), register: out };
}

/** Rows of a register, masked for anyone who does not manage it. */
export async function daftarBaris(db: Db, a: Aktor, opd: string, kode: string) {
  bacaBoleh(a, opd);
  const { row, data } = await bacaRegister(db, a.pemdaId, opd, kode);
  const kelola = bolehKelola(a, opd);
  const rows = await db
    .select()
    .from(t.registerBaris)
    .where(and(eq(t.registerBaris.pemdaId, a.pemdaId), eq(t.registerBaris.registerId, row.id)))
    .orderBy(asc(t.registerBaris.urutan));
  const baris: BarisTersimpan[] = rows.map((b) => {
    const x: BarisRegisterData = { id: b.kode, nilai: b.nilai, ...(b.keterangan ? { keterangan: b.keterangan } : {}) };
    return { ...(kelola ? x : samarkanBaris(data, x)), version: b.version };
  });
  return { kelola, register: data, baris };
}

export interface MasukanBaris {
  nilai: Record<string, NilaiSelData>;
  keterangan?: string | null | undefined;
}

function periksa(data: RegisterData, b: BarisRegisterData, where: (p: (string | number)[]) => string): void {
  const problems = periksaBaris(data, b);
  if (problems.length > 0) throw new MasukanTidakSah(problems.map((p) => ({ path: where(p.path), message: p.message })));
}

const kunci = (opd: string, kode: string, id: string) => `${opd}/${kode}/${id}`;

/** Adds a row (`id` absent or new) or changes one (`version` must be the stored one). */
export async function simpanBaris(k: KonteksPerintah, opd: string, kode: string, id: string | undefined, masukan: MasukanBaris & { version?: number | undefined }): Promise<BarisTersimpan> {
  kelolaBoleh(k.aktor, opd);
  const barisId = id ?? `${kode}-${newId().slice(-12)}`;
  try {
    return await simpan(k, opd, kode, barisId, masukan);
  } catch (e) {
    // Two requests adding the same new id at once: both found no row, the unique key refused the
    // second insert. Answered as when it comes a moment later: stale, with the stored row.
    if (!pelanggaranUnik(e)) throw e;
    const { row } = await bacaRegister(k.db, k.aktor.pemdaId, opd, kode);
    const [ada] = await k.db
      .select()
      .from(t.registerBaris)
      .where(and(eq(t.registerBaris.pemdaId, k.aktor.pemdaId), eq(t.registerBaris.registerId, row.id), eq(t.registerBaris.kode, barisId)));
    throw new VersiUsang(ada ? { id: ada.kode, nilai: ada.nilai, keterangan: ada.keterangan, version: ada.version } : null);
  }
}

async function simpan(k: KonteksPerintah, opd: string, kode: string, barisId: string, masukan: MasukanBaris & { version?: number | undefined }): Promise<BarisTersimpan> {
  return k.db.transaction(async (tx) => {
    const { row, data } = await bacaRegister(tx, k.aktor.pemdaId, opd, kode);
    const where = and(eq(t.registerBaris.pemdaId, k.aktor.pemdaId), eq(t.registerBaris.registerId, row.id), eq(t.registerBaris.kode, barisId));
    const [lama] = await tx.select().from(t.registerBaris).where(where).for('update');
    // keterangan not sent keeps the stored one; null clears it.
    const keterangan = masukan.keterangan === undefined ? (lama?.keterangan ?? null) : masukan.keterangan;
    const baru: BarisRegisterData = { id: barisId, nilai: masukan.nilai, ...(keterangan ? { keterangan } : {}) };
    periksa(data, baru, (p) => p.join('.'));
    const versiLama = lama?.version ?? 0;
    if ((masukan.version ?? 0) !== versiLama) {
      throw new VersiUsang(lama ? { id: lama.kode, nilai: lama.nilai, keterangan: lama.keterangan, version: lama.version } : null);
    }
    let version: number;
    if (lama) {
      version = lama.version + 1;
      await tx.update(t.registerBaris).set({ nilai: baru.nilai, keterangan: baru.keterangan ?? null, version, updatedAt: k.sekarang }).where(where);
    } else {
      const [m] = await tx
        .select({ n: max(t.registerBaris.urutan) })
        .from(t.registerBaris)
        .where(and(eq(t.registerBaris.pemdaId, k.aktor.pemdaId), eq(t.registerBaris.registerId, row.id)));
      version = 1;
      await tx.insert(t.registerBaris).values({
        pemdaId: k.aktor.pemdaId,
        id: newId(),
        urutan: (m?.n ?? -1) + 1,
        registerId: row.id,
        kode: barisId,
        nilai: baru.nilai,
        keterangan: baru.keterangan ?? null,
      });
    }
    const changes: Perubahan[] = [];
    const before = lama ? { nilai: lama.nilai, keterangan: lama.keterangan } : undefined;
    if (JSON.stringify(before?.nilai ?? null) !== JSON.stringify(baru.nilai)) changes.push({ entity: 'register_baris', entityKey: kunci(opd, kode, barisId), field: 'nilai', lama: before?.nilai ?? null, baru: baru.nilai });
    if ((before?.keterangan ?? null) !== (baru.keterangan ?? null)) changes.push({ entity: 'register_baris', entityKey: kunci(opd, kode, barisId), field: 'keterangan', lama: before?.keterangan ?? null, baru: baru.keterangan ?? null });
    await naikkanRevisi(tx, k.aktor.pemdaId, opd);
    await catatAudit(tx, audit(k), changes);
    return { ...baru, version };
  });
}

export async function hapusBaris(k: KonteksPerintah, opd: string, kode: string, id: string, version: number): Promise<void> {
  kelolaBoleh(k.aktor, opd);
  await k.db.transaction(async (tx) => {
    const { row } = await bacaRegister(tx, k.aktor.pemdaId, opd, kode);
    const where = and(eq(t.registerBaris.pemdaId, k.aktor.pemdaId), eq(t.registerBaris.registerId, row.id), eq(t.registerBaris.kode, id));
    const [lama] = await tx.select().from(t.registerBaris).where(where).for('update');
    if (!lama) throw new TidakDitemukan(`baris "${id}" tidak ada di register ${kode}`);
    if (lama.version !== version) throw new VersiUsang({ id: lama.kode, nilai: lama.nilai, keterangan: lama.keterangan, version: lama.version });
    await tx.delete(t.registerBaris).where(where);
    await naikkanRevisi(tx, k.aktor.pemdaId, opd);
    await catatAudit(tx, audit(k), [
      { entity: 'register_baris', entityKey: kunci(opd, kode, id), field: 'nilai', lama: lama.nilai, baru: null },
      ...(lama.keterangan ? [{ entity: 'register_baris', entityKey: kunci(opd, kode, id), field: 'keterangan', lama: lama.keterangan, baru: null }] : []),
    ]);
  });
}

export class ImporRegisterGagal extends MasukanTidakSah {
  constructor(readonly masalah: MasalahImpor[]) {
    super(masalah.map((m) => ({ path: `${m.baris === null ? 'berkas' : `baris ${m.baris}`}${m.kolom ? `, kolom ${m.kolom}` : ''}`, message: m.pesan })));
  }
}

/**
 * Imports rows read from a file: all of them or none. A row with an existing id replaces that
 * row, one without an id (or a new id) is added. Problems found by reading (`masalah`) or by
 * checking the rows against the register refuse the whole import.
 */
export async function imporBaris(k: KonteksPerintah, opd: string, kode: string, baris: BarisImpor[], masalahBaca: MasalahImpor[]): Promise<{ ditambah: number; diubah: number }> {
  kelolaBoleh(k.aktor, opd);
  return k.db.transaction(async (tx) => {
    const { row, data } = await bacaRegister(tx, k.aktor.pemdaId, opd, kode);
    const masalah = [...masalahBaca];
    const seen = new Map<string, number>();
    const barisBermasalah = new Set(masalahBaca.map((m) => m.baris));
    const siap = baris.map((b) => {
      const id = b.id ?? `${kode}-${newId().slice(-12)}`;
      const prev = seen.get(id);
      if (prev !== undefined) masalah.push({ baris: b.nomor, kolom: 'id', pesan: `id "${id}" sudah dipakai di baris ${prev}` });
      seen.set(id, b.nomor);
      const x: BarisRegisterData = { id, nilai: b.nilai };
      if (!barisBermasalah.has(b.nomor)) {
        for (const p of periksaBaris(data, x)) masalah.push({ baris: b.nomor, kolom: typeof p.path[1] === 'string' ? p.path[1] : null, pesan: p.message });
      }
      return x;
    });
    if (masalah.length > 0) throw new ImporRegisterGagal(masalah.sort((a, b) => (a.baris ?? 0) - (b.baris ?? 0)));
    const ada = new Map(
      (await tx.select().from(t.registerBaris).where(and(eq(t.registerBaris.pemdaId, k.aktor.pemdaId), eq(t.registerBaris.registerId, row.id)))).map((r) => [r.kode, r]),
    );
    let urutan = 0;
    for (const r of ada.values()) urutan = Math.max(urutan, r.urutan + 1);
    const changes: Perubahan[] = [];
    const baru: Array<typeof t.registerBaris.$inferInsert> = [];
    let ditambah = 0;
    let diubah = 0;
    for (const x of siap) {
      const lama = ada.get(x.id);
      const key = kunci(opd, kode, x.id);
      if (lama) {
        if (JSON.stringify(lama.nilai) === JSON.stringify(x.nilai)) continue;
        await tx
          .update(t.registerBaris)
          .set({ nilai: x.nilai, version: lama.version + 1, updatedAt: k.sekarang })
          .where(and(eq(t.registerBaris.pemdaId, k.aktor.pemdaId), eq(t.registerBaris.id, lama.id)));
        changes.push({ entity: 'register_baris', entityKey: key, field: 'nilai', lama: lama.nilai, baru: x.nilai });
        diubah++;
      } else {
        baru.push({ pemdaId: k.aktor.pemdaId, id: newId(), urutan: urutan++, registerId: row.id, kode: x.id, nilai: x.nilai });
        changes.push({ entity: 'register_baris', entityKey: key, field: 'nilai', lama: null, baru: x.nilai });
        ditambah++;
      }
    }
    // New rows in statements of 1.000 (PostgreSQL takes at most 65.535 parameters per statement).
    for (let i = 0; i < baru.length; i += 1000) await tx.insert(t.registerBaris).values(baru.slice(i, i + 1000));
    await naikkanRevisi(tx, k.aktor.pemdaId, opd);
    await catatAudit(tx, audit(k), changes);
    return { ditambah, diubah };
  });
}

/** The whole register with its rows, for export: personal columns are the caller's decision (see tulisRegisterXlsx). */
export async function registerLengkap(db: Db, a: Aktor, opd: string, kode: string, pribadi: boolean): Promise<RegisterData> {
  bacaBoleh(a, opd);
  if (pribadi) kelolaBoleh(a, opd);
  const { row, data } = await bacaRegister(db, a.pemdaId, opd, kode);
  const rows = await db
    .select()
    .from(t.registerBaris)
    .where(and(eq(t.registerBaris.pemdaId, a.pemdaId), eq(t.registerBaris.registerId, row.id)))
    .orderBy(asc(t.registerBaris.urutan));
  return { ...data, baris: rows.map((b) => ({ id: b.kode, nilai: b.nilai, ...(b.keterangan ? { keterangan: b.keterangan } : {}) })) };
}
