import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { Rational, sum } from '../engine/decimal.ts';
import { hitungLkeKriteria } from '../engine/evaluasi.ts';
import { daftarKriteria, KODE_KRITERIA_BAWAAN, kriteriaBawaan, uraiKriteriaLke } from './lke.ts';

const BERKAS = new URL('../../referensi/lke/permenpanrb-88-2021.json', import.meta.url);

describe('the criteria file of PermenPAN-RB 88/2021', () => {
  it('loads, names its source, and its weights are 30/30/15/25 split 20/30/50, summing to 100', async () => {
    const k = await kriteriaBawaan();
    assert.equal(k.kode, KODE_KRITERIA_BAWAAN);
    assert.match(k.regulasi, /Nomor 88 Tahun 2021/);
    assert.ok(k.sumber.length > 40, 'the source of the criteria texts is named');
    assert.deepEqual(
      k.komponen.map((c) => [c.nama, c.bobot, c.sub.map((s) => s.bobot)]),
      [
        ['Perencanaan Kinerja', 30, [6, 9, 15]],
        ['Pengukuran Kinerja', 30, [6, 9, 15]],
        ['Pelaporan Kinerja', 15, [3, 4.5, 7.5]],
        ['Evaluasi Akuntabilitas Kinerja Internal', 25, [5, 7.5, 12.5]],
      ],
    );
    assert.ok(sum(k.komponen.map((c) => Rational.from(c.bobot))).equals(Rational.HUNDRED));
    const semua = daftarKriteria(k);
    assert.ok(semua.length >= 70, `${semua.length} criteria`);
    assert.equal(new Set(semua.map((x) => x.kriteria.kode)).size, semua.length);
    // Every criterion answered in full scores 100 (AA); none answered scores 0 (D).
    assert.equal(hitungLkeKriteria(k, (kode) => (semua.find((x) => x.kriteria.kode === kode)?.kriteria.jenis === 'YT' ? 'Y' : 'A')).total.toString(), '100');
    assert.equal(hitungLkeKriteria(k, () => undefined).predikat, 'D');
  });

  it('a file with a broken weight or a wrong answer type is refused with the path', async () => {
    const baca = async () => JSON.parse(await readFile(BERKAS, 'utf8')) as { komponen: Array<{ bobot: number; sub: Array<{ kriteria: Array<{ jenis: string }> }> }> };
    const masalah = (json: unknown) => {
      const r = uraiKriteriaLke(json, 'baru.json');
      return r.ok ? [] : r.masalah.map((m) => `${m.path}: ${m.message}`);
    };
    const bobot = await baca();
    bobot.komponen[0]!.bobot = 31;
    assert.deepEqual(masalah(bobot), ['baru.json: komponen: bobot komponen berjumlah 101, harus 100', 'baru.json: komponen: bobot sub komponen 1 berjumlah 30, harus 31']);
    const jenis = await baca();
    jenis.komponen[1]!.sub[0]!.kriteria[0]!.jenis = 'ABC';
    assert.deepEqual(masalah(jenis), ['baru.json: komponen.1.sub.0.kriteria.0.jenis: jenis jawaban "YT" (ya/tidak) atau "AE" (A sampai E)']);
  });
});
