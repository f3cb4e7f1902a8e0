import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { SPEK_RENJA } from './renja-xlsx.ts';
import { BATAS_ZIP_IMPOR, type BatasZip } from './arsip.ts';
import { BatasTerlampaui, DaftarGalat, ImporError } from './galat.ts';
import { angkaDariTeks, barisData, JENIS_SEL, hurufKolom, muatWorkbook, normalJudul, PembacaBaris, periksaXlsx, rupiahDariSel, temukanJudul } from './xlsx.ts';
import { bomXlsx, bukuSederhana, zipMentah } from './testing.ts';

void test('numbers written as text the Indonesian way', () => {
  const cases: Array<[string, number | undefined]> = [
    ['1.234.567,89', 1234567.89],
    ['26,15', 26.15],
    ['4.72', 4.72],
    ['1.234', 1234],
    ['-0,5', -0.5],
    ['87,17%', 87.17],
    ['1 234', 1234],
    ['1,234,567', undefined],
    ['1.2.3', undefined],
    ['abc', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(angkaDariTeks(text), expected, text);
});

void test('rupiah: whole, non-negative, from numbers or grouped text', () => {
  const r = (teks: string) => rupiahDariSel({ jenis: 'teks', teks });
  assert.deepEqual(r('Rp 1.234.567'), { ok: true, nilai: 1234567 });
  assert.deepEqual(r('1.234.567,00'), { ok: true, nilai: 1234567 });
  assert.deepEqual(r('1.2.3'), { ok: false, pesan: '"1.2.3" bukan angka rupiah' });
  assert.deepEqual(r('1.234,50'), { ok: false, pesan: '"1.234,50" bukan bilangan bulat rupiah (sen tidak dicatat)' });
  assert.deepEqual(rupiahDariSel({ jenis: 'angka', angka: -5 }), { ok: false, pesan: '-5: rupiah tidak boleh negatif' });
  assert.deepEqual(rupiahDariSel({ jenis: 'angka', angka: 2 ** 60 }).ok, false);
});

void test('headers are compared without case, spaces or punctuation; columns are lettered like Excel', () => {
  assert.equal(normalJudul(' Anggaran (Rp) '), 'anggaranrp');
  assert.equal(normalJudul('Program / Kegiatan / Sub Kegiatan'), 'programkegiatansubkegiatan');
  assert.deepEqual([1, 26, 27, 52, 703].map(hurufKolom), ['A', 'Z', 'AA', 'AZ', 'AAA']);
});

void test('the header is found below a title, in a two-row header with merged cells, in any column order', () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DPA');
  ws.getCell('A1').value = 'DOKUMEN PELAKSANAAN ANGGARAN 2023';
  ws.mergeCells('A1:F1');
  ws.getCell('A3').value = 'Uraian';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = 'Kode Rekening';
  ws.mergeCells('B3:B4');
  ws.getCell('C3').value = 'Indikator Kinerja';
  ws.mergeCells('C3:D3');
  ws.getCell('C4').value = 'Tolak Ukur';
  ws.getCell('D4').value = 'Target';
  ws.getCell('E3').value = 'Anggaran';
  ws.mergeCells('E3:F3');
  ws.getCell('E4').value = 'Jumlah';
  ws.getCell('F4').value = 'Realisasi';
  const found = temukanJudul(ws, SPEK_RENJA);
  assert.ok('judul' in found);
  assert.equal(found.judul.baris, 4);
  assert.deepEqual(Object.fromEntries([...found.judul.kolom].map(([k, v]) => [k, `${v.huruf} ${v.teks}`])), {
    nama: 'A Uraian',
    kode: 'B Kode Rekening',
    indikator: 'C Tolak Ukur',
    target: 'D Indikator Kinerja / Target',
    pagu: 'E Jumlah',
    realisasi: 'F Anggaran / Realisasi',
  });
});

void test('the file checks: size, ZIP signature, workbook part', async () => {
  const ok = await bukuSederhana({ A: [['x']] });
  assert.equal(periksaXlsx(ok), undefined);
  assert.match(periksaXlsx(ok, 100) ?? '', /melebihi batas/);
  assert.match(periksaXlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])) ?? '', /\.xls\) tidak didukung/);
  assert.equal(periksaXlsx(Buffer.alloc(0)), 'berkas kosong');
});

void test('a zip bomb is refused from the ZIP directory, naming the limit, before ExcelJS inflates anything', async () => {
  const tolak = async (buf: Buffer, pola: RegExp, batas?: BatasZip) => {
    const e = await muatWorkbook(buf, 'bom.xlsx', undefined, batas).then(
      () => undefined,
      (x: unknown) => x,
    );
    assert.ok(e instanceof BatasTerlampaui, `expected a refusal matching ${pola}, got ${String(e)}`);
    assert.match(e.galat[0]?.pesan ?? '', pola);
  };
  // 40 MB of rows in a 130 KB file: the ratio.
  const bom = await bomXlsx(40);
  assert.ok(bom.length < 200 * 1024, `${bom.length}`);
  await tolak(bom, /^bagian "xl\/worksheets\/sheet1\.xml" mengembang [\d.]+ kali \(.*\), melebihi batas 100 kali/);
  // A part declared beyond the per-part limit, and a whole beyond the total (here with a smaller limit).
  await tolak(await bomXlsx(1, { terurai: 2 ** 32 - 2 }), /^bagian "xl\/worksheets\/sheet1\.xml" berukuran 4\.096 MB setelah diurai, melebihi batas 64 MB per bagian$/);
  await tolak(await bukuSederhana({ A: [['x']] }), /^isi berkas [\d,]+ MB setelah diurai, melebihi batas 0,01 MB$/, { ...BATAS_ZIP_IMPOR, terurai: 10_000 });
  // Too many entries.
  const banyak = zipMentah([{ nama: 'xl/workbook.xml', isi: Buffer.from('<workbook/>') }, ...Array.from({ length: 1000 }, (_, i) => ({ nama: `xl/media/${i}.bin`, isi: Buffer.from('x') }))]);
  await tolak(banyak, /^arsip \.xlsx berisi 1\.001 entri, melebihi batas 1\.000 entri$/);
});

void test('a ZIP directory that understates a part is caught while inflating, after at most the declared size', async () => {
  // 3 MB of rows declared as 600 KB: the ratio check sees 600 KB and passes it, the inflater stops at 600 KB.
  const bohong = await bomXlsx(3, { terurai: 600 * 1024 });
  const e = await muatWorkbook(bohong, 'bohong.xlsx').then(
    () => undefined,
    (x: unknown) => x,
  );
  assert.ok(e instanceof ImporError && !(e instanceof BatasTerlampaui), String(e));
  assert.match(e.galat[0]?.pesan ?? '', /^bagian "xl\/worksheets\/sheet1\.xml" mengembang melebihi ukuran yang tercatat di direktori ZIP \(0,59 MB\)/);
  // The same workbook with honest sizes is read.
  const jujur = await bomXlsx(0.5);
  assert.equal((await muatWorkbook(jujur, 'jujur.xlsx')).worksheets.length, 1);
});

void test('a lone cell far below the data does not make the reader create every row above it', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Renja');
  ws.addRow(['Kode', 'Uraian', 'Pagu']);
  ws.addRow(['1', 'Urusan', 1000]);
  ws.getCell('C1048576').value = 1;
  const dibaca = await muatWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'jauh.xlsx');
  const lembar = dibaca.worksheets[0];
  assert.ok(lembar);
  const found = temukanJudul(lembar, SPEK_RENJA);
  assert.ok('judul' in found);
  const baca = new PembacaBaris(lembar.name, found.judul, new DaftarGalat());
  const rows = barisData(lembar, found.judul, baca, ['kode', 'nama', 'pagu']);
  assert.deepEqual(rows.map((r) => r.number), [2, 1048576]);
  // Rows 11 … 1.048.575 were never created (the header search looks at the first 10).
  const dibuat = (lembar as unknown as { _rows: unknown[] })._rows.filter(Boolean).length;
  assert.ok(dibuat <= 11, `${dibuat} rows created`);
});

test('the cell kinds read without loading ExcelJS are its ValueType numbers', () => {
  const dariPustaka = Object.fromEntries(Object.entries(ExcelJS.ValueType).filter(([k]) => Number.isNaN(Number(k))));
  assert.deepEqual({ ...JENIS_SEL }, dariPustaka);
});
