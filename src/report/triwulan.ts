/**
 * The quarterly monitoring workbook of one OPD-year (.xlsx): realisasi of every indicator
 * against its quarterly targets (rencana aksi), and budget absorption per program, kegiatan
 * and sub kegiatan. Numbers are stored as numbers with number formats, so Excel shows them
 * with the reader's separators (1.234.567,89 on an Indonesian system); header rows are frozen.
 */
import type ExcelJS from 'exceljs';
import type { Dataset } from '../dataset/schema.ts';
import { nilaiEntri, toJson, type Nilai } from '../engine/index.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { konteks, renjaTerakhir } from '../measure/konteks.ts';

const FMT_ANGKA = '#,##0.00';
const FMT_RUPIAH = '#,##0';

interface Baris {
  kode: string;
  nama: string;
  satuan: string;
  jenis: string;
  unit: string;
  target: number | null;
  capaian: Nilai | undefined;
  realisasiTahunan: Nilai | undefined;
}

function headerStyle(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF0' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

const numOrNull = (n: Nilai | undefined) => (n ? toJson(n) : null);

export async function buatTriwulanXlsx(d: Dataset, opdSlug: string, tahun: number, sampaiTriwulan: 1 | 2 | 3 | 4 = 4): Promise<Buffer> {
  const k = konteks(d, opdSlug, tahun);
  const cap = hitungCapaian(d, opdSlug, tahun);
  const ang = hitungAnggaran(d, opdSlug, tahun, cap);
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'SIKIPER';
  wb.title = `Monitoring Triwulan ${k.opd.nama} ${tahun}`;
  const quarters = ([1, 2, 3, 4] as const).filter((q) => q <= sampaiTriwulan);

  // ---------------------------------------------------------------- kinerja
  const ws = wb.addWorksheet('Kinerja', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  ws.getCell('A1').value = `Monitoring Realisasi Kinerja Triwulan ${sampaiTriwulan} Tahun ${tahun} — ${k.opd.nama} ${d.pemda.nama}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  const head = ['Kode', 'Indikator', 'Jenis', 'Satuan', 'Penanggung Jawab', 'Target Tahunan', ...quarters.flatMap((q) => [`Target TW${q}`, `Realisasi TW${q}`]), 'Realisasi Tahunan', 'Capaian (%)', 'Predikat', 'Status'];
  const headerRow = ws.getRow(3);
  headerRow.values = head;
  headerStyle(headerRow);
  ws.getRow(2).values = [];

  const unitNama = (kode: string) => k.opd.unit.find((u) => u.kode === kode)?.nama ?? kode;
  const rows: Baris[] = [];
  for (const s of cap.sasaran) {
    for (const i of s.indikator) {
      const src = k.renstra.sasaran.flatMap((x) => x.indikator).find((x) => x.kode === i.kode);
      rows.push({
        kode: i.kode,
        nama: i.nama,
        satuan: i.satuan,
        jenis: `Sasaran ${s.nomor}`,
        unit: (src?.penanggungJawab ?? []).map(unitNama).join(', '),
        target: toJson(i.target.nilai),
        capaian: i.capaian,
        realisasiTahunan: i.realisasi.nilai,
      });
    }
  }
  for (const n of renjaTerakhir(k.data)) {
    if (n.level !== 'program' && n.level !== 'kegiatan' && n.level !== 'sub-kegiatan') continue;
    for (const ind of n.indikator) {
      rows.push({ kode: ind.kode, nama: `${n.nama} — ${ind.nama}`, satuan: ind.satuan ?? '', jenis: n.level, unit: n.unit ? unitNama(n.unit) : '', target: ind.target ?? null, capaian: undefined, realisasiTahunan: undefined });
    }
  }
  const status = (kode: string) => {
    const list = k.data.realisasi.filter((r) => r.indikator === kode);
    return list.length === 0 ? 'belum diisi' : [...new Set(list.map((r) => r.status))].join(', ');
  };
  for (const r of rows) {
    const perQuarter = quarters.flatMap((q) => {
      const target = k.data.rencanaAksi.find((x) => x.indikator === r.kode && x.triwulan === q)?.target ?? null;
      const e = k.data.realisasi.find((x) => x.indikator === r.kode && x.triwulan === q);
      return [target, e ? toJson(nilaiEntri(e)) : null];
    });
    const tahunan = r.realisasiTahunan ?? (() => {
      const e = k.data.realisasi.find((x) => x.indikator === r.kode && x.triwulan === undefined);
      return e ? nilaiEntri(e) : undefined;
    })();
    const row = ws.addRow([r.kode, r.nama, r.jenis, r.satuan, r.unit, r.target, ...perQuarter, numOrNull(tahunan), numOrNull(r.capaian), r.capaian ? (cap.sasaran.flatMap((s) => s.indikator).find((i) => i.kode === r.kode)?.predikat ?? '') : '', status(r.kode)]);
    for (let c = 6; c <= 6 + perQuarter.length + 2; c++) row.getCell(c).numFmt = FMT_ANGKA;
  }
  ws.columns.forEach((col, idx) => {
    col.width = idx === 1 ? 60 : idx === 0 ? 16 : idx === 4 ? 28 : 14;
  });
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  // ---------------------------------------------------------------- anggaran
  const wa = wb.addWorksheet('Anggaran', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  wa.getCell('A1').value = `Realisasi Anggaran Tahun ${tahun} — ${k.opd.nama} (${ang.versi ?? 'tanpa DPA'})`;
  wa.getCell('A1').font = { bold: true, size: 13 };
  const ah = wa.getRow(3);
  ah.values = ['Kode', 'Program / Kegiatan / Sub Kegiatan', 'Tingkat', 'Pagu (Rp)', 'Realisasi (Rp)', 'Sisa (Rp)', 'Serapan (%)'];
  headerStyle(ah);
  for (const b of ang.baris) {
    const row = wa.addRow([b.kode, b.nama, b.level, b.pagu, b.realisasi, b.pagu - b.realisasi, toJson(b.serapan)]);
    if (b.level === 'program') row.font = { bold: true };
    [4, 5, 6].forEach((c) => (row.getCell(c).numFmt = FMT_RUPIAH));
    row.getCell(7).numFmt = FMT_ANGKA;
  }
  const total = wa.addRow(['', 'Total', '', ang.total.pagu, ang.total.realisasi, ang.total.sisa, toJson(ang.total.serapan)]);
  total.font = { bold: true };
  [4, 5, 6].forEach((c) => (total.getCell(c).numFmt = FMT_RUPIAH));
  total.getCell(7).numFmt = FMT_ANGKA;
  wa.columns.forEach((col, idx) => {
    col.width = idx === 1 ? 70 : idx === 0 ? 20 : 18;
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
