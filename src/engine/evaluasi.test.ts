import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rational } from './decimal.ts';
import { hitungLke, type IsianLke, predikatSakip } from './evaluasi.ts';

const rata = (x: number | string): IsianLke => {
  const s = { pemenuhan: x, kualitas: x, implementasi: x };
  return { perencanaan: s, pengukuran: s, pelaporan: s, evaluasi: s };
};

describe('SAKIP evaluation (LKE)', () => {
  it('grades at the boundaries: a bound belongs to the lower grade, anything above it to the higher', () => {
    const cases: Array<[string, string]> = [
      ['100', 'AA'],
      ['90.01', 'AA'],
      ['90', 'A'],
      ['80.01', 'A'],
      ['80', 'BB'],
      ['70.01', 'BB'],
      ['70', 'B'],
      ['60.01', 'B'],
      ['60', 'CC'],
      ['50.01', 'CC'],
      ['50', 'C'],
      ['30.01', 'C'],
      ['30', 'D'],
      ['0', 'D'],
    ];
    for (const [total, grade] of cases) {
      assert.equal(predikatSakip(Rational.from(total)), grade, `total ${total}`);
      // The same total reached through the component formula (every share equal to the total).
      const h = hitungLke(rata(total));
      assert.ok(h.total.equals(Rational.from(total)), `${total}: ${h.total.toString()}`);
      assert.equal(h.predikat, grade, `hitungLke ${total}`);
    }
  });

  it('is exact: a hair above 80 is A, not rounded down to BB', () => {
    assert.equal(predikatSakip(Rational.of(8000001n, 100000n)), 'A');
    assert.equal(predikatSakip(Rational.of(7999999n, 100000n)), 'BB');
  });

  it('weights components 30/30/15/25 and sub-components 20/30/50', () => {
    const h = hitungLke({
      perencanaan: { pemenuhan: 100, kualitas: 50, implementasi: 40 }, // 30 × (0,2 + 0,15 + 0,2) = 16,5
      pengukuran: { pemenuhan: 0, kualitas: 0, implementasi: 0 }, // 0
      pelaporan: { pemenuhan: 100, kualitas: 100, implementasi: 100 }, // 15
      evaluasi: { pemenuhan: 50, kualitas: 0, implementasi: 0 }, // 25 × 0,1 = 2,5
    });
    assert.deepEqual(
      h.komponen.map((k) => [k.kode, k.bobot, k.nilai.toFixed(2)]),
      [
        ['perencanaan', 30, '16.50'],
        ['pengukuran', 30, '0.00'],
        ['pelaporan', 15, '15.00'],
        ['evaluasi', 25, '2.50'],
      ],
    );
    assert.equal(h.komponen[0]?.sub.pemenuhan.toFixed(2), '6.00');
    assert.equal(h.komponen[0]?.sub.kualitas.toFixed(2), '4.50');
    assert.equal(h.komponen[0]?.sub.implementasi.toFixed(2), '6.00');
    assert.equal(h.total.toFixed(2), '34.00');
    assert.equal(h.predikat, 'C');
  });

  it('refuses shares outside 0..100, naming the sub-component', () => {
    assert.throws(() => hitungLke({ ...rata(50), pelaporan: { pemenuhan: 50, kualitas: 100.5, implementasi: 50 } }), /pelaporan\.kualitas/);
    assert.throws(() => hitungLke({ ...rata(50), evaluasi: { pemenuhan: -1, kualitas: 0, implementasi: 0 } }), /evaluasi\.pemenuhan/);
  });
});
