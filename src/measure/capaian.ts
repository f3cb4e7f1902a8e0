/**
 * The performance tables of an LKJIP, computed from the data:
 * Tabel 3.2/3.3 (IKU per sasaran), 3.4/3.7/3.10/3.13 (against last year),
 * 3.5/3.8/3.11/3.14 (against the Renstra end target), 3.6/3.9/3.12/3.15 (programs and kegiatan
 * per sasaran), the IKU Kabupaten the OPD carries, the IKK and the SDG-linked sub kegiatan.
 */
import type { IndikatorData, IndikatorRenjaData, NodeRenjaData, SasaranData } from '../dataset/schema.ts';
import { ada, capaian, nilaiEntri, predikat, Rational, rataRata, realisasiTerbit, tidakDapatDihitung, type Nilai } from '../engine/index.ts';
import {
  konteks,
  realisasiIndikator,
  renjaTerakhir,
  targetAkhir,
  targetIndikator,
  ukurRenstra,
  type Konteks,
  type RealisasiTahun,
  type TargetTahun,
} from './konteks.ts';
import type { Dataset } from '../dataset/schema.ts';

export interface Pengukuran {
  target: TargetTahun;
  realisasi: RealisasiTahun;
  capaian: Nilai;
  predikat: string | undefined;
}

export interface IndikatorCapaian extends Pengukuran {
  kode: string;
  nama: string;
  satuan: string;
  formula: string | undefined;
  /** The realisasi of the year is computed from registers (see measure/rumus.ts). */
  dariRegister: boolean;
  lalu: Pengukuran;
  /** Against the Renstra end target. */
  akhir: { target: TargetTahun; capaian: Nilai };
}

export interface BarisProgram {
  kode: string;
  level: NodeRenjaData['level'];
  nama: string;
  indikator: Array<{ kode: string; nama: string; satuan: string | undefined; target: Nilai; targetTeks: string | undefined; realisasi: Nilai; capaian: Nilai }>;
}

export interface SasaranCapaian {
  kode: string;
  nomor: number;
  uraian: string;
  indikator: IndikatorCapaian[];
  capaian: Nilai;
  predikat: string | undefined;
  capaianLalu: Nilai;
  capaianAkhir: Nilai;
  program: BarisProgram[];
}

export interface LaporanCapaian {
  pemda: string;
  opd: string;
  tahun: number;
  skala: Konteks['skala'];
  sasaran: SasaranCapaian[];
  rataRata: { capaian: Nilai; predikat: string | undefined };
  ikuDaerah: Array<{
    kode: string;
    nama: string;
    satuan: string;
    polaritas: IndikatorData['polaritas'];
    target: Nilai;
    realisasi: Nilai;
    realisasiLalu: Nilai;
    capaian: Nilai;
    predikat: string | undefined;
    pembanding: Array<{ wilayah: string; nilai: number }>;
  }>;
  ikk: Array<{ nomor: number; nama: string; pembilang: number; penyebut: number; pengali: number; satuan: string; hasil: Nilai; hasilTerbit: number | undefined }>;
  sdgs: Array<{ nomor: number; tujuanSdgs: string; subKegiatan: string; subKegiatanNama: string | undefined; satuan: string; target: number; realisasi: number; capaian: Nilai }>;
}

function ukur(k: Konteks, ind: IndikatorData, tahun: number): Pengukuran {
  const data = tahun === k.tahun ? k.data : tahun === k.tahun - 1 ? k.dataLalu : undefined;
  const target = targetIndikator(ind, tahun, data);
  const dihitung = realisasiIndikator(ukurRenstra(ind), tahun === k.tahun ? k.entri : tahun === k.tahun - 1 ? k.entriLalu : new Map());
  // A register-bound indicator with a quarter that cannot be computed has no yearly value either.
  const galat = (tahun === k.tahun ? k.rumus : tahun === k.tahun - 1 ? k.rumusLalu : undefined)?.get(ind.kode)?.galat;
  const realisasi = galat === undefined ? dihitung : { ...dihitung, nilai: tidakDapatDihitung(galat), mentah: tidakDapatDihitung(galat) };
  const c = capaian(target.nilai, realisasi.nilai, ind.polaritas, k.rumusNegatif);
  return { target, realisasi, capaian: c, predikat: predikat(c, k.skala)?.label };
}

function indikatorCapaian(k: Konteks, ind: IndikatorData): IndikatorCapaian {
  const now = ukur(k, ind, k.tahun);
  const akhir = targetAkhir(ind, k.renstra);
  return {
    kode: ind.kode,
    nama: ind.nama,
    satuan: ind.satuan,
    formula: ind.formula?.teks,
    dariRegister: k.rumus.has(ind.kode),
    ...now,
    lalu: ukur(k, ind, k.tahun - 1),
    akhir: { target: akhir, capaian: capaian(akhir.nilai, now.realisasi.nilai, ind.polaritas, k.rumusNegatif) },
  };
}

function barisRenja(k: Konteks, node: NodeRenjaData): BarisProgram {
  return {
    kode: node.kode,
    level: node.level,
    nama: node.nama,
    indikator: node.indikator.map((ind: IndikatorRenjaData) => {
      const targetNum = ind.targetRenstra ?? ind.target;
      const target: Nilai = targetNum === undefined ? { status: 'belum-diisi' } : ada(Rational.from(targetNum));
      const realisasi = realisasiIndikator({ kode: ind.kode, agregasi: 'akhir', desimal: 2, pengali: 100 }, k.entri).nilai;
      return {
        kode: ind.kode,
        nama: ind.nama,
        satuan: ind.satuan,
        target,
        targetTeks: ind.targetTeks,
        realisasi,
        capaian: capaian(target, realisasi, ind.polaritas, k.rumusNegatif),
      };
    }),
  };
}

/** Programs supporting a sasaran, each followed by its kegiatan, in Renja order. */
function programSasaran(k: Konteks, s: SasaranData, kegiatanPerProgram: ReadonlyMap<string, NodeRenjaData[]>, programs: readonly NodeRenjaData[]): BarisProgram[] {
  const rows: BarisProgram[] = [];
  for (const program of programs.filter((n) => n.sasaran.includes(s.kode))) {
    rows.push(barisRenja(k, program));
    for (const kegiatan of kegiatanPerProgram.get(program.kode) ?? []) rows.push(barisRenja(k, kegiatan));
  }
  return rows;
}

export function hitungCapaian(dataset: Dataset, opdSlug: string, tahun: number): LaporanCapaian {
  const k = konteks(dataset, opdSlug, tahun);
  const nodes = renjaTerakhir(k.data);
  const programs = nodes.filter((n) => n.level === 'program');
  const kegiatanPerProgram = new Map<string, NodeRenjaData[]>();
  for (const n of nodes) if (n.level === 'kegiatan' && n.induk) kegiatanPerProgram.set(n.induk, [...(kegiatanPerProgram.get(n.induk) ?? []), n]);
  const sasaran = [...k.renstra.sasaran]
    .sort((a, b) => a.nomor - b.nomor)
    .map((s): SasaranCapaian => {
      const indikator = s.indikator.map((ind) => indikatorCapaian(k, ind));
      const c = rataRata(indikator.map((i) => i.capaian));
      return {
        kode: s.kode,
        nomor: s.nomor,
        uraian: s.uraian,
        indikator,
        capaian: c,
        predikat: predikat(c, k.skala)?.label,
        capaianLalu: rataRata(indikator.map((i) => i.lalu.capaian)),
        capaianAkhir: rataRata(indikator.map((i) => i.akhir.capaian)),
        program: programSasaran(k, s, kegiatanPerProgram, programs),
      };
    });
  const mean = rataRata(sasaran.map((s) => s.capaian));

  const ikuDaerah = dataset.pemda.rpjmd
    .flatMap((r) => r.indikator)
    .filter((ind) => ind.pengampu.includes(opdSlug))
    .map((ind) => {
      const t = ind.target.find((x) => x.tahun === tahun);
      const target: Nilai = t ? ada(Rational.from(t.nilai)) : { status: 'belum-diisi' };
      const valueOf = (y: number): Nilai => {
        const r = ind.realisasi.find((x) => x.tahun === y);
        return r ? realisasiTerbit(ada(Rational.from(r.nilai)), ind.desimal) : { status: 'belum-diisi' };
      };
      const realisasi = valueOf(tahun);
      const c = capaian(target, realisasi, ind.polaritas, k.rumusNegatif);
      return {
        kode: ind.kode,
        nama: ind.nama,
        satuan: ind.satuan,
        polaritas: ind.polaritas,
        target,
        realisasi,
        realisasiLalu: valueOf(tahun - 1),
        capaian: c,
        predikat: predikat(c, k.skala)?.label,
        pembanding: ind.pembanding.filter((p) => p.tahun === tahun).map((p) => ({ wilayah: p.wilayah, nilai: p.nilai })),
      };
    });

  const renja = nodes;
  return {
    pemda: dataset.pemda.slug,
    opd: opdSlug,
    tahun,
    skala: k.skala,
    sasaran,
    rataRata: { capaian: mean, predikat: predikat(mean, k.skala)?.label },
    ikuDaerah,
    ikk: k.data.ikk.map((i) => ({
      nomor: i.nomor,
      nama: i.nama,
      pembilang: i.pembilang,
      penyebut: i.penyebut,
      pengali: i.pengali,
      satuan: i.satuan,
      hasil: nilaiEntri({ pembilang: i.pembilang, penyebut: i.penyebut }, i.pengali),
      hasilTerbit: i.hasilTerbit,
    })),
    sdgs: k.data.sdgs.map((s) => ({
      nomor: s.nomor,
      tujuanSdgs: s.tujuanSdgs,
      subKegiatan: s.subKegiatan,
      subKegiatanNama: renja.find((n) => n.kode === s.subKegiatan)?.nama,
      satuan: s.satuan,
      target: s.target,
      realisasi: s.realisasi,
      capaian: capaian(ada(Rational.from(s.target)), ada(Rational.from(s.realisasi))),
    })),
  };
}
