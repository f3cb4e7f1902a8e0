/**
 * Plausibility of entered realisasi values, in Indonesian. The route schema already refused
 * anything that is not a finite number; these rules need the indicator (its unit) or more than
 * one field.
 */
import type { Masalah } from './errors.ts';
import type { IndikatorEntri } from './katalog.ts';

export const NILAI_MAKS = 1e12;
/** A percentage can exceed 100 (over-achievement) but not by orders of magnitude. */
export const PERSEN_MAKS = 1000;

export interface NilaiEntri {
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
}

export const persen = (satuan: string) => /^\s*(%|persen)\s*$/i.test(satuan);

export function periksaNilai(ind: Pick<IndikatorEntri, 'satuan'>, v: NilaiEntri): Masalah[] {
  const issues: Masalah[] = [];
  const isPersen = persen(ind.satuan);
  if (v.nilai !== null) {
    const max = isPersen ? PERSEN_MAKS : NILAI_MAKS;
    if (v.nilai < 0 || v.nilai > max) issues.push({ path: 'nilai', message: `nilai harus antara 0 dan ${max.toLocaleString('id-ID')}${isPersen ? ' persen' : ''}` });
  }
  if (v.pembilang !== null && (v.pembilang < 0 || v.pembilang > NILAI_MAKS)) {
    issues.push({ path: 'pembilang', message: `pembilang harus antara 0 dan ${NILAI_MAKS.toLocaleString('id-ID')}` });
  }
  if (v.penyebut !== null && (v.penyebut <= 0 || v.penyebut > NILAI_MAKS)) {
    issues.push({ path: 'penyebut', message: `penyebut harus lebih dari 0 dan paling besar ${NILAI_MAKS.toLocaleString('id-ID')}` });
  }
  if (isPersen && v.pembilang !== null && v.penyebut !== null && v.penyebut > 0 && v.pembilang > v.penyebut) {
    issues.push({ path: 'pembilang', message: 'untuk indikator persentase, pembilang tidak boleh melebihi penyebut' });
  }
  return issues;
}

/**
 * A target in the plan (Renstra, Renja, PK, quarter) keeps to the bounds of the realisasi it will
 * be compared with: 0 to PERSEN_MAKS for a percentage, 0 to NILAI_MAKS otherwise.
 */
export function periksaTarget(satuan: string | null, target: number | null, path: string): Masalah[] {
  if (target === null) return [];
  const isPersen = satuan !== null && persen(satuan);
  const max = isPersen ? PERSEN_MAKS : NILAI_MAKS;
  return target < 0 || target > max ? [{ path, message: `target harus antara 0 dan ${max.toLocaleString('id-ID')}${isPersen ? ' persen' : ''}` }] : [];
}
