/**
 * Reading spreadsheets users bring: checks done before a workbook is parsed, cells as typed
 * values, tolerant header matching and Indonesian number formats.
 *
 * A workbook is only handed to ExcelJS after the cheap checks passed (size, ZIP signature,
 * `xl/workbook.xml` in the ZIP directory): a renamed PDF or a truncated download then gets a
 * message that says so instead of a parser stack trace. Then the uncompressed sizes are bounded
 * (arsip.ts), so that a small file cannot expand to gigabytes inside ExcelJS.
 */
import { stat, readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { BATAS_ZIP_IMPOR, type BatasZip, direktoriZip, type MasalahZip, periksaZip } from './arsip.ts';
import { BatasTerlampaui, DaftarGalat, ImporError, type Galat } from './galat.ts';

/** Largest workbook the Renja and realisasi imports accept. */
export const BATAS_UKURAN_XLSX = 10 * 1024 * 1024;

const MB = (n: number) => `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 2 })} MB`;

/** Reads a file, refusing before reading when it is larger than the limit. */
export async function bacaBerkasTerbatas(path: string, batas: number): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImporError([{ pesan: `${path} bukan berkas` }], path);
    size = info.size;
  } catch (e) {
    if (e instanceof ImporError) throw e;
    throw new ImporError([{ pesan: `berkas tidak dapat dibuka: ${(e as Error).message}` }], path);
  }
  if (size > batas) throw new ImporError([{ pesan: `ukuran berkas ${MB(size)} melebihi batas ${MB(batas)}` }], path);
  return readFile(path);
}

// ---------------------------------------------------------------- file checks

/** Names in a ZIP's central directory, or why the bytes are not a readable ZIP. */
export function isiZip(buf: Uint8Array): { nama: string[] } | { masalah: MasalahZip } {
  const dir = direktoriZip(buf);
  return 'masalah' in dir ? dir : { nama: dir.entri.map((e) => e.nama) };
}

/** Why the bytes are not an .xlsx workbook, in words for the user; undefined when they look like one. */
export function periksaXlsx(buf: Uint8Array, batas: number = BATAS_UKURAN_XLSX): string | undefined {
  if (buf.length > batas) return `ukuran berkas ${MB(buf.length)} melebihi batas ${MB(batas)}`;
  if (buf.length === 0) return 'berkas kosong';
  const zip = isiZip(buf);
  if ('masalah' in zip) {
    if (zip.masalah === 'zip64') return 'arsip ZIP64 tidak didukung; simpan ulang berkasnya dari Excel';
    if (zip.masalah === 'terpotong') return 'berkas .xlsx rusak atau terpotong (direktori ZIP tidak lengkap); unduh atau simpan ulang berkasnya';
    if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
      return 'berkas Excel 97-2003 (.xls) tidak didukung; buka di Excel lalu simpan sebagai "Excel Workbook (*.xlsx)"';
    }
    if (buf[0] === 0x25 && buf[1] === 0x50 && buf[2] === 0x44 && buf[3] === 0x46) return 'berkas ini PDF, bukan buku kerja Excel .xlsx';
    return 'bukan berkas Excel .xlsx (tidak diawali tanda ZIP "PK"); simpan ulang dari Excel sebagai "Excel Workbook (*.xlsx)"';
  }
  if (!zip.nama.includes('xl/workbook.xml')) {
    const word = zip.nama.includes('word/document.xml') ? ' (ini dokumen Word)' : '';
    return `berkas ZIP ini bukan buku kerja Excel: tidak ada xl/workbook.xml${word}`;
  }
  return undefined;
}

/**
 * Checks, then parses a workbook; every failure is an ImporError naming the file, a limit
 * (`batas` compressed, `batasZip` uncompressed: see arsip.ts) a `BatasTerlampaui`.
 */
export async function muatWorkbook(buf: Uint8Array, berkas: string, batas: number = BATAS_UKURAN_XLSX, batasZip: BatasZip = BATAS_ZIP_IMPOR): Promise<ExcelJS.Workbook> {
  if (buf.length > batas) throw new BatasTerlampaui([{ pesan: `ukuran berkas ${MB(buf.length)} melebihi batas ${MB(batas)}` }], berkas);
  const masalah = periksaXlsx(buf, batas);
  if (masalah) throw new ImporError([{ pesan: masalah }], berkas);
  // ExcelJS inflates every part in memory: the sizes are bounded before it sees the file.
  await periksaZip(buf, berkas, batasZip);
  const wb = new (await import('exceljs')).default.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ImporError([{ pesan: `berkas .xlsx tidak dapat dibaca: ${(e as Error).message}` }], berkas);
  }
  return wb;
}

// ---------------------------------------------------------------- cells

export type Sel =
  | { jenis: 'kosong' }
  | { jenis: 'teks'; teks: string }
  | { jenis: 'angka'; angka: number }
  | { jenis: 'boolean'; nilai: boolean }
  | { jenis: 'tanggal'; tanggal: Date }
  | { jenis: 'rumus'; rumus: string }
  | { jenis: 'galat'; galat: string };

const KOSONG: Sel = { jenis: 'kosong' };

function richText(v: unknown): string | undefined {
  if (typeof v === 'object' && v !== null && 'richText' in v && Array.isArray(v.richText)) {
    return (v.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
  }
  return undefined;
}

/**
 * The cell as a typed value. Text is kept untrimmed here; `mentah` also keeps an empty string
 * apart from an empty cell, which the lossless dataset layout needs.
 */
/**
 * ExcelJS's `ValueType` numbers, so that reading a cell does not need the library loaded as a
 * value (it is imported only where a workbook is made or read).
 */
export const JENIS_SEL = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const satisfies Record<keyof typeof ExcelJS.ValueType, number>;

export function bacaSelMentah(cell: ExcelJS.Cell): Sel | { jenis: 'teks-kosong' } {
  const v = cell.value;
  switch (cell.type as number) {
    case JENIS_SEL.Null:
    case JENIS_SEL.Merge:
      return KOSONG;
    case JENIS_SEL.Number:
      return typeof v === 'number' ? { jenis: 'angka', angka: v } : KOSONG;
    case JENIS_SEL.Boolean:
      return { jenis: 'boolean', nilai: v === true };
    case JENIS_SEL.Date:
      return v instanceof Date ? { jenis: 'tanggal', tanggal: v } : KOSONG;
    case JENIS_SEL.Formula: {
      const f = v as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      return { jenis: 'rumus', rumus: 'formula' in f && f.formula ? f.formula : cell.formula || '' };
    }
    case JENIS_SEL.Error:
      return { jenis: 'galat', galat: (v as ExcelJS.CellErrorValue).error };
    case JENIS_SEL.Hyperlink: {
      const h = v as ExcelJS.CellHyperlinkValue;
      const text = richText(h.text) ?? (typeof h.text === 'string' ? h.text : '');
      return text === '' ? { jenis: 'teks-kosong' } : { jenis: 'teks', teks: text };
    }
    case JENIS_SEL.RichText: {
      const text = richText(v) ?? '';
      return text === '' ? { jenis: 'teks-kosong' } : { jenis: 'teks', teks: text };
    }
    case JENIS_SEL.String:
    case JENIS_SEL.SharedString:
      return typeof v === 'string' && v !== '' ? { jenis: 'teks', teks: v } : { jenis: 'teks-kosong' };
  }
  return KOSONG;
}

/** The cell for data import: text trimmed, blank text as empty, merged-away cells as empty. */
export function bacaSel(cell: ExcelJS.Cell): Sel {
  if (cell.isMerged && cell.master !== cell) return KOSONG;
  const s = bacaSelMentah(cell);
  if (s.jenis === 'teks-kosong') return KOSONG;
  if (s.jenis === 'teks') {
    const t = s.teks.trim();
    return t === '' ? KOSONG : { jenis: 'teks', teks: t };
  }
  return s;
}

/** Text of a header cell; a merged cell reads as its master's text. */
export function teksJudul(cell: ExcelJS.Cell): string {
  const s = bacaSelMentah(cell.isMerged ? cell.master : cell);
  switch (s.jenis) {
    case 'teks':
      return s.teks.replace(/\s+/g, ' ').trim();
    case 'angka':
      return String(s.angka);
    case 'kosong':
    case 'teks-kosong':
    case 'boolean':
    case 'tanggal':
    case 'rumus':
    case 'galat':
      return '';
  }
}

export function hurufKolom(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** What the user sees in the cell, for messages. */
export function tampilSel(s: Sel): string {
  switch (s.jenis) {
    case 'kosong':
      return '(kosong)';
    case 'teks':
      return `"${s.teks.length > 40 ? `${s.teks.slice(0, 40)}…` : s.teks}"`;
    case 'angka':
      return s.angka.toLocaleString('id-ID', { maximumFractionDigits: 10 });
    case 'boolean':
      return s.nilai ? 'TRUE' : 'FALSE';
    case 'tanggal':
      return s.tanggal.toISOString().slice(0, 10);
    case 'rumus':
      return `=${s.rumus}`;
    case 'galat':
      return s.galat;
  }
}

/** Formulas and error values are refused wherever they appear in imported data. */
export function masalahSel(s: Sel): string | undefined {
  if (s.jenis === 'rumus') {
    return `sel berisi rumus (=${s.rumus}); nilai yang tampil bisa berbeda dari yang tersimpan, salin lalu tempel sebagai nilai (Paste Special → Values)`;
  }
  if (s.jenis === 'galat') return `sel berisi galat ${s.galat}; perbaiki rumus asalnya lalu tempel sebagai nilai`;
  return undefined;
}

// ---------------------------------------------------------------- numbers

/** Plain digits, or Indonesian thousands grouping with dots. */
const RIBUAN = /^\d{1,3}(\.\d{3})+$/;

/**
 * A number written as text the way Indonesian spreadsheets write it: 1.234.567,89 (dots group
 * thousands, comma before decimals), 26,15, 4.72 (a single dot that is not a thousands group
 * is a decimal point), an optional % sign at the end. Undefined when it is not a number.
 */
export function angkaDariTeks(teks: string): number | undefined {
  let t = teks.replace(/\s+/g, '').replace(/%$/, '');
  let sign = 1;
  if (t.startsWith('-')) {
    sign = -1;
    t = t.slice(1);
  }
  let int: string;
  let frac = '';
  if (/^\d+$/.test(t)) int = t;
  else if (/,/.test(t)) {
    const [a = '', b = '', ...rest] = t.split(',');
    if (rest.length > 0 || !/^\d+$/.test(b) || !(/^\d+$/.test(a) || RIBUAN.test(a))) return undefined;
    int = a.replace(/\./g, '');
    frac = b;
  } else if (RIBUAN.test(t)) int = t.replace(/\./g, '');
  else if (/^\d+\.\d+$/.test(t)) [int = '', frac = ''] = t.split('.');
  else return undefined;
  const n = sign * Number(`${int}${frac ? `.${frac}` : ''}`);
  return Number.isFinite(n) ? n : undefined;
}

export type Hasil<T> = { ok: true; nilai: T } | { ok: false; pesan: string };

/** Whole rupiah from a number cell or from text such as "Rp 1.234.567" or "1.234.567,00". */
export function rupiahDariSel(s: Sel): Hasil<number> {
  let n: number | undefined;
  if (s.jenis === 'angka') n = s.angka;
  else if (s.jenis === 'teks') {
    const t = s.teks.replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
    if (/^\d+$/.test(t) || RIBUAN.test(t)) n = Number(t.replace(/\./g, ''));
    else {
      const m = /^(\d+|\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(t);
      if (m) {
        if (!/^0+$/.test(m[2] ?? '')) return { ok: false, pesan: `${tampilSel(s)} bukan bilangan bulat rupiah (sen tidak dicatat)` };
        n = Number((m[1] ?? '').replace(/\./g, ''));
      }
    }
    if (n === undefined) return { ok: false, pesan: `${tampilSel(s)} bukan angka rupiah` };
  } else return { ok: false, pesan: `${tampilSel(s)} bukan angka rupiah` };
  if (!Number.isInteger(n)) return { ok: false, pesan: `${tampilSel(s)} bukan bilangan bulat rupiah (sen tidak dicatat)` };
  if (n < 0) return { ok: false, pesan: `${tampilSel(s)}: rupiah tidak boleh negatif` };
  if (!Number.isSafeInteger(n)) return { ok: false, pesan: `${tampilSel(s)}: nilai rupiah terlalu besar` };
  return { ok: true, nilai: n };
}

export function angkaDariSel(s: Sel): Hasil<number> {
  if (s.jenis === 'angka') return Number.isFinite(s.angka) ? { ok: true, nilai: s.angka } : { ok: false, pesan: `${tampilSel(s)} bukan angka` };
  if (s.jenis === 'teks') {
    const n = angkaDariTeks(s.teks);
    return n === undefined ? { ok: false, pesan: `${tampilSel(s)} bukan angka` } : { ok: true, nilai: n };
  }
  return { ok: false, pesan: `${tampilSel(s)} bukan angka` };
}

/** Text of a cell for a text field; numbers are written out as the user sees them in General format. */
export function teksDariSel(s: Sel): Hasil<string> {
  switch (s.jenis) {
    case 'teks':
      return { ok: true, nilai: s.teks };
    case 'angka':
      return { ok: true, nilai: String(s.angka) };
    case 'tanggal':
      return { ok: true, nilai: s.tanggal.toISOString().slice(0, 10) };
    case 'boolean':
    case 'kosong':
    case 'rumus':
    case 'galat':
      return { ok: false, pesan: `${tampilSel(s)} bukan teks` };
  }
}

// ---------------------------------------------------------------- headers

/** Lower case letters and digits only: "Anggaran (Rp)" and "anggaran rp" are the same header. */
export function normalJudul(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface SpekKolom<K extends string> {
  kunci: K;
  /** The header SIKIPER writes; also accepted. */
  judul: string;
  /** Other accepted headers, compared after `normalJudul`. */
  alias: readonly string[];
  wajib?: boolean;
}

export interface KolomDitemukan {
  indeks: number;
  huruf: string;
  /** The header as written in the file (both rows of a two-row header). */
  teks: string;
}

export interface Judul<K extends string> {
  /** Row of the (lower) header; data starts below it. */
  baris: number;
  kolom: Map<K, KolomDitemukan>;
}

/** How many rows from the top are searched for the header. */
export const BARIS_JUDUL_MAKS = 10;

function pencocok<K extends string>(spek: readonly SpekKolom<K>[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const s of spek) for (const a of [s.judul, ...s.alias]) map.set(normalJudul(a), s.kunci);
  return map;
}

/**
 * Finds the header row among the first rows of a sheet. A column's header is its cell in the
 * row, or, under a cell merged across several columns (a two-row header such as "Anggaran"
 * over "Pagu | Realisasi"), the upper and lower text together when only that combination is a
 * known header. The row recognising most columns, all required ones included, wins.
 */
export function temukanJudul<K extends string>(
  ws: ExcelJS.Worksheet,
  spek: readonly SpekKolom<K>[],
): { judul: Judul<K>; ganda: Array<{ kunci: K; kolom: KolomDitemukan[] }> } | { hilang: K[]; terbaik: number | undefined } {
  const cocok = pencocok(spek);
  const wajib = spek.filter((s) => s.wajib).map((s) => s.kunci);
  const lastRow = Math.min(ws.rowCount, BARIS_JUDUL_MAKS);
  const lastCol = ws.columnCount;
  let best: { judul: Judul<K>; ganda: Array<{ kunci: K; kolom: KolomDitemukan[] }>; skor: number } | undefined;
  let bestPartial: { hilang: K[]; baris: number; skor: number } | undefined;
  for (let r = 1; r <= lastRow; r++) {
    const found = new Map<K, KolomDitemukan[]>();
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      const bawah = teksJudul(cell);
      let atas = '';
      if (r > 1) {
        const up = ws.getCell(r - 1, c);
        // Only a group header spanning several columns combines with the text below it.
        if (up.isMerged && (up.master.fullAddress.col !== c || ws.getCell(r - 1, c + 1).master === up.master)) atas = teksJudul(up);
      }
      let kunci: K | undefined;
      let teks = bawah;
      if (atas && atas !== bawah) {
        kunci = cocok.get(normalJudul(`${atas} ${bawah}`));
        if (kunci) teks = `${atas} / ${bawah}`;
      }
      kunci ??= bawah ? cocok.get(normalJudul(bawah)) : undefined;
      if (!kunci) continue;
      const list = found.get(kunci) ?? [];
      list.push({ indeks: c, huruf: hurufKolom(c), teks });
      found.set(kunci, list);
    }
    const hilang = wajib.filter((k) => !found.has(k));
    const ganda = [...found.entries()].filter(([, v]) => v.length > 1).map(([kunci, kolom]) => ({ kunci, kolom }));
    // Repeated group headers (a merged "Indikator Kinerja" over three columns) are not a header row.
    const skor = found.size - ganda.length * 2;
    if (hilang.length > 0) {
      if (found.size > 0 && (!bestPartial || found.size > bestPartial.skor)) bestPartial = { hilang, baris: r, skor: found.size };
      continue;
    }
    if (!best || skor >= best.skor) {
      const kolom = new Map<K, KolomDitemukan>();
      for (const [k, v] of found) if (v[0]) kolom.set(k, v[0]);
      best = { judul: { baris: r, kolom }, ganda, skor };
    }
  }
  if (best) return { judul: best.judul, ganda: best.ganda };
  return { hilang: bestPartial?.hilang ?? wajib, terbaik: bestPartial?.baris };
}

/** The header problems of a sheet as located messages. */
export function galatJudul<K extends string>(
  lembar: string,
  spek: readonly SpekKolom<K>[],
  hasil: { hilang: K[]; terbaik: number | undefined } | { ganda: Array<{ kunci: K; kolom: KolomDitemukan[] }> },
): Galat[] {
  const namaOf = (k: K) => spek.find((s) => s.kunci === k)?.judul ?? k;
  if ('hilang' in hasil) {
    const alias = (k: K) => {
      const s = spek.find((x) => x.kunci === k);
      return s ? [s.judul, ...s.alias.slice(0, 3)].map((a) => `"${a}"`).join(', ') : k;
    };
    return hasil.hilang.map((k) => ({
      lembar,
      pesan: `kolom ${namaOf(k)} tidak ditemukan di ${BARIS_JUDUL_MAKS} baris pertama (judul yang dikenali: ${alias(k)})`,
    }));
  }
  return hasil.ganda.map((g) => ({
    lembar,
    kolom: g.kolom[1]?.huruf,
    judul: g.kolom[1]?.teks,
    pesan: `kolom ${namaOf(g.kunci)} muncul lebih dari sekali (${g.kolom.map((k) => `${k.huruf} "${k.teks}"`).join(', ')})`,
  }));
}

/** A row that only numbers the columns (1, 2, 3 … or (1), (2) …), as printed planning tables have under their header. */
export function barisNomorKolom(row: ExcelJS.Row): boolean {
  const values: number[] = [];
  row.eachCell({ includeEmpty: false }, (cell) => {
    const s = bacaSel(cell);
    if (s.jenis === 'angka') values.push(s.angka);
    else if (s.jenis === 'teks' && /^\(?\d+\)?$/.test(s.teks)) values.push(Number(s.teks.replace(/[()]/g, '')));
    else values.push(Number.NaN);
  });
  return values.length >= 3 && values.every((v, i) => v === (values[0] ?? 0) + i);
}

/** Reads a column's cell of a data row, turning formulas and error values into problems. */
export class PembacaBaris<K extends string> {
  constructor(
    private readonly lembar: string,
    private readonly judul: Judul<K>,
    private readonly galat: DaftarGalat,
  ) {}

  ada(kunci: K): boolean {
    return this.judul.kolom.has(kunci);
  }

  /** The cell, or empty when the column is absent; a formula or error cell is reported and read as empty. */
  sel(row: ExcelJS.Row, kunci: K): Sel {
    const k = this.judul.kolom.get(kunci);
    if (!k) return KOSONG;
    const s = bacaSel(row.getCell(k.indeks));
    const masalah = masalahSel(s);
    if (masalah) {
      this.lapor(row.number, kunci, masalah);
      return KOSONG;
    }
    return s;
  }

  lapor(baris: number, kunci: K | undefined, pesan: string): void {
    const k = kunci === undefined ? undefined : this.judul.kolom.get(kunci);
    this.galat.tambah({ lembar: this.lembar, baris, kolom: k?.huruf, judul: k?.teks, pesan });
  }

  /** Converts a non-empty cell, reporting the failure; undefined for empty or invalid cells. */
  ubah<T>(row: ExcelJS.Row, kunci: K, f: (s: Sel) => Hasil<T>): T | undefined {
    const s = this.sel(row, kunci);
    if (s.jenis === 'kosong') return undefined;
    const r = f(s);
    if (!r.ok) {
      this.lapor(row.number, kunci, r.pesan);
      return undefined;
    }
    return r.nilai;
  }

  teks(row: ExcelJS.Row, kunci: K): string | undefined {
    return this.ubah(row, kunci, teksDariSel);
  }

  /** True when any of the columns read has a value (formulas and errors count: they are reported, not skipped). */
  terisi(row: ExcelJS.Row, kunci: readonly K[]): boolean {
    return kunci.some((k) => {
      const c = this.judul.kolom.get(k);
      return c !== undefined && bacaSel(row.getCell(c.indeks)).jenis !== 'kosong';
    });
  }
}

/** Most data rows one import reads (Renja/DPA, realisasi, registers); a sheet with more is refused, not cut. */
export const BATAS_BARIS_IMPOR = 50_000;

/** The refusal of a sheet beyond `BATAS_BARIS_IMPOR`. */
export function galatBarisTerlalu(lembar: string, berkas: string | undefined, jumlah: string): BatasTerlampaui {
  return new BatasTerlampaui(
    [{ lembar, pesan: `lembar berisi ${jumlah} baris data, melebihi batas ${BATAS_BARIS_IMPOR.toLocaleString('id-ID')} baris per impor; bagi menjadi beberapa berkas` }],
    berkas,
  );
}

/** The rows of data below a header: empty rows and a column-number row are skipped. */
export function barisData<K extends string>(ws: ExcelJS.Worksheet, judul: Judul<K>, baca: PembacaBaris<K>, semua: readonly K[]): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let r = judul.baris + 1; r <= ws.rowCount; r++) {
    // findRow, not getRow: a lone cell in row 1.048.576 must not create a million empty rows.
    const row = ws.findRow(r);
    if (!row || !baca.terisi(row, semua)) continue;
    if (rows.length === BATAS_BARIS_IMPOR) throw galatBarisTerlalu(ws.name, undefined, `lebih dari ${BATAS_BARIS_IMPOR.toLocaleString('id-ID')}`);
    if (rows.length === 0 && r <= judul.baris + 2 && barisNomorKolom(row)) continue;
    rows.push(row);
  }
  return rows;
}
