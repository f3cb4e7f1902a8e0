/**
 * Workbooks for tests and the import benchmark, built with ExcelJS the way users' files come:
 * columns in any order, header names of other systems, a two-row header with merged cells,
 * a title above it.
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { AnggaranVersiData, Dataset, NodeRenjaData } from '../dataset/schema.ts';

const REFERENSI = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

let cached: Dataset | undefined;

/** The Paser 2023 reference dataset under another pemda slug (tests share one PostgreSQL database). */
export async function datasetReferensi(slug: string): Promise<Dataset> {
  cached ??= await bacaBerkasDataset(REFERENSI);
  const d = structuredClone(cached);
  d.pemda.slug = slug;
  return d;
}

/** One column of a generated Renja workbook: its header (two texts for a two-row header) and what a row holds. */
export interface KolomUji {
  judul: string | [string, string];
  isi: (n: NodeRenjaData, indikator: number, dpa: AnggaranVersiData['baris'][number] | undefined) => ExcelJS.CellValue;
}

export interface OpsiBukuRenja {
  kolom: readonly KolomUji[];
  /** Title rows above the header. */
  judulAtas?: readonly string[];
  dpa?: AnggaranVersiData | undefined;
  lembar?: string;
}

/**
 * A Renja workbook from nodes. With any two-part header the header takes two rows: a column
 * with one text is merged vertically, consecutive columns sharing the upper text are merged
 * horizontally under it.
 */
export async function bukuRenja(nodes: readonly NodeRenjaData[], opsi: OpsiBukuRenja): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opsi.lembar ?? 'Renja');
  const atas = opsi.judulAtas ?? [];
  atas.forEach((t, i) => {
    ws.getCell(i + 1, 1).value = t;
    ws.mergeCells(i + 1, 1, i + 1, opsi.kolom.length);
  });
  const h = atas.length + 1;
  const twoRow = opsi.kolom.some((k) => Array.isArray(k.judul));
  opsi.kolom.forEach((k, i) => {
    const c = i + 1;
    if (!Array.isArray(k.judul)) {
      ws.getCell(h, c).value = k.judul;
      if (twoRow) ws.mergeCells(h, c, h + 1, c);
      return;
    }
    const [top, bottom] = k.judul;
    ws.getCell(h + 1, c).value = bottom;
    const prev = opsi.kolom[i - 1]?.judul;
    if (Array.isArray(prev) && prev[0] === top) return;
    let end = c;
    while (true) {
      const next = opsi.kolom[end]?.judul;
      if (!Array.isArray(next) || next[0] !== top) break;
      end++;
    }
    ws.getCell(h, c).value = top;
    if (end > c) ws.mergeCells(h, c, h, end);
  });
  const dpa = new Map((opsi.dpa?.baris ?? []).map((b) => [b.kode, b]));
  for (const n of nodes) {
    for (let i = 0; i < Math.max(1, n.indikator.length); i++) ws.addRow(opsi.kolom.map((k) => k.isi(n, i, dpa.get(n.kode)) ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook from plain rows per sheet. */
export async function bukuSederhana(sheets: Record<string, ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow([...r]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Indicator `i` of a node, for column definitions. */
export function indikatorKe(n: NodeRenjaData, i: number): NodeRenjaData['indikator'][number] | undefined {
  return n.indikator[i];
}

/** The first row of a code carries the node's own fields; its further indicator rows leave them empty. */
export const barisPertama = (i: number, v: ExcelJS.CellValue): ExcelJS.CellValue => (i === 0 ? v : null);
