/**
 * The Rencana Aksi of the OPD-year for the review: each indicator of the latest Perjanjian
 * Kinerja with its yearly target and its quarterly targets (TW I–IV) as the plan editor
 * records them. Quarterly targets that were never set are printed "-" and named as missing;
 * nothing is derived from the yearly target.
 */
import type { Dataset } from '../dataset/schema.ts';
import { formatAngka, formatTanggal } from '../engine/index.ts';
import { konteks, pkTerakhir } from '../measure/konteks.ts';
import { dokumenOpd, penanggungJawab } from './dokumen-opd.ts';
import type { Block, Cell, ReportDocument } from './model.ts';
import { c, h, num, p, tabel } from './teks.ts';

const TRIWULAN = [1, 2, 3, 4] as const;

export function susunRencanaAksi(d: Dataset, opdSlug: string, tahun: number): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const opd = k.opd;
  const pk = pkTerakhir(k.data);
  const blocks: Block[] = [h(1, `RENCANA AKSI ${opd.nama.toUpperCase()} TAHUN ${tahun}`)];
  const judul = `Rencana Aksi ${opd.nama} Tahun ${tahun}`;
  if (!pk) {
    blocks.push(p(`Belum ada Perjanjian Kinerja ${opd.nama} tahun ${tahun} yang tercatat, sehingga rencana aksi atas indikatornya belum dapat disusun.`));
    return dokumenOpd(d, opd, judul, blocks, 'landscape');
  }
  const indikator = new Map(k.renstra.sasaran.flatMap((s) => s.indikator).map((i) => [i.kode, i]));
  const sasaran = new Map(k.renstra.sasaran.map((s) => [s.kode, s]));
  const kosong: string[] = [];
  const body: Cell[][] = pk.kinerja.map((row, i) => {
    const ind = indikator.get(row.indikator);
    const persen = ind?.satuan === '%' ? '%' : '';
    const tw = TRIWULAN.map((q) => {
      const ra = k.data.rencanaAksi.find((x) => x.indikator === row.indikator && x.triwulan === q);
      if (!ra) kosong.push(`${ind?.nama ?? row.indikator} TW ${q}`);
      return num(ra ? `${formatAngka(ra.target, 2, { buangNolBelakang: true })}${persen}` : '-');
    });
    return [
      c(`${i + 1}.`),
      c(sasaran.get(row.sasaran)?.uraian ?? row.sasaran),
      c(ind?.nama ?? row.indikator),
      c(ind?.satuan ?? '-'),
      num(row.targetTeks ?? `${formatAngka(row.target, 2, { buangNolBelakang: true })}${persen}`),
      ...tw,
      c(ind && ind.penanggungJawab.length > 0 ? penanggungJawab(opd, ind.penanggungJawab) : '-'),
    ];
  });
  blocks.push(
    p(`Rencana aksi menjabarkan target indikator ${pk.nama}${pk.tanggal ? ` tanggal ${formatTanggal(pk.tanggal)}` : ''} ke dalam target triwulanan sebagai acuan pemantauan capaian kinerja selama tahun ${tahun}.`),
    tabel(
      `Tabel Rencana Aksi Indikator Perjanjian Kinerja Tahun ${tahun}`,
      [{ width: 0.45, align: 'center' }, { width: 2.4 }, { width: 2.6 }, { width: 0.9 }, { width: 1, align: 'right' }, ...TRIWULAN.map(() => ({ width: 0.8, align: 'right' as const })), { width: 2.2 }],
      [
        [c('No', { rowSpan: 2 }), c('Sasaran Strategis', { rowSpan: 2 }), c('Indikator Kinerja', { rowSpan: 2 }), c('Satuan', { rowSpan: 2 }), c(`Target ${tahun}`, { rowSpan: 2 }), c('Target Triwulan', { colSpan: 4 }), c('Penanggung Jawab', { rowSpan: 2 })],
        TRIWULAN.map((q) => c(`TW ${['I', 'II', 'III', 'IV'][q - 1]}`)),
      ],
      body,
      { small: true, source: `Sumber : ${pk.nama} Tahun ${tahun} dan target triwulan yang tercatat di SIKIPER` },
    ),
  );
  if (kosong.length === pk.kinerja.length * TRIWULAN.length) {
    blocks.push({ type: 'placeholder', text: `target triwulan rencana aksi tahun ${tahun} belum ditetapkan untuk indikator mana pun` });
  } else if (kosong.length > 0) {
    blocks.push({ type: 'placeholder', text: `target triwulan yang belum ditetapkan: ${kosong.join(', ')}` });
  }
  return dokumenOpd(d, opd, judul, blocks, 'landscape');
}
