/**
 * Fuzzing: formulas are typed by people into a web form, so every string must come back as a
 * tree or a located error, and every tree as a figure or a reason, without an exception.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rational } from '../engine/decimal.ts';
import { locationText, type AggregateName, type BinaryOp, type Expr, type FunctionName } from './ast.ts';
import { check, evaluate, parse, print, type EvaluationContext, type Periode, type RegisterRow } from './index.ts';
import { keywordOf } from './lexer.ts';
import { KASUS_HI, SCHEMA, context, locate, sameTree, withoutSpans } from './testing.ts';

const SPAN = { start: 0, end: 0, line: 1, column: 1 };

// ---- inputs: arbitrary text ----

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // Lone surrogate halves and control characters, which `binary` rarely produces.
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
);

// ---- inputs: grammar-aware token soups ----

const VOCABULARY = [
  ...['hitung', 'count', 'jumlah', 'sum', 'unik', 'distinct', 'bulat', 'round', 'min', 'maks', 'max', 'jika', 'if', 'abs', 'JIKA', 'Hitung'],
  ...['dan', 'atau', 'tidak', 'and', 'or', 'not', 'dalam', 'in', 'kosong', 'terisi', 'benar', 'salah', 'TRUE'],
  ...['kasus_hi', 'penempatan', 'sertifikasi', 'peserta_pelatihan', 'perusahaan', 'tidak_ada'],
  ...['kasus_hi.pekerja', 'penempatan.jumlah_orang', 'sertifikasi.jumlah_kompeten', 'peserta_pelatihan.nama', 'kasus_hi.perusahaan', 'a.b.c'],
  ...['penyelesaian', 'pekerja', 'tanggal', 'bersertifikat', 'jumlah_orang', 'lulus', 'nama', 'telepon', 'kejuruan', 'layak'],
  ...['jumlah_terdaftar', 'jumlah_selesai', 'target', 'catatan', 'disetujui', '__proto__', 'constructor'],
  ...['0', '1', '2', '100', '26.15', '0.5', '10', '1.', '1.000.000', '007'],
  ...['"PB"', '"Anjuran"', '"2023-07-01"', '"x', '""', '"a\\"b"', '"\\q"', '"ok"'],
  ...['+', '-', '*', '/', '=', '!=', '<', '<=', '>', '>=', '<>', '==', '×', '÷', '≠', '≤', '≥', '(', ')', ',', '.', '%', ';', "'", '@', '!'],
];

const SEPARATORS = ['', ' ', ' ', ' ', '\n', '\t', '\r\n'];
/** One integer per token: far cheaper to generate (and shrink) than a tuple of choices. */
const tokenSoup = fc
  .array(fc.nat({ max: VOCABULARY.length * SEPARATORS.length - 1 }), { maxLength: 40 })
  .map((codes) => codes.map((c) => `${VOCABULARY[c % VOCABULARY.length] ?? ''}${SEPARATORS[Math.floor(c / VOCABULARY.length)] ?? ''}`).join(''));

/**
 * Nesting in every way the grammar allows, around a soup. Depths cluster around the limit
 * (MAX_DEPTH = 200), where off-by-one mistakes live; unwinding from there is the slowest path.
 */
const depth = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 3, arbitrary: fc.integer({ min: 195, max: 205 }) }, { weight: 1, arbitrary: fc.constant(400) });
const deepSoup = fc
  .tuple(fc.constantFrom('(', '-', 'tidak ', 'abs(', 'jika(benar, ', 'hitung(kasus_hi, '), depth, tokenSoup, fc.boolean())
  .map(([open, n, inner, close]) => `${open.repeat(n)}${inner}${close ? ')'.repeat(n) : ''}`);

// ---- generated trees ----

const identifier = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,7}$/).filter((w) => keywordOf(w) === undefined);
const dottedName = fc.array(identifier, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
const numberText = fc
  .tuple(fc.stringMatching(/^\d{1,7}$/), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? i : `${i}.${f}`));

const BINARY_OPS: BinaryOp[] = ['+', '-', '*', '/', '=', '!=', '<', '<=', '>', '>=', 'dan', 'atau'];
const FUNCTIONS: FunctionName[] = ['bulat', 'min', 'maks', 'jika', 'abs'];
const AGGREGATES: AggregateName[] = ['hitung', 'jumlah', 'unik'];

/** Any tree the grammar can produce, well-typed or not. */
const anyTree: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 5, depthIdentifier: 'tree' },
    fc.oneof(
      numberText.map((text): Expr => ({ kind: 'number', text, span: SPAN })),
      fc.string({ unit: 'binary', maxLength: 10 }).map((value): Expr => ({ kind: 'text', value, span: SPAN })),
      fc.boolean().map((value): Expr => ({ kind: 'boolean', value, span: SPAN })),
      dottedName.map((name): Expr => ({ kind: 'name', name, span: SPAN })),
    ),
    fc.tuple(fc.constantFrom('-' as const, 'tidak' as const), tie('expr')).map(([op, operand]): Expr => ({ kind: 'unary', op, operand, span: SPAN })),
    fc.tuple(fc.constantFrom(...BINARY_OPS), tie('expr'), tie('expr')).map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, span: SPAN })),
    fc.tuple(tie('expr'), fc.array(tie('expr'), { minLength: 1, maxLength: 3 })).map(([subject, items]): Expr => ({ kind: 'in', subject, items, span: SPAN })),
    fc.tuple(tie('expr'), fc.boolean()).map(([subject, filled]): Expr => ({ kind: 'empty-check', subject, filled, span: SPAN })),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 4 })).map(([fn, args]): Expr => ({ kind: 'call', fn, args, span: SPAN })),
    fc
      .tuple(fc.constantFrom(...AGGREGATES), identifier, identifier, fc.option(tie('expr'), { nil: null }))
      .map(([fn, register, column, condition]): Expr => ({
        kind: 'aggregate',
        fn,
        register,
        column: fn === 'hitung' ? null : column,
        condition,
        argSpan: SPAN,
        span: SPAN,
      })),
  ),
})).expr;

// Well-typed formulas over the test schema, to reach evaluation rather than type errors.

const num = (text: string): Expr => ({ kind: 'number', text, span: SPAN });
const name = (n: string): Expr => ({ kind: 'name', name: n, span: SPAN });
const text = (value: string): Expr => ({ kind: 'text', value, span: SPAN });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right, span: SPAN });
const CMP: BinaryOp[] = ['=', '!=', '<', '<=', '>', '>='];

function logic(d: number, leaf: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  if (d <= 0) return leaf;
  const sub = logic(d - 1, leaf);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.tuple(fc.constantFrom<BinaryOp>('dan', 'atau'), sub, sub).map(([op, l, r]) => bin(op, l, r)),
    sub.map((operand): Expr => ({ kind: 'unary', op: 'tidak', operand, span: SPAN })),
  );
}

const rowNumber = fc.constantFrom(name('pekerja'), num('1'), num('2.5')).chain((a) =>
  fc.oneof(fc.constant(a), fc.tuple(fc.constantFrom<BinaryOp>('+', '-', '*', '/'), fc.constantFrom(num('0'), num('2'), name('pekerja'))).map(([op, b]) => bin(op, a, b))),
);
const kasusCondition = logic(
  2,
  fc.oneof(
    fc.constantFrom('PB', 'Anjuran', 'Pengawas', 'Bipartit').map((c) => bin('=', name('penyelesaian'), text(c))),
    fc.constantFrom('PB', 'Anjuran').map((c) => bin('!=', name('penyelesaian'), text(c))),
    fc.subarray(['PB', 'Anjuran', 'Pengawas'], { minLength: 1 }).map((cs): Expr => ({ kind: 'in', subject: name('penyelesaian'), items: cs.map(text), span: SPAN })),
    fc.tuple(fc.constantFrom(...CMP), rowNumber, rowNumber).map(([op, l, r]) => bin(op, l, r)),
    fc.tuple(fc.constantFrom(...CMP), fc.constantFrom('2023-01-01', '2023-07-01', '2023-12-31')).map(([op, d]) => bin(op, name('tanggal'), text(d))),
    fc.tuple(fc.constantFrom('penyelesaian', 'pekerja', 'perusahaan'), fc.boolean()).map(([c, filled]): Expr => ({ kind: 'empty-check', subject: name(c), filled, span: SPAN })),
  ),
);
const aggregate: fc.Arbitrary<Expr> = fc.oneof(
  fc.option(kasusCondition, { nil: null }).map((condition): Expr => ({ kind: 'aggregate', fn: 'hitung', register: 'kasus_hi', column: null, condition, argSpan: SPAN, span: SPAN })),
  fc
    .tuple(fc.constantFrom<AggregateName>('jumlah', 'unik'), fc.option(kasusCondition, { nil: null }))
    .map(([fn, condition]): Expr => ({ kind: 'aggregate', fn, register: 'kasus_hi', column: 'pekerja', condition, argSpan: SPAN, span: SPAN })),
  fc.option(fc.constant(name('bersertifikat')), { nil: null }).map((condition): Expr => ({
    kind: 'aggregate',
    fn: 'jumlah',
    register: 'penempatan',
    column: 'jumlah_orang',
    condition,
    argSpan: SPAN,
    span: SPAN,
  })),
  fc.constantFrom('nama', 'telepon', 'kejuruan').map((column): Expr => ({
    kind: 'aggregate',
    fn: 'unik',
    register: 'peserta_pelatihan',
    column,
    condition: { kind: 'empty-check', subject: name(column), filled: true, span: SPAN },
    argSpan: SPAN,
    span: SPAN,
  })),
);

function numeric(d: number): fc.Arbitrary<Expr> {
  const leaf = fc.oneof(numberText.map(num), fc.constantFrom('jumlah_terdaftar', 'jumlah_selesai', 'target').map(name), aggregate);
  if (d <= 0) return leaf;
  const sub = numeric(d - 1);
  const cond = logic(
    1,
    fc.oneof(
      fc.tuple(fc.constantFrom(...CMP), sub, sub).map(([op, l, r]) => bin(op, l, r)),
      fc.constant(name('disetujui')),
      fc.constantFrom('ok', 'batal').map((c) => bin('=', name('catatan'), text(c))),
      fc.tuple(fc.constantFrom('target', 'jumlah_terdaftar'), fc.boolean()).map(([v, filled]): Expr => ({ kind: 'empty-check', subject: name(v), filled, span: SPAN })),
    ),
  );
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.tuple(fc.constantFrom<BinaryOp>('+', '-', '*', '/'), sub, sub).map(([op, l, r]) => bin(op, l, r)),
    sub.map((operand): Expr => ({ kind: 'unary', op: '-', operand, span: SPAN })),
    fc.tuple(sub, fc.integer({ min: 0, max: 10 })).map(([x, places]): Expr => ({ kind: 'call', fn: 'bulat', args: [x, num(String(places))], span: SPAN })),
    fc.tuple(fc.constantFrom<FunctionName>('min', 'maks'), fc.array(sub, { minLength: 1, maxLength: 3 })).map(([fn, args]): Expr => ({ kind: 'call', fn, args, span: SPAN })),
    sub.map((x): Expr => ({ kind: 'call', fn: 'abs', args: [x], span: SPAN })),
    fc.tuple(cond, sub, sub).map(([c, a, b]): Expr => ({ kind: 'call', fn: 'jika', args: [c, a, b], span: SPAN })),
  );
}
const wellTyped = numeric(3);

/** Printed valid formulas with a few random edits: near-misses, the errors people actually make. */
const mutated = fc
  .tuple(fc.oneof(wellTyped, anyTree), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.constantFrom('', ...VOCABULARY)), { minLength: 1, maxLength: 3 }))
  .map(([tree, edits]) => {
    let s = print(tree);
    for (const [at, remove, insert] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      s = s.slice(0, i) + insert + s.slice(i + remove);
    }
    return s;
  });

// ---- evaluation contexts ----

const PENDING: RegisterRow = { id: 'hi-pending', values: { tanggal: '2023-12-30', perusahaan: null, pekerja: null, penyelesaian: null } };
const PERIODS: Periode[] = [{ tahun: 2023 }, { tahun: 2023, triwulan: 2 }, { tahun: 2023, triwulan: 3, kumulatif: true }, { tahun: 2024, triwulan: 1 }];
const contexts: EvaluationContext[] = PERIODS.flatMap((period) => [
  context(period),
  context(period, { jumlah_terdaftar: 13, jumlah_selesai: '8', target: 40, catatan: 'ok', disetujui: true }, { kasus_hi: [...KASUS_HI, PENDING] }),
  context(period, { jumlah_terdaftar: 0, jumlah_selesai: 0, target: Rational.of(1n, 3n), catatan: 'batal', disetujui: false }),
]);

// An index rather than the context itself keeps counterexample reports short.
const contextIndex = fc.nat({ max: contexts.length - 1 });
const contextAt = (i: number): EvaluationContext => contexts[i] ?? context({ tahun: 2023 });

// ---- properties ----

function assertLocated(source: string, e: { position: number; line: number; column: number }, what: string): void {
  assert.ok(Number.isInteger(e.position) && e.position >= 0 && e.position <= source.length, `${what} position ${e.position} outside ${source.length}`);
  assert.deepEqual({ line: e.line, column: e.column }, locate(source, e.position), what);
}

function exercise(source: string, ctx: EvaluationContext): void {
  const parsed = parse(source);
  if (!parsed.ok) {
    const { error } = parsed;
    assertLocated(source, error, 'parse error');
    assert.ok(error.message.startsWith(`${locationText(error.line, error.column, source.includes('\n'))}: `), error.message);
    assert.ok(Array.isArray(error.expected));
    return;
  }
  const checked = check(parsed.ast, SCHEMA);
  for (const e of checked.errors) {
    assertLocated(source, e, 'check error');
    assert.ok(e.end >= e.position && e.end <= source.length);
  }
  const { nilai, trace } = evaluate(parsed.ast, ctx);
  assert.ok(nilai.status === 'ada' ? nilai.value instanceof Rational : nilai.status === 'belum-diisi' || typeof nilai.alasan === 'string');
  for (const t of trace) assert.ok(t.position >= 0 && t.position < source.length);
  // What parses prints back to text that parses to the same tree.
  const printed = print(parsed.ast);
  const again = parse(printed);
  assert.ok(again.ok && sameTree(again.ast, parsed.ast), `${source} -> ${printed}`);
}

/** Reasons that would mean check let a type error through. */
const TYPE_ERROR = /memerlukan|tidak dapat membandingkan|tidak dikenal|hanya dapat dibandingkan|bukan angka|menerima|tidak ada di register|tidak tersedia/;

void describe('fuzzing', () => {
  void it('parse, check and evaluate never throw on 100.000 inputs, and locate every error inside the input', () => {
    const input = fc.oneof(
      { weight: 3, arbitrary: anyText },
      { weight: 4, arbitrary: tokenSoup },
      { weight: 1, arbitrary: deepSoup },
      { weight: 3, arbitrary: mutated },
      { weight: 1, arbitrary: wellTyped.map(print) },
    );
    fc.assert(
      fc.property(input, contextIndex, (source, i) => exercise(source, contextAt(i))),
      { numRuns: 100_000 },
    );
  });

  void it('print then parse gives back any tree the grammar can produce', () => {
    fc.assert(
      fc.property(anyTree, (tree) => {
        const r = parse(print(tree));
        assert.ok(r.ok, `${print(tree)}: ${r.ok ? '' : r.error.message}`);
        if (!sameTree(r.ast, tree)) assert.deepEqual(withoutSpans(r.ast), withoutSpans(tree));
      }),
      { numRuns: 10_000 },
    );
  });

  void it('a formula that passes check evaluates to a figure or a data problem, never a type error', () => {
    fc.assert(
      fc.property(wellTyped, contextIndex, (tree, i) => {
        const source = print(tree);
        const r = parse(source);
        assert.ok(r.ok, source);
        // The generator divides by literal zeros on purpose; check rightly flags those.
        const typeErrors = check(r.ast, SCHEMA).errors.filter((e) => !e.message.endsWith('pembagian dengan nol'));
        assert.deepEqual(typeErrors, [], source);
        const { nilai } = evaluate(r.ast, contextAt(i));
        if (nilai.status === 'tidak-dapat-dihitung') assert.doesNotMatch(nilai.alasan, TYPE_ERROR, source);
      }),
      { numRuns: 10_000 },
    );
  });
});
