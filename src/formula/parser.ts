/**
 * Recursive-descent parser for indicator formulas (grammar in docs/formula.md).
 *
 * `parse` never throws on any string. Syntax errors travel as a private `SyntaxFailure` and are
 * turned into a located, Indonesian message; any other exception is a bug and is left to
 * surface. Input length and nesting depth are bounded, so neither the parser nor the tree
 * walkers after it (check, evaluate, print) can run out of stack.
 */
import {
  AGGREGATE_ALIASES,
  FUNCTION_ALIASES,
  isComparisonOp,
  locationText,
  type AggregateName,
  type Expr,
  type FunctionName,
  type Span,
} from './ast.ts';
import { tokenize, type Token } from './lexer.ts';

export const MAX_SOURCE_LENGTH = 10_000;
/** Bounds both bracket/call nesting while parsing and the depth of the resulting tree. */
export const MAX_DEPTH = 200;

export interface ParseError {
  /** Offset in the source (UTF-16 units), 0 ≤ position ≤ source.length. */
  readonly position: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** What would have been accepted at `position`: tokens (")", "dan") or classes ("angka", "akhir rumus"). */
  readonly expected: readonly string[];
}

export type ParseResult = { readonly ok: true; readonly ast: Expr } | { readonly ok: false; readonly error: ParseError };

/** Names of token classes; everything else in an `expected` list is literal text and is quoted. */
const CLASSES = new Set(['angka', 'teks', 'nama', 'fungsi', 'operator', 'akhir rumus', 'nama register', 'register.kolom']);

const OPERAND = ['angka', 'teks', 'nama', 'fungsi', '(', '-'];
const OPERAND_OR_NOT = [...OPERAND, 'tidak'];
const AFTER_TOP_LEVEL_OPERAND = ['operator', 'akhir rumus'];

/**
 * Not an Error on purpose: it is control flow, thrown for every rejected formula, and capturing a
 * stack trace each time was the largest single cost of rejecting input in the fuzz test.
 */
class SyntaxFailure {
  constructor(
    readonly position: number,
    readonly body: string,
    readonly expected: readonly string[],
  ) {}
}

function raise(position: number, body: string, expected: readonly string[]): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- see SyntaxFailure
  throw new SyntaxFailure(position, body, expected);
}

export function parse(source: string): ParseResult {
  if (typeof source !== 'string') {
    return { ok: false, error: { position: 0, line: 1, column: 1, message: 'kolom 1: rumus harus berupa teks', expected: [] } };
  }
  const multiline = source.includes('\n');
  const lines = new LineIndex(source);
  const failure = (f: SyntaxFailure): ParseResult => {
    const { line, column } = lines.locate(f.position);
    return {
      ok: false,
      error: { position: f.position, line, column, message: `${locationText(line, column, multiline)}: ${f.body}`, expected: f.expected },
    };
  };
  if (source.length > MAX_SOURCE_LENGTH) {
    return failure(
      new SyntaxFailure(MAX_SOURCE_LENGTH, `rumus terlalu panjang: ${grouped(source.length)} karakter, paling banyak ${grouped(MAX_SOURCE_LENGTH)}`, []),
    );
  }
  try {
    return { ok: true, ast: new Parser(source, tokenize(source), lines).formula() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return failure(e);
    throw e;
  }
}

class LineIndex {
  private readonly starts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  locate(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }
}

class Parser {
  private index = 0;
  private nesting = 0;
  /** What may follow a complete operand in the construct being parsed, innermost last. */
  private readonly closers: (readonly string[])[] = [AFTER_TOP_LEVEL_OPERAND];
  /** Tree depth of every node built, so a long chain `a + b + …` is bounded like nesting is. */
  private readonly depth = new WeakMap<Expr, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
    private readonly lines: LineIndex,
  ) {}

  formula(): Expr {
    const e = this.expression();
    if (this.peek().kind !== 'eof') this.fail(AFTER_TOP_LEVEL_OPERAND);
    return e;
  }

  // ---- token access ----

  private peek(offset = 0): Token {
    // The stream always ends with `eof` or `invalid`, and the parser never moves past either.
    const t = this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
    if (t === undefined) throw new Error('token stream is empty');
    return t;
  }

  private advance(): Token {
    const t = this.peek();
    if (t.kind !== 'eof' && t.kind !== 'invalid') this.index++;
    return t;
  }

  private isKeyword(t: Token, ...keywords: string[]): boolean {
    return t.kind === 'keyword' && keywords.includes(t.keyword);
  }

  private span(start: number, end: number): Span {
    const { line, column } = this.lines.locate(start);
    return { start, end, line, column };
  }

  /** Registers a node's depth; refuses trees deeper than MAX_DEPTH. */
  private node<T extends Expr>(n: T, children: readonly Expr[], at: number): T {
    let d = 0;
    for (const c of children) d = Math.max(d, this.depth.get(c) ?? 1);
    if (d + 1 > MAX_DEPTH) this.tooDeep(at);
    this.depth.set(n, d + 1);
    return n;
  }

  private enter(at: number): void {
    if (++this.nesting > MAX_DEPTH) this.tooDeep(at);
  }

  private leave(): void {
    this.nesting--;
  }

  private tooDeep(at: number): never {
    return raise(
      at,
      `rumus terlalu bertingkat: lebih dari ${MAX_DEPTH} tingkat operasi atau tanda kurung bersarang; pecah rumus menjadi beberapa nilai`,
      [],
    );
  }

  // ---- errors ----

  private fail(expected: readonly string[], hint?: string): never {
    const t = this.peek();
    const extra = hint ?? this.commaDecimalHint(t);
    return raise(t.start, `diharapkan ${listText(expected)}, ditemukan ${this.describe(t)}${extra ? `; ${extra}` : ''}`, expected);
  }

  /** `26,15` written the Indonesian way reaches the parser as 26 "," 15. */
  private commaDecimalHint(t: Token): string | undefined {
    if (t.kind !== ',') return undefined;
    const before = this.tokens[this.index - 1];
    const after = this.tokens[this.index + 1];
    if (before?.kind === 'number' && after?.kind === 'number' && before.end === t.start && after.start === t.end) {
      return `pemisah desimal dalam rumus adalah titik: tulis ${before.text}.${after.text}`;
    }
    return undefined;
  }

  private describe(t: Token): string {
    switch (t.kind) {
      case 'eof':
        return 'akhir rumus';
      case 'number':
        return `angka ${clip(t.text)}`;
      case 'string':
        return `teks ${clip(quote(t.value))}`;
      case 'name':
        return `nama ${clip(t.name)}`;
      case 'keyword':
        return `kata "${this.source.slice(t.start, t.end)}"`;
      case 'op':
      case '(':
      case ')':
      case ',':
        return `"${this.source.slice(t.start, t.end)}"`;
      case 'invalid':
        return t.found;
      default: {
        const unreachable: never = t;
        return String(unreachable);
      }
    }
  }

  private expect(kind: '(' | ')' | ',', expected: readonly string[], hint?: string): Token {
    if (this.peek().kind !== kind) this.fail(expected, hint);
    return this.advance();
  }

  // ---- grammar ----

  /** A full expression inside brackets, an argument list or a condition. */
  private nested(closers: readonly string[], at: number): Expr {
    this.enter(at);
    this.closers.push(closers);
    const e = this.expression();
    this.closers.pop();
    this.leave();
    return e;
  }

  private expression(): Expr {
    return this.or();
  }

  private or(): Expr {
    let left = this.and();
    while (this.isKeyword(this.peek(), 'atau')) {
      const op = this.advance();
      const right = this.and();
      left = this.node({ kind: 'binary', op: 'atau', left, right, span: this.span(left.span.start, right.span.end) }, [left, right], op.start);
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isKeyword(this.peek(), 'dan')) {
      const op = this.advance();
      const right = this.not();
      left = this.node({ kind: 'binary', op: 'dan', left, right, span: this.span(left.span.start, right.span.end) }, [left, right], op.start);
    }
    return left;
  }

  private not(): Expr {
    const t = this.peek();
    if (this.isKeyword(t, 'tidak')) {
      this.advance();
      this.enter(t.start);
      const operand = this.not();
      this.leave();
      return this.node({ kind: 'unary', op: 'tidak', operand, span: this.span(t.start, operand.span.end) }, [operand], t.start);
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.additive(true);
    const t = this.peek();
    let result: Expr;
    if (t.kind === 'op' && isComparisonOp(t.op)) {
      this.advance();
      const right = this.additive(false);
      result = this.node({ kind: 'binary', op: t.op, left, right, span: this.span(left.span.start, right.span.end) }, [left, right], t.start);
    } else if (this.isKeyword(t, 'dalam')) {
      this.advance();
      this.expect('(', ['('], 'daftar ditulis di antara tanda kurung, mis. kolom dalam ("a", "b")');
      const items: Expr[] = [];
      for (;;) {
        items.push(this.nested([')', ','], this.peek().start));
        if (this.peek().kind === ',') {
          this.advance();
          continue;
        }
        break;
      }
      const close = this.expect(')', [')', ',']);
      result = this.node({ kind: 'in', subject: left, items, span: this.span(left.span.start, close.end) }, [left, ...items], t.start);
    } else if (this.isKeyword(t, 'kosong', 'terisi')) {
      this.advance();
      result = this.node(
        { kind: 'empty-check', subject: left, filled: t.kind === 'keyword' && t.keyword === 'terisi', span: this.span(left.span.start, t.end) },
        [left],
        t.start,
      );
    } else {
      return left;
    }
    const next = this.peek();
    if ((next.kind === 'op' && isComparisonOp(next.op)) || this.isKeyword(next, 'dalam', 'kosong', 'terisi')) {
      const expected = ['dan', 'atau', ...(this.closers[this.closers.length - 1] ?? [])].filter((x) => x !== 'operator');
      raise(
        next.start,
        `perbandingan tidak dapat dirangkai: ditemukan ${this.describe(next)} setelah perbandingan; tulis dua perbandingan dengan "dan" (a < b dan b < c) atau beri tanda kurung`,
        expected,
      );
    }
    return result;
  }

  private additive(first: boolean): Expr {
    let left = this.term(first);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.op !== '+' && t.op !== '-')) return left;
      this.advance();
      const right = this.term(false);
      left = this.node({ kind: 'binary', op: t.op, left, right, span: this.span(left.span.start, right.span.end) }, [left, right], t.start);
    }
  }

  private term(first: boolean): Expr {
    let left = this.unary(first);
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || (t.op !== '*' && t.op !== '/')) return left;
      this.advance();
      const right = this.unary(false);
      left = this.node({ kind: 'binary', op: t.op, left, right, span: this.span(left.span.start, right.span.end) }, [left, right], t.start);
    }
  }

  private unary(first: boolean): Expr {
    const t = this.peek();
    if (t.kind === 'op' && t.op === '-') {
      this.advance();
      this.enter(t.start);
      const operand = this.unary(false);
      this.leave();
      return this.node({ kind: 'unary', op: '-', operand, span: this.span(t.start, operand.span.end) }, [operand], t.start);
    }
    return this.primary(first);
  }

  private primary(first: boolean): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.advance();
        return this.node({ kind: 'number', text: t.text, span: this.span(t.start, t.end) }, [], t.start);
      case 'string':
        this.advance();
        return this.node({ kind: 'text', value: t.value, span: this.span(t.start, t.end) }, [], t.start);
      case 'keyword':
        if (t.keyword === 'benar' || t.keyword === 'salah') {
          this.advance();
          return this.node({ kind: 'boolean', value: t.keyword === 'benar', span: this.span(t.start, t.end) }, [], t.start);
        }
        return this.fail(first ? OPERAND_OR_NOT : OPERAND);
      case '(': {
        this.advance();
        const e = this.nested([')'], t.start);
        this.expect(')', [')']);
        return e;
      }
      case 'name': {
        if (this.peek(1).kind !== '(') {
          this.advance();
          return this.node({ kind: 'name', name: t.name, span: this.span(t.start, t.end) }, [], t.start);
        }
        const key = t.name.toLowerCase();
        const fn = Object.hasOwn(FUNCTION_ALIASES, key) ? FUNCTION_ALIASES[key] : undefined;
        if (fn) return this.call(t, fn);
        const agg = Object.hasOwn(AGGREGATE_ALIASES, key) ? AGGREGATE_ALIASES[key] : undefined;
        if (agg) return this.aggregate(t, agg);
        const known = ['bulat', 'min', 'maks', 'jika', 'abs', 'hitung', 'jumlah', 'unik'];
        return raise(t.start, `fungsi "${clip(t.name)}" tidak dikenal; fungsi yang tersedia: ${known.join(', ')}`, known);
      }
      case 'op':
      case ')':
      case ',':
      case 'eof':
      case 'invalid':
        return this.fail(first ? OPERAND_OR_NOT : OPERAND);
      default: {
        const unreachable: never = t;
        return unreachable;
      }
    }
  }

  private call(nameToken: Token, fn: FunctionName): Expr {
    this.advance();
    this.advance();
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        args.push(this.nested([')', ','], this.peek().start));
        if (this.peek().kind !== ',') break;
        this.advance();
      }
    }
    const close = this.expect(')', [')', ',']);
    return this.node({ kind: 'call', fn, args, span: this.span(nameToken.start, close.end) }, args, nameToken.start);
  }

  private aggregate(nameToken: Token, fn: AggregateName): Expr {
    this.advance();
    this.advance();
    const arg = this.peek();
    const wantColumn = fn !== 'hitung';
    const what = wantColumn ? 'register.kolom' : 'nama register';
    const example = wantColumn ? `mis. ${fn}(penempatan.jumlah)` : 'mis. hitung(kasus_hi)';
    if (arg.kind !== 'name') this.fail([what], `${fn} memerlukan ${what} sebagai argumen pertama (${example})`);
    const parts = arg.name.split('.');
    if (wantColumn ? parts.length !== 2 : parts.length !== 1) {
      this.fail(
        [what],
        wantColumn
          ? `${fn} memerlukan kolom register, ditulis register.kolom (${example})`
          : 'hitung menghitung baris register; tulis nama register saja tanpa kolom (mis. hitung(kasus_hi))',
      );
    }
    this.advance();
    const register = parts[0] ?? '';
    const column = wantColumn ? (parts[1] ?? '') : null;
    let condition: Expr | null = null;
    if (this.peek().kind === ',') {
      this.advance();
      condition = this.nested([')'], this.peek().start);
    }
    const close = this.expect(')', condition ? [')'] : [')', ',']);
    return this.node(
      {
        kind: 'aggregate',
        fn,
        register,
        column,
        condition,
        argSpan: this.span(arg.start, arg.end),
        span: this.span(nameToken.start, close.end),
      },
      condition ? [condition] : [],
      nameToken.start,
    );
  }
}

function listText(items: readonly string[]): string {
  const shown = items.map((x) => (CLASSES.has(x) ? x : `"${x}"`));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} atau ${shown[shown.length - 1]}`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** A string literal as it would be written in a formula. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"\n\r]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\${c}`))}"`;
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
