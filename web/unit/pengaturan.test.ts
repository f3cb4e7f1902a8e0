import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { capaianNegatif, parseRupiah, periksaBands, pilihTahunAwal } from '../src/bantu-pengaturan.ts';

describe('year a page opens on', () => {
  it('the latest year with data, not the calendar year', () => {
    assert.equal(pilihTahunAwal([2023, 2022], undefined, 2026), 2023);
  });
  it('the last chosen year when the OPD has data for it', () => {
    assert.equal(pilihTahunAwal([2023, 2022], 2022, 2026), 2022);
    assert.equal(pilihTahunAwal([2023, 2022], 2025, 2026), 2023);
  });
  it('the reported year when the OPD has no data yet', () => {
    assert.equal(pilihTahunAwal([], 2021, 2026), 2026);
  });
});

describe('rupiah input', () => {
  it('reads Indonesian grouping and refuses fractions and text', () => {
    assert.equal(parseRupiah('1.234.567'), 1234567);
    assert.equal(parseRupiah('250000'), 250000);
    assert.equal(parseRupiah('-5'), -5);
    assert.equal(parseRupiah('1.234,5'), undefined);
    assert.equal(parseRupiah('satu juta'), undefined);
    assert.equal(parseRupiah(''), undefined);
  });
});

describe('lower-is-better example', () => {
  it('follows each rule on target 5, actual 6', () => {
    assert.equal(capaianNegatif('selisih', 5, 6), 80);
    assert.ok(Math.abs((capaianNegatif('rasio-terbalik', 5, 6) ?? 0) - 250 / 3) < 1e-9);
    assert.equal(capaianNegatif('selisih', 5, 12), -40);
    assert.equal(capaianNegatif('selisih-min-nol', 5, 12), 0);
    assert.equal(capaianNegatif('rasio-terbalik', 5, 0), null);
  });
});

describe('scale bands', () => {
  const b = (min: string, label = 'x') => ({ min, label, warna: '' });
  it('accepts ordered bounds down to 0', () => {
    assert.deepEqual(periksaBands([b('85', 'A'), b('70', 'B'), b('0', 'C')]), [{}, {}, {}]);
  });
  it('names the band that breaks the order, a gap at the bottom, a missing label', () => {
    assert.deepEqual(periksaBands([b('70'), b('85'), b('0')])[1], { min: 'galatUrut' });
    assert.deepEqual(periksaBands([b('70'), b('10')])[1], { min: 'galatNol' });
    assert.deepEqual(periksaBands([b('70', ' '), b('0')])[0], { label: 'galatLabel' });
    assert.deepEqual(periksaBands([b('abc'), b('0')])[0], { min: 'galatAngka' });
  });
});
