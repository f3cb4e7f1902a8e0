/**
 * Writes the difference between the rows a dataset wants and the rows the database holds.
 *
 * Rows are matched by their natural key (`KUNCI_ALAMI`: the codes, years and positions by which
 * users know them, under the id of their matched parent), so a row that is imported again keeps
 * its id, its `version` and its `updated_at`; a row whose values changed is updated in place
 * (version + 1); only rows that are new are inserted and only rows that are gone are deleted.
 * App tables may therefore point at plan rows by id, a stale edit is still refused after an
 * import, and writing one OPD-year never touches the rows of another.
 *
 * The order of statements keeps every constraint satisfied at each step without deferring any:
 * first the `urutan` of rows that move or go away is parked out of the way of the unique
 * (scope, urutan) constraints, then each table, parents first, gets its inserts and updates,
 * and last the deletes run, children first. A kept row that moves to another parent is updated
 * before its old parent is deleted, so no cascade reaches it.
 */
import { getTableColumns, getTableName, sql, type SQLChunk } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

export type Baris = Record<string, unknown>;

/** The natural key of a row: property names of its table, or a function of the row's normalised values. */
export type KunciAlami = readonly string[] | ((nilai: (nama: string) => string | null) => string);

/** Added to `urutan` while rows are reordered: far above any real position, far below the int4 limit. */
const PARKIR = 1_000_000_000;

/** One table's part of a write. */
export interface TabelSinkron {
  table: PgTable;
  kunci: KunciAlami;
  /** What the database holds in the read scope (rows as Drizzle selects them). */
  tersimpan: readonly Baris[];
  /** What the dataset wants (rows as Drizzle inserts them, with fresh ids). */
  diinginkan: Baris[];
  /** False: the rows are matched (their ids are needed by children) but never written. */
  tulis: boolean;
}

export interface Selisih {
  tambah: number;
  ubah: number;
  /** Rows whose only change is their position among their siblings. */
  pindah: number;
  hapus: number;
}

export interface HasilSinkron {
  /** Per table name, only tables with a change. */
  perTabel: Record<string, Selisih>;
  berubah: boolean;
}

/**
 * Which rows of a table the write may change: a stored row outside it is never deleted and a
 * wanted row outside it is never written. Called after ids have been matched.
 */
export type DalamLingkup = (table: PgTable, row: Baris) => boolean;

interface Kolom {
  key: string;
  column: PgColumn;
}

function kolomData(table: PgTable): { semua: Kolom[]; uuid: Kolom[]; adaId: boolean; adaVersi: boolean } {
  const all = Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(([key, column]) => ({ key, column }));
  const meta = new Set(['pemdaId', 'createdAt', 'updatedAt', 'version']);
  return {
    semua: all.filter((k) => !meta.has(k.key)),
    uuid: all.filter((k) => k.column.getSQLType() === 'uuid' && k.key !== 'pemdaId'),
    adaId: all.some((k) => k.key === 'id'),
    adaVersi: all.some((k) => k.key === 'version'),
  };
}

/** JSON with object keys sorted: jsonb gives keys back in its own order. */
function kanonik(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

/** A value as the database would compare it: the driver's text form, or null. */
export function normal(column: PgColumn, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const type = column.getSQLType();
  if (type === 'jsonb' || type === 'json') return kanonik(v);
  return String(column.mapToDriverValue(v));
}

function kunciDari(kunci: KunciAlami, kolom: Map<string, PgColumn>, row: Baris): string {
  const nilai = (nama: string) => {
    const column = kolom.get(nama);
    if (!column) throw new Error(`kunci alami menyebut kolom yang tidak ada: ${nama}`);
    return normal(column, row[nama]);
  };
  return typeof kunci === 'function' ? kunci(nilai) : JSON.stringify(kunci.map(nilai));
}

interface Rencana {
  table: PgTable;
  info: ReturnType<typeof kolomData>;
  tambah: Baris[];
  ubah: Baris[];
  pindah: Baris[];
  hapus: Baris[];
  parkir: string[];
}

/**
 * Matches every table (in the order given, parents before children), then writes what differs
 * in the tables marked `tulis`, all inside `tx`. Ids of matched wanted rows are replaced by the
 * stored ids everywhere they are referenced.
 */
export async function sinkronkan(tx: Db, pemdaId: string, tabel: readonly TabelSinkron[], dalamLingkup: DalamLingkup): Promise<HasilSinkron> {
  const peta = new Map<string, string>();
  const rencana: Rencana[] = [];

  for (const s of tabel) {
    const info = kolomData(s.table);
    const kolom = new Map(info.semua.map((k) => [k.key, k.column]));
    const petakan = (row: Baris) => {
      for (const { key } of info.uuid) {
        const v = row[key];
        if (typeof v === 'string') {
          const ganti = peta.get(v);
          if (ganti !== undefined) row[key] = ganti;
        }
      }
    };
    // Parents' ids first (they are part of the natural key), then the match, then references
    // within the table itself (a unit's or a Renja node's parent).
    s.diinginkan.forEach(petakan);
    const tersimpan = new Map<string, Baris>();
    for (const r of s.tersimpan) tersimpan.set(kunciDari(s.kunci, kolom, r), r);
    const cocok = new Map<Baris, Baris>();
    for (const d of s.diinginkan) {
      const k = kunciDari(s.kunci, kolom, d);
      const r = tersimpan.get(k);
      if (!r) continue;
      tersimpan.delete(k);
      cocok.set(d, r);
      if (info.adaId) peta.set(d.id as string, r.id as string);
    }
    if (info.adaId) s.diinginkan.forEach(petakan);
    if (!s.tulis) continue;

    const p: Rencana = { table: s.table, info, tambah: [], ubah: [], pindah: [], hapus: [], parkir: [] };
    for (const d of s.diinginkan) {
      if (!dalamLingkup(s.table, d)) continue;
      const r = cocok.get(d);
      if (!r) {
        p.tambah.push(d);
        continue;
      }
      const beda = info.semua.some(({ key, column }) => key !== 'urutan' && normal(column, d[key]) !== normal(column, r[key]));
      const pindah = d.urutan !== undefined && Number(d.urutan) !== Number(r.urutan);
      if (!beda && !pindah) continue;
      if (info.adaId) {
        // A row that only moved (a sibling before it was added or removed) keeps its version:
        // nobody's edit of it is stale.
        (beda ? p.ubah : p.pindah).push(d);
        if (pindah) p.parkir.push(d.id as string);
      } else {
        // Link rows without an id of their own are replaced.
        p.hapus.push(r);
        p.tambah.push(d);
      }
    }
    for (const r of tersimpan.values()) {
      if (!dalamLingkup(s.table, r)) continue;
      p.hapus.push(r);
      if (info.adaId) p.parkir.push(r.id as string);
    }
    rencana.push(p);
  }

  const ids = (rows: string[]) => sql`${sql.param(rows)}::uuid[]`;
  for (const p of rencana) {
    if (p.parkir.length > 0) {
      await tx.execute(sql`update ${p.table} set urutan = urutan + ${PARKIR} where pemda_id = ${pemdaId} and id = any(${ids(p.parkir)})`);
    }
    // Link rows (no id) are deleted before their replacements are inserted.
    if (!p.info.adaId && p.hapus.length > 0) await hapusTautan(tx, pemdaId, p.table, p.hapus);
  }
  for (const p of rencana) {
    await sisipkan(tx, p.table, p.tambah);
    if (p.ubah.length > 0) await perbarui(tx, pemdaId, p.table, p.info, p.ubah);
    if (p.pindah.length > 0) {
      const u = kolomUnnest([p.info.semua.find((k) => k.key === 'id') as Kolom, p.info.semua.find((k) => k.key === 'urutan') as Kolom], p.pindah);
      await tx.execute(
        sql`update ${p.table} set urutan = ${u.casts[1] as SQLChunk} from unnest(${daftar(u.params)}) as u(${u.aliases}) where ${p.table}.pemda_id = ${pemdaId} and ${p.table}.id = u.c0::uuid`,
      );
    }
  }
  for (const p of [...rencana].reverse()) {
    if (p.info.adaId && p.hapus.length > 0) {
      await tx.execute(sql`delete from ${p.table} where pemda_id = ${pemdaId} and id = any(${ids(p.hapus.map((r) => r.id as string))})`);
    }
  }

  const perTabel: Record<string, Selisih> = {};
  for (const p of rencana) {
    // A replaced link row counts as one deleted and one added.
    const x = { tambah: p.tambah.length, ubah: p.ubah.length, pindah: p.pindah.length, hapus: p.hapus.length };
    if (x.tambah + x.ubah + x.pindah + x.hapus > 0) perTabel[getTableName(p.table)] = x;
  }
  return { perTabel, berubah: Object.keys(perTabel).length > 0 };
}

const daftar = (items: SQLChunk[]) => sql.join(items, sql`, `);

/** One array parameter per column, as text, cast to the column's type in SQL. */
function kolomUnnest(kolom: Kolom[], rows: Baris[]) {
  const values = ({ key, column }: Kolom) =>
    rows.map((r) => {
      const v = r[key];
      return v === undefined || v === null ? null : String(column.mapToDriverValue(v));
    });
  return {
    params: kolom.map((k) => sql`${sql.param(values(k))}::text[]`),
    casts: kolom.map(({ column }, i) => sql.raw(`u.c${i}::${column.getSQLType()}`)),
    aliases: sql.raw(kolom.map((_, i) => `c${i}`).join(', ')),
  };
}

/**
 * One INSERT ... SELECT FROM unnest(...) per table: one array parameter per column whatever
 * the row count, so there is no bind-parameter limit to chunk around, and foreign keys between
 * rows of the same table (unit and Renja parents) are checked once the whole table is in.
 * Columns no row sets and that have a default (created_at, version ...) are left to the database.
 */
export async function sisipkan(db: Db, table: PgTable, rows: Baris[]): Promise<void> {
  if (rows.length === 0) return;
  const kolom = Object.entries(getTableColumns(table) as Record<string, PgColumn>)
    .map(([key, column]) => ({ key, column }))
    .filter(({ key, column }) => !column.hasDefault || rows.some((r) => r[key] !== undefined));
  const u = kolomUnnest(kolom, rows);
  const names = kolom.map(({ column }) => sql.identifier(column.name));
  await db.execute(sql`insert into ${table} (${daftar(names)}) select ${daftar(u.casts)} from unnest(${daftar(u.params)}) as u(${u.aliases})`);
}

/** One UPDATE ... FROM unnest(...) per table for the rows whose values changed: version + 1, updated_at now. */
async function perbarui(db: Db, pemdaId: string, table: PgTable, info: ReturnType<typeof kolomData>, rows: Baris[]): Promise<void> {
  const data = info.semua.filter((k) => k.key !== 'id');
  const id = info.semua.find((k) => k.key === 'id');
  if (!id) throw new Error(`tabel ${getTableName(table)} tanpa id tidak dapat diperbarui`);
  const u = kolomUnnest([id, ...data], rows);
  const set = data.map(({ column }, i) => sql`${sql.identifier(column.name)} = v.${sql.raw(`c${i + 1}`)}`);
  if (info.adaVersi) set.push(sql`version = ${table}.version + 1`, sql`updated_at = now()`);
  // The casts run in a materialized CTE: Citus refuses a SET whose value calls a stable function (an
  // enum's or an array's input) on a column, and would otherwise fold a subquery into the SET.
  const kolomV = u.casts.map((c, i) => sql`${c} as ${sql.raw(`c${i}`)}`);
  await db.execute(
    sql`with v as materialized (select ${daftar(kolomV)} from unnest(${daftar(u.params)}) as u(${u.aliases})) update ${table} set ${daftar(set)} from v where ${table}.pemda_id = ${pemdaId} and ${table}.id = v.c0`,
  );
}

/** Deletes link rows (no id) by their whole primary key, which every such table has as (pemda_id, parent id, urutan). */
async function hapusTautan(db: Db, pemdaId: string, table: PgTable, rows: Baris[]): Promise<void> {
  const info = kolomData(table);
  const induk = info.uuid[0];
  const urutan = info.semua.find((k) => k.key === 'urutan');
  if (!induk || !urutan) throw new Error(`tabel tautan ${getTableName(table)} tanpa induk dan urutan`);
  const u = kolomUnnest([induk, urutan], rows);
  await db.execute(
    sql`delete from ${table} using unnest(${daftar(u.params)}) as u(${u.aliases}) where ${table}.pemda_id = ${pemdaId} and ${sql.identifier(induk.column.name)} = ${u.casts[0] as SQLChunk} and ${sql.identifier(urutan.column.name)} = ${u.casts[1] as SQLChunk}`,
  );
}
