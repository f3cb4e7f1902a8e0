import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Dataset } from '../dataset/schema.ts';
import { contohDataset } from '../dataset/testing.ts';
import type { Db } from '../db/client.ts';
import { loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { randomSlug, testDatabases } from '../db/testing.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { anggaranJson, capaianJson } from '../measure/present.ts';
import { generatePemda, UKURAN } from '../../bench/synth/generate.ts';
import { bacaDaftar, bacaDatasetXlsx, tataLetak, tulisDaftar, tulisDatasetXlsx } from './dataset-xlsx.ts';
import { eksporTabelXlsx } from './export-xlsx.ts';
import { formatGalat, ImporError } from './galat.ts';
import { bacaBerkasImpor } from './impor.ts';
import { datasetReferensi } from './testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'sikiper-dataset-xlsx-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function bolakBalik(d: Dataset): Promise<Dataset> {
  return bacaDatasetXlsx(await tulisDatasetXlsx(d), 'dataset.xlsx');
}

async function ubahBuku(buf: Buffer, f: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  f(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function galatDari(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ImporError, String(e));
    return e.galat.map(formatGalat);
  }
  assert.fail('expected an ImporError');
}

/** Every optional field present and absent, and text that spreadsheets and XML tend to change. */
function datasetSulit(): Dataset {
  return contohDataset((d) => {
    const opd = d.opd?.[0];
    assert.ok(opd);
    d.pemda.provinsi = '2023';
    d.pemda.pejabat = [{ nama: '=SUM(A1:A2)', jabatan: "'Bupati", nip: '196501011990031001' }];
    opd.alamat = 'baris satu\r\nbaris dua\rtiga _x000D_ literal _x005F_';
    opd.profil = {};
    opd.unit = [
      { kode: 'sekretariat', nama: 'Sekretariat', jenis: 'sekretariat', fungsi: ['[bukan JSON', 'kedua'] },
      { kode: 'bidang-a', nama: 'Bidang A 📈', jenis: 'bidang', induk: 'sekretariat', fungsi: ['["mirip JSON"]'], tugas: 'kontrol \u0001 dan \u001f' },
      { kode: 'bidang-b', nama: 'Bidang B', jenis: 'bidang', fungsi: ['satu\ndua', 'tiga'] },
    ];
    const y = opd.tahun?.[0];
    assert.ok(y);
    y.lkjip = {};
    y.narasi = {};
    y.realisasi = [
      { indikator: 'IKU-1', triwulan: 1, nilai: 0.1 + 0.2, predikat: '', bukti: [] },
      { indikator: 'IKU-1', triwulan: 2, nilai: 1e-7, keterangan: '  spasi di dalam  teks ' },
      { indikator: 'IKU-2', nilai: -12.5, pembilang: 123_456_789.123, penyebut: 3 },
    ];
    const ind = opd.renstra?.[0]?.sasaran[0]?.indikator[0];
    assert.ok(ind);
    ind.baseline = { tahun: 2020, nilai: 0, predikat: '' };
    ind.formula = { teks: 'a / b × 100%' };
  });
}

void test('lists of texts: one per line, JSON when a line break or a leading "[" would not read back the same', () => {
  for (const items of [['a', 'b'], ['satu\ndua'], ['[x', 'y'], ['["z"]'], []]) assert.deepEqual(bacaDaftar(tulisDaftar(items)), items.length === 0 ? [] : items);
  assert.deepEqual(bacaDaftar('[catatan] bebas'), ['[catatan] bebas']);
});

void test('the layout: every sheet name fits Excel (31 characters) and is unique, parents come before children', () => {
  const layout = tataLetak();
  const names = layout.map((e) => e.lembar.toLowerCase());
  assert.equal(new Set(names).size, names.length);
  assert.ok(layout.every((e) => e.lembar.length <= 31), layout.map((e) => e.lembar).join(', '));
  layout.forEach((e, i) => assert.ok(!e.induk || layout.indexOf(e.induk) < i));
  assert.ok(names.includes('opd.tahun.renja.node'));
});

void test('dataset → xlsx → dataset is lossless: the reference, a generated kabupaten and a dataset of awkward values', async () => {
  const ref = await datasetReferensi('paser');
  assert.deepStrictEqual(await bolakBalik(ref), ref);
  const gen = generatePemda({ seed: 7, ...UKURAN.kecil });
  assert.deepStrictEqual(await bolakBalik(gen), gen);
  const sulit = datasetSulit();
  assert.deepStrictEqual(await bolakBalik(sulit), sulit);
});

void test('the workbook has frozen headers, rupiah formats and a layout sheet', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tulisDatasetXlsx(await datasetReferensi('paser'))) as unknown as ExcelJS.Buffer);
  const node = wb.getWorksheet('opd.tahun.renja.node');
  assert.ok(node && wb.getWorksheet('Tata Letak') && wb.getWorksheet('dataset'));
  assert.equal(node.views[0]?.state, 'frozen');
  const header = (node.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(header.slice(0, 4), ['_induk', 'kode', 'level', 'induk']);
  const pagu = header.indexOf('pagu') + 1;
  assert.equal(node.getRow(4).getCell(pagu).numFmt, '#,##0');
  assert.equal(node.getRow(4).getCell(1).value, 'opd[0].tahun[2].renja[0]');
});

void test('an edited workbook with mistakes is refused with sheet, row and column', async () => {
  const buf = await tulisDatasetXlsx(await datasetReferensi('paser'));
  const edited = await ubahBuku(buf, (wb) => {
    const node = wb.getWorksheet('opd.tahun.renja.node');
    assert.ok(node);
    const header = (node.getRow(1).values as unknown[]).slice(1);
    node.getRow(5).getCell(header.indexOf('pagu') + 1).value = 12.5;
    node.getRow(6).getCell(header.indexOf('nama') + 1).value = { formula: 'B2', result: 'x' };
    const ind = wb.getWorksheet('opd.tahun.renja.node.indikator');
    assert.ok(ind);
    ind.getRow(2).getCell(1).value = 'opd[0].tahun[2].renja[0].node[999]';
    wb.addWorksheet('Catatan saya');
  });
  const lines = await galatDari(bacaDatasetXlsx(edited, 'ubah.xlsx'));
  assert.ok(lines.includes("'Catatan saya': lembar tidak dikenal dalam tata letak dataset (lihat lembar \"Tata Letak\")"), lines.join('\n'));
  assert.ok(lines.some((l) => /^opd\.tahun\.renja\.node!E6 \(nama\): sel berisi rumus/.test(l)), lines.join('\n'));
  assert.ok(lines.includes('opd.tahun.renja.node.indikator!A2 (_induk): induk "opd[0].tahun[2].renja[0].node[999]" tidak ada di lembar opd.tahun.renja.node'), lines.join('\n'));

  const onlyPagu = await ubahBuku(buf, (wb) => {
    const node = wb.getWorksheet('opd.tahun.renja.node');
    assert.ok(node);
    const header = (node.getRow(1).values as unknown[]).slice(1);
    node.getRow(5).getCell(header.indexOf('pagu') + 1).value = 12.5;
  });
  assert.deepEqual(await galatDari(bacaDatasetXlsx(onlyPagu, 'ubah.xlsx')), ['opd.tahun.renja.node!G5 (pagu): rupiah harus bilangan bulat']);
});

void test('import reads what export writes, by content: a folder, JSON, xlsx; a backup or a renamed file gets a clear message', async () => {
  const ref = await datasetReferensi('paser');
  const json = join(dir, 'paser.json');
  const xlsx = join(dir, 'paser.xlsx');
  writeFileSync(json, JSON.stringify(ref));
  writeFileSync(xlsx, await tulisDatasetXlsx(ref));
  assert.deepStrictEqual(await bacaBerkasImpor(json), ref);
  assert.deepStrictEqual(await bacaBerkasImpor(xlsx), ref);
  const renamed = join(dir, 'paser-xlsx.json');
  writeFileSync(renamed, await tulisDatasetXlsx(ref));
  assert.deepStrictEqual(await bacaBerkasImpor(renamed), ref);
  const gz = join(dir, 'cadangan.xlsx');
  writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0]));
  assert.deepEqual(await galatDari(bacaBerkasImpor(gz)), ['ini berkas cadangan (gzip); pulihkan dengan `sikiper restore`']);
  const txt = join(dir, 'teks.xlsx');
  writeFileSync(txt, 'bukan excel');
  assert.match((await galatDari(bacaBerkasImpor(txt)))[0] ?? '', /bukan berkas Excel \.xlsx/);
  assert.deepEqual(await galatDari(bacaBerkasImpor(join(dir, 'tidak-ada.json'))), ['tidak dapat dibuka: berkas atau folder tidak ada']);
});

void test('the table workbook: one sheet per table, values as the JSON tables give them, number formats, frozen headers', async () => {
  const ref = await datasetReferensi('paser');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await eksporTabelXlsx(ref, 'disnakertrans', 2023)) as unknown as ExcelJS.Buffer);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Renstra', 'IKU', 'Renja', 'PK', 'PK Anggaran', 'Tabel 3.3', ...Array.from({ length: 12 }, (_, i) => `Tabel 3.${i + 4}`), 'Tabel 3.16', 'Kelompok Belanja', 'Tabel 3.17', 'Tabel 3.18'],
  );
  const cap = capaianJson(hitungCapaian(ref, 'disnakertrans', 2023)) as { sasaran: Array<{ indikator: Array<{ kode: string; capaian: number }> }>; rataRata: { capaian: number } };
  const t33 = wb.getWorksheet('Tabel 3.3');
  assert.ok(t33);
  assert.equal(t33.views[0]?.state, 'frozen');
  const rows = [4, 5, 6, 7].map((r) => [t33.getRow(r).getCell(3).value, t33.getRow(r).getCell(8).value]);
  assert.deepEqual(rows, cap.sasaran.flatMap((s) => s.indikator.map((i) => [i.kode, i.capaian])));
  assert.equal(t33.getRow(8).getCell(8).value, cap.rataRata.capaian);
  assert.equal(t33.getRow(8).getCell(8).numFmt, '#,##0.00');
  const ang = anggaranJson(hitungAnggaran(ref, 'disnakertrans', 2023)) as { total: { pagu: number; realisasi: number; serapan: number } };
  const t316 = wb.getWorksheet('Tabel 3.16');
  assert.ok(t316);
  const total = t316.getRow(t316.rowCount);
  assert.deepEqual([total.getCell(4).value, total.getCell(5).value, total.getCell(7).value], [ang.total.pagu, ang.total.realisasi, ang.total.serapan]);
  assert.equal(total.getCell(4).numFmt, '#,##0');
  assert.equal(wb.getWorksheet('Tabel 3.18')?.getRow(3).getCell(5).value, 'Tingkat Efisiensi');
});

for (const kind of testDatabases()) {
  void describe(`dataset xlsx through the database [${kind.name}]`, () => {
    let db: Db;
    let close: (() => Promise<void>) | undefined;
    before(async () => {
      const opened = await kind.open();
      db = opened.db;
      close = opened.close;
    });
    after(async () => close?.());

    void test('the reference exported to .xlsx and imported into an empty pemda gives identical capaian and anggaran tables', async () => {
      const asal = randomSlug('xlsx-asal');
      await saveDataset(db, await datasetReferensi(asal));
      const exported = await loadDataset(db, asal);
      assert.ok(exported);
      const tujuan = randomSlug('xlsx-tujuan');
      const file = join(dir, `${tujuan}.xlsx`);
      writeFileSync(file, await tulisDatasetXlsx({ ...exported, pemda: { ...exported.pemda, slug: tujuan } }));
      const read = await bacaBerkasImpor(file);
      await saveDataset(db, read);
      const imported = await loadDataset(db, tujuan);
      assert.ok(imported);
      assert.deepStrictEqual(imported, { ...exported, pemda: { ...exported.pemda, slug: tujuan } });
      const tables = (d: Dataset) => {
        const c = hitungCapaian(d, 'disnakertrans', 2023);
        return [{ ...capaianJson(c), pemda: '' }, { ...anggaranJson(hitungAnggaran(d, 'disnakertrans', 2023, c)), pemda: '' }];
      };
      assert.deepStrictEqual(tables(imported), tables(exported));
    });
  });
}
