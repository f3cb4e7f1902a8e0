/**
 * Which documents are made and in which formats, with their MIME types: the names the API
 * contract (src/kontrak/dokumen.ts) and the browser share. Dependency-free, so the contract can
 * import it without pulling the renderers (docx, pdfmake, exceljs) or Node types into the web
 * UI's type-check.
 */
export const JENIS_DOKUMEN = ['lkjip', 'pk', 'triwulan', 'renstra', 'iku', 'renja', 'rencana-aksi', 'tindak-lanjut', 'lhe'] as const;
export type JenisDokumen = (typeof JENIS_DOKUMEN)[number];
export const FORMAT_DOKUMEN = ['docx', 'pdf', 'xlsx'] as const;
export type FormatDokumen = (typeof FORMAT_DOKUMEN)[number];

export const MIME: Record<FormatDokumen, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
