/**
 * Looks things up in a dataset for one OPD and year: which Renstra applies, the target an
 * indicator is measured against, and its yearly realisasi.
 */
import type {
  AnggaranVersiData,
  Dataset,
  IndikatorData,
  NodeRenjaData,
  OpdData,
  PerjanjianKinerjaData,
  RealisasiData,
  RenstraData,
  TahunOpdData,
} from '../dataset/schema.ts';
import {
  agregasi,
  ada,
  BELUM_DIISI,
  nilaiEntri,
  Rational,
  realisasiTerbit,
  type Nilai,
  type RumusNegatif,
  type Skala,
} from '../engine/index.ts';

import { hitungRumus, type HasilRumus } from './rumus.ts';

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** Realisasi that count for measurement: verified or approved. Drafts and rejected entries do not. */
const FINAL_STATUS: ReadonlySet<RealisasiData['status']> = new Set(['diverifikasi', 'disetujui']);

export interface Konteks {
  dataset: Dataset;
  opd: OpdData;
  tahun: number;
  /** The year's data; an empty year when nothing was entered. */
  data: TahunOpdData;
  /** The previous year's data, if any. */
  dataLalu: TahunOpdData | undefined;
  renstra: RenstraData;
  skala: Skala;
  rumusNegatif: RumusNegatif;
  /** Verified and approved entries of the year and of the year before, by indicator code. */
  entri: EntriPerIndikator;
  entriLalu: EntriPerIndikator;
  /** Indicators bound to registers (`rumus`): their computed slots, this year and the year before. */
  rumus: ReadonlyMap<string, HasilRumus>;
  rumusLalu: ReadonlyMap<string, HasilRumus>;
}

export type EntriPerIndikator = ReadonlyMap<string, RealisasiData[]>;

/**
 * Groups a year's countable entries by indicator once, instead of scanning them per indicator.
 * An indicator bound to registers takes the entries computed from them instead of entered ones.
 */
export function entriPerIndikator(data: TahunOpdData | undefined, rumus?: ReadonlyMap<string, HasilRumus>): EntriPerIndikator {
  const map = new Map<string, RealisasiData[]>();
  for (const [kode, h] of rumus ?? []) map.set(kode, h.slot.flatMap((s) => (s.entri ? [s.entri] : [])));
  for (const r of data?.realisasi ?? []) {
    if (!FINAL_STATUS.has(r.status) || rumus?.has(r.indikator)) continue;
    const list = map.get(r.indikator);
    if (list) list.push(r);
    else map.set(r.indikator, [r]);
  }
  return map;
}

export function konteks(dataset: Dataset, opdSlug: string, tahun: number): Konteks {
  const opd = dataset.opd.find((o) => o.slug === opdSlug);
  if (!opd) throw new NotFoundError(`OPD "${opdSlug}" tidak ada di pemda "${dataset.pemda.slug}"`);
  const renstra = opd.renstra.find((r) => r.periodeAwal <= tahun && tahun <= r.periodeAkhir);
  if (!renstra) throw new NotFoundError(`tidak ada Renstra ${opd.slug} yang mencakup tahun ${tahun}`);
  const data = opd.tahun.find((t) => t.tahun === tahun) ?? emptyYear(tahun);
  const dataLalu = opd.tahun.find((t) => t.tahun === tahun - 1);
  const rumus = rumusOpd(opd, renstra, tahun);
  const rumusLalu = rumusOpd(opd, renstra, tahun - 1);
  return {
    dataset,
    opd,
    tahun,
    data,
    dataLalu,
    entri: entriPerIndikator(data, rumus),
    entriLalu: entriPerIndikator(dataLalu, rumusLalu),
    rumus,
    rumusLalu,
    renstra,
    skala: dataset.pemda.pengaturan.skala,
    rumusNegatif: dataset.pemda.pengaturan.rumusNegatif,
  };
}

/** Every Renstra indicator bound to registers, computed for one year. */
export function rumusOpd(opd: OpdData, renstra: RenstraData, tahun: number): Map<string, HasilRumus> {
  const out = new Map<string, HasilRumus>();
  for (const ind of [...renstra.tujuan.flatMap((t) => t.indikator), ...renstra.sasaran.flatMap((s) => s.indikator)]) {
    const h = hitungRumus(opd, ind, tahun);
    if (h) out.set(ind.kode, h);
  }
  return out;
}

function emptyYear(tahun: number): TahunOpdData {
  return { tahun, renja: [], anggaran: [], pk: [], rencanaAksi: [], realisasi: [], ikk: [], sdgs: [], tindakLanjut: [], penghargaan: [] };
}

/** The PK the report uses: the latest signed version. */
export function pkTerakhir(data: TahunOpdData | undefined): PerjanjianKinerjaData | undefined {
  if (!data) return undefined;
  return [...data.pk].sort((a, b) => b.versi - a.versi)[0];
}

export function renjaTerakhir(data: TahunOpdData | undefined): NodeRenjaData[] {
  if (!data) return [];
  const perubahan = data.renja.find((r) => r.versi === 'perubahan');
  return (perubahan ?? data.renja[0])?.node ?? [];
}

export function anggaranTerakhir(data: TahunOpdData | undefined): AnggaranVersiData | undefined {
  if (!data) return undefined;
  return data.anggaran.find((a) => a.versi === 'dpa-perubahan') ?? data.anggaran[0];
}

export interface TargetTahun {
  nilai: Nilai;
  predikat?: string | undefined;
  teks?: string | undefined;
  sumber: 'pk' | 'renstra' | 'tidak-ada';
}

/** The target of a Renstra indicator in a year: the latest PK's, else the Renstra's. */
export function targetIndikator(ind: IndikatorData, tahun: number, data: TahunOpdData | undefined): TargetTahun {
  const pk = pkTerakhir(data);
  const row = pk?.kinerja.find((k) => k.indikator === ind.kode);
  if (row) return { nilai: ada(Rational.from(row.target)), teks: row.targetTeks, sumber: 'pk' };
  const t = ind.target.find((x) => x.tahun === tahun);
  if (t) return { nilai: ada(Rational.from(t.nilai)), predikat: t.predikat, sumber: 'renstra' };
  return { nilai: BELUM_DIISI, sumber: 'tidak-ada' };
}

/** The Renstra's end-of-period target of an indicator. */
export function targetAkhir(ind: IndikatorData, renstra: RenstraData): TargetTahun {
  const t = ind.targetAkhir ?? ind.target.find((x) => x.tahun === renstra.periodeAkhir);
  return t ? { nilai: ada(Rational.from(t.nilai)), predikat: t.predikat, sumber: 'renstra' } : { nilai: BELUM_DIISI, sumber: 'tidak-ada' };
}

export interface RealisasiTahun {
  /** The published realisasi: aggregated over quarters and rounded to the indicator's decimals. */
  nilai: Nilai;
  /** Before rounding, for tracing. */
  mentah: Nilai;
  predikat?: string | undefined;
  /** The entries the value is made of. */
  entri: RealisasiData[];
}

export interface IndikatorUkur {
  kode: string;
  agregasi: IndikatorData['agregasi'];
  desimal: number;
  pengali: number;
}

export function ukurRenstra(ind: IndikatorData): IndikatorUkur {
  return { kode: ind.kode, agregasi: ind.agregasi, desimal: ind.desimal, pengali: ind.formula?.pengali ?? 100 };
}

/** Yearly realisasi: a whole-year entry when there is one, else the quarters combined by the indicator's method. */
export function realisasiIndikator(ind: IndikatorUkur, entriTahun: EntriPerIndikator): RealisasiTahun {
  const entri = entriTahun.get(ind.kode) ?? [];
  if (entri.length === 0) return { nilai: BELUM_DIISI, mentah: BELUM_DIISI, entri };
  const tahunan = entri.find((r) => r.triwulan === undefined);
  let mentah: Nilai;
  let predikat: string | undefined;
  if (tahunan) {
    mentah = nilaiEntri(tahunan, ind.pengali);
    predikat = tahunan.predikat;
  } else {
    const quarters = entri.flatMap((r) => (r.triwulan === undefined ? [] : [{ ...r, triwulan: r.triwulan }]));
    mentah = agregasi(quarters, ind.agregasi, { pengali: ind.pengali });
    predikat = quarters.sort((a, b) => b.triwulan - a.triwulan)[0]?.predikat;
  }
  return { nilai: realisasiTerbit(mentah, ind.desimal), mentah, predikat, entri };
}
