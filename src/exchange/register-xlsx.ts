/**
 * Register rows in and out of spreadsheets: reading .xlsx or .csv (first row: column names or
 * codes; an optional `id` column) into typed rows with every problem located by row and
 * column, and writing a register to .xlsx with personal columns masked unless asked otherwise.
 */
import type ExcelJS from 'exceljs';
import { type BarisImpor, DISAMARKAN, isPribadi, type MasalahImpor, periksaSel } from '../dataset/register.ts';
import type { KolomRegisterData, NilaiSelData, RegisterData } from '../dataset/schema.ts';
import { BatasTerlampaui } from './galat.ts';
import { angkaDariTeks, BATAS_BARIS_IMPOR, bacaSel, muatWorkbook, type Sel } from './xlsx.ts';

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Parses CSV text (comma or semicolon separated, double-quoted fields); blank rows are left
 * out. With `maksBaris`, parsing stops once one row more than that has been read, so that the
 * caller can refuse a file that is too long without holding all of it.
 */
export function bacaCsv(text: string, maksBaris: number = Infinity): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  const simpan = (r: string[]) => {
    if (r.some((x) => x.trim() !== '')) rows.push(r);
  };
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length && rows.length <= maksBaris; i++) {
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
      simpan(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (rows.length <= maksBaris && (field !== '' || row.length > 0)) {
    row.push(field);
    simpan(row);
  }
  return rows;
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

/** Reads rows of a register from a grid of cells (header first). Problems are collected, not thrown. Linear in rows × register columns. */
function bacaGrid(reg: RegisterData, grid: Array<Array<Sel>>): { baris: BarisImpor[]; masalah: MasalahImpor[] } {
  const masalah: MasalahImpor[] = [];
  const [judul = [], ...data] = grid;
  const byName = new Map<string, KolomRegisterData>();
  for (const k of reg.kolom) {
    byName.set(normal(k.kode), k);
    byName.set(normal(k.nama), k);
  }
  // Only the columns that name a register column or the id are read from each row.
  const dibaca: Array<{ j: number; k: KolomRegisterData | 'id' }> = [];
  judul.forEach((s, i) => {
    const name = s.jenis === 'teks' ? normal(s.teks) : s.jenis === 'kosong' ? '' : '?';
    if (name === '') return;
    if (name === 'id') {
      dibaca.push({ j: i, k: 'id' });
      return;
    }
    const k = byName.get(name);
    if (k) dibaca.push({ j: i, k });
    else masalah.push({ baris: 1, kolom: String(i + 1), pesan: `judul kolom "${s.jenis === 'teks' ? s.teks : '?'}" bukan kolom register ${reg.kode}` });
  });
  const ada = new Set(dibaca.flatMap(({ k }) => (k !== 'id' ? [k.kode] : [])));
  for (const k of reg.kolom) if (k.wajib && !ada.has(k.kode)) masalah.push({ baris: 1, kolom: k.kode, pesan: `kolom wajib ${k.nama} tidak ada di judul` });
  const baris: BarisImpor[] = [];
  data.forEach((cells, i) => {
    const nomor = i + 2;
    const nilai: Record<string, NilaiSelData> = {};
    let id: string | undefined;
    // The columns of this row already reported, so that a cell is not reported twice.
    const salah = new Set<string>();
    for (const { j, k } of dibaca) {
      const s = cells[j] ?? { jenis: 'kosong' };
      if (k === 'id') {
        id = s.jenis === 'teks' ? s.teks : s.jenis === 'angka' ? String(s.angka) : undefined;
        continue;
      }
      const v = dariSel(k, s);
      if (v !== null && typeof v === 'object') {
        masalah.push({ baris: nomor, kolom: k.kode, pesan: v.galat });
        salah.add(k.kode);
      } else nilai[k.kode] = v;
    }
    for (const k of reg.kolom) {
      if (salah.has(k.kode)) continue;
      const why = periksaSel(k, nilai[k.kode]);
      if (why) masalah.push({ baris: nomor, kolom: k.kode, pesan: why });
    }
    baris.push({ nomor, id, nilai });
  });
  if (data.length === 0) masalah.push({ baris: null, kolom: null, pesan: 'berkas tidak berisi baris data' });
  return { baris, masalah };
}

/** The refusal of a file with more than `BATAS_BARIS_IMPOR` data rows (HTTP 413). */
function terlaluPanjang(nama: string): BatasTerlampaui {
  return new BatasTerlampaui(
    [{ pesan: `berkas berisi lebih dari ${BATAS_BARIS_IMPOR.toLocaleString('id-ID')} baris data, melebihi batas ${BATAS_BARIS_IMPOR.toLocaleString('id-ID')} baris per impor; bagi menjadi beberapa berkas` }],
    nama,
  );
}

/**
 * Reads an uploaded .xlsx (first worksheet) or .csv. Problems of the content are returned;
 * a file beyond a limit (size, uncompressed size, rows) is thrown as `BatasTerlampaui`.
 */
export async function bacaBerkasRegister(reg: RegisterData, nama: string, isi: Uint8Array): Promise<{ baris: BarisImpor[]; masalah: MasalahImpor[] }> {
  if (/\.csv$/i.test(nama)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(isi);
    // The header and at most BATAS_BARIS_IMPOR rows; one more means the file is too long.
    const rows = bacaCsv(text, BATAS_BARIS_IMPOR + 1);
    if (rows.length > BATAS_BARIS_IMPOR + 1) throw terlaluPanjang(nama);
    const grid = rows.map((r) => r.map((t): Sel => (t.trim() === '' ? { jenis: 'kosong' } : { jenis: 'teks', teks: t.trim() })));
    return bacaGrid(reg, grid);
  }
  if (!/\.xlsx$/i.test(nama)) return { baris: [], masalah: [{ baris: null, kolom: null, pesan: 'berkas harus .xlsx atau .csv' }] };
  let wb: ExcelJS.Workbook;
  try {
    wb = await muatWorkbook(isi, nama);
  } catch (e) {
    if (e instanceof BatasTerlampaui) throw e;
    return { baris: [], masalah: [{ baris: null, kolom: null, pesan: (e as Error).message }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { baris: [], masalah: [{ baris: null, kolom: null, pesan: 'tidak ada lembar kerja' }] };
  const grid: Sel[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (grid.length > BATAS_BARIS_IMPOR + 1) return;
    // Only the cells the file holds, by column: a lone cell far to the right adds no work to other rows.
    const cells: Sel[] = [];
    let terisi = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const s = bacaSel(cell);
      cells[c - 1] = s;
      if (s.jenis !== 'kosong') terisi = true;
    });
    if (terisi) grid.push(cells);
  });
  if (grid.length > BATAS_BARIS_IMPOR + 1) throw terlaluPanjang(nama);
  return bacaGrid(reg, grid);
}

/** The register as .xlsx: one header row of column names, then the rows; personal columns masked unless `pribadi`. */
export async function tulisRegisterXlsx(reg: RegisterData, opsi: { pribadi: boolean }): Promise<Buffer> {
  const wb = new (await import('exceljs')).default.Workbook();
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
