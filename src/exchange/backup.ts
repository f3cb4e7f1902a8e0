/**
 * Backup and restore of pemda datasets.
 *
 * A backup is gzip-compressed JSON:
 *   { format: "sikiper-backup", version: 1, createdAt, schemaMigration, pemda: [<dataset>...], sha256 }
 * `sha256` is the hex SHA-256 of the canonical JSON (keys sorted, no spaces) of every other
 * field, so a file changed by hand or damaged in transit is refused even when it is still valid
 * gzip and JSON. `schemaMigration` is the latest database migration of the program that wrote
 * it, for the record: the datasets themselves are in the dataset format, which is what is
 * checked on restore.
 *
 * Restore checks everything first (gzip, JSON, format, version, checksum, every dataset against
 * the schema and its references) and only then writes, all pemda in one transaction: either
 * every pemda of the backup is replaced, or nothing changes. Pemda in the database that the
 * backup does not hold are left alone.
 *
 * A backup holds the datasets only, not application tables (users, sessions, audit log).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DatasetError, formatProblem, parseDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import { MIGRATIONS_FOLDER, type Db } from '../db/client.ts';
import { listPemda, loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { gunzipTerbatas } from './arsip.ts';
import { BatasTerlampaui, ImporError, type Galat } from './galat.ts';
import { segarkanStatistik } from './statistik.ts';

export const BACKUP_FORMAT = 'sikiper-backup';
export const BACKUP_VERSION = 1;
/**
 * Largest decompressed backup read (the JSON text). A kabupaten of 40 OPD × 5 years is about
 * 43 MB of JSON (3 MB gzip); the limit leaves room for six such pemda in one file and stays
 * well below V8's longest string (512 MB).
 */
export const BATAS_CADANGAN_TERURAI = 256 * 1024 * 1024;
/** A backup's JSON compresses about 14 times; past 16 MB of output, more than 200 times is not a backup. */
export const RASIO_CADANGAN = 200;
/** Deepest nesting of arrays and objects in a backup; a dataset needs about 10 levels. */
export const KEDALAMAN_CADANGAN = 64;

export interface Cadangan {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  schemaMigration: string;
  pemda: Dataset[];
  sha256: string;
}

/** The tag of the newest migration in drizzle/meta/_journal.json. */
export function migrasiTerakhir(folder: string = MIGRATIONS_FOLDER): string {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries?: Array<{ idx: number; tag: string }> };
  const last = [...(journal.entries ?? [])].sort((a, b) => a.idx - b.idx).at(-1);
  if (!last) throw new Error(`tidak ada migrasi di ${folder}`);
  return last.tag;
}

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function jsonKanonik(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const rec = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(rec).sort().map((k) => [k, rec[k]]));
  });
}

export function checksum(c: Omit<Cadangan, 'sha256'>): string {
  const { format, version, createdAt, schemaMigration, pemda } = c;
  return createHash('sha256').update(jsonKanonik({ format, version, createdAt, schemaMigration, pemda })).digest('hex');
}

/** Wraps datasets into a backup file (gzip). */
export function bungkusCadangan(pemda: Dataset[], createdAt: Date = new Date(), schemaMigration: string = migrasiTerakhir()): Buffer {
  const body = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: createdAt.toISOString(), schemaMigration, pemda } as const;
  const envelope: Cadangan = { ...body, pemda: [...pemda], sha256: checksum(body) };
  return gzipSync(JSON.stringify(envelope), { level: 9 });
}

/** Backs up one pemda, several, or (without `pemda`) all of them. */
export async function buatCadangan(db: Db, opsi: { pemda?: readonly string[] } = {}): Promise<{ isi: Buffer; pemda: string[] }> {
  // One read-only snapshot for every pemda: the backup is a consistent state of the database.
  const datasets = await db.transaction(
    async (tx) => {
      const slugs = opsi.pemda ?? (await listPemda(tx)).map((p) => p.slug);
      const out: Dataset[] = [];
      for (const slug of slugs) {
        const d = await loadDataset(tx, slug);
        if (!d) throw new ImporError([{ pesan: `pemda "${slug}" tidak ada di basis data` }]);
        out.push(d);
      }
      return out;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { isi: bungkusCadangan(datasets), pemda: datasets.map((d) => d.pemda.slug) };
}

const rusak = (pesan: string, berkas?: string) => new ImporError([{ pesan }], berkas);

/**
 * The deepest nesting of arrays and objects in JSON text, counted on the bytes (strings skipped)
 * without recursion; stops counting once past `maks`. Runs before JSON.parse and before any
 * recursive walk of the value (jsonKanonik, the schema), which a deep array would overflow.
 */
export function kedalamanJson(teks: Uint8Array, maks: number): number {
  let d = 0;
  let terdalam = 0;
  let dalamTeks = false;
  for (let i = 0; i < teks.length; i++) {
    const c = teks[i];
    if (dalamTeks) {
      if (c === 0x5c) i++;
      else if (c === 0x22) dalamTeks = false;
    } else if (c === 0x22) dalamTeks = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++d > terdalam) {
        terdalam = d;
        if (terdalam > maks) return terdalam;
      }
    } else if (c === 0x5d || c === 0x7d) d--;
  }
  return terdalam;
}

/**
 * Opens and checks a backup completely: container, format, version, checksum, then every
 * dataset. Throws an ImporError saying what is wrong (a `BatasTerlampaui` when it is beyond
 * the size limits); returns only a backup that can be restored. The gzip is inflated as a
 * stream, bounded by `BATAS_CADANGAN_TERURAI` and `RASIO_CADANGAN`.
 */
export async function bukaCadangan(isi: Uint8Array, berkas?: string): Promise<Cadangan> {
  if (isi.length < 2 || isi[0] !== 0x1f || isi[1] !== 0x8b) {
    throw rusak('bukan berkas cadangan SIKIPER (bukan gzip); buat cadangan dengan `sikiper backup`', berkas);
  }
  let bytes: Buffer;
  try {
    bytes = await gunzipTerbatas(isi, berkas, { terurai: BATAS_CADANGAN_TERURAI, rasio: RASIO_CADANGAN, rasioMulai: 16 * 1024 * 1024 }, 'isi cadangan');
  } catch (e) {
    if (e instanceof BatasTerlampaui) throw e;
    throw rusak(`berkas cadangan rusak atau terpotong (gzip: ${(e as Error).message})`, berkas);
  }
  if (kedalamanJson(bytes, KEDALAMAN_CADANGAN) > KEDALAMAN_CADANGAN) {
    throw rusak(`berkas cadangan rusak: larik dan objek bersarang lebih dari ${KEDALAMAN_CADANGAN} tingkat (batas ${KEDALAMAN_CADANGAN}); cadangan SIKIPER tidak sedalam itu`, berkas);
  }
  const text = bytes.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw rusak(`berkas cadangan rusak: isinya bukan JSON yang sah (${(e as Error).message})`, berkas);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw rusak('berkas cadangan rusak: isinya bukan objek', berkas);
  const v = value as Record<string, unknown>;
  if (v.format !== BACKUP_FORMAT) throw rusak(`bukan berkas cadangan SIKIPER (format ${JSON.stringify(v.format)}, seharusnya "${BACKUP_FORMAT}")`, berkas);
  if (v.version !== BACKUP_VERSION) {
    throw rusak(`versi cadangan ${JSON.stringify(v.version)} tidak didukung; versi yang dapat dipulihkan: ${BACKUP_VERSION}`, berkas);
  }
  if (typeof v.createdAt !== 'string' || typeof v.schemaMigration !== 'string' || !Array.isArray(v.pemda) || typeof v.sha256 !== 'string') {
    throw rusak('berkas cadangan rusak: createdAt, schemaMigration, pemda atau sha256 tidak ada', berkas);
  }
  const body = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: v.createdAt, schemaMigration: v.schemaMigration, pemda: v.pemda } as const;
  const expected = checksum(body);
  if (expected !== v.sha256) throw rusak(`checksum cadangan tidak cocok (tercatat ${v.sha256.slice(0, 12)}…, dihitung ${expected.slice(0, 12)}…): berkas berubah atau rusak`, berkas);
  const galat: Galat[] = [];
  const pemda: Dataset[] = [];
  const slugs = new Map<string, number>();
  v.pemda.forEach((raw, i) => {
    try {
      const d = parseDataset(raw);
      const prev = slugs.get(d.pemda.slug);
      if (prev !== undefined) galat.push({ pesan: `pemda[${i}]: pemda "${d.pemda.slug}" sudah ada di pemda[${prev}]` });
      slugs.set(d.pemda.slug, i);
      pemda.push(d);
    } catch (e) {
      if (!(e instanceof DatasetError)) throw e;
      for (const p of e.problems) galat.push({ pesan: `pemda[${i}]: ${formatProblem(p)}` });
    }
  });
  if (galat.length > 0) throw new ImporError(galat, berkas);
  return { ...body, pemda, sha256: v.sha256 };
}

export interface HasilPulih {
  pemda: string[];
  createdAt: string;
  schemaMigration: string;
  /** The backup was written by a program at another migration than this one. */
  migrasiBerbeda: boolean;
}

/** Restores every pemda of a checked backup in one transaction. */
export async function pulihkan(db: Db, isi: Uint8Array, berkas?: string): Promise<HasilPulih> {
  const c = await bukaCadangan(isi, berkas);
  await db.transaction(async (tx) => {
    await segarkanStatistik(tx);
    // saveDataset's own transaction becomes a savepoint inside this one.
    for (const d of c.pemda) await saveDataset(tx, d);
  });
  return { pemda: c.pemda.map((d) => d.pemda.slug), createdAt: c.createdAt, schemaMigration: c.schemaMigration, migrasiBerbeda: c.schemaMigration !== migrasiTerakhir() };
}
