/**
 * The tables of one OPD-year as a workbook, one sheet per table: the plan (Renstra, IKU, Renja,
 * Perjanjian Kinerja) and the computed LKJIP tables (Tabel 3.3 and the per-sasaran tables,
 * Tabel 3.16/3.17/3.18 with the account groups). Numbers are numbers with number formats
 * (#,##0 for rupiah, #,##0.00 for values and percentages) so that Excel shows them with the
 * reader's separators, 1.234.567,89 in Indonesian Excel; header rows are frozen. Percentages are
 * the published values (rounded to 2 decimals, as the JSON tables give them), so that sums made
 * in Excel agree with what is displayed. The Renja sheet uses the import layout and can be
 * imported back with `import-renja`.
 *
 * The whole dataset (every table of every OPD, losslessly) is `dataset-xlsx.ts`.
 */
import type ExcelJS from 'exceljs';
import type { Dataset, NodeRenjaData } from '../dataset/schema.ts';
import { statusText, toJson, type Nilai } from '../engine/index.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { konteks, pkTerakhir, renjaTerakhir } from '../measure/konteks.ts';
import { FMT_ANGKA, FMT_RUPIAH, gayaJudul, tulisLembarRenja } from './renja-xlsx.ts';
import { normalJudul } from './xlsx.ts';

type Format = 'teks' | 'angka' | 'rupiah';

interface KolomTabel {
  judul: string;
  lebar: number;
  format?: Format;
}

const NAMA_LEVEL: Readonly<Record<NodeRenjaData['level'], string>> = {
  urusan: 'Urusan',
  'bidang-urusan': 'Bidang Urusan',
  program: 'Program',
  kegiatan: 'Kegiatan',
  'sub-kegiatan': 'Sub Kegiatan',
};

/** A computed figure: its value as published, or why there is none. */
function nilai(n: Nilai): number | string {
  return toJson(n, 2) ?? statusText(n) ?? '';
}

const BARIS_JUDUL = 3;

/**
 * One table on its own sheet: title on row 1, the source line on row 2, header on row 3
 * (frozen with the first column), then the rows; rows listed in `tebal` are bold.
 */
function tabel(wb: ExcelJS.Workbook, nama: string, judul: string, kolom: readonly KolomTabel[], baris: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>, opsi: { tebal?: ReadonlySet<number>; sumber?: string } = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(nama, { views: [{ state: 'frozen', xSplit: 1, ySplit: BARIS_JUDUL }] });
  ws.getCell(1, 1).value = judul;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  if (opsi.sumber) {
    ws.getCell(2, 1).value = opsi.sumber;
    ws.getCell(2, 1).font = { italic: true, size: 9 };
  }
  const head = ws.getRow(BARIS_JUDUL);
  head.values = kolom.map((k) => k.judul);
  gayaJudul(head);
  kolom.forEach((k, i) => (ws.getColumn(i + 1).width = k.lebar));
  baris.forEach((cells, i) => {
    const row = ws.addRow([...cells]);
    kolom.forEach((k, c) => {
      if (k.format === 'rupiah') row.getCell(c + 1).numFmt = FMT_RUPIAH;
      else if (k.format === 'angka') row.getCell(c + 1).numFmt = FMT_ANGKA;
      else row.getCell(c + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    if (opsi.tebal?.has(i)) row.font = { bold: true };
  });
  return ws;
}

export async function eksporTabelXlsx(d: Dataset, opdSlug: string, tahun: number): Promise<Buffer> {
  const k = konteks(d, opdSlug, tahun);
  const cap = hitungCapaian(d, opdSlug, tahun);
  const ang = hitungAnggaran(d, opdSlug, tahun, cap);
  const opd = k.opd;
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'SIKIPER';
  wb.title = `Tabel Kinerja ${opd.nama} ${tahun}`;
  const di = `${opd.nama} ${d.pemda.nama}`;

  // ---------------------------------------------------------------- plan
  const r = k.renstra;
  const years: number[] = [];
  for (let y = r.periodeAwal; y <= r.periodeAkhir; y++) years.push(y);
  tabel(
    wb,
    'Renstra',
    `Tujuan, Sasaran dan Indikator Renstra ${r.periodeAwal}–${r.periodeAkhir} — ${di}`,
    [
      { judul: 'Tujuan', lebar: 34 },
      { judul: 'Sasaran', lebar: 34 },
      { judul: 'Kode', lebar: 10 },
      { judul: 'Indikator', lebar: 44 },
      { judul: 'Satuan', lebar: 10 },
      { judul: 'IKU', lebar: 6 },
      { judul: 'Baseline', lebar: 11, format: 'angka' },
      ...years.map((y): KolomTabel => ({ judul: `Target ${y}`, lebar: 11, format: 'angka' })),
      { judul: 'Target Akhir', lebar: 11, format: 'angka' },
    ],
    [...r.sasaran]
      .sort((a, b) => a.nomor - b.nomor)
      .flatMap((s) =>
        s.indikator.map((i) => [
          r.tujuan.find((t) => t.kode === s.tujuan)?.uraian ?? s.tujuan,
          `${s.nomor}. ${s.uraian}`,
          i.kode,
          i.nama,
          i.satuan,
          i.iku ? 'Ya' : '',
          i.baseline?.nilai ?? null,
          ...years.map((y) => i.target.find((t) => t.tahun === y)?.nilai ?? null),
          i.targetAkhir?.nilai ?? null,
        ]),
      ),
    { sumber: r.nomorDokumen ? `Sumber: ${r.nomorDokumen}` : undefined },
  );

  const iku = [...r.iku].sort((a, b) => b.versi - a.versi)[0];
  const sasaranNama = new Map(r.sasaran.map((s) => [s.kode, `${s.nomor}. ${s.uraian}`]));
  tabel(
    wb,
    'IKU',
    `Indikator Kinerja Utama${iku ? ` (${iku.nama})` : ''} — ${di}`,
    [
      { judul: 'No', lebar: 5 },
      { judul: 'Sasaran', lebar: 36 },
      { judul: 'Indikator Kinerja Utama', lebar: 44 },
      { judul: 'Formulasi', lebar: 50 },
      { judul: 'Sumber Data', lebar: 28 },
      { judul: 'Penanggung Jawab', lebar: 28 },
    ],
    iku
      ? iku.baris.map((b, i) => [i + 1, sasaranNama.get(b.sasaran) ?? b.sasaran, b.nama, b.formula, b.sumberData ?? '', b.penanggungJawab ?? ''])
      : r.sasaran.flatMap((s) => s.indikator.filter((i) => i.iku)).map((i, n) => [n + 1, '', i.nama, i.formula?.teks ?? '', i.sumberData ?? '', i.penanggungJawab.join(', ')]),
    { sumber: iku?.nomorDokumen ? `Sumber: ${iku.nomorDokumen}` : undefined },
  );

  const nodes = renjaTerakhir(k.data);
  const versiRenja = k.data.renja.find((v) => v.versi === 'perubahan') ?? k.data.renja[0];
  const ws = wb.addWorksheet('Renja');
  // Names read better than codes; a name two units share is written as the code so that re-import finds the right one.
  const namaUnit = new Map<string, number>();
  for (const u of opd.unit) namaUnit.set(normalJudul(u.nama), (namaUnit.get(normalJudul(u.nama)) ?? 0) + 1);
  tulisLembarRenja(ws, nodes, {
    unit: (kode) => {
      const u = opd.unit.find((x) => x.kode === kode);
      return u && namaUnit.get(normalJudul(u.nama)) === 1 ? u.nama : kode;
    },
  });
  if (versiRenja) ws.headerFooter.oddHeader = `Renja ${versiRenja.versi} ${tahun} — ${opd.nama}`;

  const pk = pkTerakhir(k.data);
  if (pk) {
    const indikatorNama = new Map(r.sasaran.flatMap((s) => s.indikator).map((i) => [i.kode, i.nama]));
    tabel(
      wb,
      'PK',
      `${pk.nama} Tahun ${tahun} — ${di}`,
      [
        { judul: 'No', lebar: 5 },
        { judul: 'Sasaran Strategis', lebar: 40 },
        { judul: 'Kode Indikator', lebar: 12 },
        { judul: 'Indikator Kinerja', lebar: 44 },
        { judul: 'Target', lebar: 12, format: 'angka' },
        { judul: 'Target (tertulis)', lebar: 16 },
      ],
      pk.kinerja.map((x, i) => [i + 1, sasaranNama.get(x.sasaran) ?? x.sasaran, x.indikator, indikatorNama.get(x.indikator) ?? x.indikator, x.target, x.targetTeks ?? '']),
      { sumber: `${pk.pihakPertama.jabatan} — ${pk.pihakKedua.jabatan}${pk.tanggal ? `, ${pk.tanggal}` : ''}` },
    );
    const nodeNama = new Map(nodes.map((n) => [n.kode, n.nama]));
    tabel(
      wb,
      'PK Anggaran',
      `Program, Kegiatan dan Anggaran ${pk.nama} Tahun ${tahun}`,
      [
        { judul: 'No', lebar: 5 },
        { judul: 'Kode Program', lebar: 12 },
        { judul: 'Program', lebar: 40 },
        { judul: 'Kode Kegiatan', lebar: 16 },
        { judul: 'Kegiatan', lebar: 44 },
        { judul: 'Anggaran (Rp)', lebar: 18, format: 'rupiah' },
        { judul: 'Sumber Dana', lebar: 12 },
      ],
      pk.anggaran.map((a, i) => [i + 1, a.program, nodeNama.get(a.program) ?? '', a.kegiatan, nodeNama.get(a.kegiatan) ?? '', a.pagu, a.sumberDana]),
    );
  }

  // ---------------------------------------------------------------- capaian
  const iku33 = cap.sasaran.flatMap((s) =>
    s.indikator.map((i, idx) => [idx === 0 ? s.nomor : null, idx === 0 ? s.uraian : '', i.kode, i.nama, i.satuan, nilai(i.target.nilai), nilai(i.realisasi.nilai), nilai(i.capaian), i.predikat ?? '']),
  );
  tabel(
    wb,
    'Tabel 3.3',
    `Tabel 3.3 Capaian Indikator Kinerja Utama Sasaran Strategis ${opd.nama} Tahun ${tahun}`,
    [
      { judul: 'No', lebar: 5 },
      { judul: 'Sasaran', lebar: 36 },
      { judul: 'Kode', lebar: 10 },
      { judul: 'Indikator Sasaran', lebar: 44 },
      { judul: 'Satuan', lebar: 10 },
      { judul: 'Target', lebar: 12, format: 'angka' },
      { judul: 'Realisasi', lebar: 12, format: 'angka' },
      { judul: 'Capaian (%)', lebar: 12, format: 'angka' },
      { judul: 'Predikat', lebar: 16 },
    ],
    [...iku33, [null, 'Rata-rata Capaian Kinerja', '', '', '', null, null, nilai(cap.rataRata.capaian), cap.rataRata.predikat ?? '']],
    { tebal: new Set([iku33.length]), sumber: `Skala: ${cap.skala.nama}` },
  );

  cap.sasaran.forEach((s, index) => {
    const base = 4 + index * 3;
    tabel(
      wb,
      `Tabel 3.${base}`,
      `Tabel 3.${base} Analisis Pencapaian Sasaran Strategis ${s.nomor} ${s.uraian}`,
      [
        { judul: 'Indikator Kinerja', lebar: 44 },
        { judul: 'Satuan', lebar: 10 },
        { judul: `Target ${tahun - 1}`, lebar: 12, format: 'angka' },
        { judul: `Realisasi ${tahun - 1}`, lebar: 12, format: 'angka' },
        { judul: `Capaian ${tahun - 1} (%)`, lebar: 12, format: 'angka' },
        { judul: `Target ${tahun}`, lebar: 12, format: 'angka' },
        { judul: `Realisasi ${tahun}`, lebar: 12, format: 'angka' },
        { judul: `Capaian ${tahun} (%)`, lebar: 12, format: 'angka' },
      ],
      [
        ...s.indikator.map((i) => [i.nama, i.satuan, nilai(i.lalu.target.nilai), nilai(i.lalu.realisasi.nilai), nilai(i.lalu.capaian), nilai(i.target.nilai), nilai(i.realisasi.nilai), nilai(i.capaian)]),
        ['Rata-rata capaian kinerja', '', null, null, nilai(s.capaianLalu), null, null, nilai(s.capaian)],
      ],
      { tebal: new Set([s.indikator.length]) },
    );
    tabel(
      wb,
      `Tabel 3.${base + 1}`,
      `Tabel 3.${base + 1} Target Akhir Renstra Sasaran ${s.nomor} ${s.uraian}`,
      [
        { judul: 'Indikator Kinerja', lebar: 44 },
        { judul: 'Satuan', lebar: 10 },
        { judul: `Target ${r.periodeAkhir}`, lebar: 12, format: 'angka' },
        { judul: `Realisasi ${tahun}`, lebar: 12, format: 'angka' },
        { judul: 'Tingkat Capaian (%)', lebar: 14, format: 'angka' },
      ],
      [...s.indikator.map((i) => [i.nama, i.satuan, nilai(i.akhir.target.nilai), nilai(i.realisasi.nilai), nilai(i.akhir.capaian)]), ['Rata-rata capaian kinerja', '', null, null, nilai(s.capaianAkhir)]],
      { tebal: new Set([s.indikator.length]) },
    );
    const rows = s.program.flatMap((p) =>
      (p.indikator.length > 0 ? p.indikator : [undefined]).map((i, idx) => [
        idx === 0 ? p.kode : '',
        idx === 0 ? NAMA_LEVEL[p.level] : '',
        idx === 0 ? p.nama : '',
        i?.nama ?? '',
        i?.satuan ?? '',
        i ? (i.targetTeks ?? nilai(i.target)) : null,
        i ? nilai(i.realisasi) : null,
        i ? nilai(i.capaian) : null,
      ]),
    );
    const bold = new Set<number>();
    let at = 0;
    for (const p of s.program) {
      if (p.level === 'program') bold.add(at);
      at += Math.max(1, p.indikator.length);
    }
    tabel(
      wb,
      `Tabel 3.${base + 2}`,
      `Tabel 3.${base + 2} Capaian Kinerja Program dan Kegiatan yang Mendukung Sasaran Strategis ${s.nomor}`,
      [
        { judul: 'Kode', lebar: 16 },
        { judul: 'Tingkat', lebar: 10 },
        { judul: 'Program / Kegiatan', lebar: 44 },
        { judul: 'Indikator Kinerja', lebar: 44 },
        { judul: 'Satuan', lebar: 10 },
        { judul: `Target ${tahun}`, lebar: 12, format: 'angka' },
        { judul: `Realisasi ${tahun}`, lebar: 12, format: 'angka' },
        { judul: 'Capaian (%)', lebar: 12, format: 'angka' },
      ],
      rows,
      { tebal: bold },
    );
  });

  // ---------------------------------------------------------------- anggaran
  const t316 = 4 + cap.sasaran.length * 3;
  const baris316 = ang.baris.map((b) => [b.kode, NAMA_LEVEL[b.level], b.nama, b.pagu, b.realisasi, b.pagu - b.realisasi, nilai(b.serapan)]);
  tabel(
    wb,
    `Tabel 3.${t316}`,
    `Tabel 3.${t316} Realisasi Anggaran ${opd.nama} Tahun ${tahun}${ang.versi ? ` (${ang.versi})` : ''}`,
    [
      { judul: 'Kode', lebar: 20 },
      { judul: 'Tingkat', lebar: 12 },
      { judul: 'Program / Kegiatan / Sub Kegiatan', lebar: 55 },
      { judul: 'Pagu (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Realisasi (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Sisa (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Serapan (%)', lebar: 12, format: 'angka' },
    ],
    [...baris316, ['', '', 'Total', ang.total.pagu, ang.total.realisasi, ang.total.sisa, nilai(ang.total.serapan)]],
    { tebal: new Set([...ang.baris.flatMap((b, i) => (b.level === 'program' ? [i] : [])), baris316.length]), sumber: 'Sumber: DPA dan laporan realisasi anggaran' },
  );
  tabel(
    wb,
    'Kelompok Belanja',
    `Pagu dan Realisasi per Kelompok Belanja ${opd.nama} Tahun ${tahun}`,
    [
      { judul: 'Kelompok Belanja', lebar: 30 },
      { judul: 'Pagu (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Realisasi (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Sisa (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Serapan (%)', lebar: 12, format: 'angka' },
    ],
    ang.kelompok.map((g) => [g.kelompok, g.pagu, g.realisasi, g.sisa, nilai(g.serapan)]),
  );
  const baris317 = ang.sasaran.flatMap((s) =>
    s.program.length === 0 ? [[s.nomor, s.uraian, '', '', null, null, null]] : s.program.map((p, i) => [i === 0 ? s.nomor : null, i === 0 ? s.uraian : '', p.kode, p.nama, p.pagu, p.realisasi, nilai(p.serapan)]),
  );
  tabel(
    wb,
    `Tabel 3.${t316 + 1}`,
    `Tabel 3.${t316 + 1} Realisasi Anggaran per Sasaran Strategis dan Program Tahun ${tahun}`,
    [
      { judul: 'No', lebar: 5 },
      { judul: 'Sasaran', lebar: 40 },
      { judul: 'Kode', lebar: 10 },
      { judul: 'Program', lebar: 44 },
      { judul: 'Pagu Anggaran (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Realisasi Anggaran (Rp)', lebar: 18, format: 'rupiah' },
      { judul: 'Capaian (%)', lebar: 12, format: 'angka' },
    ],
    baris317,
  );
  const baris318 = ang.sasaran.map((s) => [s.nomor, s.uraian, nilai(s.capaianKinerja), nilai(s.serapanRataRataProgram), nilai(s.efisiensi), nilai(s.serapanTertimbang), nilai(s.efisiensiTertimbang)]);
  const rr = ang.rataRata;
  tabel(
    wb,
    `Tabel 3.${t316 + 2}`,
    `Tabel 3.${t316 + 2} Tingkat Efisiensi Penggunaan Anggaran Tahun ${tahun}`,
    [
      { judul: 'No', lebar: 5 },
      { judul: 'Sasaran', lebar: 44 },
      { judul: '% Capaian Kinerja', lebar: 14, format: 'angka' },
      { judul: '% Capaian Realisasi Anggaran (rata-rata program)', lebar: 18, format: 'angka' },
      { judul: 'Tingkat Efisiensi', lebar: 14, format: 'angka' },
      { judul: '% Serapan Tertimbang', lebar: 14, format: 'angka' },
      { judul: 'Efisiensi Tertimbang', lebar: 14, format: 'angka' },
    ],
    [...baris318, [null, 'Rata-rata', nilai(rr.capaianKinerja), nilai(rr.serapanRataRataProgram), nilai(rr.efisiensi), nilai(rr.serapanTertimbang), nilai(rr.efisiensiTertimbang)]],
    { tebal: new Set([baris318.length]) },
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
