import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DEPTH, MAX_SOURCE_LENGTH, parse, print, type Expr } from './index.ts';
import { withoutSpans } from './testing.ts';

function ast(source: string): Expr {
  const r = parse(source);
  if (!r.ok) assert.fail(r.error.message);
  return r.ast;
}

/** The canonical text of a formula: shows how it was grouped. */
const canonical = (source: string): string => print(ast(source));

void describe('parse: what formulas may say', () => {
  void it('reads the IKU 2 formula', () => {
    const tree = ast('hitung(kasus_hi, penyelesaian = "PB") / hitung(kasus_hi) * 100');
    assert.equal(tree.kind, 'binary');
    assert.deepEqual(withoutSpans(tree), {
      kind: 'binary',
      op: '*',
      left: {
        kind: 'binary',
        op: '/',
        left: {
          kind: 'aggregate',
          fn: 'hitung',
          register: 'kasus_hi',
          column: null,
          condition: { kind: 'binary', op: '=', left: { kind: 'name', name: 'penyelesaian' }, right: { kind: 'text', value: 'PB' } },
        },
        right: { kind: 'aggregate', fn: 'hitung', register: 'kasus_hi', column: null, condition: null },
      },
      right: { kind: 'number', text: '100' },
    });
  });

  void it('records where every node is', () => {
    const tree = ast('1 +\n  jumlah(penempatan.jumlah_orang, bersertifikat)');
    assert.equal(tree.kind, 'binary');
    if (tree.kind !== 'binary' || tree.right.kind !== 'aggregate') return assert.fail('shape');
    assert.deepEqual(tree.right.span, { start: 6, end: 52, line: 2, column: 3 });
    assert.deepEqual(tree.right.argSpan, { start: 13, end: 36, line: 2, column: 10 });
    assert.equal(tree.right.register, 'penempatan');
    assert.equal(tree.right.column, 'jumlah_orang');
  });

  void it('binds operators as arithmetic and logic do', () => {
    assert.equal(canonical('(1 + 2) * 3 - 4 / 2'), '(1 + 2) * 3 - 4 / 2');
    assert.equal(canonical('1 - (2 - 3)'), '1 - (2 - 3)');
    assert.equal(canonical('(1 - 2) - 3'), '1 - 2 - 3');
    assert.equal(canonical('-a * b'), '-a * b');
    assert.equal(canonical('-(a * b)'), '-(a * b)');
    assert.equal(canonical('-(-1)'), '- -1');
    assert.equal(canonical('a = 1 dan b = 2 atau tidak c = 3'), 'a = 1 dan b = 2 atau tidak c = 3');
    assert.equal(canonical('a dan (b atau c)'), 'a dan (b atau c)');
    assert.equal(canonical('tidak (a dan b)'), 'tidak (a dan b)');
    assert.equal(canonical('(a = b) = c'), '(a = b) = c');
    assert.equal(canonical('a + 1 dalam (2, 3)'), 'a + 1 dalam (2, 3)');
    assert.equal(canonical('a + b kosong'), 'a + b kosong');
  });

  void it('accepts English aliases, any case for keywords and functions, and canonicalises them', () => {
    assert.equal(
      canonical('IF(x IN ("a") AND y Terisi OR NOT TRUE, ROUND(SUM(r.c, FALSE)), MAX(1, Count(r), DISTINCT(r.c)))'),
      'jika(x dalam ("a") dan y terisi atau tidak benar, bulat(jumlah(r.c, salah)), maks(1, hitung(r), unik(r.c)))',
    );
    // Names are case-sensitive: only keywords and function names are not.
    assert.equal(canonical('Jumlah_Terdaftar + jumlah'), 'Jumlah_Terdaftar + jumlah');
  });

  void it('reads numbers exactly as written and strings with escapes', () => {
    assert.deepEqual(withoutSpans(ast('0026.150')), { kind: 'number', text: '0026.150' });
    assert.deepEqual(withoutSpans(ast('"kata \\"PB\\" \\\\ baris\\nbaru"')), { kind: 'text', value: 'kata "PB" \\ baris\nbaru' });
    assert.equal(canonical('"tab\there"'), '"tab\there"');
  });

  void it('allows whitespace and line breaks anywhere between tokens', () => {
    assert.equal(canonical('\n  hitung (\n kasus_hi ,\tpenyelesaian= "PB"\r\n)\u00a0'), 'hitung(kasus_hi, penyelesaian = "PB")');
  });

  void it('leaves argument counts of scalar functions to check', () => {
    assert.equal(canonical('bulat(1, 2, 3)'), 'bulat(1, 2, 3)');
    assert.equal(canonical('min()'), 'min()');
  });
});

void describe('parse: errors say where and what was expected', () => {
  const OPERAND = ['angka', 'teks', 'nama', 'fungsi', '(', '-'];
  const OPERAND_OR_NOT = [...OPERAND, 'tidak'];
  const cases: { source: string; position: number; expected: readonly string[]; message: string | RegExp }[] = [
    { source: 'bulat(x, 2', position: 10, expected: [')', ','], message: 'kolom 11: diharapkan ")" atau ",", ditemukan akhir rumus' },
    {
      source: 'hitung(kasus_hi, penyelesaian = "PB"',
      position: 36,
      expected: [')'],
      message: 'kolom 37: diharapkan ")", ditemukan akhir rumus',
    },
    {
      source: 'hitung(kasus_hi) *',
      position: 18,
      expected: OPERAND,
      message: 'kolom 19: diharapkan angka, teks, nama, fungsi, "(" atau "-", ditemukan akhir rumus',
    },
    { source: '1 + * 2', position: 4, expected: OPERAND, message: /^kolom 5: diharapkan angka, .*, ditemukan "\*"$/ },
    { source: ')', position: 0, expected: OPERAND_OR_NOT, message: 'kolom 1: diharapkan angka, teks, nama, fungsi, "(", "-" atau "tidak", ditemukan ")"' },
    { source: '', position: 0, expected: OPERAND_OR_NOT, message: /^kolom 1: diharapkan .*, ditemukan akhir rumus$/ },
    { source: 'min(1,)', position: 6, expected: OPERAND_OR_NOT, message: /^kolom 7: diharapkan .*, ditemukan "\)"$/ },
    {
      source: '26,15 / 30 * 100',
      position: 2,
      expected: ['operator', 'akhir rumus'],
      message: 'kolom 3: diharapkan operator atau akhir rumus, ditemukan ","; pemisah desimal dalam rumus adalah titik: tulis 26.15',
    },
    { source: 'a < b <= c', position: 6, expected: ['dan', 'atau', 'akhir rumus'], message: /^kolom 7: perbandingan tidak dapat dirangkai: ditemukan "<="/ },
    { source: 'jumlah(penempatan)', position: 7, expected: ['register.kolom'], message: /^kolom 8: diharapkan register\.kolom, ditemukan nama penempatan; / },
    { source: 'hitung(kasus_hi.penyelesaian)', position: 7, expected: ['nama register'], message: /^kolom 8: diharapkan nama register, ditemukan nama kasus_hi\.penyelesaian/ },
    { source: 'hitung()', position: 7, expected: ['nama register'], message: /^kolom 8: diharapkan nama register, ditemukan "\)"/ },
    { source: 'hitung(kasus_hi penyelesaian = "PB")', position: 16, expected: [')', ','], message: 'kolom 17: diharapkan ")" atau ",", ditemukan nama penyelesaian' },
    {
      source: 'persentase(1)',
      position: 0,
      expected: ['bulat', 'min', 'maks', 'jika', 'abs', 'hitung', 'jumlah', 'unik'],
      message: /^kolom 1: fungsi "persentase" tidak dikenal; fungsi yang tersedia: bulat, /,
    },
    { source: 'x dalam "PB"', position: 8, expected: ['('], message: /^kolom 9: diharapkan "\(", ditemukan teks "PB"; daftar ditulis di antara tanda kurung/ },
    { source: 'penyelesaian = "PB', position: 15, expected: OPERAND, message: /^kolom 16: diharapkan .*, ditemukan teks yang tidak ditutup/ },
    { source: 'a = 1.', position: 4, expected: OPERAND, message: /ditemukan angka tidak lengkap "1\."/ },
    { source: '1.000.000 / 2', position: 0, expected: OPERAND_OR_NOT, message: /ditemukan angka "1\.000\.000" yang tidak sah \(rumus tidak memakai pemisah ribuan/ },
    { source: 'kasus_hi.', position: 0, expected: OPERAND_OR_NOT, message: /ditemukan nama tidak lengkap "kasus_hi\."/ },
    { source: '50%', position: 2, expected: ['operator', 'akhir rumus'], message: /ditemukan karakter "%" yang tidak dikenal \(rumus tidak memakai tanda persen/ },
    { source: "penyelesaian = 'PB'", position: 15, expected: OPERAND, message: /karakter "'" yang tidak dikenal \(teks ditulis di antara tanda petik ganda/ },
    { source: 'jika(a; b; c)', position: 6, expected: [')', ','], message: /ditemukan karakter ";" yang tidak dikenal \(argumen fungsi dipisahkan dengan koma\)/ },
    { source: '(a + b', position: 6, expected: [')'], message: 'kolom 7: diharapkan ")", ditemukan akhir rumus' },
    { source: 'a + b)', position: 5, expected: ['operator', 'akhir rumus'], message: 'kolom 6: diharapkan operator atau akhir rumus, ditemukan ")"' },
    { source: '- tidak x', position: 2, expected: OPERAND, message: /ditemukan kata "tidak"$/ },
    { source: '"a\\q"', position: 0, expected: OPERAND_OR_NOT, message: /teks dengan urutan escape yang tidak sah "\\q"/ },
    { source: 'x\u0000', position: 1, expected: ['operator', 'akhir rumus'], message: /karakter U\+0000 yang tidak sah/ },
    { source: '1 +\n  (2\n  * 3', position: 14, expected: [')'], message: 'baris 3, kolom 6: diharapkan ")", ditemukan akhir rumus' },
  ];

  for (const c of cases) {
    void it(`${JSON.stringify(c.source)}`, () => {
      const r = parse(c.source);
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.error.position, c.position);
      assert.deepEqual(r.error.expected, c.expected);
      if (typeof c.message === 'string') assert.equal(r.error.message, c.message);
      else assert.match(r.error.message, c.message);
      const before = c.source.slice(0, c.position).split('\n');
      assert.equal(r.error.line, before.length);
      assert.equal(r.error.column, (before[before.length - 1] ?? '').length + 1);
    });
  }

  void it('reports the first problem in the text, not the first the lexer sees', () => {
    const r = parse('1 + ) @');
    assert.equal(!r.ok && r.error.position, 4);
  });

  void it(`refuses input longer than ${MAX_SOURCE_LENGTH} characters`, () => {
    const r = parse('1'.padEnd(MAX_SOURCE_LENGTH + 1, ' '));
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.message, 'kolom 10001: rumus terlalu panjang: 10.001 karakter, paling banyak 10.000');
    assert.equal(parse(`1${' '.repeat(MAX_SOURCE_LENGTH - 1)}`).ok, true);
  });

  void it(`refuses nesting deeper than ${MAX_DEPTH} levels, however it is built`, () => {
    const deep = [
      `${'('.repeat(MAX_DEPTH + 1)}1${')'.repeat(MAX_DEPTH + 1)}`,
      `${'-'.repeat(MAX_DEPTH + 1)}1`,
      `${'tidak '.repeat(MAX_DEPTH + 1)}benar`,
      `${'abs('.repeat(MAX_DEPTH + 1)}1${')'.repeat(MAX_DEPTH + 1)}`,
      Array.from({ length: MAX_DEPTH + 2 }, () => '1').join(' + '),
      `${'('.repeat(5000)}`,
    ];
    for (const source of deep) {
      const r = parse(source);
      assert.equal(r.ok, false, source.slice(0, 20));
      if (!r.ok) assert.match(r.error.message, /rumus terlalu bertingkat: lebih dari 200 tingkat/);
    }
    assert.equal(parse(`${'('.repeat(MAX_DEPTH - 1)}1${')'.repeat(MAX_DEPTH - 1)}`).ok, true);
    assert.equal(parse(Array.from({ length: MAX_DEPTH - 1 }, () => '1').join(' + ')).ok, true);
  });

  void it('does not take names of Object.prototype for functions', () => {
    const r = parse('constructor(1)');
    assert.equal(!r.ok && r.error.message.startsWith('kolom 1: fungsi "constructor" tidak dikenal'), true);
    assert.equal(parse('toString + __proto__').ok, true);
  });
});
