/**
 * Capaian (achievement) of an indicator, and how quarterly realisasi combine into a yearly one.
 */
import { Rational, mean, sum } from './decimal.ts';
import { ada, all, BELUM_DIISI, map, type Nilai, tidakDapatDihitung } from './nilai.ts';

export type Polaritas = 'positif' | 'negatif';
export type RumusNegatif = 'selisih' | 'rasio-terbalik' | 'selisih-min-nol';
export type Agregasi = 'jumlah' | 'akhir' | 'rata-rata' | 'rasio';

export const RUMUS_NEGATIF_LABEL: Record<RumusNegatif, string> = {
  selisih: '(Rencana - (Realisasi - Rencana)) / Rencana x 100%',
  'rasio-terbalik': 'Rencana / Realisasi x 100%',
  'selisih-min-nol': '(Rencana - (Realisasi - Rencana)) / Rencana x 100%, paling rendah 0',
};

/**
 * Capaian in percent. Higher-is-better: R / T x 100. Lower-is-better follows the pemda's
 * setting; the default is the seed's (2T - R) / T x 100.
 */
export function capaian(
  target: Nilai,
  realisasi: Nilai,
  polaritas: Polaritas = 'positif',
  rumusNegatif: RumusNegatif = 'selisih',
): Nilai {
  return all([target, realisasi], ([t, r]) => {
    if (t === undefined || r === undefined) return tidakDapatDihitung('masukan tidak lengkap');
    if (polaritas === 'positif') {
      if (t.isZero()) return tidakDapatDihitung('target nol');
      return r.div(t).mul(Rational.HUNDRED);
    }
    switch (rumusNegatif) {
      case 'selisih':
      case 'selisih-min-nol': {
        if (t.isZero()) return tidakDapatDihitung('target nol');
        const c = t.add(t).sub(r).div(t).mul(Rational.HUNDRED);
        return rumusNegatif === 'selisih-min-nol' && c.isNegative() ? Rational.ZERO : c;
      }
      case 'rasio-terbalik':
        if (r.isZero()) return tidakDapatDihitung('realisasi nol');
        return t.div(r).mul(Rational.HUNDRED);
    }
  });
}

/** One quarter's entry: a value, or the numerator and denominator it is computed from. */
export interface NilaiTriwulan {
  triwulan: 1 | 2 | 3 | 4;
  nilai?: number | undefined;
  pembilang?: number | undefined;
  penyebut?: number | undefined;
}

/** The value of one entry: the given value, or pembilang / penyebut x pengali. */
export function nilaiEntri(e: Omit<NilaiTriwulan, 'triwulan'>, pengali: number = 100): Nilai {
  if (e.pembilang !== undefined && e.penyebut !== undefined) {
    if (e.penyebut === 0) {
      return e.nilai !== undefined ? ada(Rational.from(e.nilai)) : tidakDapatDihitung('penyebut nol');
    }
    return ada(Rational.from(e.pembilang).div(Rational.from(e.penyebut)).mul(Rational.from(pengali)));
  }
  if (e.pembilang !== undefined || e.penyebut !== undefined) return tidakDapatDihitung('pembilang atau penyebut kosong');
  if (e.nilai === undefined) return BELUM_DIISI;
  return ada(Rational.from(e.nilai));
}

/**
 * Combines the quarters entered so far into the yearly value.
 * - jumlah: cumulative sum; akhir: the latest quarter's value (posisi akhir);
 * - rata-rata: mean of the quarterly values, zeros included, over the quarters entered;
 * - rasio: sum of numerators / sum of denominators x pengali.
 * With `lengkap`, every quarter 1..4 must be present.
 */
export function agregasi(
  entries: readonly NilaiTriwulan[],
  metode: Agregasi,
  options: { pengali?: number; lengkap?: boolean } = {},
): Nilai {
  const pengali = options.pengali ?? 100;
  const sorted = [...entries].sort((a, b) => a.triwulan - b.triwulan);
  if (sorted.length === 0) return BELUM_DIISI;
  if (options.lengkap) {
    const missing = [1, 2, 3, 4].filter((q) => !sorted.some((e) => e.triwulan === q));
    if (missing.length > 0) return tidakDapatDihitung(`triwulan ${missing.join(', ')} belum diisi`);
  }
  switch (metode) {
    case 'jumlah':
      return all(sorted.map((e) => nilaiEntri(e, pengali)), sum);
    case 'akhir': {
      const last = sorted[sorted.length - 1];
      return last ? nilaiEntri(last, pengali) : BELUM_DIISI;
    }
    case 'rata-rata':
      return all(sorted.map((e) => nilaiEntri(e, pengali)), mean);
    case 'rasio': {
      if (sorted.some((e) => e.pembilang === undefined || e.penyebut === undefined)) {
        return tidakDapatDihitung('agregasi rasio memerlukan pembilang dan penyebut tiap triwulan');
      }
      const num = sum(sorted.map((e) => Rational.from(e.pembilang ?? 0)));
      const den = sum(sorted.map((e) => Rational.from(e.penyebut ?? 0)));
      if (den.isZero()) return tidakDapatDihitung('jumlah penyebut nol');
      return ada(num.div(den).mul(Rational.from(pengali)));
    }
  }
}

/** A published realisasi is rounded to the indicator's decimals before capaian is computed from it. */
export function realisasiTerbit(n: Nilai, desimal: number): Nilai {
  return map(n, (v) => v.round(desimal));
}

/** Mean of several capaian (a sasaran's over its indicators, an OPD's over its sasaran). */
export function rataRata(values: readonly Nilai[]): Nilai {
  if (values.length === 0) return BELUM_DIISI;
  return all(values, mean);
}
