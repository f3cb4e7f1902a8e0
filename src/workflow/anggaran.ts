/**
 * Budget realisation entry (keuangan): the lines of the OPD's latest DPA for a year (the
 * DPA-Perubahan when there is one), in Renja order, with pagu and realisasi in whole rupiah.
 *
 * Only the lowest lines are typed (the sub kegiatan, or whatever has no line below it); a
 * change moves every line above it by the same amount, so program and kegiatan stay the sums
 * they were and a difference the source already had (see `sikiper check`) is kept, not hidden.
 * A save is one transaction over all its lines with their audit rows; each line carries the
 * version it was typed against. Realisasi above pagu is allowed but answered with the
 * check rule's warning; negative amounts are refused.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { formatAngka } from '../engine/format.ts';
import { type Aktor, boleh } from '../policy/policy.ts';
import { catatAudit, type KonteksAudit, type Perubahan } from './audit.ts';
import { Dilarang, type Masalah, MasukanTidakSah, TidakDitemukan, VersiUsang } from './errors.ts';
import { bacaOpd } from './katalog.ts';
import { naikkanRevisi } from '../db/revisi.ts';

export type LevelRenja = (typeof t.renjaNode.$inferSelect)['level'];

export interface BarisAnggaranEntri {
  kode: string;
  nama: string;
  level: LevelRenja | null;
  induk: string | null;
  pagu: number;
  realisasi: number;
  version: number;
  /** Typed directly (no line below it); the lines above follow it. */
  diisi: boolean;
}

export interface Peringatan {
  aturan: 'realisasi-melebihi-pagu';
  kode: string;
  pesan: string;
}

export interface AnggaranOpd {
  opd: string;
  tahun: number;
  versi: 'dpa' | 'dpa-perubahan' | null;
  baris: BarisAnggaranEntri[];
  peringatan: Peringatan[];
  bolehUbah: boolean;
}

const rp = (x: number) => `Rp${formatAngka(x, 0)}`;

function peringatan(baris: readonly BarisAnggaranEntri[]): Peringatan[] {
  return baris.flatMap((b) =>
    b.realisasi > b.pagu ? [{ aturan: 'realisasi-melebihi-pagu' as const, kode: b.kode, pesan: `realisasi ${rp(b.realisasi)} melebihi pagu ${rp(b.pagu)}` }] : [],
  );
}

async function muat(db: Db, pemdaId: string, opdSlug: string, tahun: number) {
  const o = await bacaOpd(db, pemdaId, opdSlug);
  if (!o) throw new TidakDitemukan(`OPD "${opdSlug}" tidak ada`);
  const [y] = await db
    .select({ id: t.tahunOpd.id })
    .from(t.tahunOpd)
    .where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.opdId, o.id), eq(t.tahunOpd.tahun, tahun)));
  if (!y) return { opd: o, versi: undefined, nodes: [] };
  const versions = await db
    .select({ id: t.anggaranVersi.id, versi: t.anggaranVersi.versi })
    .from(t.anggaranVersi)
    .where(and(eq(t.anggaranVersi.pemdaId, pemdaId), eq(t.anggaranVersi.tahunOpdId, y.id)))
    .orderBy(asc(t.anggaranVersi.urutan));
  const versi = versions.find((v) => v.versi === 'dpa-perubahan') ?? versions[0];
  const renja = await db
    .select({ id: t.renjaVersi.id, versi: t.renjaVersi.versi })
    .from(t.renjaVersi)
    .where(and(eq(t.renjaVersi.pemdaId, pemdaId), eq(t.renjaVersi.tahunOpdId, y.id)))
    .orderBy(asc(t.renjaVersi.urutan));
  const rv = renja.find((r) => r.versi === 'perubahan') ?? renja[0];
  const nodes = rv
    ? await db
        .select({ id: t.renjaNode.id, kode: t.renjaNode.kode, nama: t.renjaNode.nama, level: t.renjaNode.level, indukId: t.renjaNode.indukId })
        .from(t.renjaNode)
        .where(and(eq(t.renjaNode.pemdaId, pemdaId), eq(t.renjaNode.renjaVersiId, rv.id)))
        .orderBy(asc(t.renjaNode.urutan))
    : [];
  return { opd: o, versi, nodes };
}

async function barisDari(db: Db, pemdaId: string, versiId: string, nodes: Awaited<ReturnType<typeof muat>>['nodes']) {
  const rows = await db
    .select({ id: t.anggaranBaris.id, kode: t.anggaranBaris.kode, pagu: t.anggaranBaris.pagu, realisasi: t.anggaranBaris.realisasi, version: t.anggaranBaris.version, urutan: t.anggaranBaris.urutan })
    .from(t.anggaranBaris)
    .where(and(eq(t.anggaranBaris.pemdaId, pemdaId), eq(t.anggaranBaris.anggaranVersiId, versiId)))
    .orderBy(asc(t.anggaranBaris.urutan));
  const kodeById = new Map(nodes.map((n) => [n.id, n.kode]));
  const node = new Map(nodes.map((n) => [n.kode, n]));
  const present = new Set(rows.map((r) => r.kode));
  /** The nearest ancestor that has a budget line. */
  const indukOf = (kode: string): string | null => {
    let k = node.get(kode)?.indukId ? kodeById.get(node.get(kode)?.indukId ?? '') : undefined;
    while (k !== undefined) {
      if (present.has(k)) return k;
      const up = node.get(k)?.indukId;
      k = up ? kodeById.get(up) : undefined;
    }
    return null;
  };
  const order = new Map(nodes.map((n, i) => [n.kode, i]));
  const sorted = [...rows].sort((a, b) => (order.get(a.kode) ?? 1e9 + a.urutan) - (order.get(b.kode) ?? 1e9 + b.urutan));
  const induk = new Map(sorted.map((r) => [r.kode, indukOf(r.kode)]));
  const punyaAnak = new Set([...induk.values()].filter((x): x is string => x !== null));
  return sorted.map((r) => ({
    id: r.id,
    kode: r.kode,
    nama: node.get(r.kode)?.nama ?? r.kode,
    level: node.get(r.kode)?.level ?? null,
    induk: induk.get(r.kode) ?? null,
    pagu: r.pagu,
    realisasi: r.realisasi,
    version: r.version,
    diisi: !punyaAnak.has(r.kode),
  }));
}

export async function bacaAnggaranOpd(db: Db, a: Aktor, opdSlug: string, tahun: number): Promise<AnggaranOpd> {
  const m = await muat(db, a.pemdaId, opdSlug, tahun);
  if (!boleh(a, { aksi: 'opd:baca', opd: opdSlug })) throw new Dilarang(`tidak berwenang membaca anggaran OPD "${opdSlug}"`);
  const bolehUbah = boleh(a, { aksi: 'anggaran:ubah', opd: opdSlug });
  if (!m.versi) return { opd: opdSlug, tahun, versi: null, baris: [], peringatan: [], bolehUbah };
  const baris = (await barisDari(db, a.pemdaId, m.versi.id, m.nodes)).map(({ id: _id, ...b }) => b);
  return { opd: opdSlug, tahun, versi: m.versi.versi, baris, peringatan: peringatan(baris), bolehUbah };
}

export interface UbahBaris {
  kode: string;
  version: number;
  pagu?: number | undefined;
  realisasi?: number | undefined;
}

export async function simpanAnggaran(
  db: Db,
  a: Aktor,
  audit: Omit<KonteksAudit, 'pemdaId' | 'penggunaId'>,
  opdSlug: string,
  tahun: number,
  input: readonly UbahBaris[],
): Promise<AnggaranOpd> {
  const o = await bacaOpd(db, a.pemdaId, opdSlug);
  if (!o) throw new TidakDitemukan(`OPD "${opdSlug}" tidak ada`);
  if (!boleh(a, { aksi: 'anggaran:ubah', opd: opdSlug })) throw new Dilarang(`hanya keuangan OPD "${opdSlug}" yang mengisi realisasi anggaran`);
  const issues: Masalah[] = [];
  const seen = new Set<string>();
  input.forEach((b, i) => {
    for (const f of ['pagu', 'realisasi'] as const) {
      const v = b[f];
      if (v === undefined) continue;
      if (!Number.isSafeInteger(v)) issues.push({ path: `baris.${i}.${f}`, message: `${f} harus rupiah bulat` });
      else if (v < 0) issues.push({ path: `baris.${i}.${f}`, message: `${f} tidak boleh negatif` });
    }
    if (seen.has(b.kode)) issues.push({ path: `baris.${i}.kode`, message: `baris ${b.kode} disebut lebih dari sekali` });
    seen.add(b.kode);
  });
  if (issues.length > 0) throw new MasukanTidakSah(issues);

  await db.transaction(async (tx) => {
    const m = await muat(tx, a.pemdaId, opdSlug, tahun);
    if (!m.versi) throw new TidakDitemukan(`belum ada DPA untuk ${opdSlug} tahun ${tahun}`);
    // Lock the DPA's lines: concurrent saves move the same parent lines.
    await tx
      .select({ id: t.anggaranBaris.id })
      .from(t.anggaranBaris)
      .where(and(eq(t.anggaranBaris.pemdaId, a.pemdaId), eq(t.anggaranBaris.anggaranVersiId, m.versi.id)))
      .for('update');
    const rows = await barisDari(tx, a.pemdaId, m.versi.id, m.nodes);
    const byKode = new Map(rows.map((r) => [r.kode, { ...r }]));
    const stale: typeof rows = [];
    input.forEach((b, i) => {
      const r = byKode.get(b.kode);
      if (!r) issues.push({ path: `baris.${i}.kode`, message: `baris ${b.kode} tidak ada di ${m.versi?.versi.toUpperCase() ?? 'DPA'}` });
      else if (!r.diisi) issues.push({ path: `baris.${i}.kode`, message: `baris ${b.kode} adalah jumlah dari rinciannya; isi baris di bawahnya` });
      else if (r.version !== b.version) stale.push(r);
    });
    if (issues.length > 0) throw new MasukanTidakSah(issues);
    if (stale.length > 0) throw new VersiUsang({ baris: stale.map(({ id: _id, ...r }) => r) });

    const changed = new Map<string, { pagu: number; realisasi: number; lama: { pagu: number; realisasi: number } }>();
    const geser = (kode: string, f: 'pagu' | 'realisasi', delta: number) => {
      const r = byKode.get(kode);
      if (!r || delta === 0) return;
      const c = changed.get(kode) ?? { pagu: r.pagu, realisasi: r.realisasi, lama: { pagu: r.pagu, realisasi: r.realisasi } };
      c[f] += delta;
      changed.set(kode, c);
      if (r.induk) geser(r.induk, f, delta);
    };
    for (const b of input) {
      const r = byKode.get(b.kode);
      if (!r) continue;
      for (const f of ['pagu', 'realisasi'] as const) {
        const v = b[f];
        if (v !== undefined) geser(b.kode, f, v - (changed.get(b.kode)?.[f] ?? r[f]));
      }
    }
    const changes: Perubahan[] = [];
    for (const [kode, c] of changed) {
      const r = byKode.get(kode);
      if (!r) continue;
      if (c.pagu < 0 || c.realisasi < 0) throw new MasukanTidakSah([{ path: 'baris', message: `jumlah baris ${kode} menjadi negatif` }]);
      const key = `${opdSlug}/${tahun}/${m.versi.versi}/${kode}`;
      for (const f of ['pagu', 'realisasi'] as const) {
        if (c[f] !== c.lama[f]) changes.push({ entity: 'anggaran_baris', entityKey: key, field: f, lama: c.lama[f], baru: c[f] });
      }
      if (c.pagu === c.lama.pagu && c.realisasi === c.lama.realisasi) continue;
      await tx
        .update(t.anggaranBaris)
        .set({ pagu: c.pagu, realisasi: c.realisasi, version: r.version + 1, updatedAt: audit.at })
        .where(and(eq(t.anggaranBaris.pemdaId, a.pemdaId), eq(t.anggaranBaris.id, r.id)));
    }
    await naikkanRevisi(tx, a.pemdaId, opdSlug);
    await catatAudit(tx, { ...audit, pemdaId: a.pemdaId, penggunaId: a.id }, changes);
  });
  return bacaAnggaranOpd(db, a, opdSlug, tahun);
}

/** Years for which the OPD has any data, newest first. */
export async function tahunBerdata(db: Db, pemdaId: string, opdSlug: string): Promise<number[]> {
  const o = await bacaOpd(db, pemdaId, opdSlug);
  if (!o) throw new TidakDitemukan(`OPD "${opdSlug}" tidak ada`);
  const rows = await db
    .select({ tahun: t.tahunOpd.tahun })
    .from(t.tahunOpd)
    .where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.opdId, o.id)));
  return rows.map((r) => r.tahun).sort((x, y) => y - x);
}
