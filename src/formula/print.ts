/**
 * Turns a tree back into text: `print` gives formula source that parses to the same tree
 * (canonical names, minimal brackets); `explain` gives the same shape for people, with × ≠ ≤ ≥
 * and Indonesian decimal commas, as it appears in the IKU table of a report.
 */
import type { BinaryOp, Expr } from './ast.ts';
import { quote } from './parser.ts';

/** Binding strength, loosest first; mirrors the grammar's levels. */
const Level = {
  Or: 1,
  And: 2,
  Not: 3,
  Comparison: 4,
  Additive: 5,
  Multiplicative: 6,
  Negation: 7,
  Primary: 8,
} as const;
type Level = number;

interface Style {
  readonly op: (op: BinaryOp) => string;
  readonly number: (text: string) => string;
}

const SOURCE: Style = {
  op: (op) => op,
  number: (text) => text,
};

const READABLE: Style = {
  op: (op) => (op === '*' ? '×' : op === '!=' ? '≠' : op === '<=' ? '≤' : op === '>=' ? '≥' : op),
  number: (text) => text.replace('.', ','),
};

export function print(ast: Expr): string {
  return render(ast, SOURCE);
}

export function explain(ast: Expr): string {
  return render(ast, READABLE);
}

function binaryLevel(op: BinaryOp): Level {
  switch (op) {
    case 'atau':
      return Level.Or;
    case 'dan':
      return Level.And;
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return Level.Comparison;
    case '+':
    case '-':
      return Level.Additive;
    case '*':
    case '/':
      return Level.Multiplicative;
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

function level(e: Expr): Level {
  switch (e.kind) {
    case 'binary':
      return binaryLevel(e.op);
    case 'unary':
      return e.op === 'tidak' ? Level.Not : Level.Negation;
    case 'in':
    case 'empty-check':
      return Level.Comparison;
    case 'number':
    case 'text':
    case 'boolean':
    case 'name':
    case 'call':
    case 'aggregate':
      return Level.Primary;
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

function bracketed(child: Expr, min: Level, style: Style): string {
  const text = render(child, style);
  return level(child) < min ? `(${text})` : text;
}

function list(items: readonly Expr[], style: Style): string {
  return items.map((x) => render(x, style)).join(', ');
}

function render(e: Expr, style: Style): string {
  switch (e.kind) {
    case 'number':
      return style.number(e.text);
    case 'text':
      return quote(e.value);
    case 'boolean':
      return e.value ? 'benar' : 'salah';
    case 'name':
      return e.name;
    case 'unary':
      if (e.op === 'tidak') return `tidak ${bracketed(e.operand, Level.Not, style)}`;
      // `--x` parses but reads like a typo; brackets would add nesting the tree does not have.
      return `-${e.operand.kind === 'unary' && e.operand.op === '-' ? ' ' : ''}${bracketed(e.operand, Level.Negation, style)}`;
    case 'binary': {
      const l = binaryLevel(e.op);
      // Comparisons do not chain, so both sides sit one level tighter; the others associate left.
      const left = bracketed(e.left, l === Level.Comparison ? Level.Additive : l, style);
      const right = bracketed(e.right, l === Level.Comparison ? Level.Additive : l + 1, style);
      return `${left} ${style.op(e.op)} ${right}`;
    }
    case 'in':
      return `${bracketed(e.subject, Level.Additive, style)} dalam (${list(e.items, style)})`;
    case 'empty-check':
      return `${bracketed(e.subject, Level.Additive, style)} ${e.filled ? 'terisi' : 'kosong'}`;
    case 'call':
      return `${e.fn}(${list(e.args, style)})`;
    case 'aggregate': {
      const target = e.column === null ? e.register : `${e.register}.${e.column}`;
      return `${e.fn}(${target}${e.condition ? `, ${render(e.condition, style)}` : ''})`;
    }
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}
