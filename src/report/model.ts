// The report model: what a SIKIPER document (LKJIP, Perjanjian Kinerja) says, with no knowledge
// of Word or PDF. `docx.ts` and `pdf.ts` each map every node of it; both switch over `Block['type']`
// ending in `assertNever`, so a new block type does not compile until both renderers draw it.

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Plain text, or runs when part of the text is bold or italic. */
export type Inline = string | readonly Run[];

export interface ReportDocument {
  title: string;
  author?: string;
  cover?: Cover;
  sections: readonly Section[];
}

/** A full title page. It has no page number and is not counted by any section's numbering. */
export interface Cover {
  /** The document's name, e.g. ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKJIP)"]. */
  titleLines: readonly string[];
  subtitle?: string;
  /** e.g. ["DINAS TENAGA KERJA DAN TRANSMIGRASI", "KABUPATEN PASER"]. */
  organisationLines: readonly string[];
  year: string;
}

/** The "kop surat" drawn at the top of a section's first page, with a double rule under it. */
export interface Letterhead {
  /** e.g. ["PEMERINTAH KABUPATEN PASER", "DINAS TENAGA KERJA DAN TRANSMIGRASI"]; the last line is the largest. */
  lines: readonly string[];
  address?: string;
}

export type PageNumberFormat = 'roman' | 'arabic' | 'none';

/**
 * A run of pages with one orientation and one page number format; it always starts on a new page.
 * Numbering starts at 1 in the first section and in every section with `restartNumbering`; any
 * other section continues from the page before it. Pages of a `'none'` section are counted but
 * show no number, as in Word. A page break at the start or end of a section is ignored.
 */
export interface Section {
  orientation: 'portrait' | 'landscape';
  pageNumbers: PageNumberFormat;
  restartNumbering?: boolean;
  letterhead?: Letterhead;
  blocks: readonly Block[];
}

export interface HeadingBlock {
  type: 'heading';
  /** Levels 1 and 2 are listed in the table of contents. */
  level: 1 | 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  content: Inline;
  /** Defaults to justify, as in Indonesian official prose. */
  align?: Align;
  firstLineIndent?: boolean;
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  items: readonly Inline[];
}

export type CellAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  /** Relative width: the widths of a table's columns are scaled to fill the text width. */
  width: number;
  align?: CellAlign;
}

export interface Cell {
  content: Inline;
  colSpan?: number;
  rowSpan?: number;
  /** Overrides the column's alignment. */
  align?: CellAlign;
  bold?: boolean;
  /** Grey background; header cells are shaded unless this is false. */
  shade?: boolean;
}

/**
 * Rows list only the cells that start in them, as in HTML: a position covered by a `rowSpan` from
 * a row above or a `colSpan` to its left has no entry. Every row must cover all columns.
 */
export interface TableBlock {
  type: 'table';
  /** e.g. "Tabel 3.3 Capaian Indikator Kinerja Utama", placed above the table. */
  caption?: string;
  /** e.g. "Sumber : Dinas Tenaga Kerja dan Transmigrasi, 2023", placed below the table. */
  source?: string;
  columns: readonly TableColumn[];
  /** Repeated at the top of every page the table runs onto. */
  header: readonly (readonly Cell[])[];
  body: readonly (readonly Cell[])[];
  /** 9 pt instead of 10 pt, for wide tables. */
  small?: boolean;
}

export interface Signatory {
  /** e.g. ["PIHAK PERTAMA", "Kepala Dinas Tenaga Kerja dan Transmigrasi"]. */
  titleLines: readonly string[];
  name: string;
  /** Pangkat / golongan, e.g. "Pembina Utama Muda (IV/c)". */
  rank?: string;
  /** Without the "NIP." prefix; the renderers add it. */
  nip?: string;
}

export interface SignatureBlock {
  type: 'signature';
  /** e.g. "Tanah Grogot, 2 Januari 2024"; placed above the right-hand signatory. */
  placeDate?: string;
  /** One signatory signs on the right; two sign side by side, the first on the left. */
  signatories: readonly [Signatory] | readonly [Signatory, Signatory];
}

export interface TocBlock {
  type: 'toc';
  /** Defaults to "DAFTAR ISI". */
  title?: string;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

/** Narrative that staff still have to write; drawn highlighted so a draft shows the gap. */
export interface PlaceholderBlock {
  type: 'placeholder';
  /** What is missing, e.g. "penyebab capaian sasaran 1". */
  text: string;
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | SignatureBlock
  | TocBlock
  | PageBreakBlock
  | PlaceholderBlock;

export function assertNever(x: never): never {
  throw new Error(`Unhandled report node: ${JSON.stringify(x)}`);
}

export const DEFAULT_TOC_TITLE = 'DAFTAR ISI';

export function placeholderText(block: PlaceholderBlock): string {
  return `[Belum diisi: ${block.text}]`;
}

/**
 * The blocks a renderer draws: a section always starts on a new page, so a page break at either
 * end of it would only leave a blank page.
 */
export function sectionBlocks(section: Section): readonly Block[] {
  let start = 0;
  let end = section.blocks.length;
  while (start < end && section.blocks[start]?.type === 'pageBreak') start++;
  while (end > start && section.blocks[end - 1]?.type === 'pageBreak') end--;
  return section.blocks.slice(start, end);
}

export function inlineRuns(content: Inline): readonly Run[] {
  return typeof content === 'string' ? [{ text: content }] : content;
}

export function inlineText(content: Inline): string {
  return inlineRuns(content)
    .map((r) => r.text)
    .join('');
}
