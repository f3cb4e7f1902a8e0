/**
 * Shared fixtures of the formula tests: a schema with the registers of the seed's indicators and
 * their rows.
 *
 * kasus_hi follows Lampiran V of the seed LKJIP (Data Kasus Perselisihan HI): 13 cases in 2023,
 * 8 settled by Perjanjian Bersama (PB), 3 by Anjuran, 1 handed to the Pengawas, 1 sent back to
 * bipartite talks. The extracted text only shows August to December (PB, PB, Anjuran, Anjuran,
 * PB, Anjuran, PB); the January–July rows are placed so that the year totals are the seed's.
 *
 * penempatan and sertifikasi give IKU 1's quarterly ratios (0, 0, 18/27, 22/58); the seed only
 * publishes those totals, so the individual rows are illustrative.
 */
import type { AggregateTrace, EvaluationContext, FormulaSchema, Periode, RegisterRow, ValueInput } from './index.ts';
import type { Expr } from './ast.ts';

export const SCHEMA: FormulaSchema = {
  values: {
    jumlah_terdaftar: { type: 'angka' },
    jumlah_selesai: { type: 'angka' },
    target: { type: 'angka' },
    catatan: { type: 'teks' },
    disetujui: { type: 'ya-tidak' },
  },
  registers: {
    kasus_hi: {
      period: { kind: 'tanggal', column: 'tanggal' },
      columns: {
        tanggal: { type: 'tanggal' },
        perusahaan: { type: 'teks' },
        pekerja: { type: 'angka' },
        penyelesaian: { type: 'pilihan', choices: ['PB', 'Anjuran', 'Pengawas', 'Bipartit'] },
      },
    },
    penempatan: {
      period: { kind: 'tanggal', column: 'tanggal' },
      columns: {
        tanggal: { type: 'tanggal' },
        perusahaan: { type: 'teks' },
        jumlah_orang: { type: 'angka' },
        bersertifikat: { type: 'ya-tidak' },
      },
    },
    sertifikasi: {
      period: { kind: 'tanggal', column: 'tanggal' },
      columns: {
        tanggal: { type: 'tanggal' },
        skema: { type: 'teks' },
        jumlah_kompeten: { type: 'angka' },
      },
    },
    peserta_pelatihan: {
      period: { kind: 'bulan-tahun', month: 'bulan', year: 'tahun' },
      columns: {
        bulan: { type: 'angka' },
        tahun: { type: 'angka' },
        nama: { type: 'nama-orang' },
        telepon: { type: 'telepon' },
        kejuruan: { type: 'pilihan', choices: ['Menjahit', 'Las', 'Otomotif', 'Komputer'] },
        lulus: { type: 'ya-tidak' },
        nilai: { type: 'angka' },
      },
    },
    perusahaan: {
      period: { kind: 'tanpa-periode' },
      columns: {
        nama: { type: 'teks' },
        layak: { type: 'ya-tidak' },
      },
    },
  },
};

const kasus = (id: string, tanggal: string, perusahaan: string, pekerja: number, penyelesaian: string | null): RegisterRow => ({
  id,
  values: { tanggal, perusahaan, pekerja, penyelesaian },
});

export const KASUS_HI: readonly RegisterRow[] = [
  kasus('hi-01', '2023-01-16', 'PT. Kideco Jaya Agung', 1, 'PB'),
  kasus('hi-02', '2023-02-07', 'PT. Buana Karya Bhakti', 4, 'PB'),
  kasus('hi-03', '2023-02-21', 'PT. Senabangun Anekapertiwi', 2, 'Pengawas'),
  kasus('hi-04', '2023-03-14', 'CV. Sinar Paser', 1, 'PB'),
  kasus('hi-05', '2023-04-11', 'PT. Gunung Bayan', 3, 'Bipartit'),
  kasus('hi-06', '2023-05-23', 'PT. Lana Harita', 1, 'PB'),
  kasus('hi-07', '2023-08-08', 'PT. Petrosea', 2, 'PB'),
  kasus('hi-08', '2023-08-29', 'PT. APM Sub Con PT. SUK', 1, 'PB'),
  kasus('hi-09', '2023-10-17', 'PT. K2B', 1, 'Anjuran'),
  kasus('hi-10', '2023-11-06', 'PT. Siera Maju Bersama', 1, 'Anjuran'),
  kasus('hi-11', '2023-12-04', 'PT. Petrosea', 1, 'PB'),
  kasus('hi-12', '2023-12-12', 'PT. Sims Jaya Kaltim', 1, 'Anjuran'),
  kasus('hi-13', '2023-12-19', 'PT. DPN Sub Con PT. Sims', 171, 'PB'),
];

export const PENEMPATAN: readonly RegisterRow[] = [
  { id: 'pn-1', values: { tanggal: '2023-08-10', perusahaan: 'PT. Kideco Jaya Agung', jumlah_orang: 10, bersertifikat: true } },
  { id: 'pn-2', values: { tanggal: '2023-09-05', perusahaan: 'PT. Petrosea', jumlah_orang: 8, bersertifikat: true } },
  { id: 'pn-3', values: { tanggal: '2023-09-19', perusahaan: 'CV. Sinar Paser', jumlah_orang: 5, bersertifikat: false } },
  { id: 'pn-4', values: { tanggal: '2023-10-03', perusahaan: 'PT. Gunung Bayan', jumlah_orang: 12, bersertifikat: true } },
  { id: 'pn-5', values: { tanggal: '2023-11-14', perusahaan: 'PT. Lana Harita', jumlah_orang: 7, bersertifikat: false } },
  { id: 'pn-6', values: { tanggal: '2023-12-01', perusahaan: 'PT. Petrosea', jumlah_orang: 10, bersertifikat: true } },
];

export const SERTIFIKASI: readonly RegisterRow[] = [
  { id: 'sk-1', values: { tanggal: '2023-08-25', skema: 'Operator Alat Berat', jumlah_kompeten: 15 } },
  { id: 'sk-2', values: { tanggal: '2023-09-28', skema: 'Menjahit', jumlah_kompeten: 12 } },
  { id: 'sk-3', values: { tanggal: '2023-10-26', skema: 'Las', jumlah_kompeten: 30 } },
  { id: 'sk-4', values: { tanggal: '2023-11-30', skema: 'Komputer', jumlah_kompeten: 28 } },
];

export const PESERTA_PELATIHAN: readonly RegisterRow[] = [
  { id: 'pp-1', values: { bulan: 3, tahun: 2023, nama: 'Siti Aminah', telepon: '0812-5501-1001', kejuruan: 'Menjahit', lulus: true, nilai: 82.5 } },
  { id: 'pp-2', values: { bulan: 3, tahun: 2023, nama: '  siti  AMINAH ', telepon: '+62 812 5501 1001', kejuruan: 'Menjahit', lulus: true, nilai: 90 } },
  { id: 'pp-3', values: { bulan: 5, tahun: 2023, nama: 'Budi Santoso', telepon: null, kejuruan: 'Las', lulus: false, nilai: 55 } },
  { id: 'pp-4', values: { bulan: '6', tahun: '2023', nama: 'Rahmat Hidayat', telepon: '081255011003', kejuruan: 'Otomotif', lulus: true, nilai: null } },
  { id: 'pp-5', values: { bulan: 11, tahun: 2022, nama: 'Dewi Lestari', telepon: '081255011004', kejuruan: 'Komputer', lulus: true, nilai: 77 } },
];

export const PERUSAHAAN: readonly RegisterRow[] = Array.from({ length: 20 }, (_, i) => ({
  id: `co-${i + 1}`,
  values: { nama: `Perusahaan ${i + 1}`, layak: i < 3 },
}));

export function context(
  period: Periode,
  values: Readonly<Record<string, ValueInput>> = {},
  registers: Readonly<Record<string, readonly RegisterRow[]>> = {},
): EvaluationContext {
  return {
    schema: SCHEMA,
    period,
    values,
    registers: {
      kasus_hi: KASUS_HI,
      penempatan: PENEMPATAN,
      sertifikasi: SERTIFIKASI,
      peserta_pelatihan: PESERTA_PELATIHAN,
      perusahaan: PERUSAHAAN,
      ...registers,
    },
  };
}

/** The tree without source positions, for comparing a reparsed formula with the original. */
export function withoutSpans(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (key, value: unknown) => (key === 'span' || key === 'argSpan' ? undefined : value)));
}

/** Structural equality ignoring source positions; allocation-free, for the fuzz loop. */
export function sameTree(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameTree(x, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => k !== 'span' && k !== 'argSpan');
  const kb = Object.keys(b).filter((k) => k !== 'span' && k !== 'argSpan');
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && sameTree(ra[k], rb[k]));
}

/** Line and 1-based column of an offset, computed independently of the parser's index (a test oracle). */
export function locate(source: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

export function rowIds(trace: readonly AggregateTrace[], formula: string): readonly string[] | undefined {
  return trace.find((t) => t.formula === formula)?.rowIds;
}
