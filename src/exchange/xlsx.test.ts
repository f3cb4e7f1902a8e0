import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { SPEK_RENJA } from './renja-xlsx.ts';
import { angkaDariTeks, hurufKolom, normalJudul, periksaXlsx, rupiahDariSel, temukanJudul } from './xlsx.ts';
import { bukuSederhana } from './testing.ts';

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
