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
import { gunzipSync, gzipSync } from 'node:zlib';
import { DatasetError, formatProblem, parseDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import { MIGRATIONS_FOLDER, type Db } from '../db/client.ts';
import { listPemda, loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { ImporError, type Galat } from './galat.ts';
import { segarkanStatistik } from './statistik.ts';

export const BACKUP_FORMAT = 'sikiper-backup';
export const BACKUP_VERSION = 1;
/** Largest decompressed backup read; guards against a crafted file that expands without end. */
export const BATAS_CADANGAN_TERURAI = 2 * 1024 * 1024 * 1024 - 1;

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
 * Opens and checks a backup completely: container, format, version, checksum, then every
 * dataset. Throws an ImporError saying what is wrong; returns only a backup that can be restored.
 */
export function bukaCadangan(isi: Uint8Array, berkas?: string): Cadangan {
  if (isi.length < 2 || isi[0] !== 0x1f || isi[1] !== 0x8b) {
    throw rusak('bukan berkas cadangan SIKIPER (bukan gzip); buat cadangan dengan `sikiper backup`', berkas);
  }
  let text: string;
  try {
    text = gunzipSync(isi, { maxOutputLength: BATAS_CADANGAN_TERURAI }).toString('utf8');
  } catch (e) {
    throw rusak(`berkas cadangan rusak atau terpotong (gzip: ${(e as Error).message})`, berkas);
  }
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
  const c = bukaCadangan(isi, berkas);
  await db.transaction(async (tx) => {
    await segarkanStatistik(tx);
    // saveDataset's own transaction becomes a savepoint inside this one.
    for (const d of c.pemda) await saveDataset(tx, d);
  });
  return { pemda: c.pemda.map((d) => d.pemda.slug), createdAt: c.createdAt, schemaMigration: c.schemaMigration, migrasiBerbeda: c.schemaMigration !== migrasiTerakhir() };
}
