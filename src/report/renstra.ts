/**
 * The Renstra (Rencana Strategis) of the OPD for the review: the period and its decree, the
 * tujuan with their indicators, the sasaran strategis with their indicators, baseline, yearly
 * targets and end-of-period target, and the programs that carry each sasaran (as the Renja of
 * the year links them; the dataset keeps no five-year program table).
 */
import type { Dataset, IndikatorData } from '../dataset/schema.ts';
import { formatTanggal } from '../engine/index.ts';
import { konteks, renjaTerakhir } from '../measure/konteks.ts';
import { dokumenOpd, targetTahun, teksNilai } from './dokumen-opd.ts';
import type { Block, Cell, ReportDocument, TableColumn } from './model.ts';
import { c, h, num, p, rp, tabel, terbilang } from './teks.ts';

/** The years the Renstra sets targets for: the year after the base year to the last year. */
export function tahunTargetRenstra(periodeAwal: number, periodeAkhir: number): number[] {
  const years: number[] = [];
  for (let y = periodeAwal + 1; y <= periodeAkhir; y++) years.push(y);
  return years;
}

/** The baseline's year is printed only when it is not the Renstra's base year (the column header names that). */
function barisIndikator(ind: IndikatorData, years: readonly number[], tahunAwal: number): Cell[] {
  return [
    c(ind.nama),
    c(ind.satuan),
    num(ind.baseline ? `${teksNilai(ind.baseline)}${ind.baseline.tahun !== tahunAwal ? ` (${ind.baseline.tahun})` : ''}` : '-'),
    ...years.map((y) => num(teksNilai(targetTahun(ind, y)))),
    num(teksNilai(ind.targetAkhir ?? targetTahun(ind, years[years.length - 1] ?? 0))),
  ];
}

export function susunRenstra(d: Dataset, opdSlug: string, tahun: number): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const r = k.renstra;
  const opd = k.opd;
  const years = tahunTargetRenstra(r.periodeAwal, r.periodeAkhir);
  const kolomNilai: TableColumn[] = [{ width: 1 }, { width: 1.1, align: 'right' }, ...years.map(() => ({ width: 0.85, align: 'right' as const })), { width: 1.1, align: 'right' }];
  const kepalaNilai = (pertama: Cell[]): Cell[][] => [
    [...pertama, c('Satuan', { rowSpan: 2 }), c(`Kondisi Awal (Baseline ${r.periodeAwal})`, { rowSpan: 2 }), c('Target Kinerja', { colSpan: years.length }), c('Kondisi Akhir Renstra', { rowSpan: 2 })],
    years.map((y) => c(String(y))),
  ];
  const blocks: Block[] = [
    h(1, `RENCANA STRATEGIS ${opd.nama.toUpperCase()} TAHUN ${r.periodeAwal}–${r.periodeAkhir}`),
    p(
      `Rencana Strategis (Renstra) ${opd.nama} ${d.pemda.nama} periode ${r.periodeAwal}–${r.periodeAkhir}${r.nomorDokumen ? `, ditetapkan dengan ${r.nomorDokumen}` : ''}, memuat ${r.tujuan.length} (${terbilang(r.tujuan.length)}) tujuan dan ${r.sasaran.length} (${terbilang(r.sasaran.length)}) sasaran strategis beserta indikator, kondisi awal, target tahunan dan kondisi akhir periode. Dokumen ini disajikan untuk reviu tahun ${tahun}.`,
    ),
  ];
  const rpjmd = d.pemda.rpjmd.find((m) => m.periodeAwal <= tahun && tahun <= m.periodeAkhir);
  if (rpjmd) blocks.push(p(`Visi ${d.pemda.nama}: ${rpjmd.visi}`, false));

  // Tujuan and their indicators.
  const tujuanBody: Cell[][] = r.tujuan.flatMap((t, i) => {
    if (t.indikator.length === 0) return [[c(String(i + 1)), c(t.uraian), c('-', { colSpan: 4 + years.length })]];
    return t.indikator.map((ind, j) => [...(j === 0 ? [c(String(i + 1), { rowSpan: t.indikator.length }), c(t.uraian, { rowSpan: t.indikator.length })] : []), ...barisIndikator(ind, years, r.periodeAwal)]);
  });
  blocks.push(
    h(2, 'A. Tujuan'),
    tabel(
      `Tabel 1 Tujuan dan Indikator Tujuan ${opd.nama}`,
      [{ width: 0.5, align: 'center' }, { width: 2.6 }, { width: 2.4 }, ...kolomNilai],
      kepalaNilai([c('No', { rowSpan: 2 }), c('Tujuan', { rowSpan: 2 }), c('Indikator Tujuan', { rowSpan: 2 })]),
      tujuanBody,
      { small: true, source: `Sumber : Renstra ${opd.singkatan ?? opd.nama} ${r.periodeAwal}-${r.periodeAkhir}` },
    ),
  );

  // Sasaran strategis and their indicators.
  const sasaran = [...r.sasaran].sort((a, b) => a.nomor - b.nomor);
  const sasaranBody: Cell[][] = sasaran.flatMap((s) =>
    s.indikator.map((ind, j) => [
      ...(j === 0
        ? [c(String(s.nomor), { rowSpan: s.indikator.length }), c(s.uraian, { rowSpan: s.indikator.length }), c(r.tujuan.find((t) => t.kode === s.tujuan)?.uraian ?? s.tujuan, { rowSpan: s.indikator.length })]
        : []),
      ...barisIndikator(ind, years, r.periodeAwal),
    ]),
  );
  blocks.push(
    h(2, 'B. Sasaran Strategis'),
    tabel(
      `Tabel 2 Sasaran Strategis, Indikator Kinerja dan Target ${opd.nama}`,
      [{ width: 0.5, align: 'center' }, { width: 2.2 }, { width: 2 }, { width: 2.4 }, ...kolomNilai],
      kepalaNilai([c('No', { rowSpan: 2 }), c('Sasaran Strategis', { rowSpan: 2 }), c('Tujuan', { rowSpan: 2 }), c('Indikator Sasaran', { rowSpan: 2 })]),
      sasaranBody,
      { small: true, source: `Sumber : Renstra ${opd.singkatan ?? opd.nama} ${r.periodeAwal}-${r.periodeAkhir}` },
    ),
  );

  // Programs per sasaran, as the year's Renja links them.
  const program = renjaTerakhir(k.data).filter((n) => n.level === 'program');
  blocks.push(h(2, 'C. Program Perangkat Daerah'));
  if (program.length === 0) {
    blocks.push(p(`Belum ada Renja tahun ${tahun} yang tercatat, sehingga program yang mendukung setiap sasaran belum dapat disajikan.`));
  } else {
    const body: Cell[][] = sasaran.flatMap((s) => {
      const list = program.filter((n) => n.sasaran.includes(s.kode));
      if (list.length === 0) return [[c(String(s.nomor)), c(s.uraian), c('Tidak ada program yang dikaitkan dengan sasaran ini', { colSpan: 4 })]];
      return list.map((n, j) => [
        ...(j === 0 ? [c(String(s.nomor), { rowSpan: list.length }), c(s.uraian, { rowSpan: list.length })] : []),
        c(n.kode),
        c(n.nama),
        c(n.indikator.map((i) => i.nama).join('; ') || '-'),
        num(n.pagu === undefined ? '-' : rp(n.pagu)),
      ]);
    });
    const lepas = program.filter((n) => !n.sasaran.some((kode) => sasaran.some((s) => s.kode === kode)));
    for (const n of lepas) body.push([c('-'), c('Program penunjang / tidak dikaitkan dengan sasaran'), c(n.kode), c(n.nama), c(n.indikator.map((i) => i.nama).join('; ') || '-'), num(n.pagu === undefined ? '-' : rp(n.pagu))]);
    blocks.push(
      p(`Program yang mendukung setiap sasaran strategis, dengan indikator program dan pagu menurut Renja tahun ${tahun}.`),
      tabel(
        `Tabel 3 Program yang Mendukung Sasaran Strategis (Renja Tahun ${tahun})`,
        [{ width: 0.5, align: 'center' }, { width: 2.4 }, { width: 1.2 }, { width: 2.8 }, { width: 3 }, { width: 1.6, align: 'right' }],
        [[c('No'), c('Sasaran Strategis'), c('Kode'), c('Program'), c('Indikator Program'), c(`Pagu ${tahun} (Rp)`)]],
        body,
        { small: true },
      ),
    );
  }
  const iku = [...r.iku].sort((a, b) => b.versi - a.versi)[0];
  if (iku?.nomorDokumen) blocks.push(p(`Indikator Kinerja Utama periode ini ditetapkan dengan keputusan nomor ${iku.nomorDokumen}${iku.tanggal ? ` tanggal ${formatTanggal(iku.tanggal)}` : ''} (${iku.nama}).`));
  return dokumenOpd(d, opd, `Rencana Strategis ${opd.nama} Tahun ${r.periodeAwal}-${r.periodeAkhir}`, blocks, 'landscape');
}
