/**
 * The formula language of indicators: a formula computes an indicator's value from named data
 * values and register aggregates (docs/formula.md). Pure, no I/O.
 */
export type * from './ast.ts';
export { FUNCTION_ALIASES, AGGREGATE_ALIASES, FUNCTION_ARITY, MAX_ROUND_DECIMALS } from './ast.ts';
export { parse, MAX_DEPTH, MAX_SOURCE_LENGTH, type ParseError, type ParseResult } from './parser.ts';
export { check, type CheckError, type CheckResult } from './check.ts';
export { evaluate, type AggregateTrace, type Evaluation } from './evaluate.ts';
export { print, explain } from './print.ts';
export type {
  CellValue,
  ColumnSchema,
  ColumnType,
  EvaluationContext,
  FormulaSchema,
  ImportedTotal,
  Periode,
  PeriodColumn,
  RegisterRow,
  RegisterSchema,
  ValueInput,
} from './schema.ts';
export { monthRange } from './schema.ts';
