/**
 * The pemda's own measurement settings: the rating scale and the lower-is-better formula.
 * They live in `pemda.pengaturan`; every figure is computed from the stored dataset on
 * request, so a change shows on the next dashboard. Edits carry the pemda row's version.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { pemda } from '../db/schema.ts';
import type { RumusNegatif } from '../engine/capaian.ts';
import type { Skala } from '../engine/skala.ts';
import type { Lisensi } from '../dataset/schema.ts';
import type { z } from 'zod';
import { type Aktor, boleh } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from './audit.ts';
import { Dilarang, type Masalah, MasukanTidakSah, TidakDitemukan, VersiUsang } from './errors.ts';
import { naikkanRevisi, SELURUH_PEMDA } from '../db/revisi.ts';

export type LisensiData = z.output<typeof Lisensi>;

/** The licence of the open data when the admin has set none (docs/open-data.md). */
export const LISENSI_BAWAAN: LisensiData = { nama: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

export interface PengaturanPemda {
  skala: Skala;
  rumusNegatif: RumusNegatif;
  /** The licence of the pemda's open data (`/data/:pemda/…`). */
  lisensi: LisensiData;
  version: number;
}

export async function bacaPengaturan(db: Db, pemdaId: string): Promise<PengaturanPemda> {
  const [row] = await db.select({ pengaturan: pemda.pengaturan, version: pemda.version }).from(pemda).where(eq(pemda.id, pemdaId));
  if (!row) throw new TidakDitemukan('pemda tidak ada');
  return { skala: row.pengaturan.skala, rumusNegatif: row.pengaturan.rumusNegatif, lisensi: row.pengaturan.lisensi ?? LISENSI_BAWAAN, version: row.version };
}

/**
 * Problems of a rating scale, located by band. Bands run from the highest to the lowest: each
 * band covers [min, min of the band above), so ordered distinct bounds with the lowest at 0
 * leave neither gaps nor overlaps.
 */
export function periksaSkala(skala: Skala): Masalah[] {
  const issues: Masalah[] = [];
  if (skala.nama.trim() === '') issues.push({ path: 'skala.nama', message: 'nama skala wajib diisi' });
  if (skala.bands.length < 2) issues.push({ path: 'skala.bands', message: 'skala paling sedikit dua band' });
  const labels = new Set<string>();
  skala.bands.forEach((b, i) => {
    const at = `skala.bands.${i}`;
    if (b.label.trim() === '') issues.push({ path: `${at}.label`, message: 'label band wajib diisi' });
    else if (labels.has(b.label.trim().toLowerCase())) issues.push({ path: `${at}.label`, message: `label "${b.label}" dipakai lebih dari sekali` });
    labels.add(b.label.trim().toLowerCase());
    if (!Number.isFinite(b.min) || b.min < 0 || b.min > 1000) issues.push({ path: `${at}.min`, message: 'batas bawah harus antara 0 dan 1000' });
    const prev = skala.bands[i - 1];
    if (prev && !(b.min < prev.min)) {
      issues.push({ path: `${at}.min`, message: `batas bawah harus lebih kecil dari band di atasnya (${prev.min}); band diurutkan dari tertinggi` });
    }
  });
  const last = skala.bands[skala.bands.length - 1];
  if (last && last.min !== 0) issues.push({ path: `skala.bands.${skala.bands.length - 1}.min`, message: 'band terendah harus dimulai dari 0 agar tidak ada celah' });
  return issues;
}

export interface UbahPengaturan {
  version: number;
  skala?: Skala | undefined;
  rumusNegatif?: RumusNegatif | undefined;
  lisensi?: LisensiData | undefined;
}

/** Changes the scale and/or the lower-is-better rule, in one transaction with its audit rows. */
export async function ubahPengaturan(db: Db, aktor: Aktor, audit: Omit<KonteksAudit, 'pemdaId' | 'penggunaId'>, input: UbahPengaturan): Promise<PengaturanPemda> {
  if (!boleh(aktor, { aksi: 'skala:atur' })) throw new Dilarang('hanya admin pemda yang mengatur skala dan rumus');
  if (input.skala) {
    const issues = periksaSkala(input.skala);
    if (issues.length > 0) throw new MasukanTidakSah(issues);
  }
  const pemdaId = aktor.pemdaId;
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ pengaturan: pemda.pengaturan, version: pemda.version }).from(pemda).where(eq(pemda.id, pemdaId)).for('update');
    if (!row) throw new TidakDitemukan('pemda tidak ada');
    const now = { skala: row.pengaturan.skala, rumusNegatif: row.pengaturan.rumusNegatif, lisensi: row.pengaturan.lisensi ?? LISENSI_BAWAAN, version: row.version };
    if (row.version !== input.version) throw new VersiUsang(now);
    const skala: Skala = input.skala
      ? { nama: input.skala.nama.trim(), bands: input.skala.bands.map((b) => ({ min: b.min, label: b.label.trim(), ...(b.warna ? { warna: b.warna } : {}) })) }
      : now.skala;
    const rumusNegatif = input.rumusNegatif ?? now.rumusNegatif;
    const lisensi: LisensiData = input.lisensi ? { nama: input.lisensi.nama.trim(), url: input.lisensi.url.trim() } : now.lisensi;
    const changes: Perubahan[] = [];
    if (JSON.stringify(skala) !== JSON.stringify(now.skala)) changes.push({ entity: 'pengaturan', entityKey: 'skala', field: 'skala', lama: now.skala, baru: skala });
    if (rumusNegatif !== now.rumusNegatif) changes.push({ entity: 'pengaturan', entityKey: 'rumusNegatif', field: 'rumusNegatif', lama: now.rumusNegatif, baru: rumusNegatif });
    if (JSON.stringify(lisensi) !== JSON.stringify(now.lisensi)) changes.push({ entity: 'pengaturan', entityKey: 'lisensi', field: 'lisensi', lama: now.lisensi, baru: lisensi });
    if (changes.length === 0) return now;
    const version = row.version + 1;
    await tx
      .update(pemda)
      .set({ pengaturan: { ...row.pengaturan, skala: { nama: skala.nama, bands: skala.bands.map((b) => ({ ...b })) }, rumusNegatif, lisensi }, version, updatedAt: audit.at })
      .where(and(eq(pemda.id, pemdaId), eq(pemda.version, row.version)));
    await naikkanRevisi(tx, pemdaId, SELURUH_PEMDA);
    await catatAudit(tx, { ...audit, pemdaId, penggunaId: aktor.id }, changes);
    return { skala, rumusNegatif, lisensi, version };
  });
}
