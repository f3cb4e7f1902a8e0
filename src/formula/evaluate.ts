/**
 * Evaluates a formula over named values and register rows for one period.
 *
 * The result is a `Nilai`: a missing input gives `belum-diisi`, anything that makes the figure
 * meaningless (division by zero, an unreadable cell, a type mismatch in an unchecked formula)
 * gives `tidak-dapat-dihitung` with the reason. Every register aggregate reports the ids of the
 * rows it used, so a published figure can be traced back to the rows behind it.
 */
import { Rational } from '../engine/decimal.ts';
import { ada, tidakDapatDihitung, type Nilai } from '../engine/nilai.ts';
import {
  FUNCTION_ARITY,
  MAX_ROUND_DECIMALS,
  isArithmeticOp,
  isComparisonOp,
  type AggregateName,
  type AggregateNode,
  type CallNode,
  type ComparisonOp,
  type Expr,
} from './ast.ts';
import { print } from './print.ts';
import {
  monthRange,
  own,
  parseIsoDate,
  type ColumnSchema,
  type EvaluationContext,
  type RegisterRow,
  type RegisterSchema,
  type ValueInput,
} from './schema.ts';

export interface AggregateTrace {
  readonly fn: AggregateName;
  readonly register: string;
  readonly column: string | null;
  /** The aggregate as written in canonical form, e.g. `hitung(kasus_hi, penyelesaian = "PB")`. */
  readonly formula: string;
  readonly position: number;
  /** Rows inside the period that satisfied the condition, in register order. Empty when the aggregate failed. */
  readonly rowIds: readonly string[];
  /** Imported totals added to the rows (ids), for months whose rows are missing. */
  readonly totalIds: readonly string[];
  readonly nilai: Nilai;
}

export interface Evaluation {
  readonly nilai: Nilai;
  readonly trace: readonly AggregateTrace[];
}

type Missing = Exclude<Nilai, { status: 'ada' }>;

/** A runtime value. `kosong` is an empty register cell; it exists only while a condition is evaluated. */
type Val =
  | { readonly t: 'angka'; readonly v: Rational }
  | { readonly t: 'teks'; readonly v: string }
  | { readonly t: 'tanggal'; readonly v: string }
  | { readonly t: 'logika'; readonly v: boolean }
  | { readonly t: 'kosong' };

type Scope =
  | { readonly kind: 'formula' }
  | { readonly kind: 'row'; readonly register: string; readonly schema: RegisterSchema; readonly row: RegisterRow };

/**
 * Ends evaluation with a missing figure; private to this module and always caught here. Not an
 * Error: a missing value is an expected outcome, and a stack trace per row would be wasted work.
 */
class Stop {
  constructor(readonly nilai: Missing) {}
}

function halt(nilai: Missing): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- see Stop
  throw new Stop(nilai);
}

const stop = (alasan: string): never => halt({ status: 'tidak-dapat-dihitung', alasan });

const NOT_ENTERED: Missing = { status: 'belum-diisi' };

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

export function evaluate(ast: Expr, context: EvaluationContext): Evaluation {
  const evaluator = new Evaluator(context);
  let nilai: Nilai;
  try {
    const v = evaluator.eval(ast, { kind: 'formula' });
    nilai = v.t === 'angka' ? ada(v.v) : tidakDapatDihitung(`rumus menghasilkan ${typeName(v)}, bukan angka`);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    nilai = e.nilai;
  }
  return { nilai, trace: evaluator.trace };
}

class Evaluator {
  readonly trace: AggregateTrace[] = [];

  constructor(private readonly context: EvaluationContext) {}

  eval(e: Expr, scope: Scope): Val {
    switch (e.kind) {
      case 'number':
        if (!NUMBER_TEXT.test(e.text)) return stop(`angka tidak sah: ${e.text}`);
        return { t: 'angka', v: Rational.from(e.text) };
      case 'text':
        return { t: 'teks', v: e.value };
      case 'boolean':
        return { t: 'logika', v: e.value };
      case 'name':
        return scope.kind === 'formula' ? this.value(e.name) : this.cell(e.name, scope);
      case 'unary': {
        const v = this.eval(e.operand, scope);
        if (e.op === '-') return { t: 'angka', v: this.number(v, e.operand, scope, 'tanda minus').neg() };
        return { t: 'logika', v: !this.bool(v, e.operand, scope, '"tidak"') };
      }
      case 'binary':
        return this.binary(e, scope);
      case 'in': {
        const subject = this.eval(e.subject, scope);
        for (const item of e.items) {
          if (this.compare('=', subject, this.eval(item, scope), e, scope)) return { t: 'logika', v: true };
        }
        return { t: 'logika', v: false };
      }
      case 'empty-check': {
        let empty: boolean;
        try {
          empty = this.eval(e.subject, scope).t === 'kosong';
        } catch (s) {
          if (!(s instanceof Stop) || s.nilai.status !== 'belum-diisi') throw s;
          empty = true;
        }
        return { t: 'logika', v: e.filled ? !empty : empty };
      }
      case 'call':
        return this.call(e, scope);
      case 'aggregate':
        return this.aggregate(e, scope);
      default: {
        // Trees are stored as JSON; one written by a later version may hold a kind this one lacks.
        const unreachable: never = e;
        return stop(`bagian rumus tidak dikenal: ${JSON.stringify((unreachable as { kind?: unknown }).kind)}`);
      }
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>, scope: Scope): Val {
    if (e.op === 'dan' || e.op === 'atau') {
      // Short-circuit: `jika(n > 0 dan x / n > 1, …)` must not divide when n is 0.
      const left = this.bool(this.eval(e.left, scope), e.left, scope, `"${e.op}"`);
      if (e.op === 'dan' ? !left : left) return { t: 'logika', v: left };
      return { t: 'logika', v: this.bool(this.eval(e.right, scope), e.right, scope, `"${e.op}"`) };
    }
    const left = this.eval(e.left, scope);
    const right = this.eval(e.right, scope);
    if (isComparisonOp(e.op)) return { t: 'logika', v: this.compare(e.op, left, right, e, scope) };
    if (!isArithmeticOp(e.op)) return stop(`operator tidak dikenal: ${String(e.op)}`);
    const a = this.number(left, e.left, scope, `operator "${e.op}"`);
    const b = this.number(right, e.right, scope, `operator "${e.op}"`);
    switch (e.op) {
      case '+':
        return { t: 'angka', v: a.add(b) };
      case '-':
        return { t: 'angka', v: a.sub(b) };
      case '*':
        return { t: 'angka', v: a.mul(b) };
      case '/':
        if (b.isZero()) return stop(e.right.kind === 'number' ? 'pembagian dengan nol' : `pembagian dengan nol: ${print(e.right)} bernilai 0`);
        return { t: 'angka', v: a.div(b) };
      default: {
        const unreachable: never = e.op;
        return unreachable;
      }
    }
  }

  /**
   * An empty cell never equals anything (so `!=` holds) and is never less or greater; any other
   * use of it stops the computation (see `number`, `bool`).
   */
  private compare(op: ComparisonOp, l: Val, r: Val, node: Expr, scope: Scope): boolean {
    if (l.t === 'kosong' || r.t === 'kosong') return op === '!=';
    let c: -1 | 0 | 1;
    if (l.t === 'angka' && r.t === 'angka') c = l.v.cmp(r.v);
    else if ((l.t === 'tanggal' || l.t === 'teks') && (r.t === 'tanggal' || r.t === 'teks') && (l.t === 'tanggal' || r.t === 'tanggal')) {
      const text = l.t === 'teks' ? l.v : r.t === 'teks' ? r.v : undefined;
      if (text !== undefined && !parseIsoDate(text)) {
        return stop(`${where(scope)}tanggal ditulis "YYYY-MM-DD", ditemukan "${text}" dalam ${print(node)}`);
      }
      c = l.v < r.v ? -1 : l.v > r.v ? 1 : 0;
    } else if ((l.t === 'teks' && r.t === 'teks') || (l.t === 'logika' && r.t === 'logika')) {
      if (op !== '=' && op !== '!=') return stop(`${where(scope)}${typeName(l)} hanya dapat dibandingkan dengan = atau != dalam ${print(node)}`);
      c = l.v === r.v ? 0 : 1;
    } else {
      return stop(`${where(scope)}tidak dapat membandingkan ${typeName(l)} dengan ${typeName(r)} dalam ${print(node)}`);
    }
    switch (op) {
      case '=':
        return c === 0;
      case '!=':
        return c !== 0;
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      default: {
        const unreachable: never = op;
        return unreachable;
      }
    }
  }

  private number(v: Val, e: Expr, scope: Scope, what: string): Rational {
    if (v.t === 'angka') return v.v;
    if (v.t === 'kosong') return stop(`${where(scope)}${print(e)} kosong, tidak dapat dipakai dalam ${what}`);
    return stop(`${what} memerlukan angka, ${print(e)} bernilai ${typeName(v)}`);
  }

  private bool(v: Val, e: Expr, scope: Scope, what: string): boolean {
    if (v.t === 'logika') return v.v;
    if (v.t === 'kosong') return stop(`${where(scope)}${print(e)} kosong, tidak dapat dipakai dalam ${what}`);
    return stop(`${what} memerlukan ya/tidak, ${print(e)} bernilai ${typeName(v)}`);
  }

  private call(e: CallNode, scope: Scope): Val {
    const arity = FUNCTION_ARITY[e.fn];
    if (e.args.length < arity.min || (arity.max !== null && e.args.length > arity.max)) {
      return stop(`${e.fn}() menerima ${arity.min}${arity.max === arity.min ? '' : arity.max === null ? ' atau lebih' : `–${arity.max}`} argumen, diberikan ${e.args.length}`);
    }
    const num = (a: Expr): Rational => this.number(this.eval(a, scope), a, scope, `${e.fn}()`);
    switch (e.fn) {
      case 'bulat': {
        const [x, d] = e.args;
        const value = x ? num(x) : Rational.ZERO;
        const decimals = d ? num(d) : Rational.ZERO;
        const places = decimals.toNumber();
        if (!(Number.isInteger(places) && decimals.equals(Rational.from(places)) && places >= 0 && places <= MAX_ROUND_DECIMALS)) {
          return stop(`banyak desimal bulat() harus bilangan bulat 0 sampai ${MAX_ROUND_DECIMALS}, ditemukan ${decimals.toString()}`);
        }
        return { t: 'angka', v: value.round(places) };
      }
      case 'min':
      case 'maks': {
        const values = e.args.map(num);
        let best = values[0] ?? Rational.ZERO;
        for (const v of values) if (e.fn === 'min' ? v.cmp(best) < 0 : v.cmp(best) > 0) best = v;
        return { t: 'angka', v: best };
      }
      case 'abs': {
        const [x] = e.args;
        const v = x ? num(x) : Rational.ZERO;
        return { t: 'angka', v: v.isNegative() ? v.neg() : v };
      }
      case 'jika': {
        const [c, a, b] = e.args;
        if (!c || !a || !b) return stop('jika() memerlukan 3 argumen');
        // Only the chosen branch is evaluated, so the other may divide by zero or lack data.
        return this.bool(this.eval(c, scope), c, scope, 'syarat jika()') ? this.eval(a, scope) : this.eval(b, scope);
      }
      default: {
        const unreachable: never = e.fn;
        return unreachable;
      }
    }
  }

  // ---- names ----

  private value(name: string): Val {
    const declared = own(this.context.schema.values, name);
    if (!declared) return stop(`nama "${name}" tidak dikenal`);
    const raw: ValueInput = this.context.values ? own(this.context.values, name) : undefined;
    if (raw === undefined || raw === null) halt(NOT_ENTERED);
    if (isNilai(raw)) {
      if (raw.status !== 'ada') halt(raw);
      if (declared.type !== 'angka') return stop(`nilai ${name} bertipe ${declared.type}, bukan angka`);
      return { t: 'angka', v: raw.value };
    }
    const v = convert(raw, declared);
    if (v === undefined) return stop(`nilai ${name} tidak sah untuk tipe ${declared.type}: ${shortText(raw)}`);
    if (v.t === 'kosong') halt(NOT_ENTERED);
    return v;
  }

  private cell(name: string, scope: Extract<Scope, { kind: 'row' }>): Val {
    const declared = own(scope.schema.columns, name);
    if (!declared) return stop(`kolom "${name}" tidak ada di register ${scope.register}`);
    const v = convert(own(scope.row.values, name) ?? null, declared);
    if (v === undefined) return stop(`${where(scope)}kolom ${name} tidak sah untuk tipe ${declared.type}: ${shortText(own(scope.row.values, name))}`);
    return v;
  }

  // ---- aggregates ----

  private aggregate(e: AggregateNode, scope: Scope): Val {
    const formula = print(e);
    try {
      const { value, rowIds, totalIds } = this.aggregateRows(e, scope);
      this.trace.push({ fn: e.fn, register: e.register, column: e.column, formula, position: e.span.start, rowIds, totalIds, nilai: ada(value) });
      return { t: 'angka', v: value };
    } catch (s) {
      if (s instanceof Stop) {
        this.trace.push({ fn: e.fn, register: e.register, column: e.column, formula, position: e.span.start, rowIds: [], totalIds: [], nilai: s.nilai });
      }
      throw s;
    }
  }

  private aggregateRows(e: AggregateNode, scope: Scope): { value: Rational; rowIds: string[]; totalIds: string[] } {
    if (scope.kind === 'row') return stop(`${e.fn}() tidak dapat dipakai di dalam kondisi agregat lain`);
    const schema = own(this.context.schema.registers, e.register);
    if (!schema) return stop(`register "${e.register}" tidak dikenal`);
    const rows = this.context.registers ? own(this.context.registers, e.register) : undefined;
    if (!rows) return stop(`data register ${e.register} tidak tersedia`);
    const column = e.column === null ? undefined : own(schema.columns, e.column);
    if (e.column !== null && !column) return stop(`kolom "${e.column}" tidak ada di register ${e.register}`);
    if (e.fn === 'jumlah' && column && column.type !== 'angka') return stop(`jumlah() hanya untuk kolom angka; ${e.register}.${e.column} bertipe ${column.type}`);
    const inPeriod = this.periodFilter(e.register, schema);

    const rowIds: string[] = [];
    let total = Rational.ZERO;
    const distinct = new Set<string>();
    for (const row of rows) {
      if (!inPeriod(row)) continue;
      const rowScope: Scope = { kind: 'row', register: e.register, schema, row };
      if (e.condition && !this.bool(this.eval(e.condition, rowScope), e.condition, rowScope, `kondisi ${e.fn}()`)) continue;
      rowIds.push(row.id);
      if (e.column === null) continue;
      const v = this.cell(e.column, rowScope);
      if (v.t === 'kosong') {
        return stop(`${where(rowScope)}kolom ${e.column} kosong; saring dengan "${e.column} terisi" bila baris seperti ini memang tidak dihitung`);
      }
      if (e.fn === 'jumlah') total = total.add(this.number(v, e, rowScope, 'jumlah()'));
      else distinct.add(distinctKey(v, column));
    }
    let value = e.fn === 'hitung' ? Rational.of(BigInt(rowIds.length)) : e.fn === 'jumlah' ? total : Rational.of(BigInt(distinct.size));
    const totalIds: string[] = [];
    const totals = this.context.totals ? own(this.context.totals, e.register) : undefined;
    if (totals && schema.period.kind !== 'tanpa-periode') {
      const { from, to } = monthRange(this.context.period);
      const key = print(e);
      for (const t of totals) {
        if (t.tahun !== this.context.period.tahun || t.bulanSampai < from || t.bulanDari > to) continue;
        const at = `register ${e.register}: total impor "${t.id}" (bulan ${t.bulanDari}–${t.bulanSampai} ${t.tahun})`;
        if (t.bulanDari < from || t.bulanSampai > to) return stop(`${at} hanya sebagian di dalam periode; rincian per bulannya tidak ada`);
        if (e.fn === 'unik') return stop(`${at}: unik() tidak dapat dijumlahkan dengan total impor`);
        const v = own(t.values, key);
        if (v === undefined || !Number.isFinite(v)) return stop(`${at} tidak memuat ${key}`);
        value = value.add(Rational.from(v));
        totalIds.push(t.id);
      }
    }
    return { value, rowIds, totalIds };
  }

  /** Which rows fall in the evaluation period; a row that cannot be placed in time stops the aggregate. */
  private periodFilter(register: string, schema: RegisterSchema): (row: RegisterRow) => boolean {
    const p = this.context.period;
    const period = schema.period;
    if (period.kind === 'tanpa-periode') return () => true;
    if (!Number.isInteger(p.tahun)) return stop(`periode tidak sah: tahun ${String(p.tahun)}`);
    if (p.triwulan !== undefined && ![1, 2, 3, 4].includes(p.triwulan)) return stop(`periode tidak sah: triwulan ${String(p.triwulan)}`);
    const { from, to } = monthRange(p);
    const inside = (year: number, month: number): boolean => year === p.tahun && month >= from && month <= to;
    const at = (row: RegisterRow): string => `register ${register} baris "${row.id}": `;
    switch (period.kind) {
      case 'tanggal':
        return (row) => {
          const raw = own(row.values, period.column);
          const date = typeof raw === 'string' ? parseIsoDate(raw.trim()) : undefined;
          if (!date) {
            return stop(`${at(row)}${isBlank(raw) ? `tanggal (${period.column}) kosong` : `tanggal tidak sah ${shortText(raw)}`}; baris tanpa tanggal tidak dapat ditempatkan dalam periode`);
          }
          return inside(date.year, date.month);
        };
      case 'bulan-tahun':
        return (row) => {
          const month = wholeNumber(own(row.values, period.month));
          const year = wholeNumber(own(row.values, period.year));
          if (month === undefined || month < 1 || month > 12 || year === undefined) {
            return stop(`${at(row)}bulan/tahun kosong atau tidak sah; baris tanpa periode tidak dapat ditempatkan dalam periode`);
          }
          return inside(year, month);
        };
      default: {
        const unreachable: never = period;
        return unreachable;
      }
    }
  }
}

function where(scope: Scope): string {
  return scope.kind === 'row' ? `register ${scope.register} baris "${scope.row.id}": ` : '';
}

function typeName(v: Val): string {
  return v.t === 'logika' ? 'ya/tidak' : v.t;
}

function isNilai(x: ValueInput): x is Nilai {
  return typeof x === 'object' && x !== null && !(x instanceof Rational) && 'status' in x;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Reads a supplied value as its declared type; `undefined` when it does not fit. */
function convert(raw: ValueInput | undefined, declared: ColumnSchema): Val | undefined {
  if (isBlank(raw)) return { t: 'kosong' };
  switch (declared.type) {
    case 'angka':
      if (raw instanceof Rational) return { t: 'angka', v: raw };
      if (typeof raw === 'number') return Number.isFinite(raw) ? { t: 'angka', v: Rational.from(raw) } : undefined;
      if (typeof raw === 'string' && NUMBER_TEXT.test(raw)) return { t: 'angka', v: Rational.from(raw) };
      return undefined;
    case 'tanggal':
      return typeof raw === 'string' && parseIsoDate(raw.trim()) ? { t: 'tanggal', v: raw.trim() } : undefined;
    case 'ya-tidak':
      return typeof raw === 'boolean' ? { t: 'logika', v: raw } : undefined;
    case 'teks':
    case 'pilihan':
    case 'nama-orang':
    case 'telepon':
      if (typeof raw === 'string') return { t: 'teks', v: raw };
      // Phone numbers and codes are often stored as numbers by spreadsheets.
      if (typeof raw === 'number' && Number.isFinite(raw)) return { t: 'teks', v: String(raw) };
      return undefined;
    default: {
      const unreachable: never = declared.type;
      return unreachable;
    }
  }
}

/**
 * Two cells count as the same for `unik` when a person would say so: names ignore case and
 * spacing, phone numbers ignore punctuation and the +62 / 0 prefix.
 */
function distinctKey(v: Val, column: ColumnSchema | undefined): string {
  switch (v.t) {
    case 'angka':
      return v.v.toString();
    case 'tanggal':
      return v.v;
    case 'logika':
      return v.v ? 'ya' : 'tidak';
    case 'kosong':
      return '';
    case 'teks':
      if (column?.type === 'telepon') {
        const digits = v.v.replace(/\D/g, '');
        return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
      }
      return v.v.trim().replace(/\s+/g, ' ').toLowerCase();
    default: {
      const unreachable: never = v;
      return unreachable;
    }
  }
}

function wholeNumber(raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

function shortText(raw: unknown): string {
  const s = typeof raw === 'string' ? `"${raw}"` : String(raw);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}
