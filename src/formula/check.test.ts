import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, parse, type CheckResult, type FormulaSchema } from './index.ts';
import { SCHEMA } from './testing.ts';

function checked(source: string, schema: FormulaSchema = SCHEMA): CheckResult {
  const r = parse(source);
  if (!r.ok) assert.fail(r.error.message);
  return check(r.ast, schema);
}

/** [position, message] of every error, in source order. */
function errors(source: string, schema?: FormulaSchema): [number, string][] {
  return checked(source, schema).errors.map((e) => [e.position, e.message]);
}

void describe('check: formulas that fit the schema', () => {
  void it('accepts the seed indicators and lists the data they read', () => {
    const iku2 = checked('hitung(kasus_hi, penyelesaian = "PB") / hitung(kasus_hi) * 100');
    assert.deepEqual(iku2, { ok: true, errors: [], uses: { values: [], registers: ['kasus_hi'] } });
    const ratio = checked('jika(jumlah_terdaftar = 0, 0, bulat(jumlah_selesai / jumlah_terdaftar * 100, 2))');
    assert.deepEqual(ratio.uses, { values: ['jumlah_selesai', 'jumlah_terdaftar'], registers: [] });
    for (const source of [
      'jumlah(penempatan.jumlah_orang, bersertifikat dan tanggal >= "2023-07-01") / jumlah(sertifikasi.jumlah_kompeten) * 100',
      'unik(peserta_pelatihan.nama, lulus dan kejuruan dalam ("Las", "Menjahit") dan telepon terisi)',
      'hitung(perusahaan, layak) / hitung(perusahaan) * 100',
      'jika(target kosong atau catatan = "batal" atau tidak disetujui, 0, min(target, 100))',
      'hitung(kasus_hi, penyelesaian != "PB" dan pekerja * 2 > 1 dan perusahaan terisi)',
    ]) {
      assert.deepEqual(checked(source).errors, [], source);
    }
  });
});

void describe('check: unknown names and columns', () => {
  void it('unknown value names, with a suggestion when one is close', () => {
    assert.deepEqual(errors('jumlah_terdaftr + tidak_ada'), [
      [0, 'kolom 1: nama "jumlah_terdaftr" tidak dikenal; maksudnya "jumlah_terdaftar"?'],
      [18, 'kolom 19: nama "tidak_ada" tidak dikenal'],
    ]);
  });

  void it('registers and columns used where a value is expected', () => {
    assert.deepEqual(errors('kasus_hi * 2'), [[0, 'kolom 1: kasus_hi adalah register, bukan nilai; pakai hitung(kasus_hi) untuk banyaknya baris']]);
    assert.deepEqual(errors('penempatan.jumlah_orang'), [
      [0, 'kolom 1: kolom register hanya dapat dipakai di dalam jumlah(), unik() atau kondisi agregat, mis. jumlah(penempatan.jumlah_orang)'],
    ]);
  });

  void it('unknown registers and columns', () => {
    assert.deepEqual(errors('hitung(kasus_h)'), [[7, 'kolom 8: register "kasus_h" tidak dikenal; maksudnya "kasus_hi"?']]);
    assert.deepEqual(errors('jumlah(penempatan.jumlah)'), [[7, 'kolom 8: kolom "jumlah" tidak ada di register penempatan']]);
    assert.deepEqual(errors('hitung(kasus_hi, penyelesain = "PB")'), [
      [17, 'kolom 18: kolom "penyelesain" tidak ada di register kasus_hi; maksudnya "penyelesaian"?'],
    ]);
  });

  void it('inside a condition only the register\'s own columns are in scope', () => {
    assert.deepEqual(errors('hitung(kasus_hi, target > 1)'), [
      [17, 'kolom 18: "target" adalah nilai, bukan kolom; di dalam kondisi hanya kolom register kasus_hi yang dapat dipakai'],
    ]);
    assert.deepEqual(errors('hitung(kasus_hi, kasus_hi.penyelesaian = "PB")'), [[17, 'kolom 18: di dalam kondisi kolom ditulis tanpa nama register: penyelesaian']]);
    assert.deepEqual(errors('hitung(kasus_hi, hitung(kasus_hi) > 1)'), [[17, 'kolom 18: agregat hitung() tidak dapat dipakai di dalam kondisi agregat lain']]);
  });

  void it('names of Object.prototype are not names in the schema', () => {
    assert.deepEqual(errors('constructor + hitung(toString)'), [
      [0, 'kolom 1: nama "constructor" tidak dikenal'],
      [21, 'kolom 22: register "toString" tidak dikenal'],
    ]);
  });

  void it('a register whose period column is declared wrongly', () => {
    const broken: FormulaSchema = {
      values: {},
      registers: {
        r: { period: { kind: 'tanggal', column: 'tgl' }, columns: { tanggal: { type: 'tanggal' } } },
        s: { period: { kind: 'bulan-tahun', month: 'bulan', year: 'tahun' }, columns: { bulan: { type: 'teks' } } },
      },
    };
    assert.deepEqual(errors('hitung(r) + hitung(s)', broken), [
      [7, 'kolom 8: register r: kolom periode "tgl" tidak ada'],
      [19, 'kolom 20: register s: kolom bulan "bulan" harus bertipe angka, bukan teks'],
      [19, 'kolom 20: register s: kolom tahun "tahun" tidak ada'],
    ]);
  });
});

void describe('check: types', () => {
  void it('comparing a number column with a string, and ordering text', () => {
    assert.deepEqual(errors('hitung(kasus_hi, pekerja = "satu")'), [[17, 'kolom 18: "=" tidak dapat membandingkan kolom pekerja (angka) dengan teks "satu"']]);
    assert.deepEqual(errors('hitung(kasus_hi, penyelesaian < "PB")'), [
      [17, 'kolom 18: "<" hanya untuk angka dan tanggal; kolom penyelesaian (teks) hanya dapat dibandingkan dengan = atau !='],
    ]);
    assert.deepEqual(errors('jika(catatan > 1, 1, 0)'), [[5, 'kolom 6: ">" tidak dapat membandingkan nilai catatan (teks) dengan angka 1']]);
  });

  void it('a text that is not one of the choices of a pilihan column', () => {
    assert.deepEqual(errors('hitung(kasus_hi, penyelesaian dalam ("PB", "Mediasi", 3))'), [
      [43, 'kolom 44: "Mediasi" bukan pilihan kolom penyelesaian; pilihan yang ada: "PB", "Anjuran", "Pengawas", "Bipartit"'],
      [54, 'kolom 55: "dalam" tidak dapat membandingkan kolom penyelesaian (teks) dengan angka 3'],
    ]);
    assert.deepEqual(errors('hitung(kasus_hi, "pb" = penyelesaian)'), [
      [17, 'kolom 18: "pb" bukan pilihan kolom penyelesaian; pilihan yang ada: "PB", "Anjuran", "Pengawas", "Bipartit"'],
    ]);
  });

  void it('dates compare with dates written YYYY-MM-DD', () => {
    assert.deepEqual(errors('hitung(kasus_hi, tanggal > "1 Juli 2023")'), [[27, 'kolom 28: tanggal ditulis "YYYY-MM-DD" (mis. "2023-07-01"), ditemukan "1 Juli 2023"']]);
    assert.deepEqual(errors('hitung(kasus_hi, tanggal > "2023-02-30")'), [[27, 'kolom 28: tanggal ditulis "YYYY-MM-DD" (mis. "2023-07-01"), ditemukan "2023-02-30"']]);
    assert.deepEqual(errors('hitung(kasus_hi, tanggal > 2023)'), [[17, 'kolom 18: ">" tidak dapat membandingkan kolom tanggal (tanggal) dengan angka 2023']]);
  });

  void it('summing a text column', () => {
    assert.deepEqual(errors('jumlah(kasus_hi.perusahaan)'), [[7, 'kolom 8: jumlah() hanya untuk kolom angka; kolom perusahaan bertipe teks (pakai hitung() atau unik())']]);
  });

  void it('arithmetic and logic on the wrong types', () => {
    assert.deepEqual(errors('"a" + 1'), [[0, 'kolom 1: operator "+" memerlukan angka, ditemukan teks']]);
    assert.deepEqual(errors('-catatan'), [[1, 'kolom 2: tanda minus memerlukan angka, ditemukan teks']]);
    assert.deepEqual(errors('jika(disetujui dan 1, 1, 0)'), [[19, 'kolom 20: "dan" memerlukan ya/tidak (logika), ditemukan angka']]);
    assert.deepEqual(errors('jika(tidak target, 1, 0)'), [[11, 'kolom 12: "tidak" memerlukan ya/tidak (logika), ditemukan angka']]);
    assert.deepEqual(errors('jika(1, 2, 3)'), [[5, 'kolom 6: syarat jika() memerlukan ya/tidak (logika), ditemukan angka']]);
    assert.deepEqual(errors('jika(benar, 1, "x")'), [[0, 'kolom 1: kedua cabang jika() harus bertipe sama, ditemukan angka dan teks']]);
    assert.deepEqual(errors('hitung(kasus_hi, pekerja)'), [[17, 'kolom 18: kondisi hitung() memerlukan ya/tidak (logika), ditemukan angka']]);
    assert.deepEqual(errors('min(1, catatan)'), [[7, 'kolom 8: min() memerlukan angka, ditemukan teks']]);
  });

  void it('a formula must compute a number', () => {
    assert.deepEqual(errors('1 = 1'), [[0, 'kolom 1: rumus harus menghasilkan angka, ditemukan ya/tidak (logika)']]);
    assert.deepEqual(errors('catatan'), [[0, 'kolom 1: rumus harus menghasilkan angka, ditemukan teks']]);
  });

  void it('one mistake gives one error, not a cascade', () => {
    assert.deepEqual(errors('tidak_ada * 2 / bulat(tidak_ada + 1, 2) > 1 dan benar'), [
      [0, 'kolom 1: nama "tidak_ada" tidak dikenal'],
      [0, 'kolom 1: rumus harus menghasilkan angka, ditemukan ya/tidak (logika)'],
      [22, 'kolom 23: nama "tidak_ada" tidak dikenal'],
    ]);
  });
});

void describe('check: functions', () => {
  void it('wrong argument counts', () => {
    assert.deepEqual(errors('bulat(1, 2, 3)'), [[0, 'kolom 1: bulat() menerima 1 atau 2 argumen, diberikan 3']]);
    assert.deepEqual(errors('jika(benar, 1)'), [[0, 'kolom 1: jika() menerima 3 argumen, diberikan 2']]);
    assert.deepEqual(errors('min()'), [[0, 'kolom 1: min() menerima paling sedikit 1 argumen, diberikan 0']]);
    assert.deepEqual(errors('1 + abs(1, 2)'), [[4, 'kolom 5: abs() menerima 1 argumen, diberikan 2']]);
  });

  void it('decimals of bulat and division by a literal zero', () => {
    assert.deepEqual(errors('bulat(1, 11) + bulat(1, 1.5) + bulat(1, 10)'), [
      [9, 'kolom 10: banyak desimal bulat() harus bilangan bulat 0 sampai 10'],
      [24, 'kolom 25: banyak desimal bulat() harus bilangan bulat 0 sampai 10'],
    ]);
    assert.deepEqual(errors('target / 0.00'), [[9, 'kolom 10: pembagian dengan nol']]);
  });

  void it('locates errors by line in a multi-line formula', () => {
    const r = checked('jumlah_selesai\n  / tidak_ada\n  * 100');
    assert.deepEqual(
      r.errors.map((e) => [e.line, e.column, e.message]),
      [[2, 5, 'baris 2, kolom 5: nama "tidak_ada" tidak dikenal']],
    );
  });
});
