/**
 * What the Laporan Hasil Evaluasi (LHE) of one OPD-year is made from: the criterion-level SAKIP
 * evaluation as the workflow reads it (src/workflow/lke.ts, `dataLhe`). Scores are exact decimal
 * strings computed by src/engine/evaluasi.ts; the report prints them, it never recomputes.
 */
import type { PredikatSakip } from '../engine/evaluasi.ts';

export interface NilaiLhe {
  /** Exact decimal string, e.g. "72.4583333333" (print with 2 decimals). */
  total: string;
  predikat: PredikatSakip;
  komponen: Array<{ kode: string; nama: string; bobot: number; nilai: string; sub: Array<{ kode: string; nama: string; bobot: number; nilai: string }> }>;
}

export interface TemuanLhe {
  /** Criterion code and text. */
  kode: string;
  teks: string;
  komponen: string;
  /** Final answer (A..E / Y / T) or null when unanswered. */
  jawaban: string | null;
  /** The evaluator's or supervisor's comment, else the OPD's own note. */
  catatan: string | null;
}

export interface DataLhe {
  opd: string;
  tahun: number;
  /** Criteria version: name and regulation. */
  kriteria: { kode: string; nama: string; regulasi: string };
  /** The tier the evaluation stands at; an LHE before 'final' is printed as a draft. */
  tahap: 'mandiri' | 'evaluator' | 'supervisor' | 'final';
  /** When and by whom the supervisor approved it (ISO date, name), if it was. */
  disetujui: { nama: string; pada: string } | null;
  /** The OPD's self-assessment score and the final score. */
  mandiri: NilaiLhe;
  akhir: NilaiLhe;
  /** Criteria whose final answer is below full marks, in criteria order. */
  temuan: TemuanLhe[];
  rekomendasi: Array<{ teks: string; tindakLanjut: string | null; status: 'belum' | 'proses' | 'selesai' }>;
  /** Recommendations of the previous year's evaluation and how far they were followed up. */
  rekomendasiLalu: Array<{ teks: string; tindakLanjut: string | null; status: 'belum' | 'proses' | 'selesai' }>;
}

/** One row of the pemda's recap of every OPD's evaluation of a year. */
export interface BarisRekapLke {
  opd: string;
  nama: string;
  /** null: no evaluation recorded for the year. */
  tahap: 'ringkas' | 'mandiri' | 'evaluator' | 'supervisor' | 'final' | null;
  total: string | null;
  predikat: PredikatSakip | null;
  komponen: Array<{ kode: string; nama: string; bobot: number; nilai: string }>;
  rekomendasi: number;
  rekomendasiSelesai: number;
}
