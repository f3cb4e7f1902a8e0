/**
 * The follow-up of the SAKIP evaluation for the review: the recommendations of the evaluation
 * of the year before (recorded in the application by the Inspektorat, src/workflow/evaluasi.ts;
 * else the dataset's list of the year, as the LKJIP takes them) and what the OPD did about each.
 * When nothing is recorded the document says so; a recommendation without a follow-up is
 * printed as not followed up. Nothing is written that the data does not hold.
 */
import type { Dataset } from '../dataset/schema.ts';
import { konteks } from '../measure/konteks.ts';
import { dokumenOpd } from './dokumen-opd.ts';
import { penandatanganKepala, type OpsiLkjip } from './lkjip.ts';
import type { Block, ReportDocument } from './model.ts';
import { c, h, p, tabel } from './teks.ts';

export const BELUM_DITINDAKLANJUTI = 'Belum ditindaklanjuti';

export function susunTindakLanjut(d: Dataset, opdSlug: string, tahun: number, tindakLanjut: OpsiLkjip['tindakLanjut'] = []): ReportDocument {
  const k = konteks(d, opdSlug, tahun);
  const opd = k.opd;
  const list = tindakLanjut && tindakLanjut.length > 0 ? tindakLanjut : k.data.tindakLanjut;
  const tahunEvaluasi = tahun - 1;
  const blocks: Block[] = [h(1, `TINDAK LANJUT HASIL EVALUASI AKUNTABILITAS KINERJA ${opd.nama.toUpperCase()}`), h(2, `Evaluasi SAKIP Tahun ${tahunEvaluasi}, Ditindaklanjuti Tahun ${tahun}`)];
  if (list.length === 0) {
    blocks.push(p(`Tidak ada rekomendasi hasil evaluasi SAKIP tahun ${tahunEvaluasi} atas ${opd.nama} yang tercatat di SIKIPER, sehingga tidak ada tindak lanjut yang dilaporkan.`));
  } else {
    const belum = list.filter((t) => t.tindakLanjut.trim() === '').length;
    blocks.push(
      p(
        `Hasil evaluasi akuntabilitas kinerja atas ${opd.nama} memuat ${list.length} rekomendasi; ${list.length - belum} telah ditindaklanjuti${belum > 0 ? ` dan ${belum} belum ditindaklanjuti` : ''}.`,
      ),
      tabel(
        `Tabel Tindak Lanjut Rekomendasi Hasil Evaluasi`,
        [{ width: 0.5, align: 'center' }, { width: 1.2, align: 'center' }, { width: 4 }, { width: 4.2 }],
        [[c('No'), c('Tahun Evaluasi'), c('Rekomendasi'), c('Tindak Lanjut')]],
        list.map((t, i) => [c(String(i + 1)), c(String(t.tahunEvaluasi ?? tahunEvaluasi)), c(t.rekomendasi), c(t.tindakLanjut.trim() === '' ? BELUM_DITINDAKLANJUTI : t.tindakLanjut)]),
      ),
      { type: 'signature', signatories: [penandatanganKepala(opd)] },
    );
  }
  return dokumenOpd(d, opd, `Tindak Lanjut Hasil Evaluasi SAKIP ${opd.nama} Tahun ${tahun}`, blocks);
}
