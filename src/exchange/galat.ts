/**
 * Located problems of an imported file. Every problem names the sheet, the row and, when it is
 * about one cell, the column by letter and by the header the user wrote, so that the message
 * can be followed in Excel: `Renja!F12 (Pagu): "1.2.3" bukan angka rupiah`.
 *
 * `ImporError` is a `DatasetError`, so the CLI and the server report it the way they report an
 * invalid dataset: every problem, and the statement that nothing was changed.
 */
import { DatasetError, type DatasetProblem } from '../dataset/load.ts';

export interface Galat {
  lembar?: string | undefined;
  /** 1-based row number as Excel shows it. */
  baris?: number | undefined;
  /** Column letter, e.g. "F". */
  kolom?: string | undefined;
  /** The header text of that column as found in the file. */
  judul?: string | undefined;
  pesan: string;
}

/** `Renja!F12 (Pagu)`, `Renja baris 12`, `Renja` or '' for the file itself. */
export function lokasiGalat(g: Galat): string {
  if (!g.lembar) return '';
  const sheet = /^[A-Za-z0-9_.-]+$/.test(g.lembar) ? g.lembar : `'${g.lembar.replace(/'/g, "''")}'`;
  if (g.baris === undefined) return g.kolom ? `${sheet} kolom ${g.kolom}${g.judul ? ` (${g.judul})` : ''}` : sheet;
  if (!g.kolom) return `${sheet} baris ${g.baris}`;
  return `${sheet}!${g.kolom}${g.baris}${g.judul ? ` (${g.judul})` : ''}`;
}

export function formatGalat(g: Galat): string {
  const at = lokasiGalat(g);
  return at ? `${at}: ${g.pesan}` : g.pesan;
}

export class ImporError extends DatasetError {
  constructor(
    public readonly galat: readonly Galat[],
    public readonly berkas?: string,
  ) {
    super(galat.map((g): DatasetProblem => ({ file: berkas, path: lokasiGalat(g) || 'berkas', message: g.pesan })));
    this.name = 'ImporError';
  }
}

/** Collects problems while a file is read, so that one run reports all of them, not only the first. */
export class DaftarGalat {
  readonly isi: Galat[] = [];

  tambah(g: Galat): void {
    this.isi.push(g);
  }

  get ada(): boolean {
    return this.isi.length > 0;
  }

  /** Throws when anything was collected. */
  lempar(berkas?: string): void {
    if (this.isi.length > 0) throw new ImporError(this.isi, berkas);
  }
}

/**
 * A file refused because it is beyond a documented limit (uncompressed size, ZIP entries,
 * compression ratio, rows): the server answers 413 `berkas-terlalu-besar` with the message,
 * which names the limit.
 */
export class BatasTerlampaui extends ImporError {
  constructor(galat: readonly Galat[], berkas?: string) {
    super(galat, berkas);
    this.name = 'BatasTerlampaui';
  }
}
