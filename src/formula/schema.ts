/**
 * What a formula can refer to: named data values and registers (lists kept by the agency) with
 * typed columns, and the period an evaluation is for.
 */
import type { Rational } from '../engine/decimal.ts';
import type { Nilai } from '../engine/nilai.ts';

/** Column types of a register, as an agency configures them. */
export type ColumnType = 'teks' | 'angka' | 'tanggal' | 'pilihan' | 'ya-tidak' | 'nama-orang' | 'telepon';

export interface ColumnSchema {
  readonly type: ColumnType;
  /** The allowed answers of a `pilihan` column; a formula comparing with any other text is an error. */
  readonly choices?: readonly string[];
}

/**
 * Which column places a row in time. `tanggal`: an ISO date column; `bulan-tahun`: a month
 * (1–12) and a year column, both `angka`; `tanpa-periode`: a standing list (e.g. registered
 * companies) whose rows count in every period.
 */
export type PeriodColumn =
  | { readonly kind: 'tanggal'; readonly column: string }
  | { readonly kind: 'bulan-tahun'; readonly month: string; readonly year: string }
  | { readonly kind: 'tanpa-periode' };

export interface RegisterSchema {
  readonly columns: Readonly<Record<string, ColumnSchema>>;
  readonly period: PeriodColumn;
}

export interface FormulaSchema {
  /** Named data values (entered figures, results of other formulas). */
  readonly values: Readonly<Record<string, ColumnSchema>>;
  readonly registers: Readonly<Record<string, RegisterSchema>>;
}

/**
 * The period a figure is for: a whole year, one quarter, or (kumulatif) the year to the end of
 * that quarter.
 */
export interface Periode {
  readonly tahun: number;
  readonly triwulan?: 1 | 2 | 3 | 4;
  readonly kumulatif?: boolean;
}

export type CellValue = string | number | boolean | null;

export interface RegisterRow {
  readonly id: string;
  readonly values: Readonly<Record<string, CellValue>>;
}

/** A named value as supplied: a figure (possibly already missing), a plain value, or nothing yet. */
export type ValueInput = Nilai | Rational | string | number | boolean | null | undefined;

export interface EvaluationContext {
  readonly schema: FormulaSchema;
  readonly period: Periode;
  readonly values?: Readonly<Record<string, ValueInput>>;
  /** Rows per register; a register without an entry here has not been supplied (not: is empty). */
  readonly registers?: Readonly<Record<string, readonly RegisterRow[]>>;
  /** Imported totals per register, for months whose rows are missing. */
  readonly totals?: Readonly<Record<string, readonly ImportedTotal[]>>;
}

/**
 * What a register's aggregates amount to over some months whose rows are not recorded, keyed by
 * the aggregate's canonical text (`print`), e.g. `hitung(kasus_hi, hasil = "PB")`. An aggregate
 * adds the totals whose months lie inside the evaluation period; a total only partly inside it,
 * or one that lacks the aggregate, makes the figure `tidak-dapat-dihitung`.
 */
export interface ImportedTotal {
  readonly id: string;
  readonly tahun: number;
  readonly bulanDari: number;
  readonly bulanSampai: number;
  readonly values: Readonly<Record<string, number>>;
}

/** First and last month (1–12) a period covers. */
export function monthRange(p: Periode): { from: number; to: number } {
  if (p.triwulan === undefined) return { from: 1, to: 12 };
  const to = p.triwulan * 3;
  return { from: p.kumulatif ? 1 : to - 2, to };
}

/** A real calendar date written YYYY-MM-DD (2023-02-30 is not one). */
export function parseIsoDate(s: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days ? { year, month, day } : undefined;
}

/** Own properties only: a formula naming `constructor` or `__proto__` must not find Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
