import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Dataset } from '../dataset/schema.ts';
import type { Db } from '../db/client.ts';
import { loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { randomSlug, testDatabases } from '../db/testing.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { anggaranJson, capaianJson } from '../measure/present.ts';
import { formatGalat, ImporError, type Galat } from './galat.ts';
import { imporOpdTahun } from './impor-opd-tahun.ts';
import { bacaRealisasiWorkbook, buatTemplateRealisasi, type OpsiImporRealisasi, type PratinjauRealisasi, teksPratinjauRealisasi, triwulanDariSel } from './realisasi-xlsx.ts';
import { bukuSederhana, datasetReferensi } from './testing.ts';

/** The import service as the CLI calls it, for a realisasi workbook. */
async function imporRealisasi(db: Db, isi: Uint8Array, nama: string, o: OpsiImporRealisasi & { commit: boolean }) {
  const r = await imporOpdTahun(db, { jenis: 'realisasi', ...o, berkas: { nama, isi }, sekarang: new Date() });
  return { ...r, pratinjau: r.pratinjau as PratinjauRealisasi };
}

const OPD = 'disnakertrans';
const KINERJA = ['Kode Indikator', 'Indikator', 'TW', 'Nilai', 'Pembilang', 'Penyebut', 'Predikat', 'Keterangan', 'Bukti Dukung'];
const ANGGARAN = ['Kode Rekening', 'Uraian', 'Realisasi Anggaran'];

const tahun2023 = (d: Dataset) => {
  const y = d.opd[0]?.tahun.find((t) => t.tahun === 2023);
  assert.ok(y);
  return y;
};
const pesan = (g: readonly Galat[]) => g.map(formatGalat);
const tabel = (d: Dataset, slug = d.pemda.slug) => {
  const cap = hitungCapaian(d, OPD, 2023);
  return { capaian: { ...capaianJson(cap), pemda: slug }, anggaran: { ...anggaranJson(hitungAnggaran(d, OPD, 2023, cap)), pemda: slug } };
};

void test('quarters: 1–4, roman numerals, TW prefixes; empty or "tahunan" for the whole year', () => {
  const q = (teks: string) => triwulanDariSel({ jenis: 'teks', teks });
  assert.deepEqual([q('TW 2'), q('Triwulan IV'), q('iii'), q('Q1'), q('tahunan')], [2, 4, 3, 1, undefined].map((nilai) => ({ ok: true, nilai })));
  assert.equal(triwulanDariSel({ jenis: 'angka', angka: 5 }).ok, false);
  assert.equal(q('TW5').ok, false);
});

void test('the template has both sheets and instructions, and reads back without problems', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buatTemplateRealisasi()) as unknown as ExcelJS.Buffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Realisasi Kinerja', 'Realisasi Anggaran', 'Petunjuk']);
  const b = bacaRealisasiWorkbook(wb, 'templat.xlsx');
  assert.deepEqual(b.galat, []);
  assert.equal(b.kinerja?.entri.length, 2);
  assert.equal(b.anggaran?.baris.length, 1);
});

for (const kind of testDatabases()) {
  void describe(`realisasi import [${kind.name}]`, () => {
    let db: Db;
    let close: (() => Promise<void>) | undefined;
    const bersama = randomSlug('realisasi');

    before(async () => {
      const opened = await kind.open();
      db = opened.db;
      close = opened.close;
      await saveDataset(db, await datasetReferensi(bersama));
    });
    after(async () => close?.());

    void test('the reference realisasi, imported as approved into a year without them, gives the same capaian and anggaran tables', async () => {
      const slug = randomSlug('realisasi-ref');
      const ref = await datasetReferensi(slug);
      const y = tahun2023(ref);
      const stripped = structuredClone(ref);
      const ys = tahun2023(stripped);
      ys.realisasi = [];
      for (const b of ys.anggaran[0]?.baris ?? []) b.realisasi = 0;
      await saveDataset(db, stripped);

      const kinerja: ExcelJS.CellValue[][] = [KINERJA, ...y.realisasi.map((r) => [r.indikator, null, r.triwulan ?? null, r.nilai ?? null, r.pembilang ?? null, r.penyebut ?? null, r.predikat ?? null, r.keterangan ?? null, r.bukti.join('\n') || null])];
      const anggaran: ExcelJS.CellValue[][] = [ANGGARAN, ...(y.anggaran[0]?.baris ?? []).map((b) => [b.kode, null, b.realisasi])];
      const buf = await bukuSederhana({ 'Realisasi Kinerja': kinerja, 'Realisasi Anggaran': anggaran });

      const r = await imporRealisasi(db, buf, 'realisasi.xlsx', { pemda: slug, opd: OPD, tahun: 2023, status: 'disetujui', commit: true });
      assert.deepEqual(pesan(r.galat), []);
      assert.equal(r.ditulis, true);
      assert.equal(r.pratinjau.kinerja?.tambah.length, y.realisasi.length);
      assert.equal(r.pratinjau.anggaran?.ubah.length, y.anggaran[0]?.baris.filter((b) => b.realisasi !== 0).length);
      const loaded = await loadDataset(db, slug);
      assert.ok(loaded);
      assert.deepStrictEqual(tabel(loaded), tabel(ref));
      const statuses = new Set(tahun2023(loaded).realisasi.map((x) => x.status));
      assert.deepEqual([...statuses], ['disetujui']);
    });

    void test('imported entries are "diajukan" by default, replace the same indicator and quarter, and leave the others', async () => {
      const slug = randomSlug('realisasi-ajukan');
      const ref = await datasetReferensi(slug);
      // Approved entries are locked against imports (see impor-opd-tahun.ts); these two are only verified.
      for (const e of tahun2023(ref).realisasi) {
        if ((e.indikator === 'IKU-1' && e.triwulan === 4) || (e.indikator === '2.07.03#1' && e.triwulan === undefined)) e.status = 'diverifikasi';
      }
      await saveDataset(db, ref);
      const buf = await bukuSederhana({
        Kinerja: [
          ['Kode', 'Triwulan', 'Realisasi', 'Keterangan'],
          ['IKU-1', 'TW IV', '40,5', 'diperbaiki'],
          ['2.07.03#1', null, 61, null],
        ],
      });
      const dry = await imporRealisasi(db, buf, 'tw4.xlsx', { pemda: slug, opd: OPD, tahun: 2023, commit: false });
      assert.deepEqual(pesan(dry.galat), []);
      assert.deepEqual(dry.pratinjau.kinerja?.ubah.map((x) => x.kode), ['IKU-1 TW4', '2.07.03#1 tahunan']);
      const iku1 = dry.pratinjau.kinerja?.ubah[0]?.medan.map((m) => `${m.medan}: ${m.lama} → ${m.baru}`);
      assert.deepEqual(iku1?.slice(0, 3), ['nilai: (kosong) → 40,5', 'pembilang: 22 → (kosong)', 'penyebut: 58 → (kosong)']);
      assert.match(teksPratinjauRealisasi(dry.pratinjau), /status entri: diajukan/);
      assert.deepStrictEqual(await loadDataset(db, slug), ref);

      await imporRealisasi(db, buf, 'tw4.xlsx', { pemda: slug, opd: OPD, tahun: 2023, commit: true });
      const y = tahun2023((await loadDataset(db, slug))!);
      const tw4 = y.realisasi.find((x) => x.indikator === 'IKU-1' && x.triwulan === 4);
      assert.deepStrictEqual(tw4, { indikator: 'IKU-1', triwulan: 4, nilai: 40.5, keterangan: 'diperbaiki', bukti: tahun2023(ref).realisasi.find((x) => x.indikator === 'IKU-1' && x.triwulan === 4)?.bukti, status: 'diajukan' });
      assert.equal(y.realisasi.length, tahun2023(ref).realisasi.length);
      assert.equal(y.realisasi.find((x) => x.indikator === 'IKU-1' && x.triwulan === 3)?.status, 'disetujui');
    });

    async function tolak(isi: Buffer, berkas: string, harap: RegExp[], opsi: { dpa?: 'dpa' | 'dpa-perubahan'; tahun?: number } = {}): Promise<void> {
      const before = await loadDataset(db, bersama);
      let galat: readonly Galat[];
      try {
        const r = await imporRealisasi(db, isi, berkas, { pemda: bersama, opd: OPD, tahun: opsi.tahun ?? 2023, dpa: opsi.dpa, commit: true });
        assert.equal(r.ditulis, false);
        galat = r.galat;
      } catch (e) {
        assert.ok(e instanceof ImporError, String(e));
        galat = e.galat;
      }
      const lines = pesan(galat);
      for (const re of harap) assert.ok(lines.some((l) => re.test(l)), `expected ${String(re)} in:\n${lines.join('\n')}`);
      assert.deepStrictEqual(await loadDataset(db, bersama), before, 'nothing written');
    }

    void test('unknown codes: an indicator that does not exist, a budget line the DPA does not have, a DPA that does not exist', async () => {
      const buf = await bukuSederhana({
        'Realisasi Kinerja': [KINERJA, ['IKU-9', null, 1, 5]],
        'Realisasi Anggaran': [ANGGARAN, ['2.07.99', 'Tidak ada', 100]],
      });
      await tolak(buf, 'kode.xlsx', [/^'Realisasi Kinerja'!A2 \(Kode Indikator\): indikator "IKU-9" tidak ada di Renstra 2021–2026 maupun Renja 2023/, /^'Realisasi Anggaran'!A2 \(Kode Rekening\): kode "2\.07\.99" tidak ada di DPA dpa-perubahan 2023$/]);
      await tolak(await bukuSederhana({ 'Realisasi Anggaran': [ANGGARAN, ['2.07.01', null, 100]] }), 'dpa.xlsx', [/belum punya DPA dpa tahun 2023/], { dpa: 'dpa' });
    });

    void test('duplicate rows: the same indicator and quarter twice, the same budget code twice', async () => {
      const buf = await bukuSederhana({
        'Realisasi Kinerja': [KINERJA, ['IKU-1', null, 'TW1', 0], ['IKU-1', null, 'I', 1]],
        'Realisasi Anggaran': [ANGGARAN, ['2.07.01', null, 1], ['2.07.01', null, 2]],
      });
      await tolak(buf, 'ganda.xlsx', [/^'Realisasi Kinerja'!A3 \(Kode Indikator\): indikator "IKU-1" triwulan 1 sudah ada di baris 2$/, /^'Realisasi Anggaran'!A3 \(Kode Rekening\): kode "2\.07\.01" sudah ada di baris 2$/]);
    });

    void test('wrong types and empty required cells: text value, quarter 5, a numerator without denominator, rupiah with cents, no value', async () => {
      const buf = await bukuSederhana({
        'Realisasi Kinerja': [KINERJA, ['IKU-1', null, 1, 'nol'], ['IKU-1', null, 5, 1], ['IKU-1', null, 2, null, 3], ['IKU-2', null, null], [null, null, 3, 1]],
        'Realisasi Anggaran': [ANGGARAN, ['2.07.01', null, 1.5]],
      });
      await tolak(buf, 'tipe.xlsx', [
        /^'Realisasi Kinerja'!D2 \(Nilai\): "nol" bukan angka$/,
        /^'Realisasi Kinerja'!C3 \(TW\): 5 bukan triwulan/,
        /^'Realisasi Kinerja'!F4 \(Penyebut\): Pembilang dan Penyebut harus diisi keduanya$/,
        /^'Realisasi Kinerja'!D5 \(Nilai\): Nilai \(atau Pembilang dan Penyebut\) wajib diisi$/,
        /^'Realisasi Kinerja'!A6 \(Kode Indikator\): Kode Indikator wajib diisi$/,
        /^'Realisasi Anggaran'!C2 \(Realisasi Anggaran\): 1,5 bukan bilangan bulat rupiah/,
      ]);
    });

    void test('formula and error cells are refused', async () => {
      const buf = await bukuSederhana({ 'Realisasi Kinerja': [KINERJA, ['IKU-1', null, 1, { formula: '18/27*100', result: 66.67 }], ['IKU-1', null, 2, { error: '#DIV/0!' }]] });
      await tolak(buf, 'rumus.xlsx', [/^'Realisasi Kinerja'!D2 \(Nilai\): sel berisi rumus \(=18\/27\*100\)/, /^'Realisasi Kinerja'!D3 \(Nilai\): sel berisi galat #DIV\/0!/]);
    });

    void test('empty sheets, a sheet that is neither kind, and a non-xlsx file are refused', async () => {
      await tolak(await bukuSederhana({ Kinerja: [] }), 'kosong.xlsx', [/lembar kerja kosong/]);
      await tolak(await bukuSederhana({ 'Realisasi Kinerja': [KINERJA] }), 'judul.xlsx', [/^'Realisasi Kinerja': tidak ada baris data di bawah judul kolom \(baris 1\)$/]);
      await tolak(await bukuSederhana({ Data: [['Nomor', 'Nama'], [1, 'a']] }), 'asing.xlsx', [/^Data: kolom Kode Indikator tidak ditemukan di 10 baris pertama/]);
      await tolak(Buffer.from('indikator,nilai\nIKU-1,5\n'), 'data.xlsx', [/bukan berkas Excel \.xlsx/]);
    });
  });
}
