/**
 * One entry point for every generated document: which document, which format, and the bytes.
 * Shared by the CLI and the server.
 */
import type { Dataset } from '../dataset/schema.ts';
import { renderDocx } from './docx.ts';
import { daftarPlaceholder, type OpsiLkjip, susunLkjip } from './lkjip.ts';
import type { ReportDocument } from './model.ts';
import { renderPdf } from './pdf.ts';
import { susunPk } from './pk.ts';
import { MIME, type FormatDokumen, type JenisDokumen } from './jenis.ts';
import { buatTriwulanXlsx } from './triwulan.ts';

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
  /** LKJIP data kept by the application outside the dataset: the year's sign-off, evaluation follow-ups. */
  lkjip?: OpsiLkjip | undefined;
}

export interface Dokumen {
  isi: Buffer;
  mime: string;
  namaBerkas: string;
  /** Narrative sections still to be written (marked in the document). */
  placeholder: string[];
}

async function render(model: ReportDocument, format: FormatDokumen): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(model);
    case 'pdf':
      return renderPdf(model);
    case 'xlsx':
      throw new FormatTidakDidukung('LKJIP dan Perjanjian Kinerja dibuat sebagai docx atau pdf');
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
    case 'triwulan':
      if (q.format !== 'xlsx') throw new FormatTidakDidukung('laporan monitoring triwulan dibuat sebagai xlsx');
      return { isi: await buatTriwulanXlsx(d, q.opd, q.tahun, q.triwulan), mime: MIME.xlsx, namaBerkas, placeholder: [] };
  }
}
