/**
 * Compressed files users bring (.xlsx workbooks are ZIP archives, backups are gzip), opened
 * with bounds. A few hundred kilobytes of deflate can expand to gigabytes: a workbook whose
 * sheet inflates to 150 MB used to take the server's whole memory inside ExcelJS. So before a
 * workbook reaches ExcelJS:
 *
 * 1. the ZIP central directory is read and the archive refused when its declared sizes exceed
 *    the limits (`BatasZip`: total and per-entry uncompressed size, number of entries, ratio of
 *    uncompressed to compressed size of a large entry), and
 * 2. every entry is inflated once as a stream that only counts bytes and stops one byte past
 *    what the directory declares, so a directory that lies about the sizes is caught too, with
 *    memory of one chunk and the work done off the main thread (zlib runs in the thread pool).
 *
 * A gzip backup is inflated the same way (`gunzipTerbatas`), keeping the output but stopping at
 * the size limit and at an implausible ratio.
 *
 * A limit exceeded is a `BatasTerlampaui` (HTTP 413); a damaged archive a plain `ImporError` (422).
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createInflateRaw } from 'node:zlib';
import { BatasTerlampaui, ImporError } from './galat.ts';

const MiB = 1024 * 1024;

/** `64 MB`, `1.024 MB`: sizes in messages the way users read them. */
export const teksUkuran = (n: number) => `${(n / MiB).toLocaleString('id-ID', { maximumFractionDigits: 2 })} MB`;

/** The bounds of a ZIP archive, checked on the central directory and again while inflating. */
export interface BatasZip {
  /** Total uncompressed size of all entries. */
  terurai: number;
  /** Uncompressed size of one entry. */
  perEntri: number;
  /** Number of entries (folders included). */
  entri: number;
  /** Largest ratio uncompressed : compressed of an entry larger than `RASIO_MULAI`. */
  rasio: number;
}

/**
 * Workbooks uploaded for import (Renja/DPA, realisasi, registers; at most 10 MB compressed).
 * ExcelJS holds a sheet in memory at roughly ten times its XML size, so 64 MB of XML is about
 * the most one request may cost; a register of 40.000 rows × 8 columns is 15 MB. Workbooks
 * Excel and SIKIPER write compress 5–15 times; 100 times is only reached by repetitive filler.
 */
export const BATAS_ZIP_IMPOR: BatasZip = { terurai: 64 * MiB, perEntri: 64 * MiB, entri: 1000, rasio: 100 };

/** The whole-dataset workbook (`sikiper import`, at most 100 MB compressed); an entry stays below V8's longest string. */
export const BATAS_ZIP_DATASET: BatasZip = { terurai: 1024 * MiB, perEntri: 256 * MiB, entri: 10_000, rasio: 100 };

/** Entries smaller than this are not held to the ratio (a 2 KB styles.xml may compress 50 times or more). */
export const RASIO_MULAI = 1 * MiB;

// ---------------------------------------------------------------- ZIP directory

const ZIP_LOCAL = 0x04034b50;
const ZIP_END = 0x06054b50;
const ZIP_CENTRAL = 0x02014b50;
const MAKS_16 = 0xffff;
const MAKS_32 = 0xffffffff;

export interface EntriZip {
  nama: string;
  /** 0 stored, 8 deflate. */
  metode: number;
  terenkripsi: boolean;
  termampat: number;
  terurai: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type MasalahZip = 'bukan-zip' | 'terpotong' | 'zip64';

/**
 * The entries of a ZIP's central directory, or why the bytes are not a ZIP this program reads.
 * The directory must end exactly where the end record begins (no bytes before or between),
 * so this reading and JSZip's (inside ExcelJS) see the same entries.
 */
export function direktoriZip(buf: Uint8Array): { entri: EntriZip[] } | { masalah: MasalahZip } {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < 22 || view.getUint32(0, true) !== ZIP_LOCAL) return { masalah: 'bukan-zip' };
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return { masalah: 'terpotong' };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  // ZIP64 is for archives beyond 4 GB or 65.535 entries, far beyond any limit here.
  if (count === MAKS_16 || size === MAKS_32 || offset === MAKS_32) return { masalah: 'zip64' };
  if (offset + size !== end) return { masalah: 'terpotong' };
  const entri: EntriZip[] = [];
  const decoder = new TextDecoder();
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== ZIP_CENTRAL) return { masalah: 'terpotong' };
    const flags = view.getUint16(p + 8, true);
    const metode = view.getUint16(p + 10, true);
    const termampat = view.getUint32(p + 20, true);
    const terurai = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    const lokal = view.getUint32(p + 42, true);
    if (termampat === MAKS_32 || terurai === MAKS_32 || lokal === MAKS_32) return { masalah: 'zip64' };
    if (p + 46 + nameLength > end) return { masalah: 'terpotong' };
    entri.push({ nama: decoder.decode(buf.subarray(p + 46, p + 46 + nameLength)), metode, terenkripsi: (flags & 1) === 1, termampat, terurai, offset: lokal });
    p += 46 + nameLength + extra + comment;
  }
  if (p !== end) return { masalah: 'terpotong' };
  return { entri };
}

/** Why the declared sizes are beyond the limits, in words that name the limit; undefined when within. */
export function melampauiBatasZip(entri: readonly EntriZip[], batas: BatasZip): string | undefined {
  if (entri.length > batas.entri) return `arsip .xlsx berisi ${entri.length.toLocaleString('id-ID')} entri, melebihi batas ${batas.entri.toLocaleString('id-ID')} entri`;
  let total = 0;
  for (const e of entri) {
    if (e.terurai > batas.perEntri) return `bagian "${e.nama}" berukuran ${teksUkuran(e.terurai)} setelah diurai, melebihi batas ${teksUkuran(batas.perEntri)} per bagian`;
    if (e.terurai > RASIO_MULAI && e.terurai > batas.rasio * Math.max(1, e.termampat)) {
      return `bagian "${e.nama}" mengembang ${Math.floor(e.terurai / Math.max(1, e.termampat)).toLocaleString('id-ID')} kali (${teksUkuran(e.termampat)} menjadi ${teksUkuran(e.terurai)}), melebihi batas ${batas.rasio} kali; berkas seperti ini bukan hasil Excel`;
    }
    total += e.terurai;
  }
  if (total > batas.terurai) return `isi berkas ${teksUkuran(total)} setelah diurai, melebihi batas ${teksUkuran(batas.terurai)}`;
  return undefined;
}

class Berhenti extends Error {}

/** Inflates raw deflate data, keeping nothing: its size, or `lebih` as soon as it exceeds `maks`. */
async function ukurTerurai(data: Uint8Array, maks: number): Promise<number | 'lebih'> {
  let n = 0;
  const hitung = new Writable({
    write(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      cb(n > maks ? new Berhenti() : undefined);
    },
  });
  try {
    await pipeline(Readable.from([data]), createInflateRaw({ chunkSize: 64 * 1024 }), hitung);
  } catch (e) {
    if (e instanceof Berhenti) return 'lebih';
    throw e;
  }
  return n;
}

/**
 * Checks a ZIP archive completely before anything parses it: the directory against `batas`,
 * then every entry inflated (bounded by its declared size) to confirm the directory tells the
 * truth. Throws `BatasTerlampaui` for a limit, `ImporError` for a damaged or unsupported archive.
 */
export async function periksaZip(buf: Uint8Array, berkas: string, batas: BatasZip): Promise<void> {
  const dir = direktoriZip(buf);
  if ('masalah' in dir) {
    const pesan = dir.masalah === 'zip64' ? 'arsip ZIP64 tidak didukung; simpan ulang berkasnya dari Excel' : 'berkas .xlsx rusak atau terpotong (direktori ZIP tidak lengkap); unduh atau simpan ulang berkasnya';
    throw new ImporError([{ pesan }], berkas);
  }
  const lebih = melampauiBatasZip(dir.entri, batas);
  if (lebih) throw new BatasTerlampaui([{ pesan: lebih }], berkas);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const rusak = (e: EntriZip, apa: string) => new ImporError([{ pesan: `bagian "${e.nama}" di berkas .xlsx ${apa}; simpan ulang berkasnya dari Excel` }], berkas);
  for (const e of dir.entri) {
    if (e.terenkripsi) throw rusak(e, 'terenkripsi');
    if (e.metode !== 0 && e.metode !== 8) throw rusak(e, `memakai metode kompresi ${e.metode} yang tidak didukung`);
    if (e.offset + 30 > buf.length || view.getUint32(e.offset, true) !== ZIP_LOCAL) throw rusak(e, 'rusak (header lokal tidak ditemukan)');
    const mulai = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (mulai + e.termampat > buf.length) throw rusak(e, 'terpotong');
    const data = buf.subarray(mulai, mulai + e.termampat);
    let ukuran: number | 'lebih';
    if (e.metode === 0) ukuran = e.termampat;
    else {
      try {
        ukuran = await ukurTerurai(data, e.terurai);
      } catch (err) {
        throw rusak(e, `rusak (deflate: ${(err as Error).message})`);
      }
    }
    if (ukuran === 'lebih') {
      throw new ImporError([{ pesan: `bagian "${e.nama}" mengembang melebihi ukuran yang tercatat di direktori ZIP (${teksUkuran(e.terurai)}); berkas rusak atau dibuat untuk menyerang` }], berkas);
    }
    if (ukuran !== e.terurai) throw rusak(e, `berukuran ${ukuran} bita setelah diurai, bukan ${e.terurai} seperti tercatat`);
  }
}

// ---------------------------------------------------------------- gzip

export interface BatasGzip {
  /** Largest uncompressed size. */
  terurai: number;
  /** Largest ratio uncompressed : compressed once more than `rasioMulai` bytes came out. */
  rasio: number;
  rasioMulai: number;
}

/**
 * Inflates gzip as a stream into memory, refusing (`BatasTerlampaui`) once the output exceeds
 * `terurai` or, past `rasioMulai`, grows more than `rasio` times the input consumed so far.
 * A 2 MB gzip of zeros stops after `rasioMulai` bytes instead of filling the memory.
 */
export async function gunzipTerbatas(isi: Uint8Array, berkas: string | undefined, batas: BatasGzip, jenis: string): Promise<Buffer> {
  // Small input pieces, read one at a time: `masuk` stays close to what the inflater consumed.
  const POTONG = 16 * 1024;
  let masuk = 0;
  function* potongan() {
    for (let i = 0; i < isi.length; i += POTONG) {
      const c = isi.subarray(i, i + POTONG);
      masuk += c.length;
      yield c;
    }
  }
  const keluar: Buffer[] = [];
  let n = 0;
  let lebih: string | undefined;
  const kumpul = new Writable({
    write(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      if (n > batas.terurai) lebih = `${jenis} ${teksUkuran(n)}+ setelah diurai, melebihi batas ${teksUkuran(batas.terurai)}`;
      else if (n > batas.rasioMulai && n > batas.rasio * masuk) {
        lebih = `${jenis} mengembang lebih dari ${batas.rasio} kali (${teksUkuran(masuk)} menjadi ${teksUkuran(n)}+), melebihi batas ${batas.rasio} kali; berkas seperti ini bukan cadangan SIKIPER`;
      }
      if (lebih) return cb(new BatasTerlampaui([{ pesan: lebih }], berkas));
      keluar.push(chunk);
      cb();
    },
  });
  await pipeline(Readable.from(potongan(), { highWaterMark: 1 }), createGunzip({ chunkSize: 64 * 1024 }), kumpul);
  return Buffer.concat(keluar, n);
}
