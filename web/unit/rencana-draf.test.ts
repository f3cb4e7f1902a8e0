import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bacaTarget, formatRupiahTeks, parseRupiah } from '../src/rencana-draf.ts';

describe('plan editor input', () => {
  it('reads whole rupiah exactly, beyond the range of a double', () => {
    assert.equal(parseRupiah('1.234.567'), '1234567');
    assert.equal(parseRupiah('Rp 18.820.531.793'), '18820531793');
    assert.equal(parseRupiah('155565000'), '155565000');
    assert.equal(parseRupiah('1.234.567,00'), '1234567');
    assert.equal(parseRupiah('  '), null);
    // 2^53 + 1 cannot be held by a JS number; the digits come through untouched.
    assert.equal(parseRupiah('9.007.199.254.740.993'), '9007199254740993');
  });

  it('refuses decimals, bad grouping and text', () => {
    for (const s of ['1.234,5', '12.34', '1,5', 'seratus', '-5', '1.2345']) assert.equal(parseRupiah(s), undefined, s);
  });

  it('groups rupiah digits with dots without converting them', () => {
    assert.equal(formatRupiahTeks('9007199254740993'), '9.007.199.254.740.993');
    assert.equal(formatRupiahTeks('155565000'), '155.565.000');
    assert.equal(formatRupiahTeks('999'), '999');
    assert.equal(formatRupiahTeks(null), '');
  });

  it('reads planned values the Indonesian way and says why not', () => {
    assert.deepEqual(bacaTarget('12,5'), { ok: true, nilai: 12.5 });
    assert.deepEqual(bacaTarget('1.234'), { ok: true, nilai: 1234 });
    assert.deepEqual(bacaTarget(''), { ok: true, nilai: null });
    assert.deepEqual(bacaTarget('abc'), { ok: false, kode: 'bukanAngka' });
    assert.deepEqual(bacaTarget('-3'), { ok: false, kode: 'negatif' });
  });
});
