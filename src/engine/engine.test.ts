import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  Rational,
  agregasi,
  ada,
  BELUM_DIISI,
  capaian,
  efisiensi,
  formatAngka,
  formatRupiah,
  formatTanggal,
  nilaiEntri,
  predikat,
  rataRata,
  realisasiTerbit,
  serapan,
  serapanGabungan,
  SKALA_EMPAT_TINGKAT,
  SKALA_LIMA_TINGKAT,
  toJson,
  type Nilai,
} from './index.ts';

const n = (x: number): Nilai => ada(Rational.from(x));
const shown = (v: Nilai, d = 2) => (v.status === 'ada' ? v.value.toFixed(d) : v.status);

describe('Rational', () => {
  it('reads decimals as written, not as binary doubles', () => {
    assert.equal(Rational.from(26.15).toString(), '523/20');
    assert.equal(Rational.from('0.1').add(Rational.from('0.2')).toString(), '3/10');
    assert.equal(Rational.from(1e21).toString(), '1000000000000000000000');
    assert.equal(Rational.from(-4.5e-3).toString(), '-9/2000');
  });
  it('rounds exact halves away from zero', () => {
    // 442.62 / 4 = 110.655 exactly; a double says 110.65499999999999.
    assert.equal(Rational.from(442.62).div(Rational.from(4)).toFixed(2), '110.66');
    assert.equal(Rational.from(-11.465).toFixed(2), '-11.47');
    assert.equal(Rational.from(136.375).toFixed(2), '136.38');
    assert.equal(Rational.from(0.004).toFixed(2), '0.00');
  });
  it('property: round(d) is within half a unit of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 4 }), (a, b, d) => {
        const x = Rational.of(BigInt(a), BigInt(b));
        const diff = x.round(d).sub(x);
        const half = Rational.of(1n, 2n * 10n ** BigInt(d));
        const abs = diff.isNegative() ? diff.neg() : diff;
        return abs.cmp(half) <= 0;
      }),
    );
  });
  it('property: arithmetic is exact (a / b * b == a)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const x = Rational.from(a);
        const y = Rational.of(BigInt(b));
        return x.div(y).mul(y).equals(x);
      }),
    );
  });
});

describe('capaian', () => {
  it('higher is better: R / T x 100 (seed Tabel 3.3)', () => {
    assert.equal(shown(capaian(n(30), n(26.15))), '87.17');
    assert.equal(shown(capaian(n(40), n(61.54))), '153.85');
    assert.equal(shown(capaian(n(77.92), n(79.17))), '101.60');
    assert.equal(shown(capaian(n(1), n(1))), '100.00');
  });
  it('lower is better, the seed rule (2T - R) / T: TPT 4,50 vs 4,72 gives 95,11%', () => {
    assert.equal(shown(capaian(n(4.5), n(4.72), 'negatif')), '95.11');
  });
  it('lower is better, other rules as settings', () => {
    assert.equal(shown(capaian(n(4.5), n(4.72), 'negatif', 'rasio-terbalik')), '95.34');
    assert.equal(shown(capaian(n(2), n(5), 'negatif', 'selisih')), '-50.00');
    assert.equal(shown(capaian(n(2), n(5), 'negatif', 'selisih-min-nol')), '0.00');
  });
  it('missing input is explicit, never NaN or 0', () => {
    assert.equal(capaian(n(30), BELUM_DIISI).status, 'belum-diisi');
    assert.equal(capaian(n(0), n(5)).status, 'tidak-dapat-dihitung');
    assert.equal(capaian(n(5), n(0), 'negatif', 'rasio-terbalik').status, 'tidak-dapat-dihitung');
    assert.equal(toJson(capaian(n(0), n(5))), null);
  });
  it('property: positive capaian is 100 exactly when realisasi equals target, and monotone in realisasi', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1e7 }), (t, r1, r2) => {
        const c = (r: number) => capaian(n(t / 100), n(r / 100));
        const same = c(t);
        const a = c(Math.min(r1, r2));
        const b = c(Math.max(r1, r2));
        return (
          same.status === 'ada' && same.value.equals(Rational.HUNDRED) && a.status === 'ada' && b.status === 'ada' && a.value.cmp(b.value) <= 0
        );
      }),
    );
  });
  it('property: lower-is-better (seed rule) is the mirror image of higher-is-better around 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (t, r) => {
        const pos = capaian(n(t), n(r));
        const neg = capaian(n(t), n(r), 'negatif');
        return pos.status === 'ada' && neg.status === 'ada' && pos.value.add(neg.value).equals(Rational.of(200n));
      }),
    );
  });
});

describe('agregasi over quarters', () => {
  // Seed IKU 1: (0 + 0 + 18/27 + 22/58) / 4 = 26,15%.
  const iku1 = [
    { triwulan: 1 as const, nilai: 0 },
    { triwulan: 2 as const, nilai: 0 },
    { triwulan: 3 as const, pembilang: 18, penyebut: 27 },
    { triwulan: 4 as const, pembilang: 22, penyebut: 58 },
  ];
  it('mean of quarterly ratios, zeros included (seed IKU 1)', () => {
    const r = agregasi(iku1, 'rata-rata');
    assert.equal(shown(r, 4), '26.1494');
    assert.equal(shown(realisasiTerbit(r, 2)), '26.15');
    // capaian comes from the published (rounded) realisasi: 87,17, not 87,16.
    assert.equal(shown(capaian(n(30), realisasiTerbit(r, 2))), '87.17');
    assert.equal(shown(capaian(n(30), r)), '87.16');
  });
  it('quarter values from components', () => {
    assert.equal(shown(nilaiEntri({ pembilang: 18, penyebut: 27 })), '66.67');
    assert.equal(shown(nilaiEntri({ pembilang: 22, penyebut: 58 })), '37.93');
    assert.equal(nilaiEntri({ pembilang: 1, penyebut: 0 }).status, 'tidak-dapat-dihitung');
    assert.equal(nilaiEntri({ pembilang: 1 }).status, 'tidak-dapat-dihitung');
    assert.equal(nilaiEntri({}).status, 'belum-diisi');
  });
  it('sum, last and ratio of sums', () => {
    const q = [
      { triwulan: 2 as const, nilai: 5, pembilang: 1, penyebut: 4 },
      { triwulan: 1 as const, nilai: 3, pembilang: 3, penyebut: 4 },
    ];
    assert.equal(shown(agregasi(q.map(({ triwulan, nilai }) => ({ triwulan, nilai })), 'jumlah')), '8.00');
    assert.equal(shown(agregasi(q.map(({ triwulan, nilai }) => ({ triwulan, nilai })), 'akhir')), '5.00');
    assert.equal(shown(agregasi(q, 'rasio')), '50.00');
    assert.equal(agregasi([], 'jumlah').status, 'belum-diisi');
    assert.equal(agregasi(q, 'jumlah', { lengkap: true }).status, 'tidak-dapat-dihitung');
    assert.equal(agregasi([{ triwulan: 1, nilai: 3 }], 'rasio').status, 'tidak-dapat-dihitung');
  });
  it('property: the mean lies between the smallest and largest quarter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 4 }), (vals) => {
        const entries = vals.map((v, i) => ({ triwulan: (i + 1) as 1 | 2 | 3 | 4, nilai: v / 100 }));
        const m = agregasi(entries, 'rata-rata');
        if (m.status !== 'ada') return false;
        return m.value.cmp(Rational.from(Math.min(...vals) / 100)) >= 0 && m.value.cmp(Rational.from(Math.max(...vals) / 100)) <= 0;
      }),
    );
  });
  it('property: ratio of sums equals the single ratio when all quarters share one denominator', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 1000 }), (nums, den) => {
        const entries = nums.map((p, i) => ({ triwulan: (i + 1) as 1 | 2 | 3 | 4, pembilang: p, penyebut: den }));
        const r = agregasi(entries, 'rasio');
        const mean = agregasi(entries, 'rata-rata');
        return r.status === 'ada' && mean.status === 'ada' && r.value.equals(mean.value);
      }),
    );
  });
});

describe('roll-ups and scales', () => {
  it('mean of the four sasaran is 110,66 (the seed prints 110,65)', () => {
    // Exact capaian: 26,15/30, 61,54/40, 79,17/77,92, 1/1 -> mean 110,6551 -> 110,66.
    // The seed's 110,65 is 442,62 / 4 computed in binary floating point (110,65499…).
    const sasaran = [capaian(n(30), n(26.15)), capaian(n(40), n(61.54)), capaian(n(77.92), n(79.17)), capaian(n(1), n(1))];
    assert.equal(shown(rataRata(sasaran)), '110.66');
    assert.equal(rataRata([]).status, 'belum-diisi');
    assert.equal(rataRata([n(1), BELUM_DIISI]).status, 'belum-diisi');
  });
  it('seed four-band scale; above 100 is the top band', () => {
    assert.equal(predikat(n(87.17), SKALA_EMPAT_TINGKAT)?.label, 'Sangat Berhasil');
    assert.equal(predikat(n(153.85), SKALA_EMPAT_TINGKAT)?.label, 'Sangat Berhasil');
    assert.equal(predikat(n(84.99), SKALA_EMPAT_TINGKAT)?.label, 'Berhasil');
    assert.equal(predikat(n(84.996), SKALA_EMPAT_TINGKAT)?.label, 'Sangat Berhasil'); // shown as 85,00
    assert.equal(predikat(n(70), SKALA_EMPAT_TINGKAT)?.label, 'Berhasil');
    assert.equal(predikat(n(55), SKALA_EMPAT_TINGKAT)?.label, 'Cukup Berhasil');
    assert.equal(predikat(n(54.99), SKALA_EMPAT_TINGKAT)?.label, 'Kurang Berhasil');
    assert.equal(predikat(n(-20), SKALA_EMPAT_TINGKAT)?.label, 'Kurang Berhasil');
    assert.equal(predikat(BELUM_DIISI, SKALA_EMPAT_TINGKAT), undefined);
  });
  it('five-band scale', () => {
    assert.equal(predikat(n(91), SKALA_LIMA_TINGKAT)?.label, 'Sangat Tinggi');
    assert.equal(predikat(n(90.5), SKALA_LIMA_TINGKAT)?.label, 'Tinggi');
    assert.equal(predikat(n(66), SKALA_LIMA_TINGKAT)?.label, 'Sedang');
    assert.equal(predikat(n(51), SKALA_LIMA_TINGKAT)?.label, 'Rendah');
    assert.equal(predikat(n(50), SKALA_LIMA_TINGKAT)?.label, 'Sangat Rendah');
  });
  it('property: a higher figure never gets a lower band', () => {
    const rank = (label: string | undefined) => SKALA_EMPAT_TINGKAT.bands.findIndex((b) => b.label === label);
    fc.assert(
      fc.property(fc.integer({ min: -10000, max: 30000 }), fc.integer({ min: -10000, max: 30000 }), (a, b) => {
        const lo = predikat(n(Math.min(a, b) / 100), SKALA_EMPAT_TINGKAT)?.label;
        const hi = predikat(n(Math.max(a, b) / 100), SKALA_EMPAT_TINGKAT)?.label;
        return rank(hi) <= rank(lo);
      }),
    );
  });
});

describe('anggaran', () => {
  it('absorption of the seed total: 17.955.479.873 / 18.820.531.793 = 95,40%', () => {
    assert.equal(shown(serapan({ pagu: 18_820_531_793, realisasi: 17_955_479_873 })), '95.40');
    assert.equal(serapan({ pagu: 0, realisasi: 0 }).status, 'tidak-dapat-dihitung');
  });
  it('sasaran 1 over three programs: mean of percentages 98,64 (seed Tabel 3.18) vs weighted 97,59', () => {
    const s = serapanGabungan([
      { pagu: 16_660_300, realisasi: 16_575_000 },
      { pagu: 2_238_947_501, realisasi: 2_179_664_956 },
      { pagu: 334_110_260, realisasi: 330_989_758 },
    ]);
    assert.equal(shown(s.rataRataProgram), '98.64');
    assert.equal(shown(s.tertimbang), '97.59');
  });
  it('efficiency = capaian - serapan (seed Tabel 3.18 row 2: 153,85 - 99,93 = 53,92)', () => {
    const e = efisiensi(capaian(n(40), n(61.54)), serapan({ pagu: 6_874_731_040, realisasi: 6_869_603_238 }));
    assert.equal(shown(e), '53.92');
    assert.equal(efisiensi(BELUM_DIISI, n(1)).status, 'belum-diisi');
  });
  it('property: weighted absorption lies between the smallest and largest program absorption', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 1000 })), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const lines = rows.map(([pagu, permil]) => ({ pagu, realisasi: Math.floor((pagu * permil) / 1000) }));
          const each = lines.map(serapan).map((v) => (v.status === 'ada' ? v.value : Rational.ZERO));
          const w = serapanGabungan(lines).tertimbang;
          if (w.status !== 'ada') return false;
          const lo = each.reduce((a, b) => (a.cmp(b) <= 0 ? a : b));
          const hi = each.reduce((a, b) => (a.cmp(b) >= 0 ? a : b));
          return lo.cmp(w.value) <= 0 && w.value.cmp(hi) <= 0;
        },
      ),
    );
  });
});

describe('Indonesian formats', () => {
  it('numbers, rupiah and dates', () => {
    assert.equal(formatAngka(1234567.891), '1.234.567,89');
    assert.equal(formatAngka(87.165), '87,17');
    assert.equal(formatAngka(-0.001), '0,00');
    assert.equal(formatAngka(-11.47), '-11,47');
    assert.equal(formatAngka(100, 2, { buangNolBelakang: true }), '100');
    assert.equal(formatRupiah(18_820_531_793), 'Rp18.820.531.793');
    assert.equal(formatTanggal('2024-01-31'), '31 Januari 2024');
    assert.equal(formatTanggal('2023-10-02'), '2 Oktober 2023');
    assert.throws(() => formatTanggal('2023-13-45'));
  });
});
