/**
 * Register rows in and out of spreadsheets: reading .xlsx or .csv (first row: column names or
 * codes; an optional `id` column) into typed rows with every problem located by row and
 * column, and writing a register to .xlsx with personal columns masked unless asked otherwise.
 */
import ExcelJS from 'exceljs';
import { type BarisImpor, DISAMARKAN, isPribadi, type MasalahImpor, periksaSel } from '../dataset/register.ts';
import type { KolomRegisterData, NilaiSelData, RegisterData } from '../dataset/schema.ts';
import { angkaDariTeks, bacaSel, muatWorkbook, type Sel } from './xlsx.ts';

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Parses CSV text (comma or semicolon separated, double-quoted fields). */
export function bacaCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

function dariTeks(k: KolomRegisterData, t: string): NilaiSelData | { galat: string } {
  const s = t.trim();
  if (s === '') return null;
  switch (k.tipe) {
    case 'angka': {
      const n = angkaDariTeks(s);
      return n === undefined ? { galat: `${k.nama}: "${s}" bukan angka` } : n;
    }
    case 'ya-tidak': {
      const v = normal(s);
      if (['ya', 'y', 'true', 'benar', '1'].includes(v)) return true;
      if (['tidak', 't', 'false', 'salah', '0'].includes(v)) return false;
      return { galat: `${k.nama}: "${s}" bukan ya/tidak` };
    }
    case 'tanggal': {
      const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s);
      return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : s;
    }
    case 'teks':
    case 'pilihan':
    case 'nama-orang':
    case 'telepon':
      return s;
  }
}

function dariSel(k: KolomRegisterData, s: Sel): NilaiSelData | { galat: string } {
  switch (s.jenis) {
    case 'kosong':
      return null;
    case 'teks':
      return dariTeks(k, s.teks);
    case 'angka':
      if (k.tipe === 'angka') return s.angka;
      if (k.tipe === 'ya-tidak') return s.angka === 1 ? true : s.angka === 0 ? false : { galat: `${k.nama}: ${s.angka} bukan ya/tidak` };
      return String(s.angka);
    case 'boolean':
      return k.tipe === 'ya-tidak' ? s.nilai : { galat: `${k.nama}: nilai ya/tidak di kolom bertipe ${k.tipe}` };
    case 'tanggal':
      return k.tipe === 'tanggal' ? s.tanggal.toISOString().slice(0, 10) : { galat: `${k.nama}: tanggal di kolom bertipe ${k.tipe}` };
    case 'rumus':
      return { galat: `${k.nama}: rumus Excel tanpa nilai; simpan sebagai nilai` };
    case 'galat':
      return { galat: `${k.nama}: sel berisi galat ${s.galat}` };
  }
}

/** Reads rows of a register from a grid of cells (header first). Problems are collected, not thrown. */
function bacaGrid(reg: RegisterData, grid: Array<Array<Sel>>): { baris: BarisImpor[]; masalah: MasalahImpor[] } {
  const masalah: MasalahImpor[] = [];
  const [judul = [], ...data] = grid;
  const byName = new Map<string, KolomRegisterData>();
  for (const k of reg.kolom) {
    byName.set(normal(k.kode), k);
    byName.set(normal(k.nama), k);
  }
  const kolom: Array<KolomRegisterData | 'id' | undefined> = judul.map((s, i) => {
    const name = s.jenis === 'teks' ? normal(s.teks) : s.jenis === 'kosong' ? '' : '?';
    if (name === '') return undefined;
    if (name === 'id') return 'id';
    const k = byName.get(name);
    if (!k) masalah.push({ baris: 1, kolom: String(i + 1), pesan: `judul kolom "${s.jenis === 'teks' ? s.teks : '?'}" bukan kolom register ${reg.kode}` });
    return k;
  });
  const ada = new Set(kolom.flatMap((k) => (k && k !== 'id' ? [k.kode] : [])));
  for (const k of reg.kolom) if (k.wajib && !ada.has(k.kode)) masalah.push({ baris: 1, kolom: k.kode, pesan: `kolom wajib ${k.nama} tidak ada di judul` });
  const baris: BarisImpor[] = [];
  data.forEach((cells, i) => {
    const nomor = i + 2;
    const nilai: Record<string, NilaiSelData> = {};
    let id: string | undefined;
    kolom.forEach((k, j) => {
      const s = cells[j] ?? { jenis: 'kosong' };
      if (k === undefined) return;
      if (k === 'id') {
        id = s.jenis === 'teks' ? s.teks : s.jenis === 'angka' ? String(s.angka) : undefined;
        return;
      }
      const v = dariSel(k, s);
      if (v !== null && typeof v === 'object') masalah.push({ baris: nomor, kolom: k.kode, pesan: v.galat });
      else nilai[k.kode] = v;
    });
    for (const k of reg.kolom) {
      if (masalah.some((m) => m.baris === nomor && m.kolom === k.kode)) continue;
      const why = periksaSel(k, nilai[k.kode]);
      if (why) masalah.push({ baris: nomor, kolom: k.kode, pesan: why });
    }
    baris.push({ nomor, id, nilai });
  });
  if (data.length === 0) masalah.push({ baris: null, kolom: null, pesan: 'berkas tidak berisi baris data' });
  return { baris, masalah };
}

/** Reads an uploaded .xlsx (first worksheet) or .csv. */
export async function bacaBerkasRegister(reg: RegisterData, nama: string, isi: Uint8Array): Promise<{ baris: BarisImpor[]; masalah: MasalahImpor[] }> {
  if (/\.csv$/i.test(nama)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(isi);
    const grid = bacaCsv(text).map((r) => r.map((t): Sel => (t.trim() === '' ? { jenis: 'kosong' } : { jenis: 'teks', teks: t.trim() })));
    return bacaGrid(reg, grid);
  }
  if (!/\.xlsx$/i.test(nama)) return { baris: [], masalah: [{ baris: null, kolom: null, pesan: 'berkas harus .xlsx atau .csv' }] };
  let wb: ExcelJS.Workbook;
  try {
    wb = await muatWorkbook(isi, nama);
  } catch (e) {
    return { baris: [], masalah: [{ baris: null, kolom: null, pesan: (e as Error).message }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { baris: [], masalah: [{ baris: null, kolom: null, pesan: 'tidak ada lembar kerja' }] };
  const grid: Sel[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: Sel[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(bacaSel(row.getCell(c)));
    if (cells.some((s) => s.jenis !== 'kosong')) grid.push(cells);
  });
  return bacaGrid(reg, grid);
}

/** The register as .xlsx: one header row of column names, then the rows; personal columns masked unless `pribadi`. */
export async function tulisRegisterXlsx(reg: RegisterData, opsi: { pribadi: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(reg.kode.slice(0, 31));
  ws.addRow(['id', ...reg.kolom.map((k) => k.nama)]);
  ws.getRow(1).font = { bold: true };
  for (const b of reg.baris) {
    ws.addRow([
      b.id,
      ...reg.kolom.map((k) => {
        const v = b.nilai[k.kode];
        if (v === undefined || v === null) return null;
        return isPribadi(k) && !opsi.pribadi ? DISAMARKAN : v;
      }),
    ]);
  }
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
