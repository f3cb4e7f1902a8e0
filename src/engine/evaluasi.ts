/**
 * SAKIP evaluation (LKE, PermenPAN-RB 88/2021): four components with their weights, each split
 * into pemenuhan / kualitas / implementasi at 20% / 30% / 50% of the component, the total and
 * its grade. Pure and exact: the grade is decided on the exact total, never on a rounded one.
 *
 * Input per sub-component is the share achieved, 0..100 (percent of that sub-component's
 * points). A component's points are bobot × (20%·pemenuhan + 30%·kualitas + 50%·implementasi).
 */
import { Rational, sum } from './decimal.ts';

export const KOMPONEN_LKE = [
  { kode: 'perencanaan', nama: 'Perencanaan Kinerja', bobot: 30 },
  { kode: 'pengukuran', nama: 'Pengukuran Kinerja', bobot: 30 },
  { kode: 'pelaporan', nama: 'Pelaporan Kinerja', bobot: 15 },
  { kode: 'evaluasi', nama: 'Evaluasi Akuntabilitas Kinerja Internal', bobot: 25 },
] as const;
export type KodeKomponen = (typeof KOMPONEN_LKE)[number]['kode'];

export const SUB_KOMPONEN = [
  { kode: 'pemenuhan', porsi: 20 },
  { kode: 'kualitas', porsi: 30 },
  { kode: 'implementasi', porsi: 50 },
] as const;
export type KodeSub = (typeof SUB_KOMPONEN)[number]['kode'];

export type PredikatSakip = 'AA' | 'A' | 'BB' | 'B' | 'CC' | 'C' | 'D';

/** Lower bounds, exclusive, from the top: AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60, C >30-50, D 0-30. */
const BATAS: ReadonlyArray<[PredikatSakip, number]> = [
  ['AA', 90],
  ['A', 80],
  ['BB', 70],
  ['B', 60],
  ['CC', 50],
  ['C', 30],
];

export type SkorKomponen = Record<KodeSub, number | string | Rational>;
export type IsianLke = Record<KodeKomponen, SkorKomponen>;

export interface HasilKomponen {
  kode: KodeKomponen;
  bobot: number;
  /** Points of each sub-component (share × porsi × bobot). */
  sub: Record<KodeSub, Rational>;
  nilai: Rational;
}

export interface HasilLke {
  komponen: HasilKomponen[];
  total: Rational;
  predikat: PredikatSakip;
}

export function predikatSakip(total: Rational): PredikatSakip {
  if (total.isNegative() || total.cmp(Rational.HUNDRED) > 0) throw new RangeError(`nilai evaluasi di luar 0..100: ${total.toString()}`);
  for (const [p, batas] of BATAS) if (total.cmp(Rational.from(batas)) > 0) return p;
  return 'D';
}

/** The share achieved of a sub-component, checked to lie in 0..100. */
function persen(x: number | string | Rational, where: string): Rational {
  const r = Rational.from(x);
  if (r.isNegative() || r.cmp(Rational.HUNDRED) > 0) throw new RangeError(`${where}: harus 0 sampai 100, bukan ${r.toString()}`);
  return r;
}

export function hitungLke(isian: IsianLke): HasilLke {
  const komponen = KOMPONEN_LKE.map((k): HasilKomponen => {
    const bobot = Rational.from(k.bobot);
    const sub = Object.fromEntries(
      SUB_KOMPONEN.map((s) => [s.kode, persen(isian[k.kode][s.kode], `${k.kode}.${s.kode}`).mul(Rational.from(s.porsi)).mul(bobot).div(Rational.of(10000n))]),
    ) as Record<KodeSub, Rational>;
    return { kode: k.kode, bobot: k.bobot, sub, nilai: sum(Object.values(sub)) };
  });
  const total = sum(komponen.map((k) => k.nilai));
  return { komponen, total, predikat: predikatSakip(total) };
}
