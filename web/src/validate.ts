/**
 * Client-side checks of a quarterly value, so that a typo is caught while typing rather than
 * after the planner rejects it. The server checks again; these only decide what the user sees
 * and whether the draft is sent.
 */
import { parseAngka } from './format.ts';
import type { Entri } from '@kontrak/entri.ts';

export interface Isian {
  nilai: string;
  pembilang: string;
  penyebut: string;
  keterangan: string;
}

export type KodeMasalah = 'bukan-angka' | 'negatif' | 'penyebut-nol' | 'pembilang-melebihi-penyebut' | 'melebihi-100' | 'keterangan-terlalu-panjang';

export interface Masalah {
  field: keyof Isian;
  kode: KodeMasalah;
  /** A warning is shown but does not stop saving: such values are unusual, not impossible. */
  peringatan?: boolean;
}

export interface HasilPeriksa {
  masalah: Masalah[];
  /** Numbers to send; only meaningful when there is no blocking problem. */
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  /** pembilang / penyebut × pengali for a formula indicator, else the typed value. */
  hasil: number | null;
  /** True when the quarter's value can be computed (what "Ajukan" needs). */
  lengkap: boolean;
}

export const BATAS_KETERANGAN = 2000;

function isPersen(e: Pick<Entri, 'satuan' | 'formula'>): boolean {
  return e.satuan.trim() === '%' || e.formula?.pengali === 100;
}

export function periksaIsian(e: Pick<Entri, 'satuan' | 'formula'>, isian: Isian): HasilPeriksa {
  const masalah: Masalah[] = [];
  const baca = (field: 'nilai' | 'pembilang' | 'penyebut'): number | null => {
    const n = parseAngka(isian[field]);
    if (n !== null && Number.isNaN(n)) {
      masalah.push({ field, kode: 'bukan-angka' });
      return null;
    }
    if (n !== null && n < 0) masalah.push({ field, kode: 'negatif' });
    return n;
  };
  if (isian.keterangan.length > BATAS_KETERANGAN) masalah.push({ field: 'keterangan', kode: 'keterangan-terlalu-panjang' });

  if (e.formula) {
    const pembilang = baca('pembilang');
    const penyebut = baca('penyebut');
    if (penyebut === 0) masalah.push({ field: 'penyebut', kode: 'penyebut-nol' });
    if (pembilang !== null && penyebut !== null && penyebut > 0 && pembilang > penyebut && isPersen(e)) {
      masalah.push({ field: 'pembilang', kode: 'pembilang-melebihi-penyebut' });
    }
    const hasil = pembilang !== null && penyebut !== null && penyebut > 0 ? (pembilang / penyebut) * e.formula.pengali : null;
    const blok = masalah.some((m) => !m.peringatan);
    return { masalah, nilai: null, pembilang, penyebut, hasil, lengkap: hasil !== null && !blok };
  }

  const nilai = baca('nilai');
  if (nilai !== null && nilai > 100 && isPersen(e)) masalah.push({ field: 'nilai', kode: 'melebihi-100', peringatan: true });
  const blok = masalah.some((m) => !m.peringatan);
  return { masalah, nilai, pembilang: null, penyebut: null, hasil: nilai, lengkap: nilai !== null && !blok };
}

export function adaMasalahBlok(h: HasilPeriksa): boolean {
  return h.masalah.some((m) => !m.peringatan);
}
