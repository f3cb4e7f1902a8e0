/**
 * Static checks of a parsed formula against a schema: names and columns exist, types fit,
 * functions get the right number of arguments. Run when a formula is saved, so that mistakes
 * surface while the planner is still typing, not months later when the report is due.
 */
import { FUNCTION_ARITY, MAX_ROUND_DECIMALS, isArithmeticOp, isComparisonOp, locationText, type Expr, type Span } from './ast.ts';
import { own, parseIsoDate, type ColumnSchema, type FormulaSchema, type RegisterSchema } from './schema.ts';

export interface CheckError {
  readonly position: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly errors: readonly CheckError[];
  /** The data a formula reads, so a form can ask for exactly these. */
  readonly uses: { readonly values: readonly string[]; readonly registers: readonly string[] };
}

/** `?` is the type of something already reported as wrong; it fits everywhere so one mistake gives one error. */
type StaticType = 'angka' | 'teks' | 'tanggal' | 'logika' | '?';

interface Info {
  readonly type: StaticType;
  /** Set when the expression is a column or value name: its declaration, for choice checks and messages. */
  readonly declared?: { readonly name: string; readonly role: 'kolom' | 'nilai'; readonly schema: ColumnSchema };
}

type Scope = { readonly kind: 'formula' } | { readonly kind: 'row'; readonly register: string; readonly schema: RegisterSchema };

const TYPE_TEXT: Record<StaticType, string> = {
  angka: 'angka',
  teks: 'teks',
  tanggal: 'tanggal',
  logika: 'ya/tidak (logika)',
  '?': 'tidak diketahui',
};

export function check(ast: Expr, schema: FormulaSchema): CheckResult {
  return new Checker(schema, maxLine(ast) > 1).run(ast);
}

class Checker {
  private readonly errors: CheckError[] = [];
  private readonly values = new Set<string>();
  private readonly registers = new Set<string>();

  constructor(
    private readonly schema: FormulaSchema,
    private readonly multiline: boolean,
  ) {}

  run(ast: Expr): CheckResult {
    const root = this.infer(ast, { kind: 'formula' });
    if (root.type !== 'angka' && root.type !== '?') {
      this.error(ast.span, `rumus harus menghasilkan angka, ditemukan ${TYPE_TEXT[root.type]}`);
    }
    const errors = [...this.errors].sort((a, b) => a.position - b.position || a.end - b.end);
    return { ok: errors.length === 0, errors, uses: { values: [...this.values].sort(), registers: [...this.registers].sort() } };
  }

  private error(span: Span, message: string): void {
    this.errors.push({
      position: span.start,
      end: span.end,
      line: span.line,
      column: span.column,
      message: `${locationText(span.line, span.column, this.multiline)}: ${message}`,
    });
  }

  /** Reports `e` unless it has type `want`; returns whether it fit. */
  private expectType(e: Expr, info: Info, want: StaticType, what: string): boolean {
    if (info.type === want || info.type === '?') return true;
    this.error(e.span, `${what} memerlukan ${TYPE_TEXT[want]}, ditemukan ${TYPE_TEXT[info.type]}`);
    return false;
  }

  private infer(e: Expr, scope: Scope): Info {
    switch (e.kind) {
      case 'number':
        return { type: 'angka' };
      case 'text':
        return { type: 'teks' };
      case 'boolean':
        return { type: 'logika' };
      case 'name':
        return scope.kind === 'formula' ? this.valueName(e.name, e.span) : this.columnName(e.name, e.span, scope);
      case 'unary': {
        const operand = this.infer(e.operand, scope);
        if (e.op === '-') return { type: this.expectType(e.operand, operand, 'angka', 'tanda minus') ? 'angka' : '?' };
        return { type: this.expectType(e.operand, operand, 'logika', '"tidak"') ? 'logika' : '?' };
      }
      case 'binary': {
        const left = this.infer(e.left, scope);
        const right = this.infer(e.right, scope);
        if (isArithmeticOp(e.op)) {
          const okLeft = this.expectType(e.left, left, 'angka', `operator "${e.op}"`);
          const okRight = this.expectType(e.right, right, 'angka', `operator "${e.op}"`);
          if (e.op === '/' && e.right.kind === 'number' && /^0+(\.0+)?$/.test(e.right.text)) {
            this.error(e.right.span, 'pembagian dengan nol');
          }
          return { type: okLeft && okRight ? 'angka' : '?' };
        }
        if (isComparisonOp(e.op)) {
          this.comparable(e, e.span, e.left, left, e.right, right, e.op === '=' || e.op === '!=');
          return { type: 'logika' };
        }
        const okLeft = this.expectType(e.left, left, 'logika', `"${e.op}"`);
        const okRight = this.expectType(e.right, right, 'logika', `"${e.op}"`);
        return { type: okLeft && okRight ? 'logika' : '?' };
      }
      case 'in': {
        const subject = this.infer(e.subject, scope);
        for (const item of e.items) this.comparable(e, item.span, e.subject, subject, item, this.infer(item, scope), true);
        return { type: 'logika' };
      }
      case 'empty-check':
        this.infer(e.subject, scope);
        return { type: 'logika' };
      case 'call':
        return this.call(e, scope);
      case 'aggregate':
        return this.aggregate(e, scope);
      default: {
        const unreachable: never = e;
        return unreachable;
      }
    }
  }

  private valueName(name: string, span: Span): Info {
    const declared = own(this.schema.values, name);
    if (declared) {
      this.values.add(name);
      return { type: staticType(declared), declared: { name, role: 'nilai', schema: declared } };
    }
    if (own(this.schema.registers, name)) {
      this.error(span, `${name} adalah register, bukan nilai; pakai hitung(${name}) untuk banyaknya baris`);
      return { type: '?' };
    }
    const [head = ''] = name.split('.');
    if (name.includes('.') && own(this.schema.registers, head)) {
      this.error(span, `kolom register hanya dapat dipakai di dalam jumlah(), unik() atau kondisi agregat, mis. jumlah(${name})`);
      return { type: '?' };
    }
    this.error(span, `nama "${name}" tidak dikenal${suggest(name, Object.keys(this.schema.values))}`);
    return { type: '?' };
  }

  private columnName(name: string, span: Span, scope: Extract<Scope, { kind: 'row' }>): Info {
    const declared = own(scope.schema.columns, name);
    if (declared) return { type: staticType(declared), declared: { name, role: 'kolom', schema: declared } };
    if (name.startsWith(`${scope.register}.`) && own(scope.schema.columns, name.slice(scope.register.length + 1))) {
      this.error(span, `di dalam kondisi kolom ditulis tanpa nama register: ${name.slice(scope.register.length + 1)}`);
    } else if (own(this.schema.values, name)) {
      this.error(span, `"${name}" adalah nilai, bukan kolom; di dalam kondisi hanya kolom register ${scope.register} yang dapat dipakai`);
    } else {
      this.error(span, `kolom "${name}" tidak ada di register ${scope.register}${suggest(name, Object.keys(scope.schema.columns))}`);
    }
    return { type: '?' };
  }

  /** Equality works on every type; ordering only on numbers and dates. */
  private comparable(node: Expr, at: Span, le: Expr, l: Info, re: Expr, r: Info, equality: boolean): void {
    const op = node.kind === 'binary' ? `"${node.op}"` : '"dalam"';
    if (l.type === '?' || r.type === '?') return;
    const dateVsText = (a: Info, b: Expr): boolean => a.type === 'tanggal' && b.kind === 'text';
    if (dateVsText(l, re) || dateVsText(r, le)) {
      const literal = re.kind === 'text' ? re : le;
      if (literal.kind === 'text' && !parseIsoDate(literal.value)) {
        this.error(literal.span, `tanggal ditulis "YYYY-MM-DD" (mis. "2023-07-01"), ditemukan "${literal.value}"`);
      }
      return;
    }
    if (l.type !== r.type) {
      this.error(at, `${op} tidak dapat membandingkan ${operandText(le, l)} dengan ${operandText(re, r)}`);
      return;
    }
    if (!equality && l.type !== 'angka' && l.type !== 'tanggal') {
      this.error(at, `${op} hanya untuk angka dan tanggal; ${operandText(le, l)} hanya dapat dibandingkan dengan = atau !=`);
      return;
    }
    this.choice(l, re);
    this.choice(r, le);
  }

  /** A text compared with a `pilihan` column must be one of its choices: "Pb" would silently match nothing. */
  private choice(column: Info, literal: Expr): void {
    const choices = column.declared?.schema.type === 'pilihan' ? column.declared.schema.choices : undefined;
    if (!choices || literal.kind !== 'text' || choices.includes(literal.value)) return;
    this.error(
      literal.span,
      `"${literal.value}" bukan pilihan kolom ${column.declared?.name ?? ''}; pilihan yang ada: ${choices.map((c) => `"${c}"`).join(', ')}`,
    );
  }

  private call(e: Extract<Expr, { kind: 'call' }>, scope: Scope): Info {
    const args = e.args.map((a) => this.infer(a, scope));
    const arity = FUNCTION_ARITY[e.fn];
    const n = e.args.length;
    if (n < arity.min || (arity.max !== null && n > arity.max)) {
      const accepts =
        arity.max === null
          ? `paling sedikit ${arity.min} argumen`
          : arity.min === arity.max
            ? `${arity.min} argumen`
            : `${arity.min} atau ${arity.max} argumen`;
      this.error(e.span, `${e.fn}() menerima ${accepts}, diberikan ${n}`);
      return { type: e.fn === 'jika' ? '?' : 'angka' };
    }
    switch (e.fn) {
      case 'bulat': {
        const [x, d] = e.args;
        if (x) this.expectType(x, args[0] ?? { type: '?' }, 'angka', 'bulat()');
        if (d && this.expectType(d, args[1] ?? { type: '?' }, 'angka', 'banyak desimal bulat()') && d.kind === 'number') {
          if (!/^\d+$/.test(d.text) || Number(d.text) > MAX_ROUND_DECIMALS) {
            this.error(d.span, `banyak desimal bulat() harus bilangan bulat 0 sampai ${MAX_ROUND_DECIMALS}`);
          }
        }
        return { type: 'angka' };
      }
      case 'min':
      case 'maks':
      case 'abs':
        e.args.forEach((a, i) => this.expectType(a, args[i] ?? { type: '?' }, 'angka', `${e.fn}()`));
        return { type: 'angka' };
      case 'jika': {
        const [c, a, b] = e.args;
        const [ct, at, bt] = args;
        if (c && ct) this.expectType(c, ct, 'logika', 'syarat jika()');
        if (!a || !b || !at || !bt) return { type: '?' };
        if (at.type === '?' || bt.type === '?') return { type: at.type === '?' ? bt.type : at.type };
        if (at.type !== bt.type) {
          this.error(e.span, `kedua cabang jika() harus bertipe sama, ditemukan ${TYPE_TEXT[at.type]} dan ${TYPE_TEXT[bt.type]}`);
          return { type: '?' };
        }
        return { type: at.type };
      }
      default: {
        const unreachable: never = e.fn;
        return unreachable;
      }
    }
  }

  private aggregate(e: Extract<Expr, { kind: 'aggregate' }>, scope: Scope): Info {
    if (scope.kind === 'row') {
      this.error(e.span, `agregat ${e.fn}() tidak dapat dipakai di dalam kondisi agregat lain`);
      return { type: '?' };
    }
    const register = own(this.schema.registers, e.register);
    if (!register) {
      this.error(e.argSpan, `register "${e.register}" tidak dikenal${suggest(e.register, Object.keys(this.schema.registers))}`);
      return { type: 'angka' };
    }
    this.registers.add(e.register);
    this.periodDeclaration(e.register, register, e.argSpan);
    if (e.column !== null) {
      const column = own(register.columns, e.column);
      if (!column) {
        this.error(e.argSpan, `kolom "${e.column}" tidak ada di register ${e.register}${suggest(e.column, Object.keys(register.columns))}`);
      } else if (e.fn === 'jumlah' && column.type !== 'angka') {
        this.error(e.argSpan, `jumlah() hanya untuk kolom angka; kolom ${e.column} bertipe ${column.type} (pakai hitung() atau unik())`);
      }
    }
    if (e.condition) {
      const c = this.infer(e.condition, { kind: 'row', register: e.register, schema: register });
      this.expectType(e.condition, c, 'logika', `kondisi ${e.fn}()`);
    }
    return { type: 'angka' };
  }

  /** A register whose period column is missing would make every period filter fail at evaluation. */
  private periodDeclaration(name: string, r: RegisterSchema, span: Span): void {
    const need = (column: string, type: 'tanggal' | 'angka', role: string): void => {
      const c = own(r.columns, column);
      if (!c) this.error(span, `register ${name}: kolom ${role} "${column}" tidak ada`);
      else if (c.type !== type) this.error(span, `register ${name}: kolom ${role} "${column}" harus bertipe ${type}, bukan ${c.type}`);
    };
    switch (r.period.kind) {
      case 'tanggal':
        need(r.period.column, 'tanggal', 'periode');
        return;
      case 'bulan-tahun':
        need(r.period.month, 'angka', 'bulan');
        need(r.period.year, 'angka', 'tahun');
        return;
      case 'tanpa-periode':
        return;
      default: {
        const unreachable: never = r.period;
        return unreachable;
      }
    }
  }
}

/** "kolom pekerja (angka)", "teks "satu"", or just the type for a compound expression. */
function operandText(e: Expr, info: Info): string {
  if (info.declared) return `${info.declared.role} ${info.declared.name} (${TYPE_TEXT[info.type]})`;
  if (e.kind === 'text') return `teks "${e.value.length > 30 ? `${e.value.slice(0, 27)}…` : e.value}"`;
  if (e.kind === 'number') return `angka ${e.text}`;
  return TYPE_TEXT[info.type];
}

function staticType(c: ColumnSchema): StaticType {
  switch (c.type) {
    case 'angka':
      return 'angka';
    case 'tanggal':
      return 'tanggal';
    case 'ya-tidak':
      return 'logika';
    case 'teks':
    case 'pilihan':
    case 'nama-orang':
    case 'telepon':
      return 'teks';
    default: {
      const unreachable: never = c.type;
      return unreachable;
    }
  }
}


function maxLine(e: Expr): number {
  let line = e.span.line;
  switch (e.kind) {
    case 'number':
    case 'text':
    case 'boolean':
    case 'name':
      return line;
    case 'unary':
      return Math.max(line, maxLine(e.operand));
    case 'binary':
      return Math.max(line, maxLine(e.left), maxLine(e.right));
    case 'in':
      for (const i of e.items) line = Math.max(line, maxLine(i));
      return Math.max(line, maxLine(e.subject));
    case 'empty-check':
      return Math.max(line, maxLine(e.subject));
    case 'call':
      for (const a of e.args) line = Math.max(line, maxLine(a));
      return line;
    case 'aggregate':
      return e.condition ? Math.max(line, maxLine(e.condition)) : line;
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

/** "; maksudnya "penyelesaian"?" when a known name is within two edits. */
function suggest(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : `; maksudnya "${best}"?`;
}

function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? limit;
}
