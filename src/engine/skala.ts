/**
 * Rating scales: each pemda sets its own bands. A value belongs to the first band (from the
 * top) whose lower bound it reaches; values above 100 fall in the top band.
 */
import { Rational } from './decimal.ts';
import type { Nilai } from './nilai.ts';

export interface Band {
  min: number;
  label: string;
  warna?: string | undefined;
}
export interface Skala {
  nama: string;
  bands: readonly Band[];
}

/** The seed's scale (Tabel 3.1 of the Paser LKJIP 2023). */
export const SKALA_EMPAT_TINGKAT: Skala = {
  nama: 'Skala ordinal empat tingkat',
  bands: [
    { min: 85, label: 'Sangat Berhasil', warna: '#1a7f37' },
    { min: 70, label: 'Berhasil', warna: '#4c9f38' },
    { min: 55, label: 'Cukup Berhasil', warna: '#d4a72c' },
    { min: 0, label: 'Kurang Berhasil', warna: '#cf222e' },
  ],
};

/** The five-band scale used for evaluating Renja and RKPD (Permendagri 86/2017). */
export const SKALA_LIMA_TINGKAT: Skala = {
  nama: 'Skala evaluasi lima tingkat',
  bands: [
    { min: 91, label: 'Sangat Tinggi', warna: '#1a7f37' },
    { min: 76, label: 'Tinggi', warna: '#4c9f38' },
    { min: 66, label: 'Sedang', warna: '#d4a72c' },
    { min: 51, label: 'Rendah', warna: '#e16f24' },
    { min: 0, label: 'Sangat Rendah', warna: '#cf222e' },
  ],
};

/**
 * The band of a figure. The figure is placed as it is displayed (rounded to `desimalTampil`),
 * so the label always agrees with the printed number; below every bound is the lowest band.
 */
export function predikat(nilai: Nilai | Rational, skala: Skala, desimalTampil = 2): Band | undefined {
  const v = nilai instanceof Rational ? nilai : nilai.status === 'ada' ? nilai.value : undefined;
  if (!v) return undefined;
  const shown = v.round(desimalTampil);
  const sorted = [...skala.bands].sort((a, b) => b.min - a.min);
  for (const band of sorted) {
    if (shown.cmp(Rational.from(band.min)) >= 0) return band;
  }
  return sorted[sorted.length - 1];
}

export function validasiSkala(skala: Skala): string[] {
  const problems: string[] = [];
  const mins = skala.bands.map((b) => b.min);
  if (new Set(mins).size !== mins.length) problems.push('batas bawah band tidak boleh sama');
  if (!mins.some((m) => m <= 0)) problems.push('band terendah harus dimulai dari 0 atau kurang');
  return problems;
}
