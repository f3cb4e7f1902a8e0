import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, mean } from '../engine/decimal.ts';
import { ada, tidakDapatDihitung, type Nilai } from '../engine/nilai.ts';
import { check, evaluate, explain, parse, type EvaluationContext, type Expr, type Periode } from './index.ts';
import { KASUS_HI, SCHEMA, context, rowIds } from './testing.ts';

function ast(source: string): Expr {
  const r = parse(source);
  if (!r.ok) assert.fail(r.error.message);
  return r.ast;
}

function run(source: string, ctx: EvaluationContext = context({ tahun: 2023 })) {
  const tree = ast(source);
  const checked = check(tree, ctx.schema);
  assert.deepEqual(checked.errors, [], `check ${source}`);
  return evaluate(tree, ctx);
}

function value(source: string, ctx?: EvaluationContext): Rational {
  const { nilai } = run(source, ctx);
  if (nilai.status !== 'ada') assert.fail(`${source}: ${JSON.stringify(nilai)}`);
  return nilai.value;
}

function reason(n: Nilai): string {
  assert.equal(n.status, 'tidak-dapat-dihitung', JSON.stringify(n));
  return n.status === 'tidak-dapat-dihitung' ? n.alasan : '';
}

const IKU2 = 'hitung(kasus_hi, penyelesaian = "PB") / hitung(kasus_hi) * 100';
const PB = 'hitung(kasus_hi, penyelesaian = "PB")';
const IKU1 =
  'jika(jumlah(sertifikasi.jumlah_kompeten) = 0, 0, jumlah(penempatan.jumlah_orang, bersertifikat) / jumlah(sertifikasi.jumlah_kompeten) * 100)';

void describe('IKU 2 of the seed: Persentase kasus perselisihan HI yang terselesaikan', () => {
  void it('is exactly 800/13 for 2023, 61,54 after rounding', () => {
    const { nilai, trace } = run(IKU2);
    assert.deepEqual(nilai, ada(Rational.of(800n, 13n)));
    assert.equal(value(`bulat(${IKU2}, 2)`).toFixed(2), '61.54');
    // The published capaian: 61,54 / 40 x 100.
    assert.equal(value(`bulat(${IKU2}, 2) / 40 * 100`).toFixed(2), '153.85');
    assert.deepEqual(rowIds(trace, PB), ['hi-01', 'hi-02', 'hi-04', 'hi-06', 'hi-07', 'hi-08', 'hi-11', 'hi-13']);
    assert.equal(rowIds(trace, 'hitung(kasus_hi)')?.length, 13);
  });

  void it('splits the other five cases as the seed does: 3 Anjuran, 1 Pengawas, 1 Bipartit', () => {
    assert.equal(value('hitung(kasus_hi, penyelesaian = "Anjuran")').toString(), '3');
    assert.equal(value('hitung(kasus_hi, penyelesaian = "Pengawas")').toString(), '1');
    assert.equal(value('hitung(kasus_hi, penyelesaian = "Bipartit")').toString(), '1');
    assert.equal(value('hitung(kasus_hi, penyelesaian != "PB")').toString(), '5');
    assert.equal(value('jumlah(kasus_hi.pekerja, penyelesaian = "PB")').toString(), '182');
  });

  void it('per quarter only sees the rows dated in that quarter', () => {
    const q = (triwulan: 1 | 2 | 3 | 4, kumulatif = false) => context({ tahun: 2023, triwulan, kumulatif });
    assert.deepEqual(
      ([1, 2, 3, 4] as const).map((t) => value(IKU2, q(t)).toString()),
      ['75', '50', '100', '40'],
    );
    assert.deepEqual(rowIds(run(IKU2, q(4)).trace, 'hitung(kasus_hi)'), ['hi-09', 'hi-10', 'hi-11', 'hi-12', 'hi-13']);
    // Year to date up to the second quarter: 4 PB of 6 cases; up to the fourth, the whole year.
    assert.equal(value(IKU2, q(2, true)).toString(), '200/3');
    assert.equal(value(IKU2, q(4, true)).toString(), '800/13');
  });

  void it('another year has no cases, so the ratio cannot be computed', () => {
    const { nilai, trace } = run(IKU2, context({ tahun: 2024 }));
    assert.match(reason(nilai), /pembagian dengan nol: hitung\(kasus_hi\) bernilai 0/);
    assert.deepEqual(
      trace.map((t) => [t.formula, t.rowIds.length]),
      [
        [PB, 0],
        ['hitung(kasus_hi)', 0],
      ],
    );
  });

  void it('renders for the report', () => {
    assert.equal(explain(ast(IKU2)), 'hitung(kasus_hi, penyelesaian = "PB") / hitung(kasus_hi) × 100');
    assert.equal(explain(ast('COUNT(kasus_hi, penyelesaian IN ("PB", "Anjuran")) * 0.5')), 'hitung(kasus_hi, penyelesaian dalam ("PB", "Anjuran")) × 0,5');
  });
});

void describe('IKU 1 of the seed: tenaga kerja bersertifikat yang ditempatkan', () => {
  const quarter = (triwulan: 1 | 2 | 3 | 4, kumulatif = false): Rational => value(IKU1, context({ tahun: 2023, triwulan, kumulatif }));

  void it('gives 0, 0, 18/27 and 22/58 per quarter and the published 26,15 as their mean', () => {
    const values = ([1, 2, 3, 4] as const).map((q) => quarter(q));
    assert.deepEqual(
      values.map((v) => v.toFixed(2)),
      ['0.00', '0.00', '66.67', '37.93'],
    );
    assert.ok(values[2]?.equals(Rational.of(1800n, 27n)));
    assert.ok(values[3]?.equals(Rational.of(2200n, 58n)));
    // The indicator aggregates as the mean of the quarterly ratios (docs/calculation.md).
    assert.equal(mean(values).toFixed(2), '26.15');
  });

  void it('recomputed over the year to date it is a single ratio instead: 40/85', () => {
    assert.ok(quarter(4, true).equals(Rational.of(4000n, 85n)));
  });

  void it('traces the placements it counted', () => {
    const { trace } = run(IKU1, context({ tahun: 2023, triwulan: 4 }));
    assert.deepEqual(rowIds(trace, 'jumlah(penempatan.jumlah_orang, bersertifikat)'), ['pn-4', 'pn-6']);
    assert.deepEqual(rowIds(trace, 'jumlah(sertifikasi.jumlah_kompeten)'), ['sk-3', 'sk-4']);
  });

  void it('without jika, a quarter with no certificates cannot be computed', () => {
    const { nilai } = run('jumlah(penempatan.jumlah_orang, bersertifikat) / jumlah(sertifikasi.jumlah_kompeten) * 100', context({ tahun: 2023, triwulan: 1 }));
    assert.match(reason(nilai), /pembagian dengan nol/);
  });
});

void describe('functions', () => {
  void it('bulat rounds exact halves away from zero', () => {
    assert.equal(value('bulat(2.675, 2)').toFixed(3), '2.680');
    assert.equal(value('bulat(-1.005, 2)').toFixed(3), '-1.010');
    assert.equal(value('bulat(442.62 / 4, 2)').toFixed(2), '110.66');
    assert.equal(value('round(2.5)').toString(), '3');
    assert.equal(value('bulat(-2.5)').toString(), '-3');
    // Exact decimals: no binary floating point anywhere.
    assert.equal(value('jika(0.1 + 0.2 = 0.3, 1, 0)').toString(), '1');
  });

  void it('min, maks and abs', () => {
    assert.equal(value('min(3, 1.5, 2)').toString(), '3/2');
    assert.equal(value('maks(3, 1.5, 2)').toString(), '3');
    assert.equal(value('MAX(-1, -2)').toString(), '-1');
    assert.equal(value('min(7)').toString(), '7');
    assert.equal(value('abs(-26.15)').toFixed(2), '26.15');
    assert.equal(value('min(100, jumlah_selesai / jumlah_terdaftar * 100)', context({ tahun: 2023 }, { jumlah_selesai: 9, jumlah_terdaftar: 8 })).toString(), '100');
  });

  void it('jika evaluates only the branch it takes', () => {
    const ctx = context({ tahun: 2023 }, { jumlah_selesai: 5, jumlah_terdaftar: 0 });
    assert.equal(value('jika(jumlah_terdaftar = 0, 0, jumlah_selesai / jumlah_terdaftar)', ctx).toString(), '0');
    assert.equal(value('if(jumlah_terdaftar > 0 and jumlah_selesai / jumlah_terdaftar > 1, 1, 2)', ctx).toString(), '2');
    assert.equal(value('jika(benar, 1, target)', ctx).toString(), '1');
  });

  void it('logic: dan, atau, tidak and their English spellings', () => {
    assert.equal(value('jika(1 < 2 dan tidak 2 < 1, 1, 0)').toString(), '1');
    assert.equal(value('jika(1 > 2 OR NOT salah, 1, 0)').toString(), '1');
    assert.equal(value('jika(tidak (1 = 1) atau 1 != 1, 1, 0)').toString(), '0');
    assert.equal(value('jika(disetujui, 1, 0)', context({ tahun: 2023 }, { disetujui: true })).toString(), '1');
    assert.equal(value('jika(catatan = "ok", 1, 0)', context({ tahun: 2023 }, { catatan: 'ok' })).toString(), '1');
  });

  void it('typographic operators are read as their ASCII ones', () => {
    assert.equal(value('6 × 7 ÷ 2').toString(), '21');
    assert.equal(value('jika(1 ≤ 2 dan 2 ≥ 2 dan 1 ≠ 2 dan 1 <> 2 dan 1 == 1, 1, 0)').toString(), '1');
  });
});

void describe('register conditions', () => {
  void it('membership with dalam / in', () => {
    assert.equal(value('hitung(kasus_hi, penyelesaian dalam ("Anjuran", "Pengawas"))').toString(), '4');
    assert.equal(value('hitung(kasus_hi, tidak penyelesaian in ("PB"))').toString(), '5');
    assert.equal(value('hitung(kasus_hi, pekerja dalam (1, 2))').toString(), '10');
  });

  void it('dates compare with ISO date literals', () => {
    assert.equal(value('hitung(kasus_hi, tanggal >= "2023-07-01" dan tanggal <= "2023-09-30")').toString(), '2');
  });

  void it('unik counts distinct values the way a person would', () => {
    assert.equal(value('unik(kasus_hi.perusahaan)').toString(), '12');
    // "Siti Aminah" and "  siti  AMINAH " are one person; +62 812… and 0812… one phone number.
    assert.equal(value('unik(peserta_pelatihan.nama)').toString(), '3');
    assert.equal(value('unik(peserta_pelatihan.telepon, telepon terisi)').toString(), '2');
    assert.equal(value('distinct(peserta_pelatihan.kejuruan)').toString(), '3');
  });

  void it('registers placed in time by month and year columns, and standing lists', () => {
    assert.equal(value('hitung(peserta_pelatihan)').toString(), '4');
    assert.equal(value('hitung(peserta_pelatihan, lulus)', context({ tahun: 2023, triwulan: 1 })).toString(), '2');
    assert.equal(value('hitung(peserta_pelatihan)', context({ tahun: 2023, triwulan: 2 })).toString(), '2');
    assert.equal(value('hitung(peserta_pelatihan)', context({ tahun: 2022 })).toString(), '1');
    // IKU 4's shape: a share of all registered companies, the same in every period.
    for (const period of [{ tahun: 2023 }, { tahun: 2019, triwulan: 3 }] satisfies Periode[]) {
      assert.equal(value('hitung(perusahaan, layak) / hitung(perusahaan) * 100', context(period)).toString(), '15');
    }
  });
});

void describe('empty cells and missing values', () => {
  const pending = context({ tahun: 2023 }, {}, {
    kasus_hi: [
      ...KASUS_HI,
      { id: 'hi-14', values: { tanggal: '2023-12-28', perusahaan: 'PT. Baru', pekerja: null, penyelesaian: null } },
      { id: 'hi-15', values: { tanggal: '2023-12-29', perusahaan: 'PT. Lain', penyelesaian: '' } },
    ],
  });

  void it('kosong and terisi test cells', () => {
    assert.equal(value('hitung(kasus_hi, penyelesaian kosong)', pending).toString(), '2');
    assert.equal(value('hitung(kasus_hi, penyelesaian terisi)', pending).toString(), '13');
    assert.equal(value('hitung(kasus_hi, pekerja kosong)', pending).toString(), '2');
  });

  void it('an empty cell equals nothing and is neither less nor greater', () => {
    assert.equal(value('hitung(kasus_hi, penyelesaian = "PB")', pending).toString(), '8');
    assert.equal(value('hitung(kasus_hi, penyelesaian != "PB")', pending).toString(), '7');
    assert.equal(value('hitung(kasus_hi, pekerja < 1000)', pending).toString(), '13');
    assert.equal(value('hitung(kasus_hi, penyelesaian dalam ("PB", "Anjuran"))', pending).toString(), '11');
  });

  void it('summing an empty cell stops with the row named, unless the formula filters it out', () => {
    const { nilai, trace } = run('jumlah(kasus_hi.pekerja)', pending);
    assert.match(reason(nilai), /register kasus_hi baris "hi-14": kolom pekerja kosong; saring dengan "pekerja terisi"/);
    assert.equal(trace[0]?.nilai.status, 'tidak-dapat-dihitung');
    assert.equal(value('jumlah(kasus_hi.pekerja, pekerja terisi)', pending).toString(), '190');
    assert.match(reason(run('hitung(kasus_hi, pekerja + 1 > 1)', pending).nilai), /baris "hi-14": pekerja kosong/);
  });

  void it('a value with no value is belum-diisi, and that propagates', () => {
    assert.deepEqual(run('jumlah_selesai / jumlah_terdaftar * 100').nilai, { status: 'belum-diisi' });
    assert.deepEqual(run('jumlah_selesai + 1', context({ tahun: 2023 }, { jumlah_selesai: null })).nilai, { status: 'belum-diisi' });
    assert.deepEqual(run('maks(1, target)').nilai, { status: 'belum-diisi' });
    assert.equal(value('jika(target kosong, 0, target)').toString(), '0');
    assert.equal(value('jika(target terisi, target, 0)', context({ tahun: 2023 }, { target: '26.15' })).toFixed(2), '26.15');
  });

  void it('a value given as a Nilai passes through', () => {
    const ctx = context({ tahun: 2023 }, { target: tidakDapatDihitung('target nol'), jumlah_selesai: ada(Rational.of(1n, 3n)) });
    assert.deepEqual(run('target * 2', ctx).nilai, tidakDapatDihitung('target nol'));
    assert.equal(value('jumlah_selesai * 3', ctx).toString(), '1');
  });

  void it('division by zero is tidak-dapat-dihitung, never Infinity', () => {
    const ctx = context({ tahun: 2023 }, { jumlah_selesai: 3, jumlah_terdaftar: 0 });
    assert.match(reason(run('jumlah_selesai / jumlah_terdaftar * 100', ctx).nilai), /pembagian dengan nol: jumlah_terdaftar bernilai 0/);
    assert.match(reason(run('1 / (target - target)', context({ tahun: 2023 }, { target: 5 })).nilai), /pembagian dengan nol/);
  });
});

void describe('data that cannot be used', () => {
  void it('a row without a readable date stops the aggregate, naming the row', () => {
    const ctx = context({ tahun: 2023 }, {}, { kasus_hi: [...KASUS_HI, { id: 'hi-x', values: { tanggal: '31/12/2023', penyelesaian: 'PB' } }] });
    assert.match(reason(run(IKU2, ctx).nilai), /register kasus_hi baris "hi-x": tanggal tidak sah "31\/12\/2023"/);
    const noDate = context({ tahun: 2023 }, {}, { kasus_hi: [{ id: 'hi-y', values: { penyelesaian: 'PB' } }] });
    assert.match(reason(run(IKU2, noDate).nilai), /baris "hi-y": tanggal \(tanggal\) kosong/);
  });

  void it('a register that was not supplied is not an empty one', () => {
    const ctx: EvaluationContext = { schema: SCHEMA, period: { tahun: 2023 }, registers: {} };
    assert.match(reason(run(IKU2, ctx).nilai), /data register kasus_hi tidak tersedia/);
    assert.deepEqual(run('hitung(kasus_hi)', context({ tahun: 2023 }, {}, { kasus_hi: [] })).nilai, ada(Rational.ZERO));
  });

  void it('a cell of the wrong type stops the computation', () => {
    const ctx = context({ tahun: 2023 }, {}, { penempatan: [{ id: 'pn-z', values: { tanggal: '2023-01-02', jumlah_orang: 'sepuluh', bersertifikat: true } }] });
    assert.match(reason(run('jumlah(penempatan.jumlah_orang)', ctx).nilai), /baris "pn-z": kolom jumlah_orang tidak sah untuk tipe angka: "sepuluh"/);
    const numText = context({ tahun: 2023 }, {}, { penempatan: [{ id: 'pn-t', values: { tanggal: '2023-01-02', jumlah_orang: '12.5', bersertifikat: true } }] });
    assert.equal(value('jumlah(penempatan.jumlah_orang)', numText).toString(), '25/2');
  });

  void it('an invalid period is reported', () => {
    const ctx = context({ tahun: 2023, triwulan: 5 as 1 });
    assert.match(reason(run(IKU2, ctx).nilai), /periode tidak sah: triwulan 5/);
  });

  void it('unchecked formulas fail with a reason instead of throwing', () => {
    const cases: [string, RegExp][] = [
      ['tidak_ada + 1', /nama "tidak_ada" tidak dikenal/],
      ['"a" + 1', /operator "\+" memerlukan angka/],
      ['1 = 1', /rumus menghasilkan ya\/tidak, bukan angka/],
      ['bulat(1, 2, 3)', /bulat\(\) menerima 1–2 argumen, diberikan 3/],
      ['bulat(1, 0.5)', /banyak desimal bulat\(\) harus bilangan bulat/],
      ['bulat(1, 99999999999)', /banyak desimal/],
      ['hitung(tidak_ada)', /register "tidak_ada" tidak dikenal/],
      ['hitung(kasus_hi, hitung(kasus_hi) > 1)', /tidak dapat dipakai di dalam kondisi/],
      ['jumlah(kasus_hi.perusahaan)', /jumlah\(\) hanya untuk kolom angka/],
      ['hitung(kasus_hi, penyelesaian < "PB")', /hanya dapat dibandingkan dengan = atau !=/],
      ['hitung(kasus_hi, pekerja = "satu")', /tidak dapat membandingkan angka dengan teks/],
      ['hitung(kasus_hi, tanggal > "kemarin")', /tanggal ditulis "YYYY-MM-DD"/],
      ['hitung(kasus_hi, pekerja)', /kondisi hitung\(\) memerlukan ya\/tidak/],
      ['jika(1, 2, 3)', /syarat jika\(\) memerlukan ya\/tidak/],
    ];
    for (const [source, expected] of cases) assert.match(reason(evaluate(ast(source), context({ tahun: 2023 })).nilai), expected, source);
  });
});
