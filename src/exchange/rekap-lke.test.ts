/**
 * The pemda's evaluation recap workbook, read back with ExcelJS: rows ranked by total with ties
 * sharing a rank, the OPD without an evaluation last with no rank, scores as numeric cells with
 * 2 decimals, the headers and the print setup. Expected values are written by hand from the rows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import type { BarisRekapLke } from '../report/lhe-data.ts';
import { rekapLkeXlsx } from './rekap-lke.ts';

const P = { kode: '1', nama: 'Perencanaan Kinerja', bobot: 30 };
const L = { kode: '3', nama: 'Pelaporan Kinerja', bobot: 12.5 };

// In no particular order; Bappeda and Dinas PUPR tie at 80.125.
const BARIS: BarisRekapLke[] = [
  { opd: 'dinkes', nama: 'Dinas Kesehatan', tahap: null, total: null, predikat: null, komponen: [], rekomendasi: 0, rekomendasiSelesai: 0 },
  { opd: 'dpupr', nama: 'Dinas PUPR', tahap: 'final', total: '80.125', predikat: 'A', komponen: [{ ...P, nilai: '26' }, { ...L, nilai: '11.5' }], rekomendasi: 1, rekomendasiSelesai: 1 },
  { opd: 'disdik', nama: 'Dinas Pendidikan', tahap: 'evaluator', total: '72.4583333333', predikat: 'BB', komponen: [{ ...P, nilai: '24.375' }, { ...L, nilai: '10' }], rekomendasi: 2, rekomendasiSelesai: 0 },
  { opd: 'bappeda', nama: 'Bappeda', tahap: 'final', total: '80.125', predikat: 'A', komponen: [{ ...P, nilai: '27.005' }, { ...L, nilai: '12' }], rekomendasi: 3, rekomendasiSelesai: 2 },
  { opd: 'setda', nama: 'Sekretariat Daerah', tahap: 'supervisor', total: '90.005', predikat: 'AA', komponen: [{ ...P, nilai: '29.1' }, { ...L, nilai: '12.5' }], rekomendasi: 0, rekomendasiSelesai: 0 },
];

async function baca(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await rekapLkeXlsx('Kabupaten Paser', 2024, BARIS)) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Rekap Evaluasi');
  assert.ok(ws, 'sheet "Rekap Evaluasi"');
  return ws;
}

const nilai = (ws: ExcelJS.Worksheet, r: number): unknown[] => Array.from({ length: 10 }, (_, i) => ws.getCell(r, i + 1).value);

void test('title, one column per component with its weight, frozen header, A4 landscape fit to width', async () => {
  const ws = await baca();
  assert.equal(ws.getCell(1, 1).value, 'Rekap Hasil Evaluasi Akuntabilitas Kinerja Perangkat Daerah Kabupaten Paser Tahun 2024');
  assert.deepEqual(nilai(ws, 3), ['No', 'Perangkat Daerah', 'Tahap', 'Perencanaan Kinerja (30)', 'Pelaporan Kinerja (12,5)', 'Nilai', 'Predikat', 'Peringkat', 'Rekomendasi', 'Selesai ditindaklanjuti']);
  assert.equal(ws.getCell(3, 1).font.bold, true);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 3);
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.fitToWidth, 1);
  assert.equal(ws.pageSetup.fitToHeight, 0);
  assert.equal(ws.pageSetup.printTitlesRow, '3:3', 'the header repeats on every printed page');
  assert.equal(ws.rowCount, 8, 'title, blank, header and five rows');
});

void test('ranked by total, ties share the rank, the unevaluated OPD last with no rank; scores are numbers', async () => {
  const ws = await baca();
  assert.deepEqual(nilai(ws, 4), [1, 'Sekretariat Daerah', 'Pengendali teknis', 29.1, 12.5, 90.01, 'AA', 1, 0, 0]);
  assert.deepEqual(nilai(ws, 5), [2, 'Bappeda', 'Final', 27.01, 12, 80.13, 'A', 2, 3, 2]);
  assert.deepEqual(nilai(ws, 6), [3, 'Dinas PUPR', 'Final', 26, 11.5, 80.13, 'A', 2, 1, 1]);
  assert.deepEqual(nilai(ws, 7), [4, 'Dinas Pendidikan', 'Evaluator', 24.38, 10, 72.46, 'BB', 4, 2, 0]);
  assert.deepEqual(nilai(ws, 8), [5, 'Dinas Kesehatan', 'Belum dievaluasi', null, null, null, null, null, 0, 0]);
  for (const c of [4, 5, 6]) {
    assert.equal(ws.getCell(5, c).type, ExcelJS.ValueType.Number);
    assert.equal(ws.getCell(5, c).numFmt, '0.00');
  }
});
