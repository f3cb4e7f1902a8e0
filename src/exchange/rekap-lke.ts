/**
 * The pemda's recap of every OPD's SAKIP evaluation of a year as a workbook (one sheet, "Rekap
 * Evaluasi"): per OPD the tier the evaluation stands at, the score of each component, the total,
 * the grade, the rank, and how many recommendations were given and followed up. Rows are ranked by
 * the exact total, highest first; equal totals share a rank (1, 2, 2, 4); OPDs without an
 * evaluation (or without a total) come last, by name, with no rank. Scores are the engine's exact strings, written as numeric cells rounded
 * to 2 decimals for the cell only (format 0.00), so Excel shows and sorts them as numbers.
 */
import { formatAngka, Rational } from '../engine/index.ts';
import type { BarisRekapLke } from '../report/lhe-data.ts';
import { gayaJudul } from './renja-xlsx.ts';

export const LEMBAR_REKAP_LKE = 'Rekap Evaluasi';
export const FMT_NILAI_LKE = '0.00';
/** Row of the column headers; the title is on row 1. */
export const BARIS_KEPALA_REKAP = 3;

const TAHAP: Record<NonNullable<BarisRekapLke['tahap']>, string> = {
  ringkas: 'Ringkas (per sub komponen)',
  mandiri: 'Penilaian mandiri',
  evaluator: 'Evaluator',
  supervisor: 'Pengendali teknis',
  final: 'Final',
};
export const BELUM_DIEVALUASI = 'Belum dievaluasi';

/** The exact decimal string as a cell number: rounded to 2 decimals, half away from zero. */
const angka = (s: string): number => Number(Rational.from(s).toFixed(2));

/** The rows in their order with their rank (null: not evaluated), ties sharing the rank. */
export function urutkanRekapLke(baris: readonly BarisRekapLke[]): Array<{ baris: BarisRekapLke; peringkat: number | null }> {
  const dinilai = baris
    .filter((b): b is BarisRekapLke & { total: string } => b.tahap !== null && b.total !== null)
    .map((b) => ({ b, total: Rational.from(b.total) }))
    .sort((x, y) => y.total.cmp(x.total) || x.b.nama.localeCompare(y.b.nama, 'id'));
  const belum = baris.filter((b) => b.tahap === null || b.total === null).sort((x, y) => x.nama.localeCompare(y.nama, 'id'));
  const hasil: Array<{ baris: BarisRekapLke; peringkat: number | null }> = [];
  dinilai.forEach((x, i) => {
    const sebelum = dinilai[i - 1];
    const prev = hasil[i - 1];
    const peringkat = sebelum && prev && sebelum.total.equals(x.total) ? prev.peringkat : i + 1;
    hasil.push({ baris: x.b, peringkat });
  });
  for (const b of belum) hasil.push({ baris: b, peringkat: null });
  return hasil;
}

export async function rekapLkeXlsx(pemdaNama: string, tahun: number, baris: BarisRekapLke[]): Promise<Buffer> {
  // The components, in the order the rows give them (first seen first): each is one column.
  const komponen: Array<{ kode: string; nama: string; bobot: number }> = [];
  for (const b of baris) for (const k of b.komponen) if (!komponen.some((x) => x.kode === k.kode)) komponen.push({ kode: k.kode, nama: k.nama, bobot: k.bobot });

  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'SIKIPER';
  wb.title = `Rekap Evaluasi Akuntabilitas Kinerja ${pemdaNama} Tahun ${tahun}`;
  const ws = wb.addWorksheet(LEMBAR_REKAP_LKE, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: BARIS_KEPALA_REKAP }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${BARIS_KEPALA_REKAP}:${BARIS_KEPALA_REKAP}` },
  });
  ws.getCell(1, 1).value = `Rekap Hasil Evaluasi Akuntabilitas Kinerja Perangkat Daerah ${pemdaNama} Tahun ${tahun}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };

  const kolom: Array<{ judul: string; lebar: number }> = [
    { judul: 'No', lebar: 5 },
    { judul: 'Perangkat Daerah', lebar: 40 },
    { judul: 'Tahap', lebar: 18 },
    ...komponen.map((k) => ({ judul: `${k.nama} (${formatAngka(k.bobot, 2, { buangNolBelakang: true })})`, lebar: 16 })),
    { judul: 'Nilai', lebar: 9 },
    { judul: 'Predikat', lebar: 9 },
    { judul: 'Peringkat', lebar: 10 },
    { judul: 'Rekomendasi', lebar: 13 },
    { judul: 'Selesai ditindaklanjuti', lebar: 14 },
  ];
  const head = ws.getRow(BARIS_KEPALA_REKAP);
  head.values = kolom.map((k) => k.judul);
  gayaJudul(head);
  kolom.forEach((k, i) => (ws.getColumn(i + 1).width = k.lebar));

  const kNilai = 4 + komponen.length;
  urutkanRekapLke(baris).forEach(({ baris: b, peringkat }, i) => {
    const nilai = new Map(b.komponen.map((k) => [k.kode, k.nilai]));
    const row = ws.addRow([
      i + 1,
      b.nama,
      b.tahap === null ? BELUM_DIEVALUASI : TAHAP[b.tahap],
      ...komponen.map((k) => {
        const v = nilai.get(k.kode);
        return v === undefined ? null : angka(v);
      }),
      b.total === null ? null : angka(b.total),
      b.predikat ?? null,
      peringkat,
      b.rekomendasi,
      b.rekomendasiSelesai,
    ]);
    for (let c = 4; c <= kNilai; c++) row.getCell(c).numFmt = FMT_NILAI_LKE;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    for (const c of [1, kNilai + 1, kNilai + 2]) row.getCell(c).alignment = { horizontal: 'center', vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
