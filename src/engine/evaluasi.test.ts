import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rational } from './decimal.ts';
import { hitungLke, hitungLkeKriteria, type IsianLke, type JawabanLke, periksaStrukturLke, predikatSakip, type StrukturLke } from './evaluasi.ts';

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

describe('SAKIP evaluation criterion by criterion', () => {
  /** One component of 100: a sub-component of `tetap` points answered in full, and one of the rest with `n` Y/T criteria. */
  const struktur = (tetap: number, n: number): StrukturLke => ({
    komponen: [
      {
        kode: '1',
        nama: 'Satu',
        bobot: 100,
        sub: [
          { kode: '1.a', nama: 'Tetap', bobot: tetap, kriteria: [{ kode: '1.a.1', teks: 'x', jenis: 'AE' }] },
          { kode: '1.b', nama: 'Sisa', bobot: 100 - tetap, kriteria: Array.from({ length: n }, (_, i) => ({ kode: `1.b.${i + 1}`, teks: 'y', jenis: 'YT' as const })) },
        ],
      },
    ],
  });

  it('grades computed totals at every boundary: the bound itself is the lower grade, one criterion more the higher', () => {
    const batas: Array<[number, string, string]> = [
      [90, 'A', 'AA'],
      [80, 'BB', 'A'],
      [70, 'B', 'BB'],
      [60, 'CC', 'B'],
      [50, 'C', 'CC'],
      [30, 'D', 'C'],
    ];
    for (const [b, bawah, atas] of batas) {
      // 1000 criteria share the remaining points: each Y adds (100 - b) / 1000.
      const s = struktur(b, 1000);
      const pas = hitungLkeKriteria(s, (k) => (k === '1.a.1' ? 'A' : k.startsWith('1.b.') ? 'T' : undefined));
      assert.equal(pas.total.toString(), String(b));
      assert.equal(pas.predikat, bawah, `exactly ${b}`);
      const lebih = hitungLkeKriteria(s, (k) => (k === '1.a.1' || k === '1.b.1' ? (k === '1.a.1' ? 'A' : 'Y') : k.startsWith('1.b.') ? 'T' : undefined));
      assert.ok(lebih.total.cmp(Rational.from(b)) > 0 && lebih.total.cmp(Rational.from(b + 0.1)) < 0, lebih.total.toString());
      assert.equal(lebih.predikat, atas, `just above ${b}`);
    }
  });

  it('scores a sub-component as its weight times the mean answer value; unanswered counts 0', () => {
    const s: StrukturLke = {
      komponen: [
        {
          kode: '1',
          nama: 'Satu',
          bobot: 100,
          sub: [{ kode: '1.a', nama: 'A', bobot: 100, kriteria: ['A', 'B', 'C', 'D', 'E', 'kosong'].map((_, i) => ({ kode: `1.a.${i + 1}`, teks: 't', jenis: 'AE' as const })) }],
        },
      ],
    };
    const jawab: Record<string, JawabanLke> = { '1.a.1': 'A', '1.a.2': 'B', '1.a.3': 'C', '1.a.4': 'D', '1.a.5': 'E' };
    const h = hitungLkeKriteria(s, (k) => jawab[k]);
    // (1 + 0.75 + 0.5 + 0.25 + 0 + 0) / 6 x 100 = 2.5 / 6 x 100 = 41.666…
    assert.ok(h.total.equals(Rational.of(125n, 3n)), h.total.toString());
    assert.equal(h.predikat, 'C');
    assert.equal(h.terjawab, 5);
    assert.equal(h.jumlah, 6);
    assert.throws(() => hitungLkeKriteria(s, () => 'Y'), /bukan pilihan A\/B\/C\/D\/E/);
  });

  it('finds weights that do not add up and codes used twice', () => {
    const s = struktur(90, 2);
    assert.deepEqual(periksaStrukturLke(s), []);
    const salah: StrukturLke = { komponen: [{ ...s.komponen[0]!, bobot: 99, sub: [...s.komponen[0]!.sub, { kode: '1.a', nama: 'dua', bobot: 0, kriteria: [] }] }] };
    assert.deepEqual(periksaStrukturLke(salah), [
      'bobot komponen berjumlah 99, harus 100',
      'bobot sub komponen 1 berjumlah 100, harus 99',
      'kode 1.a dipakai lebih dari sekali',
      'sub komponen 1.a tidak punya kriteria',
    ]);
  });
});
