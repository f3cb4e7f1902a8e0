/**
 * Budget absorption (serapan) and efficiency.
 */
import { Rational, mean } from './decimal.ts';
import { ada, all, BELUM_DIISI, type Nilai, tidakDapatDihitung } from './nilai.ts';

export interface PaguRealisasi {
  /** Whole rupiah. */
  pagu: number;
  /** Whole rupiah. */
  realisasi: number;
}

/** Realisasi / pagu x 100. */
export function serapan(x: PaguRealisasi): Nilai {
  if (x.pagu === 0) return tidakDapatDihitung('pagu nol');
  return ada(Rational.of(BigInt(x.realisasi), BigInt(x.pagu)).mul(Rational.HUNDRED));
}

export function jumlah(lines: readonly PaguRealisasi[]): PaguRealisasi {
  let pagu = 0n;
  let realisasi = 0n;
  for (const l of lines) {
    pagu += BigInt(l.pagu);
    realisasi += BigInt(l.realisasi);
  }
  return { pagu: Number(pagu), realisasi: Number(realisasi) };
}

/**
 * Two ways to state a sasaran's absorption over its programs, both in use:
 * - `rataRataProgram`: mean of the programs' percentages (the seed's Tabel 3.18);
 * - `tertimbang`: total realisasi / total pagu, which weighs each program by its pagu.
 */
export function serapanGabungan(lines: readonly PaguRealisasi[]): { rataRataProgram: Nilai; tertimbang: Nilai } {
  if (lines.length === 0) return { rataRataProgram: BELUM_DIISI, tertimbang: BELUM_DIISI };
  return {
    rataRataProgram: all(lines.map(serapan), mean),
    tertimbang: serapan(jumlah(lines)),
  };
}

/** Efficiency in percentage points: capaian kinerja - serapan anggaran (seed Tabel 3.18). */
export function efisiensi(capaianKinerja: Nilai, serapanAnggaran: Nilai): Nilai {
  return all([capaianKinerja, serapanAnggaran], ([c, s]) => (c && s ? c.sub(s) : tidakDapatDihitung('masukan tidak lengkap')));
}

export function sisa(x: PaguRealisasi): number {
  return Number(BigInt(x.pagu) - BigInt(x.realisasi));
}
