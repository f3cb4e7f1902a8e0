/**
 * The Renja (Rencana Kerja) of the OPD-year for the review: every urusan, program, kegiatan and
 * sub kegiatan of the latest version (Renja Perubahan when there is one) with its nomenclature
 * code, indicators and targets, pagu, fund source and unit in charge, and the total pagu of
 * the programs.
 */
import type { Dataset, NodeRenjaData } from '../dataset/schema.ts';
import { formatAngka, formatTanggal } from '../engine/index.ts';
import { konteks, renjaTerakhir } from '../measure/konteks.ts';
import { dokumenOpd } from './dokumen-opd.ts';
import type { Block, Cell, ReportDocument } from './model.ts';
import { c, h, num, p, rp, tabel, terbilang } from './teks.ts';

const LEVEL: Record<NodeRenjaData['level'], string> = { urusan: 'Urusan', 'bidang-urusan': 'Bidang Urusan', program: 'Program', kegiatan: 'Kegiatan', 'sub-kegiatan': 'Sub Kegiatan' };

/** "72%", "3 Dokumen", "14 Bulan": a Renja target as printed, else its number and unit. */
export function targetRenja(i: NodeRenjaData['indikator'][number]): string {
  if (i.targetTeks) return i.targetTeks;
  if (i.target === undefined) return '-';
  const n = formatAngka(i.target, 2, { buangNolBelakang: true });
  return i.satuan ? (i.satuan === '%' ? `${n}%` : `${n} ${i.satuan}`) : n;
}

/** The pagu of the year: the sum of the programs' pagu. */
export function totalPaguRenja(nodes: readonly NodeRenjaData[]): number {
  return nodes.filter((n) => n.level === 'program').reduce((s, n) => s + (n.pagu ?? 0), 0);
}

export function susunRenja(d: Dataset, opdSlug: string, tahun: number): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const opd = k.opd;
  const versi = k.data.renja.find((v) => v.versi === 'perubahan') ?? k.data.renja[0];
  const nodes = renjaTerakhir(k.data);
  const judul = versi?.nama ?? `Rencana Kerja ${opd.nama} Tahun ${tahun}`;
  const blocks: Block[] = [h(1, `RENCANA KERJA ${opd.nama.toUpperCase()} TAHUN ${tahun}`)];
  if (!versi || nodes.length === 0) {
    blocks.push(p(`Belum ada Rencana Kerja (Renja) ${opd.nama} tahun ${tahun} yang tercatat.`));
    return dokumenOpd(d, opd, `Rencana Kerja ${opd.nama} Tahun ${tahun}`, blocks, 'landscape');
  }
  const hitung = (lvl: NodeRenjaData['level']) => nodes.filter((n) => n.level === lvl).length;
  const total = totalPaguRenja(nodes);
  const unitNama = (kode: string | undefined) => (kode ? (opd.unit.find((u) => u.kode === kode)?.nama ?? kode) : '');
  blocks.push(
    p(
      `${judul}${versi.nama ? '' : ` (${versi.versi === 'perubahan' ? 'Renja Perubahan' : 'Renja murni'})`}${versi.tanggal ? ` tanggal ${formatTanggal(versi.tanggal)}` : ''} memuat ${hitung('program')} (${terbilang(hitung('program'))}) program, ${hitung('kegiatan')} (${terbilang(hitung('kegiatan'))}) kegiatan dan ${hitung('sub-kegiatan')} (${terbilang(hitung('sub-kegiatan'))}) sub kegiatan dengan pagu seluruhnya Rp${rp(total)}.`,
    ),
  );
  const body: Cell[][] = nodes.map((n) => {
    const tebal = n.level !== 'sub-kegiatan' && n.level !== 'kegiatan';
    return [
      c(n.kode, { bold: tebal }),
      c(LEVEL[n.level]),
      c(tebal ? n.nama.toUpperCase() : n.nama, { bold: tebal }),
      c(n.indikator.map((i) => i.nama).join('; ') || ''),
      num(n.indikator.map(targetRenja).join('; ') || ''),
      num(n.pagu === undefined ? '' : rp(n.pagu), { bold: tebal }),
      c(n.sumberDana ?? ''),
      c(unitNama(n.unit)),
    ];
  });
  body.push([c('Jumlah Pagu Program', { colSpan: 5, bold: true }), num(rp(total), { bold: true }), c('', { colSpan: 2 })]);
  blocks.push(
    tabel(
      `Tabel Rencana Program, Kegiatan dan Sub Kegiatan Tahun ${tahun}`,
      [{ width: 1.5 }, { width: 0.9 }, { width: 3.2 }, { width: 3 }, { width: 1 }, { width: 1.4, align: 'right' }, { width: 0.7 }, { width: 1.4 }],
      [[c('Kode'), c('Tingkat'), c('Urusan / Program / Kegiatan / Sub Kegiatan'), c('Indikator (Tolok Ukur)'), c('Target'), c('Pagu (Rp)'), c('Sumber Dana'), c('Penanggung Jawab')]],
      body,
      { small: true, source: versi.sumber ? `Sumber : ${versi.sumber}` : undefined },
    ),
  );
  return dokumenOpd(d, opd, `Rencana Kerja ${opd.nama} Tahun ${tahun}`, blocks, 'landscape');
}
