/**
 * The plan editor: reads and per-row edits of an OPD's plan straight in the tables (never by
 * re-saving the dataset).
 *
 * - Renstra: tujuan → sasaran → indikator with the IKU flag, formula definition, baseline,
 *   yearly targets and the end-of-Renstra target; an indicator's definition and targets are
 *   edited as one record (its `version` guards them all).
 * - Renja (latest version of the year): program → kegiatan → sub kegiatan with pagu and
 *   indicator targets; parents whose children do not add up are flagged (the same rule as
 *   `anak-tidak-sama-induk` in src/check/rules.ts).
 * - PK: versions of the year; a revision is a copy of the latest version (targets, budget
 *   rows and the "Penjelasan Kinerja" annex) under a new number, name and date. Only the latest
 *   version is editable: creating a revision freezes the one it was made from. Two versions are
 *   compared row by row.
 * - Rencana aksi: the target per quarter per indicator.
 *
 * Every command runs in one transaction: it locks the row, asks the policy ('rencana:ubah'),
 * compares the version the client read (409 with the current value otherwise), writes, and
 * writes the audit rows with before and after.
 */
import { and, asc, desc, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { newId } from '../db/ids.ts';
import * as t from '../db/schema.ts';
import { type Aktor, boleh } from '../policy/policy.ts';
import { catatAudit, selisih, type KonteksAudit } from './audit.ts';
import { MasukanTidakSah, StatusTidakSesuai, TidakDitemukan, VersiUsang, type Masalah } from './errors.ts';
import { bacaKatalog, bacaOpdUntuk } from './katalog.ts';
import { periksaTarget } from './validasi.ts';
import type { KonteksPerintah } from './konteks-perintah.ts';
import { naikkanRevisiRencana } from '../db/revisi.ts';

const audit = (k: KonteksPerintah): KonteksAudit => ({ pemdaId: k.aktor.pemdaId, penggunaId: k.aktor.id, requestId: k.requestId, at: k.sekarang });

type Opd = { id: string; slug: string; nama: string };

/** The OPD of the URL, when the actor may edit its plan. */
function opdDiubah(db: Db, a: Aktor, slug: string): Promise<Opd> {
  return bacaOpdUntuk(db, a, slug, { aksi: 'rencana:ubah', opd: slug }, `tidak berwenang mengubah rencana OPD "${slug}"`);
}

// ---------------------------------------------------------------- Renstra

export interface NilaiTahun {
  tahun: number;
  nilai: number;
}

export interface FormulaIndikator {
  teks: string;
  pembilang: string | null;
  penyebut: string | null;
  pengali: number;
}

export interface IndikatorRenstra {
  kode: string;
  nama: string;
  satuan: string;
  polaritas: 'positif' | 'negatif';
  agregasi: 'jumlah' | 'akhir' | 'rata-rata' | 'rasio';
  desimal: number;
  iku: boolean;
  formula: FormulaIndikator | null;
  sumberData: string | null;
  penanggungJawab: string[];
  baseline: NilaiTahun | null;
  target: NilaiTahun[];
  targetAkhir: NilaiTahun | null;
  version: number;
  updatedAt: string;
}

export interface PohonRenstra {
  renstra: { periodeAwal: number; periodeAkhir: number; nomorDokumen: string | null };
  tujuan: Array<{
    kode: string;
    uraian: string;
    indikator: IndikatorRenstra[];
    sasaran: Array<{ kode: string; nomor: number; uraian: string; indikator: IndikatorRenstra[] }>;
  }>;
  bolehUbah: boolean;
}

async function renstraTahun(db: Db, pemdaId: string, opdId: string, tahun: number) {
  const [r] = await db
    .select()
    .from(t.renstra)
    .where(and(eq(t.renstra.pemdaId, pemdaId), eq(t.renstra.opdId, opdId), lte(t.renstra.periodeAwal, tahun), gte(t.renstra.periodeAkhir, tahun)))
    .orderBy(desc(t.renstra.periodeAwal))
    .limit(1);
  return r;
}

type BarisIndikator = typeof t.indikator.$inferSelect;
type BarisTarget = typeof t.indikatorTarget.$inferSelect;

function susunIndikator(ind: BarisIndikator, targets: readonly BarisTarget[]): IndikatorRenstra {
  const mine = targets.filter((x) => x.indikatorId === ind.id);
  const satu = (jenis: 'baseline' | 'akhir') => {
    const r = mine.find((x) => x.jenis === jenis);
    return r ? { tahun: r.tahun, nilai: r.nilai } : null;
  };
  return {
    kode: ind.kode,
    nama: ind.nama,
    satuan: ind.satuan,
    polaritas: ind.polaritas,
    agregasi: ind.agregasi,
    desimal: ind.desimal,
    iku: ind.iku,
    formula:
      ind.formulaTeks === null
        ? null
        : { teks: ind.formulaTeks, pembilang: ind.formulaPembilang, penyebut: ind.formulaPenyebut, pengali: ind.formulaPengali ?? 1 },
    sumberData: ind.sumberData,
    penanggungJawab: ind.penanggungJawab,
    baseline: satu('baseline'),
    target: mine
      .filter((x) => x.jenis === 'target')
      .sort((a, b) => a.tahun - b.tahun)
      .map((x) => ({ tahun: x.tahun, nilai: x.nilai })),
    targetAkhir: satu('akhir'),
    version: ind.version,
    updatedAt: ind.updatedAt.toISOString(),
  };
}

async function targetIndikator(db: Db, pemdaId: string, ids: string[]): Promise<BarisTarget[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(t.indikatorTarget)
    .where(and(eq(t.indikatorTarget.pemdaId, pemdaId), inArray(t.indikatorTarget.indikatorId, ids)))
    .orderBy(asc(t.indikatorTarget.jenis), asc(t.indikatorTarget.urutan));
}

export async function bacaRenstra(db: Db, a: Aktor, opdSlug: string, tahun: number): Promise<PohonRenstra> {
  const opd = await bacaOpdUntuk(db, a, opdSlug);
  const pemdaId = a.pemdaId;
  const r = await renstraTahun(db, pemdaId, opd.id, tahun);
  if (!r) throw new TidakDitemukan(`tidak ada Renstra ${opdSlug} yang mencakup tahun ${tahun}`);
  const tujuan = await db
    .select()
    .from(t.tujuan)
    .where(and(eq(t.tujuan.pemdaId, pemdaId), eq(t.tujuan.renstraId, r.id)))
    .orderBy(asc(t.tujuan.urutan));
  const sasaran = await db
    .select()
    .from(t.sasaran)
    .where(and(eq(t.sasaran.pemdaId, pemdaId), eq(t.sasaran.renstraId, r.id)))
    .orderBy(asc(t.sasaran.urutan));
  const indikator = await db
    .select()
    .from(t.indikator)
    .where(and(eq(t.indikator.pemdaId, pemdaId), eq(t.indikator.renstraId, r.id)))
    .orderBy(asc(t.indikator.urutan));
  const targets = await targetIndikator(
    db,
    pemdaId,
    indikator.map((i) => i.id),
  );
  const milik = (f: (i: BarisIndikator) => boolean) => indikator.filter(f).map((i) => susunIndikator(i, targets));
  return {
    renstra: { periodeAwal: r.periodeAwal, periodeAkhir: r.periodeAkhir, nomorDokumen: r.nomorDokumen },
    tujuan: tujuan.map((tj) => ({
      kode: tj.kode,
      uraian: tj.uraian,
      indikator: milik((i) => i.tujuanId === tj.id),
      sasaran: sasaran
        .filter((s) => s.tujuanId === tj.id)
        .map((s) => ({ kode: s.kode, nomor: s.nomor, uraian: s.uraian, indikator: milik((i) => i.sasaranId === s.id) })),
    })),
    bolehUbah: boleh(a, { aksi: 'rencana:ubah', opd: opdSlug }),
  };
}

export interface UbahIndikator {
  version: number;
  satuan: string;
  polaritas: 'positif' | 'negatif';
  agregasi: 'jumlah' | 'akhir' | 'rata-rata' | 'rasio';
  formula: FormulaIndikator | null;
  baseline: NilaiTahun | null;
  target: NilaiTahun[];
  targetAkhir: NilaiTahun | null;
}

const FIELD_INDIKATOR = ['satuan', 'polaritas', 'agregasi', 'formula', 'baseline', 'target', 'targetAkhir'] as const;

function periksaIndikator(u: UbahIndikator, awal: number, akhir: number): Masalah[] {
  const out: Masalah[] = [];
  if (u.satuan.trim() === '') out.push({ path: 'satuan', message: 'satuan wajib diisi' });
  if (u.formula) {
    if (u.formula.teks.trim() === '') out.push({ path: 'formula.teks', message: 'uraian formula wajib diisi (atau kosongkan seluruh formula)' });
    if (!(u.formula.pengali > 0)) out.push({ path: 'formula.pengali', message: 'pengali harus lebih dari 0' });
  }
  const seen = new Set<number>();
  u.target.forEach((x, i) => {
    if (x.tahun < awal || x.tahun > akhir) out.push({ path: `target.${i}.tahun`, message: `tahun ${x.tahun} di luar periode Renstra ${awal}–${akhir}` });
    if (seen.has(x.tahun)) out.push({ path: `target.${i}.tahun`, message: `target tahun ${x.tahun} lebih dari satu` });
    out.push(...periksaTarget(u.satuan, x.nilai, `target.${i}.nilai`));
    seen.add(x.tahun);
  });
  if (u.targetAkhir && (u.targetAkhir.tahun < awal || u.targetAkhir.tahun > akhir)) {
    out.push({ path: 'targetAkhir.tahun', message: `tahun ${u.targetAkhir.tahun} di luar periode Renstra ${awal}–${akhir}` });
  }
  if (u.targetAkhir) out.push(...periksaTarget(u.satuan, u.targetAkhir.nilai, 'targetAkhir.nilai'));
  return out;
}

/** Edits the definition and targets of a Renstra indicator of the Renstra covering `tahun`. */
export async function ubahIndikator(k: KonteksPerintah, opdSlug: string, tahun: number, kode: string, u: UbahIndikator): Promise<IndikatorRenstra> {
  return k.db.transaction(async (tx) => {
    const opd = await opdDiubah(tx, k.aktor, opdSlug);
    const pemdaId = k.aktor.pemdaId;
    const r = await renstraTahun(tx, pemdaId, opd.id, tahun);
    if (!r) throw new TidakDitemukan(`tidak ada Renstra ${opdSlug} yang mencakup tahun ${tahun}`);
    const [ind] = await tx
      .select()
      .from(t.indikator)
      .where(and(eq(t.indikator.pemdaId, pemdaId), eq(t.indikator.renstraId, r.id), eq(t.indikator.kode, kode)))
      .for('update');
    if (!ind) throw new TidakDitemukan(`indikator "${kode}" tidak ada pada Renstra ${r.periodeAwal}–${r.periodeAkhir}`);
    const lamaTarget = await targetIndikator(tx, pemdaId, [ind.id]);
    const lama = susunIndikator(ind, lamaTarget);
    if (ind.version !== u.version) throw new VersiUsang<IndikatorRenstra>(lama);
    const issues = periksaIndikator(u, r.periodeAwal, r.periodeAkhir);
    if (issues.length > 0) throw new MasukanTidakSah(issues);

    const f = u.formula;
    await tx
      .update(t.indikator)
      .set({
        satuan: u.satuan.trim(),
        polaritas: u.polaritas,
        agregasi: u.agregasi,
        formulaTeks: f ? f.teks.trim() : null,
        formulaPembilang: f?.pembilang?.trim() || null,
        formulaPenyebut: f?.penyebut?.trim() || null,
        formulaPengali: f ? f.pengali : null,
        version: ind.version + 1,
        updatedAt: k.sekarang,
      })
      .where(and(eq(t.indikator.pemdaId, pemdaId), eq(t.indikator.id, ind.id)));

    // Targets are replaced; a predikat recorded with a target of the same kind and year stays.
    const predikat = new Map(lamaTarget.map((x) => [`${x.jenis}/${x.tahun}`, x.predikat]));
    await tx.delete(t.indikatorTarget).where(and(eq(t.indikatorTarget.pemdaId, pemdaId), eq(t.indikatorTarget.indikatorId, ind.id)));
    const baris = (jenis: 'baseline' | 'target' | 'akhir', x: NilaiTahun, urutan: number) => ({
      pemdaId,
      id: newId(),
      urutan,
      indikatorId: ind.id,
      jenis,
      tahun: x.tahun,
      nilai: x.nilai,
      predikat: predikat.get(`${jenis}/${x.tahun}`) ?? null,
      createdAt: k.sekarang,
      updatedAt: k.sekarang,
    });
    const rows = [
      ...(u.baseline ? [baris('baseline', u.baseline, 0)] : []),
      ...[...u.target].sort((a, b) => a.tahun - b.tahun).map((x, i) => baris('target', x, i)),
      ...(u.targetAkhir ? [baris('akhir', u.targetAkhir, 0)] : []),
    ];
    if (rows.length > 0) await tx.insert(t.indikatorTarget).values(rows);

    const [baru] = await tx.select().from(t.indikator).where(and(eq(t.indikator.pemdaId, pemdaId), eq(t.indikator.id, ind.id)));
    if (!baru) throw new Error('indikator hilang');
    const hasil = susunIndikator(baru, await targetIndikator(tx, pemdaId, [ind.id]));
    const rekam = (x: IndikatorRenstra): Record<string, unknown> => ({ ...x });
    await naikkanRevisiRencana(tx, k.aktor.pemdaId, opdSlug);
    await catatAudit(tx, audit(k), selisih('indikator', `${opdSlug}/renstra-${r.periodeAwal}/${kode}`, rekam(lama), rekam(hasil), FIELD_INDIKATOR));
    return hasil;
  });
}

// ---------------------------------------------------------------- Renja

export interface IndikatorRenja {
  kode: string;
  nama: string;
  satuan: string | null;
  target: number | null;
  targetTeks: string | null;
  version: number;
}

export interface NodeRenja {
  kode: string;
  level: 'urusan' | 'bidang-urusan' | 'program' | 'kegiatan' | 'sub-kegiatan';
  induk: string | null;
  nama: string;
  /** Whole rupiah as a decimal string; null when the Renja gives none. */
  pagu: string | null;
  /** Sum of the children's pagu (kegiatan under a program, sub kegiatan under a kegiatan), when all have one. */
  jumlahAnak: string | null;
  /** The children's pagu do not add up to this node's. */
  tidakSesuai: boolean;
  indikator: IndikatorRenja[];
  version: number;
}

export interface PohonRenja {
  versi: { versi: 'murni' | 'perubahan'; nama: string | null; tanggal: string | null };
  node: NodeRenja[];
  /** Sum of the program pagu. */
  totalPagu: string;
  bolehUbah: boolean;
}

async function tahunOpdDari(db: Db, pemdaId: string, opdId: string, tahun: number) {
  const [y] = await db
    .select({ id: t.tahunOpd.id })
    .from(t.tahunOpd)
    .where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.opdId, opdId), eq(t.tahunOpd.tahun, tahun)));
  return y;
}

/** The Renja version the year is measured against: the perubahan when there is one. */
async function renjaTerakhir(db: Db, pemdaId: string, opdId: string, opdSlug: string, tahun: number) {
  const y = await tahunOpdDari(db, pemdaId, opdId, tahun);
  const versi = y
    ? await db
        .select()
        .from(t.renjaVersi)
        .where(and(eq(t.renjaVersi.pemdaId, pemdaId), eq(t.renjaVersi.tahunOpdId, y.id)))
    : [];
  const v = versi.find((x) => x.versi === 'perubahan') ?? versi.find((x) => x.versi === 'murni');
  if (!v) throw new TidakDitemukan(`tidak ada Renja ${opdSlug} tahun ${tahun}`);
  return v;
}

function susunNode(
  n: typeof t.renjaNode.$inferSelect,
  semua: ReadonlyArray<typeof t.renjaNode.$inferSelect>,
  indikator: ReadonlyArray<typeof t.renjaIndikator.$inferSelect>,
): NodeRenja {
  const byId = new Map(semua.map((x) => [x.id, x]));
  const anakLevel = n.level === 'program' ? 'kegiatan' : n.level === 'kegiatan' ? 'sub-kegiatan' : undefined;
  const anak = anakLevel ? semua.filter((x) => x.indukId === n.id && x.level === anakLevel) : [];
  let jumlahAnak: bigint | null = null;
  if (anak.length > 0 && anak.every((x) => x.pagu !== null)) jumlahAnak = anak.reduce((s, x) => s + BigInt(x.pagu ?? 0), 0n);
  return {
    kode: n.kode,
    level: n.level,
    induk: n.indukId ? (byId.get(n.indukId)?.kode ?? null) : null,
    nama: n.nama,
    pagu: n.pagu === null ? null : String(n.pagu),
    jumlahAnak: jumlahAnak === null ? null : String(jumlahAnak),
    tidakSesuai: jumlahAnak !== null && n.pagu !== null && jumlahAnak !== BigInt(n.pagu),
    indikator: indikator
      .filter((i) => i.renjaNodeId === n.id)
      .map((i) => ({ kode: i.kode, nama: i.nama, satuan: i.satuan, target: i.target, targetTeks: i.targetTeks, version: i.version })),
    version: n.version,
  };
}

async function bacaNodeRenja(db: Db, pemdaId: string, renjaVersiId: string) {
  const node = await db
    .select()
    .from(t.renjaNode)
    .where(and(eq(t.renjaNode.pemdaId, pemdaId), eq(t.renjaNode.renjaVersiId, renjaVersiId)))
    .orderBy(asc(t.renjaNode.urutan));
  const indikator = await db
    .select()
    .from(t.renjaIndikator)
    .where(and(eq(t.renjaIndikator.pemdaId, pemdaId), eq(t.renjaIndikator.renjaVersiId, renjaVersiId)))
    .orderBy(asc(t.renjaIndikator.urutan));
  return { node, indikator };
}

export async function bacaRenja(db: Db, a: Aktor, opdSlug: string, tahun: number): Promise<PohonRenja> {
  const opd = await bacaOpdUntuk(db, a, opdSlug);
  const v = await renjaTerakhir(db, a.pemdaId, opd.id, opdSlug, tahun);
  const { node, indikator } = await bacaNodeRenja(db, a.pemdaId, v.id);
  const total = node.filter((n) => n.level === 'program').reduce((s, n) => s + BigInt(n.pagu ?? 0), 0n);
  return {
    versi: { versi: v.versi, nama: v.nama, tanggal: v.tanggal },
    node: node.map((n) => susunNode(n, node, indikator)),
    totalPagu: String(total),
    bolehUbah: boleh(a, { aksi: 'rencana:ubah', opd: opdSlug }),
  };
}

/** Sets the pagu of a Renja node (whole rupiah, exact). */
export async function ubahPagu(k: KonteksPerintah, opdSlug: string, tahun: number, kode: string, input: { version: number; pagu: bigint | null }): Promise<NodeRenja> {
  if (input.pagu !== null && (input.pagu < 0n || input.pagu > BigInt(Number.MAX_SAFE_INTEGER))) {
    throw new MasukanTidakSah([{ path: 'pagu', message: `pagu harus rupiah bulat antara 0 dan ${Number.MAX_SAFE_INTEGER}` }]);
  }
  return k.db.transaction(async (tx) => {
    const opd = await opdDiubah(tx, k.aktor, opdSlug);
    const pemdaId = k.aktor.pemdaId;
    const v = await renjaTerakhir(tx, pemdaId, opd.id, opdSlug, tahun);
    const [n] = await tx
      .select()
      .from(t.renjaNode)
      .where(and(eq(t.renjaNode.pemdaId, pemdaId), eq(t.renjaNode.renjaVersiId, v.id), eq(t.renjaNode.kode, kode)))
      .for('update');
    if (!n) throw new TidakDitemukan(`kode Renja "${kode}" tidak ada pada Renja ${v.versi} ${tahun}`);
    if (n.version !== input.version) {
      const semua = await bacaNodeRenja(tx, pemdaId, v.id);
      throw new VersiUsang<NodeRenja>(susunNode(n, semua.node, semua.indikator));
    }
    const pagu = input.pagu === null ? null : Number(input.pagu);
    await tx
      .update(t.renjaNode)
      .set({ pagu, version: n.version + 1, updatedAt: k.sekarang })
      .where(and(eq(t.renjaNode.pemdaId, pemdaId), eq(t.renjaNode.id, n.id)));
    await naikkanRevisiRencana(tx, k.aktor.pemdaId, opdSlug);
    await catatAudit(tx, audit(k), selisih('renja_node', `${opdSlug}/${tahun}/${v.versi}/${kode}`, { pagu: n.pagu === null ? null : String(n.pagu) }, { pagu: input.pagu === null ? null : String(input.pagu) }, ['pagu']));
    const semua = await bacaNodeRenja(tx, pemdaId, v.id);
    const baru = semua.node.find((x) => x.id === n.id);
    if (!baru) throw new Error('node hilang');
    return susunNode(baru, semua.node, semua.indikator);
  });
}

/** Sets the target of a Renja indicator. */
export async function ubahTargetRenja(
  k: KonteksPerintah,
  opdSlug: string,
  tahun: number,
  kode: string,
  input: { version: number; target: number | null; targetTeks: string | null },
): Promise<IndikatorRenja> {
  return k.db.transaction(async (tx) => {
    const opd = await opdDiubah(tx, k.aktor, opdSlug);
    const pemdaId = k.aktor.pemdaId;
    const v = await renjaTerakhir(tx, pemdaId, opd.id, opdSlug, tahun);
    const [i] = await tx
      .select()
      .from(t.renjaIndikator)
      .where(and(eq(t.renjaIndikator.pemdaId, pemdaId), eq(t.renjaIndikator.renjaVersiId, v.id), eq(t.renjaIndikator.kode, kode)))
      .for('update');
    if (!i) throw new TidakDitemukan(`indikator Renja "${kode}" tidak ada pada Renja ${v.versi} ${tahun}`);
    const lama = { kode: i.kode, nama: i.nama, satuan: i.satuan, target: i.target, targetTeks: i.targetTeks, version: i.version };
    if (i.version !== input.version) throw new VersiUsang<IndikatorRenja>(lama);
    const salah = periksaTarget(i.satuan, input.target, 'target');
    if (salah.length > 0) throw new MasukanTidakSah(salah);
    const targetTeks = input.targetTeks?.trim() || null;
    await tx
      .update(t.renjaIndikator)
      .set({ target: input.target, targetTeks, version: i.version + 1, updatedAt: k.sekarang })
      .where(and(eq(t.renjaIndikator.pemdaId, pemdaId), eq(t.renjaIndikator.id, i.id)));
    const baru = { ...lama, target: input.target, targetTeks, version: i.version + 1 };
    await naikkanRevisiRencana(tx, k.aktor.pemdaId, opdSlug);
    await catatAudit(tx, audit(k), selisih('renja_indikator', `${opdSlug}/${tahun}/${v.versi}/${kode}`, lama, baru, ['target', 'targetTeks']));
    return baru;
  });
}

// ---------------------------------------------------------------- Perjanjian Kinerja

export interface RingkasPk {
  versi: number;
  nama: string;
  tanggal: string | null;
  /** The latest version: the one measured against, and the only one that can be edited. */
  terkini: boolean;
  jumlahKinerja: number;
  version: number;
}

export interface KinerjaPk {
  sasaran: string;
  indikator: string;
  nama: string | null;
  satuan: string | null;
  target: number;
  targetTeks: string | null;
  version: number;
}

export interface DetailPk extends RingkasPk {
  tempat: string | null;
  bolehUbah: boolean;
  kinerja: KinerjaPk[];
  anggaran: Array<{ program: string; kegiatan: string; pagu: string; sumberDana: string }>;
  penjelasan: Array<{ indikator: string; formulasi: string; penjelasanTarget: string }>;
}

async function daftarPkBaris(db: Db, pemdaId: string, tahunOpdId: string) {
  return db
    .select()
    .from(t.pk)
    .where(and(eq(t.pk.pemdaId, pemdaId), eq(t.pk.tahunOpdId, tahunOpdId)))
    .orderBy(asc(t.pk.versi));
}

async function tahunWajib(db: Db, pemdaId: string, opd: Opd, tahun: number) {
  const y = await tahunOpdDari(db, pemdaId, opd.id, tahun);
  if (!y) throw new TidakDitemukan(`belum ada data ${opd.slug} tahun ${tahun}`);
  return y;
}

export async function daftarPk(db: Db, a: Aktor, opdSlug: string, tahun: number): Promise<{ versi: RingkasPk[]; bolehUbah: boolean }> {
  const opd = await bacaOpdUntuk(db, a, opdSlug);
  const y = await tahunOpdDari(db, a.pemdaId, opd.id, tahun);
  const rows = y ? await daftarPkBaris(db, a.pemdaId, y.id) : [];
  const terakhir = rows.at(-1)?.versi;
  const jumlah = new Map<string, number>();
  if (rows.length > 0) {
    const k = await db
      .select({ pkId: t.pkKinerja.pkId })
      .from(t.pkKinerja)
      .where(
        and(
          eq(t.pkKinerja.pemdaId, a.pemdaId),
          inArray(
            t.pkKinerja.pkId,
            rows.map((r) => r.id),
          ),
        ),
      );
    for (const r of k) jumlah.set(r.pkId, (jumlah.get(r.pkId) ?? 0) + 1);
  }
  return {
    versi: rows.map((r) => ({ versi: r.versi, nama: r.nama, tanggal: r.tanggal, terkini: r.versi === terakhir, jumlahKinerja: jumlah.get(r.id) ?? 0, version: r.version })),
    bolehUbah: boleh(a, { aksi: 'rencana:ubah', opd: opdSlug }),
  };
}

/** Names and units of the Renstra indicators of the year, to label PK rows. */
async function labelIndikator(db: Db, pemdaId: string, opdId: string, tahun: number) {
  const r = await renstraTahun(db, pemdaId, opdId, tahun);
  if (!r) return new Map<string, { nama: string; satuan: string }>();
  const rows = await db
    .select({ kode: t.indikator.kode, nama: t.indikator.nama, satuan: t.indikator.satuan })
    .from(t.indikator)
    .where(and(eq(t.indikator.pemdaId, pemdaId), eq(t.indikator.renstraId, r.id)));
  return new Map(rows.map((x) => [x.kode, { nama: x.nama, satuan: x.satuan }]));
}

async function susunPk(db: Db, a: Aktor, opd: Opd, tahun: number, row: typeof t.pk.$inferSelect, terkini: boolean): Promise<DetailPk> {
  const pemdaId = a.pemdaId;
  const kinerja = await db
    .select()
    .from(t.pkKinerja)
    .where(and(eq(t.pkKinerja.pemdaId, pemdaId), eq(t.pkKinerja.pkId, row.id)))
    .orderBy(asc(t.pkKinerja.urutan));
  const anggaran = await db
    .select()
    .from(t.pkAnggaran)
    .where(and(eq(t.pkAnggaran.pemdaId, pemdaId), eq(t.pkAnggaran.pkId, row.id)))
    .orderBy(asc(t.pkAnggaran.urutan));
  const penjelasan = await db
    .select()
    .from(t.pkPenjelasan)
    .where(and(eq(t.pkPenjelasan.pemdaId, pemdaId), eq(t.pkPenjelasan.pkId, row.id)))
    .orderBy(asc(t.pkPenjelasan.urutan));
  const label = await labelIndikator(db, pemdaId, opd.id, tahun);
  return {
    versi: row.versi,
    nama: row.nama,
    tanggal: row.tanggal,
    tempat: row.tempat,
    terkini,
    jumlahKinerja: kinerja.length,
    version: row.version,
    bolehUbah: terkini && boleh(a, { aksi: 'rencana:ubah', opd: opd.slug }),
    kinerja: kinerja.map((x) => ({
      sasaran: x.sasaranKode,
      indikator: x.indikatorKode,
      nama: label.get(x.indikatorKode)?.nama ?? null,
      satuan: label.get(x.indikatorKode)?.satuan ?? null,
      target: x.target,
      targetTeks: x.targetTeks,
      version: x.version,
    })),
    anggaran: anggaran.map((x) => ({ program: x.programKode, kegiatan: x.kegiatanKode, pagu: String(x.pagu), sumberDana: x.sumberDana })),
    penjelasan: penjelasan.map((x) => ({ indikator: x.indikatorKode, formulasi: x.formulasi, penjelasanTarget: x.penjelasanTarget })),
  };
}

async function pkVersi(db: Db, pemdaId: string, opd: Opd, tahun: number, versi: number) {
  const y = await tahunWajib(db, pemdaId, opd, tahun);
  const rows = await daftarPkBaris(db, pemdaId, y.id);
  const row = rows.find((r) => r.versi === versi);
  if (!row) throw new TidakDitemukan(`PK versi ${versi} ${opd.slug} tahun ${tahun} tidak ada`);
  return { row, terkini: rows.at(-1)?.versi === versi, y, rows };
}

export async function bacaPk(db: Db, a: Aktor, opdSlug: string, tahun: number, versi: number): Promise<DetailPk> {
  const opd = await bacaOpdUntuk(db, a, opdSlug);
  const { row, terkini } = await pkVersi(db, a.pemdaId, opd, tahun, versi);
  return susunPk(db, a, opd, tahun, row, terkini);
}

export interface RevisiPk {
  /** The version the revision is made from; it must be the latest. */
  dari: number;
  /** The `version` of that PK as the client read it. */
  version: number;
  nama: string;
  tanggal: string | null;
}

/** Creates a revision from the latest PK: a copy of its targets, budget rows and annex under the next number. */
export async function buatRevisiPk(k: KonteksPerintah, opdSlug: string, tahun: number, input: RevisiPk): Promise<DetailPk> {
  return k.db.transaction(async (tx) => {
    const opd = await opdDiubah(tx, k.aktor, opdSlug);
    const pemdaId = k.aktor.pemdaId;
    const y = await tahunWajib(tx, pemdaId, opd, tahun);
    // Locking the year serializes revisions of one OPD-year (they share the version numbers).
    await tx.select({ id: t.tahunOpd.id }).from(t.tahunOpd).where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.id, y.id))).for('update');
    const rows = await daftarPkBaris(tx, pemdaId, y.id);
    const sumber = rows.find((r) => r.versi === input.dari);
    if (!sumber) throw new TidakDitemukan(`PK versi ${input.dari} ${opdSlug} tahun ${tahun} tidak ada`);
    const terakhir = rows.at(-1);
    if (!terakhir) throw new TidakDitemukan('tidak ada PK');
    if (terakhir.id !== sumber.id || sumber.version !== input.version) {
      throw new VersiUsang<DetailPk>(await susunPk(tx, k.aktor, opd, tahun, terakhir, true));
    }
    const nama = input.nama.trim();
    if (nama === '') throw new MasukanTidakSah([{ path: 'nama', message: 'nama versi wajib diisi' }]);

    const versi = terakhir.versi + 1;
    const [urut] = await tx.select({ urutan: max(t.pk.urutan) }).from(t.pk).where(and(eq(t.pk.pemdaId, pemdaId), eq(t.pk.tahunOpdId, y.id)));
    const id = newId();
    const waktu = { createdAt: k.sekarang, updatedAt: k.sekarang };
    await tx.insert(t.pk).values({
      pemdaId,
      id,
      urutan: (urut?.urutan ?? -1) + 1,
      tahunOpdId: y.id,
      versi,
      nama,
      tanggal: input.tanggal,
      tempat: sumber.tempat,
      pihakPertamaNama: sumber.pihakPertamaNama,
      pihakPertamaJabatan: sumber.pihakPertamaJabatan,
      pihakPertamaNip: sumber.pihakPertamaNip,
      pihakPertamaPangkat: sumber.pihakPertamaPangkat,
      pihakKeduaNama: sumber.pihakKeduaNama,
      pihakKeduaJabatan: sumber.pihakKeduaJabatan,
      pihakKeduaNip: sumber.pihakKeduaNip,
      pihakKeduaPangkat: sumber.pihakKeduaPangkat,
      ...waktu,
    });
    const dari = { pemdaId, pkId: sumber.id };
    const kinerja = await tx.select().from(t.pkKinerja).where(and(eq(t.pkKinerja.pemdaId, dari.pemdaId), eq(t.pkKinerja.pkId, dari.pkId)));
    const anggaran = await tx.select().from(t.pkAnggaran).where(and(eq(t.pkAnggaran.pemdaId, dari.pemdaId), eq(t.pkAnggaran.pkId, dari.pkId)));
    const penjelasan = await tx.select().from(t.pkPenjelasan).where(and(eq(t.pkPenjelasan.pemdaId, dari.pemdaId), eq(t.pkPenjelasan.pkId, dari.pkId)));
    const baru = <R extends { id: string; pkId: string; version: number; createdAt: Date; updatedAt: Date }>(r: R): R => ({ ...r, id: newId(), pkId: id, version: 1, ...waktu });
    if (kinerja.length > 0) await tx.insert(t.pkKinerja).values(kinerja.map(baru));
    if (anggaran.length > 0) await tx.insert(t.pkAnggaran).values(anggaran.map(baru));
    if (penjelasan.length > 0) await tx.insert(t.pkPenjelasan).values(penjelasan.map(baru));

    await naikkanRevisiRencana(tx, k.aktor.pemdaId, opdSlug);
    await catatAudit(tx, audit(k), [
      { entity: 'pk', entityKey: `${opdSlug}/${tahun}/pk-${versi}`, field: 'revisi', lama: null, baru: { dari: sumber.versi, versi, nama, tanggal: input.tanggal } },
    ]);
    const [row] = await tx.select().from(t.pk).where(and(eq(t.pk.pemdaId, pemdaId), eq(t.pk.id, id)));
    if (!row) throw new Error('PK baru hilang');
    return susunPk(tx, k.aktor, opd, tahun, row, true);
  });
}

/** Sets a target of the latest PK version; older versions are read-only. */
export async function ubahTargetPk(
  k: KonteksPerintah,
  opdSlug: string,
  tahun: number,
  versi: number,
  indikatorKode: string,
  input: { version: number; target: number; targetTeks: string | null },
): Promise<KinerjaPk> {
  return k.db.transaction(async (tx) => {
    const opd = await opdDiubah(tx, k.aktor, opdSlug);
    const pemdaId = k.aktor.pemdaId;
    const { row, terkini } = await pkVersi(tx, pemdaId, opd, tahun, versi);
    if (!terkini) throw new StatusTidakSesuai(`PK versi ${versi} sudah digantikan versi yang lebih baru dan hanya dapat dibaca`);
    const [x] = await tx
      .select()
      .from(t.pkKinerja)
      .where(and(eq(t.pkKinerja.pemdaId, pemdaId), eq(t.pkKinerja.pkId, row.id), eq(t.pkKinerja.indikatorKode, indikatorKode)))
      .for('update');
    if (!x) throw new TidakDitemukan(`indikator "${indikatorKode}" tidak ada pada PK versi ${versi}`);
    const label = (await labelIndikator(tx, pemdaId, opd.id, tahun)).get(indikatorKode);
    const lama: KinerjaPk = {
      sasaran: x.sasaranKode,
      indikator: x.indikatorKode,
      nama: label?.nama ?? null,
      satuan: label?.satuan ?? null,
      target: x.target,
      targetTeks: x.targetTeks,
      version: x.version,
    };
    if (x.version !== input.version) throw new VersiUsang<KinerjaPk>(lama);
    const salah = periksaTarget(lama.satuan, input.target, 'target');
    if (salah.length > 0) throw new MasukanTidakSah(salah);
    const targetTeks = input.targetTeks?.trim() || null;
    await tx
      .update(t.pkKinerja)
      .set({ target: input.target, targetTeks, version: x.version + 1, updatedAt: k.sekarang })
      .where(and(eq(t.pkKinerja.pemdaId, pemdaId), eq(t.pkKinerja.id, x.id)));
    const baru = { ...lama, target: input.target, targetTeks, version: x.version + 1 };
    await naikkanRevisiRencana(tx, k.aktor.pemdaId, opdSlug);
    await catatAudit(tx, audit(k), selisih('pk_kinerja', `${opdSlug}/${tahun}/pk-${versi}/${indikatorKode}`, lama, baru, ['target', 'targetTeks']));
    return baru;
  });
}

export interface BandingPk {
  a: { versi: number; nama: string; tanggal: string | null };
  b: { versi: number; nama: string; tanggal: string | null };
  baris: Array<{
    sasaran: string;
    indikator: string;
    nama: string | null;
    satuan: string | null;
    targetA: number | null;
    targetTeksA: string | null;
    targetB: number | null;
    targetTeksB: string | null;
    berubah: boolean;
  }>;
  jumlahBerubah: number;
}

/** Two PK versions side by side: every indicator of either, with its target in each. */
export async function bandingPk(db: Db, a: Aktor, opdSlug: string, tahun: number, versiA: number, versiB: number): Promise<BandingPk> {
  const opd = await bacaOpdUntuk(db, a, opdSlug);
  const pa = await pkVersi(db, a.pemdaId, opd, tahun, versiA);
  const pb = await pkVersi(db, a.pemdaId, opd, tahun, versiB);
  const da = await susunPk(db, a, opd, tahun, pa.row, pa.terkini);
  const dbb = await susunPk(db, a, opd, tahun, pb.row, pb.terkini);
  const key = (x: KinerjaPk) => `${x.sasaran}\u0000${x.indikator}`;
  const mapA = new Map(da.kinerja.map((x) => [key(x), x]));
  const mapB = new Map(dbb.kinerja.map((x) => [key(x), x]));
  const keys = [...mapA.keys(), ...[...mapB.keys()].filter((k) => !mapA.has(k))];
  const baris = keys.map((kk) => {
    const xa = mapA.get(kk);
    const xb = mapB.get(kk);
    const any = (xa ?? xb) as KinerjaPk;
    return {
      sasaran: any.sasaran,
      indikator: any.indikator,
      nama: any.nama,
      satuan: any.satuan,
      targetA: xa?.target ?? null,
      targetTeksA: xa?.targetTeks ?? null,
      targetB: xb?.target ?? null,
      targetTeksB: xb?.targetTeks ?? null,
      berubah: xa?.target !== xb?.target || (xa?.targetTeks ?? null) !== (xb?.targetTeks ?? null),
    };
  });
  const info = (d: DetailPk) => ({ versi: d.versi, nama: d.nama, tanggal: d.tanggal });
  return { a: info(da), b: info(dbb), baris, jumlahBerubah: baris.filter((x) => x.berubah).length };
}

// ---------------------------------------------------------------- rencana aksi (quarterly targets)

export interface TargetTriwulan {
  kode: string;
  nama: string;
  satuan: string;
  jenis: 'renstra' | 'renja';
  /** The yearly target the quarters lead to (latest PK, else Renstra/Renja). */
  targetTahun: number | null;
  triwulan: Array<{ triwulan: number; target: number | null; version: number }>;
}

async function barisRencanaAksi(db: Db, pemdaId: string, tahunOpdId: string) {
  return db
    .select()
    .from(t.rencanaAksi)
    .where(and(eq(t.rencanaAksi.pemdaId, pemdaId), eq(t.rencanaAksi.tahunOpdId, tahunOpdId)));
}

function susunTriwulan(ra: ReadonlyArray<typeof t.rencanaAksi.$inferSelect>, kode: string) {
  return [1, 2, 3, 4].map((tw) => {
    const r = ra.find((x) => x.indikatorKode === kode && x.triwulan === tw);
    return { triwulan: tw, target: r?.target ?? null, version: r?.version ?? 0 };
  });
}

export async function bacaRencanaAksi(db: Db, a: Aktor, opdSlug: string, tahun: number): Promise<{ indikator: TargetTriwulan[]; bolehUbah: boolean }> {
  await bacaOpdUntuk(db, a, opdSlug);
  const katalog = await bacaKatalog(db, a.pemdaId, opdSlug, tahun);
  if (!katalog) throw new TidakDitemukan(`OPD "${opdSlug}" tidak ada`);
  const ra = katalog.tahunOpdId ? await barisRencanaAksi(db, a.pemdaId, katalog.tahunOpdId) : [];
  return {
    indikator: katalog.indikator.map((i) => ({
      kode: i.kode,
      nama: i.nama,
      satuan: i.satuan,
      jenis: i.jenis,
      targetTahun: i.target,
      triwulan: susunTriwulan(ra, i.kode),
    })),
    bolehUbah: boleh(a, { aksi: 'rencana:ubah', opd: opdSlug }) && katalog.tahunOpdId !== undefined,
  };
}

/** Sets (or, with null, removes) the target of one indicator for one quarter. */
export async function ubahTargetTriwulan(
  k: KonteksPerintah,
  opdSlug: string,
  tahun: number,
  kode: string,
  triwulan: number,
  input: { version: number; target: number | null },
): Promise<TargetTriwulan> {
  return k.db.transaction(async (tx) => {
    await opdDiubah(tx, k.aktor, opdSlug);
    const pemdaId = k.aktor.pemdaId;
    const katalog = await bacaKatalog(tx, pemdaId, opdSlug, tahun);
    const ind = katalog?.indikator.find((i) => i.kode === kode);
    if (!katalog || !ind) throw new TidakDitemukan(`indikator "${kode}" tidak ada pada ${opdSlug} tahun ${tahun}`);
    const tahunOpdId = katalog.tahunOpdId;
    if (!tahunOpdId) throw new TidakDitemukan(`belum ada data ${opdSlug} tahun ${tahun}`);
    // The year row serializes inserts of one OPD-year (they share the urutan sequence).
    await tx.select({ id: t.tahunOpd.id }).from(t.tahunOpd).where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.id, tahunOpdId))).for('update');
    const [row] = await tx
      .select()
      .from(t.rencanaAksi)
      .where(
        and(
          eq(t.rencanaAksi.pemdaId, pemdaId),
          eq(t.rencanaAksi.tahunOpdId, tahunOpdId),
          eq(t.rencanaAksi.indikatorKode, kode),
          eq(t.rencanaAksi.triwulan, triwulan),
        ),
      )
      .for('update');
    const susun = async (): Promise<TargetTriwulan> => ({
      kode: ind.kode,
      nama: ind.nama,
      satuan: ind.satuan,
      jenis: ind.jenis,
      targetTahun: ind.target,
      triwulan: susunTriwulan(await barisRencanaAksi(tx, pemdaId, tahunOpdId), kode),
    });
    if ((row?.version ?? 0) !== input.version) throw new VersiUsang<TargetTriwulan>(await susun());
    const salah = periksaTarget(ind.satuan, input.target, 'target');
    if (salah.length > 0) throw new MasukanTidakSah(salah);
    const where = (id: string) => and(eq(t.rencanaAksi.pemdaId, pemdaId), eq(t.rencanaAksi.id, id));
    if (row && input.target === null) await tx.delete(t.rencanaAksi).where(where(row.id));
    else if (row && input.target !== null) await tx.update(t.rencanaAksi).set({ target: input.target, version: row.version + 1, updatedAt: k.sekarang }).where(where(row.id));
    else if (input.target !== null) {
      const [urut] = await tx
        .select({ urutan: max(t.rencanaAksi.urutan) })
        .from(t.rencanaAksi)
        .where(and(eq(t.rencanaAksi.pemdaId, pemdaId), eq(t.rencanaAksi.tahunOpdId, tahunOpdId)));
      await tx.insert(t.rencanaAksi).values({
        pemdaId,
        id: newId(),
        urutan: (urut?.urutan ?? -1) + 1,
        tahunOpdId,
        indikatorKode: kode,
        triwulan,
        target: input.target,
        createdAt: k.sekarang,
        updatedAt: k.sekarang,
      });
    }
    await naikkanRevisiRencana(tx, k.aktor.pemdaId, opdSlug);
    await catatAudit(tx, audit(k), selisih('rencana_aksi', `${opdSlug}/${tahun}/${triwulan}/${kode}`, { target: row?.target ?? null }, { target: input.target }, ['target']));
    return susun();
  });
}
