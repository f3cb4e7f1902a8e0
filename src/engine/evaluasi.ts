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

// ---------------------------------------------------------------- criterion by criterion

/**
 * The evaluation answered criterion by criterion (LKE as data: components → sub-components →
 * criteria, with weights in points). A sub-component earns its weight times the mean value of its
 * criteria's answers (Y 1, T 0; A 1, B 0,75, C 0,5, D 0,25, E 0); an unanswered criterion counts
 * 0. The total is the sum of the sub-components and is graded by `predikatSakip`.
 */
export type JenisJawaban = 'YT' | 'AE';
export const JAWABAN_LKE = ['Y', 'T', 'A', 'B', 'C', 'D', 'E'] as const;
export type JawabanLke = (typeof JAWABAN_LKE)[number];

export const PILIHAN_JAWABAN: Record<JenisJawaban, readonly JawabanLke[]> = { YT: ['Y', 'T'], AE: ['A', 'B', 'C', 'D', 'E'] };

const NILAI_JAWABAN: Record<JawabanLke, Rational> = {
  Y: Rational.ONE,
  T: Rational.ZERO,
  A: Rational.ONE,
  B: Rational.of(3n, 4n),
  C: Rational.of(1n, 2n),
  D: Rational.of(1n, 4n),
  E: Rational.ZERO,
};

export interface KriteriaLke {
  kode: string;
  teks: string;
  jenis: JenisJawaban;
  /** A fact of the application's own records that can support the answer (see src/workflow/lke-fakta.ts). */
  fakta?: string | undefined;
}
export interface SubKomponenLke {
  kode: string;
  nama: string;
  bobot: number;
  kriteria: KriteriaLke[];
}
export interface KomponenLke {
  kode: string;
  nama: string;
  bobot: number;
  sub: SubKomponenLke[];
}
export interface StrukturLke {
  komponen: KomponenLke[];
}

/** The value of an answer, or a RangeError when the answer does not belong to the criterion's type. */
export function nilaiJawaban(jenis: JenisJawaban, jawaban: JawabanLke): Rational {
  if (!PILIHAN_JAWABAN[jenis].includes(jawaban)) throw new RangeError(`jawaban ${jawaban} bukan pilihan ${PILIHAN_JAWABAN[jenis].join('/')}`);
  return NILAI_JAWABAN[jawaban];
}

/** What is wrong with a criteria structure: weights that do not add up, codes repeated, empty parts. Empty when sound. */
export function periksaStrukturLke(s: StrukturLke): string[] {
  const masalah: string[] = [];
  const kode = new Set<string>();
  const unik = (k: string) => {
    if (kode.has(k)) masalah.push(`kode ${k} dipakai lebih dari sekali`);
    kode.add(k);
  };
  if (s.komponen.length === 0) masalah.push('tidak ada komponen');
  const total = sum(s.komponen.map((k) => Rational.from(k.bobot)));
  if (!total.equals(Rational.HUNDRED)) masalah.push(`bobot komponen berjumlah ${total.toString()}, harus 100`);
  for (const k of s.komponen) {
    unik(k.kode);
    if (k.sub.length === 0) masalah.push(`komponen ${k.kode} tidak punya sub komponen`);
    const bobotSub = sum(k.sub.map((x) => Rational.from(x.bobot)));
    if (!bobotSub.equals(Rational.from(k.bobot))) masalah.push(`bobot sub komponen ${k.kode} berjumlah ${bobotSub.toString()}, harus ${k.bobot}`);
    for (const x of k.sub) {
      unik(x.kode);
      if (Rational.from(x.bobot).isNegative()) masalah.push(`bobot sub komponen ${x.kode} negatif`);
      if (x.kriteria.length === 0) masalah.push(`sub komponen ${x.kode} tidak punya kriteria`);
      for (const c of x.kriteria) unik(c.kode);
    }
  }
  return masalah;
}

export interface HasilSubLke {
  kode: string;
  bobot: number;
  nilai: Rational;
  terjawab: number;
  jumlah: number;
}
export interface HasilKomponenLke {
  kode: string;
  bobot: number;
  nilai: Rational;
  sub: HasilSubLke[];
}
export interface HasilLkeKriteria {
  komponen: HasilKomponenLke[];
  total: Rational;
  predikat: PredikatSakip;
  terjawab: number;
  jumlah: number;
}

/** Scores a criteria structure from the answer of each criterion (undefined: not answered, counts 0). */
export function hitungLkeKriteria(s: StrukturLke, jawaban: (kode: string) => JawabanLke | undefined): HasilLkeKriteria {
  const komponen = s.komponen.map((k): HasilKomponenLke => {
    const sub = k.sub.map((x): HasilSubLke => {
      const nilai = x.kriteria.map((c) => {
        const j = jawaban(c.kode);
        return j === undefined ? undefined : nilaiJawaban(c.jenis, j);
      });
      const terjawab = nilai.filter((v) => v !== undefined).length;
      const rata = x.kriteria.length === 0 ? Rational.ZERO : sum(nilai.map((v) => v ?? Rational.ZERO)).div(Rational.from(x.kriteria.length));
      return { kode: x.kode, bobot: x.bobot, nilai: rata.mul(Rational.from(x.bobot)), terjawab, jumlah: x.kriteria.length };
    });
    return { kode: k.kode, bobot: k.bobot, nilai: sum(sub.map((x) => x.nilai)), sub };
  });
  const total = sum(komponen.map((k) => k.nilai));
  const semua = komponen.flatMap((k) => k.sub);
  return { komponen, total, predikat: predikatSakip(total), terjawab: semua.reduce((a, x) => a + x.terjawab, 0), jumlah: semua.reduce((a, x) => a + x.jumlah, 0) };
}
