/**
 * The syntax tree of an indicator formula. Plain data (no classes, no methods) so that a parsed
 * formula can be stored as JSON next to the indicator and compared structurally.
 */

/** Where a node starts and ends in the source (offsets in UTF-16 units; line and column 1-based). */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'dan' | 'atau';
export type BinaryOp = ArithmeticOp | ComparisonOp | LogicalOp;
export type UnaryOp = '-' | 'tidak';

/** Scalar functions, under their canonical (Indonesian) names. */
export type FunctionName = 'bulat' | 'min' | 'maks' | 'jika' | 'abs';
/** Register aggregates, under their canonical names. */
export type AggregateName = 'hitung' | 'jumlah' | 'unik';

export interface NumberNode {
  readonly kind: 'number';
  /** The digits as written ("26.15"): kept as text so that the value is read exactly. */
  readonly text: string;
  readonly span: Span;
}
export interface TextNode {
  readonly kind: 'text';
  readonly value: string;
  readonly span: Span;
}
export interface BooleanNode {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}
/** A named data value, or inside an aggregate's condition a column of that register. */
export interface NameNode {
  readonly kind: 'name';
  readonly name: string;
  readonly span: Span;
}
export interface UnaryNode {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly operand: Expr;
  readonly span: Span;
}
export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}
/** `subject dalam (a, b, ...)`. */
export interface InNode {
  readonly kind: 'in';
  readonly subject: Expr;
  readonly items: readonly Expr[];
  readonly span: Span;
}
/** `subject kosong` (filled: false) or `subject terisi` (filled: true). */
export interface EmptyCheckNode {
  readonly kind: 'empty-check';
  readonly subject: Expr;
  readonly filled: boolean;
  readonly span: Span;
}
export interface CallNode {
  readonly kind: 'call';
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
  readonly span: Span;
}
/**
 * `hitung(register [, kondisi])`, `jumlah(register.kolom [, kondisi])`, `unik(register.kolom [, kondisi])`.
 * `column` is null for `hitung`; `condition` is null when the formula has none.
 */
export interface AggregateNode {
  readonly kind: 'aggregate';
  readonly fn: AggregateName;
  readonly register: string;
  readonly column: string | null;
  readonly condition: Expr | null;
  /** Where `register` / `register.kolom` is written, for errors about them. */
  readonly argSpan: Span;
  readonly span: Span;
}

export type Expr =
  | NumberNode
  | TextNode
  | BooleanNode
  | NameNode
  | UnaryNode
  | BinaryNode
  | InNode
  | EmptyCheckNode
  | CallNode
  | AggregateNode;

export type ExprKind = Expr['kind'];

/** Spelling accepted in formulas -> canonical name. Lookup is case-insensitive (keys are lower case). */
export const FUNCTION_ALIASES: Readonly<Record<string, FunctionName>> = {
  bulat: 'bulat',
  round: 'bulat',
  min: 'min',
  maks: 'maks',
  max: 'maks',
  jika: 'jika',
  if: 'jika',
  abs: 'abs',
};

export const AGGREGATE_ALIASES: Readonly<Record<string, AggregateName>> = {
  hitung: 'hitung',
  count: 'hitung',
  jumlah: 'jumlah',
  sum: 'jumlah',
  unik: 'unik',
  distinct: 'unik',
};

/** Allowed argument counts of the scalar functions; `max: null` means no upper bound. */
export const FUNCTION_ARITY: Readonly<Record<FunctionName, { readonly min: number; readonly max: number | null }>> = {
  bulat: { min: 1, max: 2 },
  min: { min: 1, max: null },
  maks: { min: 1, max: null },
  jika: { min: 3, max: 3 },
  abs: { min: 1, max: 1 },
};

/** Decimals `bulat` accepts; larger ones would only ask bigint for huge powers of ten. */
export const MAX_ROUND_DECIMALS = 10;

export function isComparisonOp(op: BinaryOp): op is ComparisonOp {
  return op === '=' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=';
}

export function isArithmeticOp(op: BinaryOp): op is ArithmeticOp {
  return op === '+' || op === '-' || op === '*' || op === '/';
}

/** "kolom 14" for a one-line formula, "baris 2, kolom 5" when the formula spans lines. */
export function locationText(line: number, column: number, multiline: boolean): string {
  return multiline ? `baris ${line}, kolom ${column}` : `kolom ${column}`;
}
