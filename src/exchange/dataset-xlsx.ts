/**
 * A whole pemda dataset as one .xlsx workbook, and back, without loss.
 *
 * The layout is derived from the dataset schema (src/dataset/schema.ts), so it follows the
 * schema as it changes:
 * - the root object (format, version, pemda) is one row on the sheet `dataset`;
 * - every list of objects is a sheet named after its path (`opd.tahun.renja.node`; leading
 *   parts are dropped where Excel's 31-character limit requires: `sasaran.indikator.target`);
 * - nested objects are flattened into dotted columns (`formula.teks`); an optional object that
 *   is present but has nothing in its columns is marked TRUE in the column of its own name;
 * - a list of texts is one cell, one item per line (JSON array when an item has a line break);
 * - each row of a nested sheet names its parent in the column `induk` by dataset path
 *   (`opd[0].tahun[2].renja[0].node[5]`); rows keep their order within one parent.
 * Cells keep their type (text, number, TRUE/FALSE), so the text "2023" stays text and 2023 a
 * number. Characters XML cannot hold are written with Excel's _xHHHH_ escape.
 */
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { DatasetError, parseDataset, type DatasetProblem } from '../dataset/load.ts';
import { Dataset as DatasetSchema, Rupiah, type Dataset } from '../dataset/schema.ts';
import { BATAS_ZIP_DATASET } from './arsip.ts';
import { DaftarGalat, ImporError, type Galat } from './galat.ts';
import { hurufKolom, masalahSel, muatWorkbook, bacaSelMentah } from './xlsx.ts';
import { FMT_RUPIAH, gayaJudul } from './renja-xlsx.ts';

/** Largest dataset workbook `import` reads. */
export const BATAS_UKURAN_DATASET_XLSX = 100 * 1024 * 1024;
export const LEMBAR_AKAR = 'dataset';
export const LEMBAR_TATA_LETAK = 'Tata Letak';
export const KOLOM_INDUK = '_induk';
const EXCEL_TEKS_MAKS = 32_767;
const NAMA_LEMBAR_MAKS = 31;

// ---------------------------------------------------------------- layout from the schema

type Bentuk =
  | { jenis: 'skalar'; tipe: 'string' | 'number' | 'boolean' | 'lain'; rupiah: boolean }
  | { jenis: 'daftar-skalar' }
  | { jenis: 'objek'; medan: Medan[] }
  | { jenis: 'daftar-objek'; elemen: Medan[] };

interface Medan {
  nama: string;
  opsional: boolean;
  bawaan: boolean;
  bentuk: Bentuk;
}

interface ZodDef {
  type: string;
  innerType?: unknown;
  shape?: Record<string, unknown>;
  element?: unknown;
}

const defOf = (s: unknown): ZodDef => (s as { def: ZodDef }).def;

function bentukDari(schema: unknown): Omit<Medan, 'nama'> {
  let s = schema;
  let opsional = false;
  let bawaan = false;
  let rupiah = false;
  for (;;) {
    if (s === Rupiah) rupiah = true;
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'nullable') opsional = true;
    else if (def.type === 'default' || def.type === 'prefault') bawaan = true;
    else if (def.type !== 'readonly' && def.type !== 'catch') break;
    s = def.innerType;
  }
  const def = defOf(s);
  if (def.type === 'object') return { opsional, bawaan, bentuk: { jenis: 'objek', medan: medanObjek(def) } };
  if (def.type === 'array') {
    const el = bentukDari(def.element);
    return { opsional, bawaan, bentuk: el.bentuk.jenis === 'objek' ? { jenis: 'daftar-objek', elemen: el.bentuk.medan } : { jenis: 'daftar-skalar' } };
  }
  const tipe = def.type === 'string' || def.type === 'enum' ? 'string' : def.type === 'number' ? 'number' : def.type === 'boolean' ? 'boolean' : 'lain';
  return { opsional, bawaan, bentuk: { jenis: 'skalar', tipe, rupiah } };
}

function medanObjek(def: ZodDef): Medan[] {
  return Object.entries(def.shape ?? {}).map(([nama, s]) => ({ nama, ...bentukDari(s) }));
}

export type JenisKolom = 'skalar' | 'daftar-skalar' | 'penanda';

export interface Kolom {
  judul: string;
  jalur: string[];
  jenis: JenisKolom;
  tipe: 'string' | 'number' | 'boolean' | 'lain';
  rupiah: boolean;
  /** For lists: absent means empty, because the schema fills an empty list in. */
  bawaan: boolean;
}

export interface Entitas {
  /** Field path from the root, without indexes. */
  pola: string[];
  lembar: string;
  /** Path from the parent entity's object to this list. */
  relatif: string[];
  induk: Entitas | undefined;
  medan: Medan[];
  kolom: Kolom[];
  anak: Entitas[];
}

function susunKolom(e: Entitas, medan: Medan[], prefix: string[], out: Entitas[]): void {
  for (const m of medan) {
    const jalur = [...prefix, m.nama];
    const b = m.bentuk;
    switch (b.jenis) {
      case 'skalar':
        e.kolom.push({ judul: jalur.join('.'), jalur, jenis: 'skalar', tipe: b.tipe, rupiah: b.rupiah, bawaan: m.bawaan });
        break;
      case 'daftar-skalar':
        e.kolom.push({ judul: jalur.join('.'), jalur, jenis: 'daftar-skalar', tipe: 'string', rupiah: false, bawaan: m.bawaan || m.opsional });
        break;
      case 'objek':
        if (m.opsional || m.bawaan) e.kolom.push({ judul: jalur.join('.'), jalur, jenis: 'penanda', tipe: 'boolean', rupiah: false, bawaan: true });
        susunKolom(e, b.medan, jalur, out);
        break;
      case 'daftar-objek': {
        const child: Entitas = { pola: [...e.pola, ...jalur], lembar: '', relatif: jalur, induk: e, medan: b.elemen, kolom: [], anak: [] };
        e.anak.push(child);
        out.push(child);
        susunKolom(child, b.elemen, [], out);
        break;
      }
    }
  }
}

function namaLembar(entitas: Entitas[]): void {
  const used = new Set<string>();
  for (const e of entitas) {
    let parts = e.pola.length === 0 ? [LEMBAR_AKAR] : e.pola;
    while (parts.join('.').length > NAMA_LEMBAR_MAKS && parts.length > 1) parts = parts.slice(1);
    let name = parts.join('.').slice(0, NAMA_LEMBAR_MAKS);
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${name.slice(0, NAMA_LEMBAR_MAKS - 3)}~${i}`;
    used.add(name.toLowerCase());
    e.lembar = name;
  }
}

/** Every sheet of the layout, parents before children. */
export function tataLetak(schema: z.ZodType = DatasetSchema): Entitas[] {
  const root = bentukDari(schema);
  if (root.bentuk.jenis !== 'objek') throw new Error('skema dataset harus objek');
  const akar: Entitas = { pola: [], lembar: LEMBAR_AKAR, relatif: [], induk: undefined, medan: root.bentuk.medan, kolom: [], anak: [] };
  const out = [akar];
  susunKolom(akar, root.bentuk.medan, [], out);
  namaLembar(out);
  return out;
}

let cachedLayout: Entitas[] | undefined;
const layout = () => (cachedLayout ??= tataLetak());

// ---------------------------------------------------------------- values

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function ambil(obj: unknown, jalur: readonly string[]): unknown {
  let v = obj;
  for (const k of jalur) {
    if (!isRec(v)) return undefined;
    v = v[k];
  }
  return v;
}

function pasang(obj: Rec, jalur: readonly string[], value: unknown): void {
  let v = obj;
  jalur.slice(0, -1).forEach((k) => {
    const next = v[k];
    if (isRec(next)) v = next;
    else {
      const created: Rec = {};
      v[k] = created;
      v = created;
    }
  });
  const last = jalur.at(-1);
  if (last !== undefined) v[last] = value;
}

/** Excel's escape for characters an XML cell cannot hold, and for text that looks like the escape itself. */
function escapeTeks(s: string): string {
  let out = '';
  for (const ch of s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')) {
    const c = ch.charCodeAt(0);
    const illegal = (c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff;
    out += illegal ? `_x${c.toString(16).toUpperCase().padStart(4, '0')}_` : ch;
  }
  return out;
}

/** A list of texts in one cell: one per line, or a JSON array when that would not read back the same. */
export function tulisDaftar(items: readonly string[]): string {
  const plain = items.length > 0 && items.every((x) => typeof x === 'string' && !x.includes('\n') && x !== '') && !(items[0] ?? '').startsWith('[');
  return plain ? items.join('\n') : JSON.stringify(items);
}

export function bacaDaftar(cell: string): unknown[] {
  if (cell.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(cell);
      if (Array.isArray(v)) return v as unknown[];
    } catch {
      // Not JSON: a user's line that happens to start with "[".
    }
  }
  return cell.split('\n');
}

// ---------------------------------------------------------------- writing

interface Instansi {
  jalur: (string | number)[];
  obj: Rec;
}

const formatJalur = (path: readonly (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');

function adaTurunan(e: Entitas, obj: Rec, jalur: readonly string[]): boolean {
  return e.anak.some((c) => c.relatif.length > jalur.length && jalur.every((k, i) => c.relatif[i] === k) && Array.isArray(ambil(obj, c.relatif)) && (ambil(obj, c.relatif) as unknown[]).length > 0);
}

/** The whole dataset as a workbook in the sheet-per-entity layout; readable back with `bacaDatasetXlsx`. */
export async function tulisDatasetXlsx(d: Dataset): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
  wb.creator = 'SIKIPER';
  wb.title = `Dataset SIKIPER ${d.pemda.nama}`;
  const problems: DatasetProblem[] = [];
  const instances = new Map<Entitas, Instansi[]>();
  for (const e of layout()) {
    const list: Instansi[] = [];
    if (!e.induk) list.push({ jalur: [], obj: d });
    else {
      for (const parent of instances.get(e.induk) ?? []) {
        const arr = ambil(parent.obj, e.relatif);
        if (Array.isArray(arr)) arr.forEach((x, i) => list.push({ jalur: [...parent.jalur, ...e.relatif, i], obj: x as Rec }));
      }
    }
    instances.set(e, list);
    const withInduk = e.induk !== undefined && e.induk.induk !== undefined;
    const ws = wb.addWorksheet(e.lembar, { views: [{ state: 'frozen', xSplit: withInduk ? 1 : 0, ySplit: 1 }] });
    const headers = [...(withInduk ? [KOLOM_INDUK] : []), ...e.kolom.map((k) => k.judul)];
    const widths = headers.map((h) => h.length + 2);
    const head = ws.addRow(headers);
    gayaJudul(head);
    for (const inst of list) {
      const cells: ExcelJS.CellValue[] = withInduk ? [formatJalur(inst.jalur.slice(0, -1 - e.relatif.length))] : [];
      for (const k of e.kolom) {
        const v = ambil(inst.obj, k.jalur);
        let cell: ExcelJS.CellValue = null;
        switch (k.jenis) {
          case 'skalar':
            if (typeof v === 'string') cell = escapeTeks(v);
            else if (typeof v === 'number' || typeof v === 'boolean') cell = v;
            // Records and unions of objects (register cells, a register's period) travel as JSON text.
            else if (k.tipe === 'lain' && typeof v === 'object' && v !== null) cell = escapeTeks(JSON.stringify(v));
            break;
          case 'daftar-skalar':
            if (Array.isArray(v) && (v.length > 0 || !k.bawaan)) cell = escapeTeks(tulisDaftar(v as string[]));
            break;
          case 'penanda':
            if (isRec(v)) {
              const inside = e.kolom.some((o) => o !== k && o.jalur.length > k.jalur.length && k.jalur.every((x, i) => o.jalur[i] === x) && o.jenis !== 'penanda' && hasValue(ambil(inst.obj, o.jalur), o));
              if (!inside && !adaTurunan(e, inst.obj, k.jalur)) cell = true;
            }
            break;
        }
        if (typeof cell === 'string' && cell.length > EXCEL_TEKS_MAKS) {
          problems.push({ path: formatJalur([...inst.jalur, ...k.jalur]), message: `teks ${cell.length} karakter melebihi batas satu sel Excel (${EXCEL_TEKS_MAKS}); ekspor sebagai JSON` });
        }
        cells.push(cell);
      }
      const row = ws.addRow(cells);
      cells.forEach((c, i) => {
        const w = typeof c === 'string' ? Math.min(60, Math.max(...c.split('\n').map((l) => l.length)) + 2) : typeof c === 'number' ? 14 : 8;
        if (w > (widths[i] ?? 0)) widths[i] = w;
      });
      e.kolom.forEach((k, i) => {
        if (k.rupiah) row.getCell(i + 1 + (withInduk ? 1 : 0)).numFmt = FMT_RUPIAH;
      });
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  if (problems.length > 0) throw new DatasetError(problems);
  tulisTataLetak(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A JSON object or array written by the export; any other text stays text. */
function bacaJson(teks: string): unknown {
  if (!/^\s*[[{]/.test(teks)) return teks;
  try {
    return JSON.parse(teks) as unknown;
  } catch {
    return teks;
  }
}

function hasValue(v: unknown, k: Kolom): boolean {
  if (k.jenis === 'daftar-skalar') return Array.isArray(v) && (v.length > 0 || !k.bawaan);
  return v !== undefined;
}

function tulisTataLetak(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(LEMBAR_TATA_LETAK, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Lembar', width: 34 },
    { header: 'Isi (jalur dataset)', width: 34 },
    { header: 'Induk', width: 22 },
    { header: 'Kolom', width: 120 },
  ];
  gayaJudul(ws.getRow(1));
  for (const e of layout()) {
    ws.addRow([e.lembar, e.pola.length === 0 ? '(akar: format, version, pemda)' : e.pola.join('.'), e.induk?.induk ? e.induk.lembar : '', e.kolom.map((k) => k.judul).join(', ')]);
  }
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

// ---------------------------------------------------------------- reading

function lengkapi(v: Rec, medan: readonly Medan[]): void {
  for (const m of medan) {
    const x = v[m.nama];
    const b = m.bentuk;
    if (x === undefined) {
      if (m.opsional || m.bawaan) continue;
      if (b.jenis === 'daftar-objek') v[m.nama] = [];
      else if (b.jenis === 'objek') {
        const created: Rec = {};
        v[m.nama] = created;
        lengkapi(created, b.medan);
      }
      continue;
    }
    if (b.jenis === 'objek' && isRec(x)) lengkapi(x, b.medan);
    if (b.jenis === 'daftar-objek' && Array.isArray(x)) for (const el of x) if (isRec(el)) lengkapi(el, b.elemen);
  }
}

function segmen(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return out;
}

/**
 * Reads a dataset workbook written by `tulisDatasetXlsx` (or edited since): every row placed
 * under its parent, then the dataset validated as a whole. Problems name sheet, row and column.
 */
export async function bacaDatasetXlsx(isi: Uint8Array, berkas: string, batas: number = BATAS_UKURAN_DATASET_XLSX): Promise<Dataset> {
  const wb = await muatWorkbook(isi, berkas, batas, BATAS_ZIP_DATASET);
  const galat = new DaftarGalat();
  const entities = layout();
  const known = new Set([...entities.map((e) => e.lembar.toLowerCase()), LEMBAR_TATA_LETAK.toLowerCase()]);
  if (!wb.getWorksheet(LEMBAR_AKAR)) throw new ImporError([{ pesan: `bukan ekspor dataset SIKIPER: tidak ada lembar "${LEMBAR_AKAR}"` }], berkas);
  for (const ws of wb.worksheets) if (!known.has(ws.name.toLowerCase())) galat.tambah({ lembar: ws.name, pesan: 'lembar tidak dikenal dalam tata letak dataset (lihat lembar "Tata Letak")' });

  const rows = new Map<string, { obj: Rec; jalur: (string | number)[] }>();
  const origin = new Map<string, { lembar: string; baris: number }>();
  const headerOf = new Map<string, Map<string, string>>();
  let root: Rec | undefined;
  for (const e of entities) {
    const ws = wb.getWorksheet(e.lembar);
    if (!ws) continue;
    const withInduk = e.induk !== undefined && e.induk.induk !== undefined;
    const columns = new Map<number, Kolom | 'induk'>();
    const letters = new Map<string, string>();
    ws.getRow(1).eachCell((cell, c) => {
      const s = bacaSelMentah(cell);
      const name = s.jenis === 'teks' ? s.teks.trim() : '';
      if (name === '') return;
      letters.set(name, hurufKolom(c));
      if (name === KOLOM_INDUK && withInduk) columns.set(c, 'induk');
      else {
        const k = e.kolom.find((x) => x.judul === name);
        if (k) columns.set(c, k);
        else galat.tambah({ lembar: ws.name, baris: 1, kolom: hurufKolom(c), pesan: `kolom "${name}" tidak dikenal di lembar ini` });
      }
    });
    headerOf.set(e.lembar, letters);
    if (withInduk && ![...columns.values()].includes('induk')) galat.tambah({ lembar: ws.name, pesan: `kolom "${KOLOM_INDUK}" tidak ada` });
    for (let r = 2; r <= ws.rowCount; r++) {
      // findRow, not getRow: a lone cell in row 1.048.576 must not create a million empty rows.
      const row = ws.findRow(r);
      if (!row) continue;
      const cells = [...columns.entries()].map(([c, k]) => ({ c, k, s: bacaSelMentah(row.getCell(c)) }));
      if (cells.every((x) => x.s.jenis === 'kosong')) continue;
      const at = (c: number, judul?: string): Omit<Galat, 'pesan'> => ({ lembar: ws.name, baris: r, kolom: hurufKolom(c), judul });
      let parent: Rec;
      let parentPath: (string | number)[];
      if (!e.induk) {
        if (root) {
          galat.tambah({ lembar: ws.name, baris: r, pesan: `lembar "${LEMBAR_AKAR}" hanya boleh berisi satu baris data` });
          continue;
        }
        root = {};
        rows.set('', { obj: root, jalur: [] });
        origin.set('', { lembar: ws.name, baris: r });
        parent = root;
        parentPath = [];
      } else if (!withInduk) {
        if (!root) continue;
        parent = root;
        parentPath = [];
      } else {
        const cell = cells.find((x) => x.k === 'induk');
        const text = cell?.s.jenis === 'teks' ? cell.s.teks.trim() : '';
        const found = rows.get(text);
        if (!found) {
          galat.tambah({ ...at(cell?.c ?? 1, KOLOM_INDUK), pesan: text ? `induk "${text}" tidak ada di lembar ${e.induk.lembar}` : 'induk wajib diisi' });
          continue;
        }
        parent = found.obj;
        parentPath = found.jalur;
      }
      let self: Rec = parent;
      if (e.induk) {
        let list = ambil(parent, e.relatif);
        if (!Array.isArray(list)) {
          list = [];
          pasang(parent, e.relatif, list);
        }
        const arr = list as unknown[];
        self = {};
        const jalur = [...parentPath, ...e.relatif, arr.length];
        arr.push(self);
        rows.set(formatJalur(jalur), { obj: self, jalur });
        origin.set(formatJalur(jalur), { lembar: ws.name, baris: r });
      }
      for (const { c, k, s } of cells) {
        if (k === 'induk' || s.jenis === 'kosong') continue;
        const masalah = s.jenis === 'teks-kosong' ? undefined : masalahSel(s);
        if (masalah) {
          galat.tambah({ ...at(c, k.judul), pesan: masalah });
          continue;
        }
        let value: unknown;
        switch (s.jenis) {
          case 'teks-kosong':
            value = k.jenis === 'skalar' ? '' : undefined;
            break;
          case 'teks':
            value = k.jenis === 'daftar-skalar' ? bacaDaftar(s.teks) : k.jenis === 'penanda' ? /^(true|ya|benar|1)$/i.test(s.teks.trim()) : k.tipe === 'lain' ? bacaJson(s.teks) : s.teks;
            break;
          case 'angka':
            value = k.jenis === 'daftar-skalar' ? [String(s.angka)] : k.tipe === 'string' ? String(s.angka) : s.angka;
            break;
          case 'boolean':
            value = s.nilai;
            break;
          case 'tanggal':
            value = s.tanggal.toISOString().slice(0, 10);
            break;
          case 'rumus':
          case 'galat':
            break;
        }
        if (value === undefined) continue;
        if (k.jenis === 'penanda') {
          if (value === true && !isRec(ambil(self, k.jalur))) pasang(self, k.jalur, {});
          continue;
        }
        pasang(self, k.jalur, value);
      }
    }
  }
  if (!root) galat.tambah({ lembar: LEMBAR_AKAR, pesan: 'tidak ada baris data (format, version, pemda)' });
  galat.lempar(berkas);
  const akar = root ?? {};
  const first = entities[0];
  if (first) lengkapi(akar, first.medan);
  try {
    return parseDataset(akar);
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    throw new ImporError(
      e.problems.map((p) => temukanAsal(p, origin, headerOf)),
      berkas,
    );
  }
}

/** The sheet, row and column a dataset path came from. */
function temukanAsal(p: DatasetProblem, origin: Map<string, { lembar: string; baris: number }>, headerOf: Map<string, Map<string, string>>): Galat {
  const seg = segmen(p.path);
  for (let n = seg.length; n >= 0; n--) {
    const prefix = seg.slice(0, n);
    if (n > 0 && typeof prefix[n - 1] !== 'number') continue;
    const o = origin.get(formatJalur(prefix));
    if (!o) continue;
    const rest = seg.slice(n);
    while (typeof rest.at(-1) === 'number') rest.pop();
    const judul = rest.filter((x): x is string => typeof x === 'string').join('.');
    const kolom = headerOf.get(o.lembar)?.get(judul);
    const g: Galat = { lembar: o.lembar, baris: o.baris, kolom, judul: kolom ? judul : undefined, pesan: kolom || !judul ? p.message : `${judul}: ${p.message}` };
    return g;
  }
  return { pesan: `${p.path}: ${p.message}` };
}

/** For docs and tests: the layout as text lines. */
export function teksTataLetak(): string {
  return layout()
    .map((e) => `${e.lembar}${e.pola.length > 0 && e.pola.join('.') !== e.lembar ? ` (${e.pola.join('.')})` : ''}: ${[...(e.induk?.induk ? [KOLOM_INDUK] : []), ...e.kolom.map((k) => k.judul)].join(', ')}`)
    .join('\n');
}

