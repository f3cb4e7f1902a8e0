/**
 * The table groups the web app shows, as sheets of the OPD-year workbook (`export-xlsx.ts`):
 * the plan (Renstra, IKU, Renja), the Perjanjian Kinerja, capaian (Tabel 3.3 and the tables per
 * sasaran) and the budget (Tabel 3.16–3.18 with the account groups).
 */
import type ExcelJS from 'exceljs';
import type { GrupTabel } from '../kontrak/tukar.ts';

/** The group of every sheet of the OPD-year workbook, by its name and place. */
export function grupLembar(nama: readonly string[]): Map<string, Exclude<GrupTabel, 'semua'>> {
  const out = new Map<string, Exclude<GrupTabel, 'semua'>>();
  // The budget tables are the realisation table before "Kelompok Belanja" and the two after it.
  const kb = nama.indexOf('Kelompok Belanja');
  nama.forEach((n, i) => {
    if (n === 'Renstra' || n === 'IKU' || n === 'Renja') out.set(n, 'rencana');
    else if (n === 'PK' || n === 'PK Anggaran') out.set(n, 'pk');
    else if (kb >= 0 && i >= kb - 1 && i <= kb + 2) out.set(n, 'anggaran');
    else if (n.startsWith('Tabel 3.')) out.set(n, 'capaian');
  });
  return out;
}

/** The workbook with only the sheets of one group (all of them for "semua"). */
export async function pilihLembar(isi: Buffer, grup: GrupTabel): Promise<Buffer> {
  if (grup === 'semua') return isi;
  const wb = new (await import('exceljs')).default.Workbook();
  await wb.xlsx.load(isi as unknown as ExcelJS.Buffer);
  const grupOf = grupLembar(wb.worksheets.map((w) => w.name));
  for (const ws of [...wb.worksheets]) if (grupOf.get(ws.name) !== grup) wb.removeWorksheet(ws.id);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
