/**
 * Workbooks for tests and the import benchmark, built with ExcelJS the way users' files come:
 * columns in any order, header names of other systems, a two-row header with merged cells,
 * a title above it.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGzip, deflateRawSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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

// ---------------------------------------------------------------- hostile archives

/** One entry of a hand-built ZIP: its content, and optionally the uncompressed size its directory claims. */
export interface EntriUji {
  nama: string;
  isi: Buffer;
  /** Declared uncompressed size; default the true size. */
  terurai?: number;
}

/** A ZIP built byte by byte (deflate, no CRC), so that tests can make its directory lie. */
export function zipMentah(entri: readonly EntriUji[]): Buffer {
  const lokal: Buffer[] = [];
  const pusat: Buffer[] = [];
  let offset = 0;
  for (const e of entri) {
    const nama = Buffer.from(e.nama);
    const data = deflateRawSync(e.isi, { level: 9 });
    const terurai = e.terurai ?? e.isi.length;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(terurai, 22);
    h.writeUInt16LE(nama.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(terurai, 24);
    c.writeUInt16LE(nama.length, 28);
    c.writeUInt32LE(offset, 42);
    lokal.push(h, nama, data);
    pusat.push(c, nama);
    offset += h.length + nama.length + data.length;
  }
  const dir = Buffer.concat(pusat);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entri.length, 8);
  end.writeUInt16LE(entri.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokal, dir, end]);
}

/**
 * An .xlsx zip bomb: a real one-sheet workbook whose sheet holds `mb` MB of identical rows, which
 * deflate about a thousand times (a few tens of KB of file). `terurai` makes the directory claim
 * another size for the sheet.
 */
export async function bomXlsx(mb: number, opsi: { terurai?: number } = {}): Promise<Buffer> {
  const asli = await bukuSederhana({ Renja: [['Kode', 'Uraian'], ['1', 'x']] });
  const z = await JSZip.loadAsync(asli);
  const entri: EntriUji[] = [];
  for (const [nama, f] of Object.entries(z.files)) {
    if (f.dir) continue;
    let isi = Buffer.from(await f.async('uint8array'));
    if (nama === 'xl/worksheets/sheet1.xml') {
      const xml = isi.toString('utf8');
      const baris = '<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>';
      const ulang = Math.ceil((mb * 1024 * 1024) / baris.length);
      isi = Buffer.concat([Buffer.from(xml.slice(0, xml.indexOf('</sheetData>'))), Buffer.from(baris.repeat(ulang)), Buffer.from(xml.slice(xml.indexOf('</sheetData>')))]);
      entri.push({ nama, isi, terurai: opsi.terurai });
    } else entri.push({ nama, isi });
  }
  return zipMentah(entri);
}

/** Gzip of `mb` MB of zeros, compressed as a stream (a 2 MB file inflates to 2 GB). */
export async function bomGzip(mb: number): Promise<Buffer> {
  const nol = Buffer.alloc(1024 * 1024);
  const keluar: Buffer[] = [];
  await pipeline(
    Readable.from((function* () {
      for (let i = 0; i < mb; i++) yield nol;
    })()),
    createGzip({ level: 9 }),
    new Writable({
      write(c: Buffer, _e, cb) {
        keluar.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(keluar);
}

/** A backup envelope, checksum included, whose pemda list is an array nested `dalam` levels deep (a few hundred bytes gzip). */
export function cadanganBersarang(dalam: number): Buffer {
  const body = { format: 'sikiper-backup', version: 1, createdAt: '2024-01-01T00:00:00.000Z', schemaMigration: '0000_init' };
  const pemda = `[${'['.repeat(dalam)}${']'.repeat(dalam)}]`;
  // The checksum is not computed (hashing the canonical form would itself recurse); the depth is refused before it is checked.
  const teks = `${JSON.stringify(body).slice(0, -1)},"pemda":${pemda},"sha256":"${'0'.repeat(64)}"}`;
  return gzipSync(teks, { level: 9 });
}
