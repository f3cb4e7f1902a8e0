/**
 * The Indikator Kinerja Utama (IKU) of the OPD for the review: per sasaran strategis its key
 * indicators (the Renstra's indicators marked IKU) with definition and formula, unit, polarity,
 * data source, the unit in charge, the target of the year and the end target; and the decree
 * that set the IKU when the data holds one. Rows of the decree that name no Renstra indicator
 * are listed as the decree prints them, so the review sees the difference instead of a
 * silently merged table.
 */
import type { Dataset } from '../dataset/schema.ts';
import { formatTanggal } from '../engine/index.ts';
import { konteks } from '../measure/konteks.ts';
import { dokumenOpd, penanggungJawab, targetTahun, teksNilai } from './dokumen-opd.ts';
import type { Block, Cell, ReportDocument } from './model.ts';
import { c, h, num, p, tabel } from './teks.ts';

export const LABEL_POLARITAS = { positif: 'Positif', negatif: 'Negatif' } as const;

export function susunIku(d: Dataset, opdSlug: string, tahun: number): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const r = k.renstra;
  const opd = k.opd;
  const keputusan = [...r.iku].sort((a, b) => b.versi - a.versi)[0];
  const sasaran = [...r.sasaran].sort((a, b) => a.nomor - b.nomor);
  const baris = sasaran.flatMap((s) => s.indikator.filter((i) => i.iku).map((ind) => ({ s, ind, dariKeputusan: keputusan?.baris.find((b) => b.indikator === ind.kode) })));

  const blocks: Block[] = [h(1, `INDIKATOR KINERJA UTAMA ${opd.nama.toUpperCase()}`), h(2, `Periode Renstra ${r.periodeAwal}–${r.periodeAkhir}, Tahun ${tahun}`)];
  blocks.push(
    keputusan
      ? p(
          `Indikator Kinerja Utama (IKU) ${opd.nama} ditetapkan dengan ${keputusan.nama}${keputusan.nomorDokumen ? `, keputusan nomor ${keputusan.nomorDokumen}` : ''}${keputusan.tanggal ? ` tanggal ${formatTanggal(keputusan.tanggal)}` : ''}.`,
        )
      : p(`Keputusan penetapan Indikator Kinerja Utama ${opd.nama} belum tercatat; tabel berikut menyajikan indikator sasaran Renstra yang ditandai sebagai IKU.`),
  );
  if (baris.length === 0) {
    blocks.push(p('Belum ada indikator sasaran Renstra yang ditandai sebagai Indikator Kinerja Utama.'));
  } else {
    const body: Cell[][] = baris.map(({ s, ind, dariKeputusan }, i) => [
      c(String(i + 1)),
      c(s.uraian),
      c(ind.nama),
      c(dariKeputusan?.formula ?? ind.formula?.teks ?? '-'),
      c(ind.satuan),
      c(LABEL_POLARITAS[ind.polaritas]),
      c(ind.sumberData ?? dariKeputusan?.sumberData ?? '-'),
      c(ind.penanggungJawab.length > 0 ? penanggungJawab(opd, ind.penanggungJawab) : (dariKeputusan?.penanggungJawab ?? '-')),
      num(teksNilai(targetTahun(ind, tahun))),
      num(teksNilai(ind.targetAkhir ?? targetTahun(ind, r.periodeAkhir))),
    ]);
    blocks.push(
      tabel(
        `Tabel Indikator Kinerja Utama ${opd.nama}`,
        [{ width: 0.45, align: 'center' }, { width: 1.8 }, { width: 1.9 }, { width: 2.6 }, { width: 0.95 }, { width: 0.9 }, { width: 1.6 }, { width: 1.7 }, { width: 0.8, align: 'right' }, { width: 0.9, align: 'right' }],
        [[c('No'), c('Sasaran Strategis'), c('Indikator Kinerja Utama'), c('Definisi / Formulasi'), c('Satuan'), c('Polaritas'), c('Sumber Data'), c('Penanggung Jawab'), c(`Target ${tahun}`), c(`Target ${r.periodeAkhir}`)]],
        body,
        { small: true, source: `Sumber : Renstra ${opd.singkatan ?? opd.nama} ${r.periodeAwal}-${r.periodeAkhir}${keputusan ? ` dan ${keputusan.nama}` : ''}` },
      ),
      p('Polaritas positif: semakin tinggi realisasi semakin baik kinerjanya; polaritas negatif: semakin rendah realisasi semakin baik kinerjanya.', false),
    );
  }
  const lain = (keputusan?.baris ?? []).filter((b) => b.indikator === undefined || !baris.some((x) => x.ind.kode === b.indikator));
  if (keputusan && lain.length > 0) {
    blocks.push(
      p(`Baris ${keputusan.nama} yang tidak sesuai dengan indikator sasaran Renstra di atas, sebagaimana tercantum dalam keputusan:`),
      tabel(
        `Baris Keputusan IKU yang Berbeda dari Renstra`,
        [{ width: 0.5, align: 'center' }, { width: 2.4 }, { width: 2.4 }, { width: 3 }, { width: 1.6 }, { width: 1.8 }],
        [[c('No'), c('Sasaran Strategis'), c('Indikator (Keputusan)'), c('Formulasi'), c('Sumber Data'), c('Penanggung Jawab')]],
        lain.map((b, i) => [c(String(i + 1)), c(r.sasaran.find((s) => s.kode === b.sasaran)?.uraian ?? b.sasaran), c(b.nama), c(b.formula), c(b.sumberData ?? '-'), c(b.penanggungJawab ?? '-')]),
        { small: true },
      ),
    );
  }
  return dokumenOpd(d, opd, `Indikator Kinerja Utama ${opd.nama} Tahun ${tahun}`, blocks, 'landscape');
}
