/**
 * One entry point for every generated document: which document, which format, and the bytes.
 * Shared by the CLI and the server.
 */
import type { Dataset } from '../dataset/schema.ts';
import { daftarPlaceholder, type OpsiLkjip, susunLkjip } from './lkjip.ts';
import { susunLhe } from './lhe.ts';
import type { DataLhe } from './lhe-data.ts';
import type { ReportDocument } from './model.ts';
import { susunPk } from './pk.ts';
import { MIME, type FormatDokumen, type JenisDokumen } from './jenis.ts';
import { susunIku } from './iku.ts';
import { susunRencanaAksi } from './rencana-aksi.ts';
import { susunRenja } from './renja.ts';
import { susunRenstra } from './renstra.ts';
import { susunTindakLanjut } from './tindak-lanjut.ts';

export { FORMAT_DOKUMEN, JENIS_DOKUMEN, MIME, type FormatDokumen, type JenisDokumen } from './jenis.ts';

export class FormatTidakDidukung extends Error {
  override name = 'FormatTidakDidukung';
}

export interface PermintaanDokumen {
  jenis: JenisDokumen;
  format: FormatDokumen;
  opd: string;
  tahun: number;
  /** PK version; the latest when absent. */
  versi?: number | undefined;
  /** For the quarterly workbook: quarters up to this one (default 4). */
  triwulan?: 1 | 2 | 3 | 4 | undefined;
  /**
   * LKJIP data kept by the application outside the dataset: the year's sign-off, evaluation
   * follow-ups. The follow-ups are also the content of the tindak-lanjut document.
   */
  lkjip?: OpsiLkjip | undefined;
  /** The criterion-level SAKIP evaluation of the OPD-year (src/workflow/lke.ts, `dataLhe`): the content of the lhe document. */
  lhe?: DataLhe | undefined;
}

export interface Dokumen {
  isi: Buffer;
  mime: string;
  namaBerkas: string;
  /** Narrative sections still to be written (marked in the document). */
  placeholder: string[];
}

// The renderers (docx, pdfmake with its fonts, ExcelJS) are imported when a document of their
// format is made, not when this module is: the server's main thread and most commands never
// render (documents are made in the worker threads, src/server/pekerja).
async function render(model: ReportDocument, format: FormatDokumen): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('./docx.ts')).renderDocx(model);
    case 'pdf':
      return (await import('./pdf.ts')).renderPdf(model);
    case 'xlsx':
      throw new FormatTidakDidukung('dokumen ini dibuat sebagai docx atau pdf');
  }
}

export async function buatDokumen(d: Dataset, q: PermintaanDokumen): Promise<Dokumen> {
  const namaBerkas = `${q.jenis.toUpperCase()}-${d.pemda.slug}-${q.opd}-${q.tahun}.${q.format}`;
  switch (q.jenis) {
    case 'lkjip': {
      const model = susunLkjip(d, q.opd, q.tahun, q.lkjip ?? {});
      return { isi: await render(model, q.format), mime: MIME[q.format], namaBerkas, placeholder: daftarPlaceholder(model) };
    }
    case 'pk': {
      const model = susunPk(d, q.opd, q.tahun, q.versi);
      return { isi: await render(model, q.format), mime: MIME[q.format], namaBerkas, placeholder: daftarPlaceholder(model) };
    }
    case 'renstra':
    case 'iku':
    case 'renja':
    case 'rencana-aksi':
    case 'tindak-lanjut': {
      const model = susunModelReviu(d, q.jenis, q);
      return { isi: await render(model, q.format), mime: MIME[q.format], namaBerkas, placeholder: daftarPlaceholder(model) };
    }
    case 'lhe': {
      if (!q.lhe) throw new Error('dokumen lhe membutuhkan data evaluasi (lhe) OPD dan tahun yang diminta');
      const model = susunLhe(d, q.opd, q.tahun, q.lhe);
      return { isi: await render(model, q.format), mime: MIME[q.format], namaBerkas, placeholder: daftarPlaceholder(model) };
    }
    case 'triwulan':
      if (q.format !== 'xlsx') throw new FormatTidakDidukung('laporan monitoring triwulan dibuat sebagai xlsx');
      return { isi: await (await import('./triwulan.ts')).buatTriwulanXlsx(d, q.opd, q.tahun, q.triwulan), mime: MIME.xlsx, namaBerkas, placeholder: [] };
  }
}

/** The model of a plan or follow-up document of the e-SAKIP review (docx and pdf). */
function susunModelReviu(d: Dataset, jenis: 'renstra' | 'iku' | 'renja' | 'rencana-aksi' | 'tindak-lanjut', q: PermintaanDokumen): ReportDocument {
  switch (jenis) {
    case 'renstra':
      return susunRenstra(d, q.opd, q.tahun);
    case 'iku':
      return susunIku(d, q.opd, q.tahun);
    case 'renja':
      return susunRenja(d, q.opd, q.tahun);
    case 'rencana-aksi':
      return susunRencanaAksi(d, q.opd, q.tahun);
    case 'tindak-lanjut':
      return susunTindakLanjut(d, q.opd, q.tahun, q.lkjip?.tindakLanjut);
  }
}
