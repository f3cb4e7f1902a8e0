import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReferences } from '../../src/dataset/load.ts';
import { Dataset } from '../../src/dataset/schema.ts';
import { periksaDataset } from '../../src/check/rules.ts';
import { hitungAnggaran } from '../../src/measure/anggaran.ts';
import { hitungCapaian } from '../../src/measure/capaian.ts';
import type { Nilai } from '../../src/engine/index.ts';
import { generateNasional, generatePemda, jenisKe, ringkasan, UKURAN } from './generate.ts';
import { Prng, splitInteger } from './prng.ts';

const angka = (n: Nilai): number | undefined => (n.status === 'ada' ? n.value.toNumber() : undefined);

function assertValid(d: Dataset): void {
  // The generator writes the parsed shape directly, so parsing must change nothing.
  assert.deepStrictEqual(Dataset.parse(d), d);
  assert.deepStrictEqual(checkReferences(d), []);
}

void describe('synthetic generator: tiny', () => {
  const d = generatePemda({ seed: 1, ...UKURAN.tiny });

  void it('parses, references resolve, and the sizes are the requested ones', () => {
    assertValid(d);
    const r = ringkasan(d);
    assert.equal(r.opd, 1);
    assert.equal(r.opdTahun, 1);
    assert.equal(r.indikator, UKURAN.tiny.indikatorPerOpdTahun);
    assert.equal(r.realisasi, 4 * UKURAN.tiny.indikatorPerOpdTahun);
    assert.equal(d.opd[0]?.tahun[0]?.tahun, UKURAN.tiny.tahunAwal);
  });

  void it('is reproducible from its seed', () => {
    assert.deepStrictEqual(generatePemda({ seed: 1, ...UKURAN.tiny }), d);
    assert.notDeepStrictEqual(generatePemda({ seed: 2, ...UKURAN.tiny }), d);
  });

  void it('rejects sizes it cannot shape', () => {
    assert.throws(() => generatePemda({ seed: 1, ...UKURAN.tiny, indikatorPerOpdTahun: 4 }), RangeError);
    assert.throws(() => generatePemda({ seed: 1, ...UKURAN.tiny, opd: 0 }), RangeError);
  });
});

void describe('synthetic generator: small', () => {
  const opsi = { seed: 20240101, opd: 4, tahunAwal: 2022, tahun: 2, indikatorPerOpdTahun: 60 };
  const d = generatePemda(opsi);

  void it('parses and references resolve', () => {
    assertValid(d);
    assert.deepStrictEqual(generatePemda(opsi), d);
    assert.notDeepStrictEqual(generatePemda({ ...opsi, seed: opsi.seed + 1 }), d);
  });

  void it('has the requested counts: OPDs, years, indicators per OPD-year, four quarters each', () => {
    assert.equal(d.opd.length, opsi.opd);
    assert.equal(new Set(d.opd.map((o) => o.slug)).size, opsi.opd);
    for (const o of d.opd) {
      assert.deepStrictEqual(o.tahun.map((t) => t.tahun), [2022, 2023]);
      const renstra = o.renstra[0];
      assert.ok(renstra && renstra.periodeAwal === 2022 && renstra.periodeAkhir === 2023);
      const renstraInd = [...renstra.tujuan.flatMap((t) => t.indikator), ...renstra.sasaran.flatMap((s) => s.indikator)].map((i) => i.kode);
      for (const y of o.tahun) {
        const renjaInd = (y.renja[0]?.node ?? []).flatMap((n) => n.indikator.map((i) => i.kode));
        const semua = [...renstraInd, ...renjaInd];
        assert.equal(semua.length, opsi.indikatorPerOpdTahun, `${o.slug} ${y.tahun}`);
        const perIndikator = new Map<string, number[]>();
        for (const r of y.realisasi) perIndikator.set(r.indikator, [...(perIndikator.get(r.indikator) ?? []), r.triwulan ?? 0]);
        for (const kode of semua) assert.deepStrictEqual(perIndikator.get(kode), [1, 2, 3, 4], kode);
        assert.equal(y.pk.length, 1);
        assert.ok(y.anggaran[0] && y.anggaran[0].kelompok.length === 8);
      }
    }
  });

  void it('mixes aggregation methods, polarities, value forms and a few unfilled entries', () => {
    const ind = d.opd.flatMap((o) => o.renstra.flatMap((r) => r.sasaran.flatMap((s) => s.indikator)));
    assert.deepStrictEqual(new Set(ind.map((i) => i.agregasi)), new Set(['jumlah', 'akhir', 'rata-rata', 'rasio']));
    const renja = d.opd.flatMap((o) => o.tahun.flatMap((y) => y.renja.flatMap((r) => r.node.flatMap((n) => n.indikator))));
    assert.deepStrictEqual(new Set([...ind, ...renja].map((i) => i.polaritas)), new Set(['positif', 'negatif']));
    const rows = d.opd.flatMap((o) => o.tahun.flatMap((y) => y.realisasi));
    assert.ok(rows.some((r) => r.pembilang !== undefined && r.penyebut !== undefined));
    assert.ok(rows.some((r) => r.nilai !== undefined));
    assert.ok(rows.some((r) => r.status === 'draf' && r.nilai === undefined && r.pembilang === undefined));
  });

  void it('budget: parents are the sums of their children, groups add up, realisasi within pagu', () => {
    const temuan = periksaDataset(d);
    const anggaran = temuan.filter((t) => ['anak-tidak-sama-induk', 'kelompok-belanja', 'realisasi-melebihi-pagu', 'anggaran-beda-dokumen'].includes(t.aturan));
    assert.deepStrictEqual(anggaran, []);
    // Independently of the rules: recompute every parent from its children.
    for (const o of d.opd) {
      for (const y of o.tahun) {
        const nodes = y.renja[0]?.node ?? [];
        const baris = new Map((y.anggaran[0]?.baris ?? []).map((b) => [b.kode, b]));
        for (const n of nodes) {
          const kids = nodes.filter((k) => k.induk === n.kode && (k.level === 'kegiatan' || k.level === 'sub-kegiatan'));
          const b = baris.get(n.kode);
          if (b) assert.ok(b.realisasi <= b.pagu, `${n.kode}: realisasi > pagu`);
          if (kids.length === 0 || !b) continue;
          assert.equal(kids.reduce((s, k) => s + (baris.get(k.kode)?.pagu ?? 0), 0), b.pagu, `${o.slug} ${y.tahun} ${n.kode} pagu`);
          assert.equal(kids.reduce((s, k) => s + (baris.get(k.kode)?.realisasi ?? 0), 0), b.realisasi, `${o.slug} ${y.tahun} ${n.kode} realisasi`);
          assert.equal(n.pagu, b.pagu);
        }
      }
    }
  });

  void it('the LKJIP tables compute for every OPD-year with plausible figures', () => {
    for (const o of d.opd) {
      for (const y of o.tahun) {
        const cap = hitungCapaian(d, o.slug, y.tahun);
        const ang = hitungAnggaran(d, o.slug, y.tahun, cap);
        assert.ok(cap.sasaran.length >= 1);
        for (const s of cap.sasaran) {
          for (const i of s.indikator) {
            const c = angka(i.capaian);
            if (c !== undefined) assert.ok(c >= 0 && c <= 300, `${i.kode} capaian ${c}`);
          }
        }
        const rata = angka(cap.rataRata.capaian);
        if (rata !== undefined) assert.ok(rata > 20 && rata < 200, `${o.slug} ${y.tahun} rata-rata ${rata}`);
        // A few billion rupiah per OPD, mostly spent.
        assert.ok(ang.total.pagu >= 1e9 && ang.total.pagu <= 2e11, `pagu ${ang.total.pagu}`);
        const serapan = angka(ang.total.serapan);
        assert.ok(serapan !== undefined && serapan > 30 && serapan <= 100, `serapan ${serapan}`);
        assert.ok(ang.sasaran.some((s) => s.program.length > 0));
        const belanja = ang.kelompok.find((k) => k.kelompok === 'belanja');
        assert.equal(belanja?.pagu, ang.total.pagu);
      }
    }
  });
});

void describe('synthetic generator: nasional', () => {
  void it('yields one pemda at a time, pemda i from seed + i, with unique slugs', () => {
    const ukuran = { ...UKURAN.tiny, indikatorPerOpdTahun: 6 };
    const it = generateNasional({ seed: 100, jumlah: 546, ...ukuran });
    const first = [it.next(), it.next(), it.next()].map((r) => {
      assert.ok(!r.done);
      return r.value;
    });
    assert.equal(new Set(first.map((d) => d.pemda.slug)).size, 3);
    first.forEach((d, i) => {
      assertValid(d);
      const sendiri = generatePemda({ seed: 100 + i, ...ukuran, jenis: jenisKe(i, 546) });
      assert.deepStrictEqual({ ...d, pemda: { ...d.pemda, slug: sendiri.pemda.slug } }, sendiri);
    });
    assert.equal(first[0]?.pemda.jenis, 'provinsi');
    assert.equal([...generateNasional({ seed: 1, jumlah: 4, ...ukuran })].length, 4);
  });

  void it('splits 546 pemda into provinsi, kabupaten and kota in the national proportions', () => {
    const count = { provinsi: 0, kabupaten: 0, kota: 0 };
    for (let i = 0; i < 546; i++) count[jenisKe(i, 546)]++;
    assert.deepStrictEqual(count, { provinsi: 38, kabupaten: 411, kota: 97 });
  });
});

void describe('synthetic generator: PRNG', () => {
  void it('is deterministic and stays in range', () => {
    const a = new Prng(5);
    const b = new Prng(5);
    const xs = Array.from({ length: 1000 }, () => a.int(3, 7));
    assert.deepStrictEqual(xs, Array.from({ length: 1000 }, () => b.int(3, 7)));
    assert.deepStrictEqual(new Set(xs), new Set([3, 4, 5, 6, 7]));
    assert.notDeepStrictEqual(new Prng(6).nextUint32(), new Prng(5).nextUint32());
    assert.deepStrictEqual(new Prng(5).fork(1, 2).nextUint32(), new Prng(5).fork(1, 2).nextUint32());
  });

  void it('splits integers exactly', () => {
    const rng = new Prng(9);
    for (let i = 0; i < 200; i++) {
      const total = rng.int(0, 1e9);
      const parts = rng.int(1, 50);
      const min = Math.min(rng.int(0, 1000), Math.floor(total / parts));
      const out = splitInteger(rng, total, parts, min);
      assert.equal(out.reduce((s, x) => s + x, 0), total);
      assert.ok(out.every((x) => Number.isInteger(x) && x >= min));
    }
  });
});
