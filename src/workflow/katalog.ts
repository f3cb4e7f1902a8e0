/**
 * The indicators an OPD reports on in a year, read straight from the tables (a few small
 * queries for one OPD, instead of loading the whole pemda's dataset): the sasaran indicators
 * of the Renstra covering the year and the program, kegiatan and sub kegiatan indicators of the
 * latest Renja version, each with the units that owe its realisasi, its target and its
 * quarterly targets (rencana aksi).
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { CacheRevisi } from '../db/cache-revisi.ts';
import { bacaRevisiRencana } from '../db/revisi.ts';
import { type Aktor, boleh, type Tindakan } from '../policy/policy.ts';
import { Dilarang, TidakDitemukan } from './errors.ts';

export interface FormulaEntri {
  teks: string;
  pembilang: string | null;
  penyebut: string | null;
  pengali: number;
}

export interface IndikatorEntri {
  kode: string;
  nama: string;
  satuan: string;
  jenis: 'renstra' | 'renja';
  /** Codes of the units that owe the realisasi. */
  unit: string[];
  formula: FormulaEntri | null;
  target: number | null;
  /** Rencana aksi: target per quarter. */
  targetTriwulan: ReadonlyMap<number, number>;
}

export interface UnitOpd {
  kode: string;
  nama: string;
  /** Name of the official heading the unit, when the OPD lists one. */
  kepala: string | undefined;
}

export interface Katalog {
  pemdaId: string;
  opd: { id: string; slug: string; nama: string };
  tahun: number;
  /** The OPD's row for the year; absent until the year has any data. */
  tahunOpdId: string | undefined;
  /** Whether a Renstra covers the year, i.e. whether realisasi can be recorded for it. */
  adaRenstra: boolean;
  unit: UnitOpd[];
  indikator: IndikatorEntri[];
}

export async function bacaOpd(db: Db, pemdaId: string, slug: string) {
  const [row] = await db.select({ id: t.opd.id, slug: t.opd.slug, nama: t.opd.nama }).from(t.opd).where(and(eq(t.opd.pemdaId, pemdaId), eq(t.opd.slug, slug)));
  return row;
}

/**
 * The one guard of every route and command that names an OPD: the OPD of the actor's pemda with
 * that slug, when the policy allows `tindakan` (by default reading it). 404 when it does not exist
 * (another pemda's OPD included: its slug is looked up in the actor's pemda only), 403 with
 * `pesan` when the policy refuses.
 */
export async function bacaOpdUntuk(
  db: Db,
  a: Aktor,
  slug: string,
  tindakan: Tindakan = { aksi: 'opd:baca', opd: slug },
  pesan = `tidak berwenang membaca OPD "${slug}"`,
): Promise<{ id: string; slug: string; nama: string }> {
  const opd = await bacaOpd(db, a.pemdaId, slug);
  if (!opd) throw new TidakDitemukan(`OPD "${slug}" tidak ada`);
  if (!boleh(a, tindakan)) throw new Dilarang(pesan);
  return opd;
}

export async function daftarOpd(db: Db, pemdaId: string) {
  return db.select({ slug: t.opd.slug, nama: t.opd.nama }).from(t.opd).where(eq(t.opd.pemdaId, pemdaId)).orderBy(asc(t.opd.urutan));
}

/** The OPD's catalogue for a year; undefined when the OPD does not exist in the pemda. */
export async function bacaKatalog(db: Db, pemdaId: string, opdSlug: string, tahun: number): Promise<Katalog | undefined> {
  const opd = await bacaOpd(db, pemdaId, opdSlug);
  if (!opd) return undefined;
  const inOpd = <T extends { pemdaId: typeof t.unit.pemdaId; opdId: typeof t.unit.opdId }>(table: T) => and(eq(table.pemdaId, pemdaId), eq(table.opdId, opd.id));

  const units = await db.select({ id: t.unit.id, kode: t.unit.kode, nama: t.unit.nama }).from(t.unit).where(inOpd(t.unit)).orderBy(asc(t.unit.urutan));
  const kodeUnit = new Map(units.map((u) => [u.id, u.kode]));
  const pejabat = await db
    .select({ nama: t.pejabat.nama, unitId: t.pejabat.unitId })
    .from(t.pejabat)
    .where(and(eq(t.pejabat.pemdaId, pemdaId), eq(t.pejabat.opdId, opd.id), isNotNull(t.pejabat.unitId)))
    .orderBy(asc(t.pejabat.urutan));

  const [renstra] = await db
    .select({ id: t.renstra.id })
    .from(t.renstra)
    .where(and(eq(t.renstra.pemdaId, pemdaId), eq(t.renstra.opdId, opd.id), lte(t.renstra.periodeAwal, tahun), gte(t.renstra.periodeAkhir, tahun)))
    .orderBy(desc(t.renstra.periodeAwal))
    .limit(1);
  const [tahunOpd] = await db
    .select({ id: t.tahunOpd.id })
    .from(t.tahunOpd)
    .where(and(eq(t.tahunOpd.pemdaId, pemdaId), eq(t.tahunOpd.opdId, opd.id), eq(t.tahunOpd.tahun, tahun)));

  const rencanaAksi = new Map<string, Map<number, number>>();
  const pkTarget = new Map<string, number>();
  if (tahunOpd) {
    const ra = await db
      .select({ kode: t.rencanaAksi.indikatorKode, triwulan: t.rencanaAksi.triwulan, target: t.rencanaAksi.target })
      .from(t.rencanaAksi)
      .where(and(eq(t.rencanaAksi.pemdaId, pemdaId), eq(t.rencanaAksi.tahunOpdId, tahunOpd.id)));
    for (const r of ra) rencanaAksi.set(r.kode, (rencanaAksi.get(r.kode) ?? new Map<number, number>()).set(r.triwulan, r.target));
    // The report measures against the latest signed PK, so the entry screen shows the same target.
    const [pk] = await db
      .select({ id: t.pk.id })
      .from(t.pk)
      .where(and(eq(t.pk.pemdaId, pemdaId), eq(t.pk.tahunOpdId, tahunOpd.id)))
      .orderBy(desc(t.pk.versi))
      .limit(1);
    if (pk) {
      const rows = await db
        .select({ kode: t.pkKinerja.indikatorKode, target: t.pkKinerja.target })
        .from(t.pkKinerja)
        .where(and(eq(t.pkKinerja.pemdaId, pemdaId), eq(t.pkKinerja.pkId, pk.id)));
      for (const r of rows) pkTarget.set(r.kode, r.target);
    }
  }
  const quarterly = (kode: string): ReadonlyMap<number, number> => rencanaAksi.get(kode) ?? new Map<number, number>();

  const indikator: IndikatorEntri[] = [];
  if (renstra) {
    const rows = await db
      .select({ ind: t.indikator })
      .from(t.indikator)
      .innerJoin(t.sasaran, and(eq(t.sasaran.pemdaId, t.indikator.pemdaId), eq(t.sasaran.id, t.indikator.sasaranId)))
      .where(and(eq(t.indikator.pemdaId, pemdaId), eq(t.indikator.renstraId, renstra.id)))
      .orderBy(asc(t.sasaran.nomor), asc(t.sasaran.urutan), asc(t.indikator.urutan));
    const ids = rows.map((r) => r.ind.id);
    const targets =
      ids.length === 0
        ? []
        : await db
            .select({ indikatorId: t.indikatorTarget.indikatorId, nilai: t.indikatorTarget.nilai })
            .from(t.indikatorTarget)
            .where(
              and(
                eq(t.indikatorTarget.pemdaId, pemdaId),
                inArray(t.indikatorTarget.indikatorId, ids),
                eq(t.indikatorTarget.jenis, 'target'),
                eq(t.indikatorTarget.tahun, tahun),
              ),
            );
    const renstraTarget = new Map(targets.map((x) => [x.indikatorId, x.nilai]));
    for (const { ind } of rows) {
      indikator.push({
        kode: ind.kode,
        nama: ind.nama,
        satuan: ind.satuan,
        jenis: 'renstra',
        unit: ind.penanggungJawab,
        formula:
          ind.formulaTeks === null
            ? null
            : { teks: ind.formulaTeks, pembilang: ind.formulaPembilang, penyebut: ind.formulaPenyebut, pengali: ind.formulaPengali ?? 100 },
        target: pkTarget.get(ind.kode) ?? renstraTarget.get(ind.id) ?? null,
        targetTriwulan: quarterly(ind.kode),
      });
    }
  }

  if (tahunOpd) {
    const versions = await db
      .select({ id: t.renjaVersi.id, versi: t.renjaVersi.versi })
      .from(t.renjaVersi)
      .where(and(eq(t.renjaVersi.pemdaId, pemdaId), eq(t.renjaVersi.tahunOpdId, tahunOpd.id)))
      .orderBy(asc(t.renjaVersi.urutan));
    // Same choice as the measure code: the revised Renja when there is one.
    const versi = versions.find((v) => v.versi === 'perubahan') ?? versions[0];
    if (versi) {
      const rows = await db
        .select({ ind: t.renjaIndikator, unitId: t.renjaNode.unitId })
        .from(t.renjaIndikator)
        .innerJoin(t.renjaNode, and(eq(t.renjaNode.pemdaId, t.renjaIndikator.pemdaId), eq(t.renjaNode.id, t.renjaIndikator.renjaNodeId)))
        .where(
          and(
            eq(t.renjaIndikator.pemdaId, pemdaId),
            eq(t.renjaIndikator.renjaVersiId, versi.id),
            inArray(t.renjaNode.level, ['program', 'kegiatan', 'sub-kegiatan']),
          ),
        )
        .orderBy(asc(t.renjaNode.urutan), asc(t.renjaIndikator.urutan));
      const seen = new Set(indikator.map((i) => i.kode));
      for (const { ind, unitId } of rows) {
        if (seen.has(ind.kode)) continue;
        const kode = unitId === null ? undefined : kodeUnit.get(unitId);
        indikator.push({
          kode: ind.kode,
          nama: ind.nama,
          satuan: ind.satuan ?? '',
          jenis: 'renja',
          unit: kode === undefined ? [] : [kode],
          formula: null,
          // The target the capaian tables measure against (measure/capaian.ts barisRenja).
          target: ind.targetRenstra ?? ind.target,
          targetTriwulan: quarterly(ind.kode),
        });
      }
    }
  }

  return {
    pemdaId,
    opd,
    tahun,
    tahunOpdId: tahunOpd?.id,
    adaRenstra: renstra !== undefined,
    unit: units.map((u) => ({ kode: u.kode, nama: u.nama, kepala: pejabat.find((p) => p.unitId === u.id)?.nama })),
    indikator,
  };
}

/**
 * Catalogues kept per pemda, OPD and year with the revision of the OPD's plan (src/db/revisi.ts):
 * every write of what a catalogue reads (a dataset import, an OPD-year import, a plan edit) raises
 * it or the pemda-wide one. The one exception, the OPD-year row a first save creates, is covered by never
 * keeping a catalogue without one. Every save and entry list asks for the catalogue, so this
 * saves a dozen queries per request. Callers must not change the returned object.
 */
let katalogCache = new CacheRevisi<Katalog | undefined>(2000);

/** Sets how many catalogues this process keeps (SIKIPER_CACHE_KATALOG, passed by the server); empties the cache. */
export function aturUkuranCacheKatalog(maks: number): void {
  katalogCache = new CacheRevisi<Katalog | undefined>(maks);
}

export async function bacaKatalogTersimpan(db: Db, pemdaId: string, opdSlug: string, tahun: number): Promise<Katalog | undefined> {
  const revisi = await bacaRevisiRencana(db, pemdaId, opdSlug);
  const kunci = `${pemdaId}/${opdSlug}/${tahun}`;
  const k = await katalogCache.ambil(kunci, revisi, () => bacaKatalog(db, pemdaId, opdSlug, tahun));
  if (k?.tahunOpdId !== undefined) return k;
  // No OPD-year row yet: read again until a first save has created it.
  katalogCache.lupakan(kunci);
  return k;
}
