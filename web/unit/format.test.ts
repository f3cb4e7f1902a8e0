import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { angkaUntukInput, denganSatuan, formatAngka, formatPersen, formatRupiah, formatTanggal, parseAngka } from '../src/format.ts';
import { periksaIsian } from '../src/validate.ts';

// Intl output uses U+00A0 between "Rp" and the amount.
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('id-ID formats', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    assert.equal(formatAngka(1234567.891), '1.234.567,89');
    assert.equal(formatAngka(26.15), '26,15');
    assert.equal(formatAngka(null), '–');
    assert.equal(formatPersen(87.17), '87,17%');
    assert.equal(formatPersen(100), '100,00%');
    assert.equal(nbsp(formatRupiah(18820531793)), 'Rp 18.820.531.793');
  });

  it('puts the unit after the number, a percent sign without a space', () => {
    assert.equal(denganSatuan(66.6666, '%'), '66,67%');
    assert.equal(denganSatuan(1250, 'Perusahaan'), '1.250 Perusahaan');
    assert.equal(denganSatuan(null, '%'), '–');
  });

  it('writes dates as "31 Januari 2024"', () => {
    assert.equal(formatTanggal('2024-01-31T12:00:00'), '31 Januari 2024');
  });
});

describe('parseAngka', () => {
  const cases: Array<[string, number | null]> = [
    ['', null],
    ['  ', null],
    ['18', 18],
    ['26,15', 26.15],
    ['1.234', 1234],
    ['1.234.567,89', 1234567.89],
    ['1234,5', 1234.5],
    ['26.15', 26.15],
    ['0,5', 0.5],
    [',5', 0.5],
    ['-3', -3],
    ['-1.000,25', -1000.25],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}" → ${String(expected)}`, () => assert.equal(parseAngka(input), expected));
  }
  for (const bad of ['abc', '1,2,3', '12.34.5', '1.23,4', '1e5', '--1']) {
    it(`"${bad}" is not a number`, () => assert.ok(Number.isNaN(parseAngka(bad))));
  }
  it('round-trips what the form puts back into an input', () => {
    for (const n of [0, 18, 26.15, 1234.5, 1234567.25]) assert.equal(parseAngka(angkaUntukInput(n)), n);
  });
});

describe('periksaIsian', () => {
  const persen = { satuan: '%', formula: { teks: 'a / b x 100', pembilang: 'Tenaga kerja ditempatkan', penyebut: 'Tenaga kerja dilatih', pengali: 100 } };
  const isi = (o: Partial<Record<'nilai' | 'pembilang' | 'penyebut' | 'keterangan', string>>) => ({ nilai: '', pembilang: '', penyebut: '', keterangan: '', ...o });

  it('computes pembilang / penyebut × pengali', () => {
    const h = periksaIsian(persen, isi({ pembilang: '18', penyebut: '27' }));
    assert.deepEqual(h.masalah, []);
    assert.ok(Math.abs((h.hasil ?? 0) - 66.6667) < 1e-3);
    assert.equal(h.lengkap, true);
  });

  it('rejects a numerator above the denominator for a percentage', () => {
    const h = periksaIsian(persen, isi({ pembilang: '30', penyebut: '27' }));
    assert.deepEqual(
      h.masalah.map((m) => m.kode),
      ['pembilang-melebihi-penyebut'],
    );
    assert.equal(h.lengkap, false);
  });

  it('rejects negatives, zero denominators and text', () => {
    assert.deepEqual(
      periksaIsian(persen, isi({ pembilang: '-1', penyebut: '0' })).masalah.map((m) => m.kode),
      ['negatif', 'penyebut-nol'],
    );
    assert.deepEqual(
      periksaIsian({ satuan: 'orang', formula: null }, isi({ nilai: 'dua' })).masalah.map((m) => m.kode),
      ['bukan-angka'],
    );
  });

  it('only warns about a plain percentage above 100', () => {
    const h = periksaIsian({ satuan: '%', formula: null }, isi({ nilai: '120' }));
    assert.equal(h.masalah[0]?.kode, 'melebihi-100');
    assert.equal(h.masalah[0]?.peringatan, true);
    assert.equal(h.lengkap, true);
  });

  it('an empty field is incomplete but not wrong', () => {
    const h = periksaIsian(persen, isi({ pembilang: '5' }));
    assert.deepEqual(h.masalah, []);
    assert.equal(h.lengkap, false);
  });
});
