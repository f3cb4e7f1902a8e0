/**
 * The plan editor's calls: Renstra & IKU, Renja & pagu, PK versions and comparison, quarterly
 * targets. Every write sends the `version` it read; a 409 `versi-usang` carries `current`.
 * Rupiah travel as decimal strings so that no amount is ever rounded.
 */
import { request } from './api.ts';

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

export type Polaritas = 'positif' | 'negatif';
export type Agregasi = 'jumlah' | 'akhir' | 'rata-rata' | 'rasio';

export interface IndikatorRenstra {
  kode: string;
  nama: string;
  satuan: string;
  polaritas: Polaritas;
  agregasi: Agregasi;
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

export interface UbahIndikator {
  version: number;
  satuan: string;
  polaritas: Polaritas;
  agregasi: Agregasi;
  formula: FormulaIndikator | null;
  baseline: NilaiTahun | null;
  target: NilaiTahun[];
  targetAkhir: NilaiTahun | null;
}

export type LevelRenja = 'urusan' | 'bidang-urusan' | 'program' | 'kegiatan' | 'sub-kegiatan';

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
  level: LevelRenja;
  induk: string | null;
  nama: string;
  pagu: string | null;
  jumlahAnak: string | null;
  tidakSesuai: boolean;
  indikator: IndikatorRenja[];
  version: number;
}

export interface PohonRenja {
  versi: { versi: 'murni' | 'perubahan'; nama: string | null; tanggal: string | null };
  node: NodeRenja[];
  totalPagu: string;
  bolehUbah: boolean;
}

export interface RingkasPk {
  versi: number;
  nama: string;
  tanggal: string | null;
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

export interface TargetTriwulan {
  kode: string;
  nama: string;
  satuan: string;
  jenis: 'renstra' | 'renja';
  targetTahun: number | null;
  triwulan: Array<{ triwulan: number; target: number | null; version: number }>;
}

const enc = encodeURIComponent;

export interface LingkupRencana {
  pemda: string;
  opd: string;
  tahun: number;
}

function base(l: LingkupRencana): string {
  return `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/rencana`;
}

export const apiRencana = {
  renstra: (l: LingkupRencana) => request<PohonRenstra>('GET', `${base(l)}/renstra`),
  ubahIndikator: (l: LingkupRencana, kode: string, body: UbahIndikator) => request<IndikatorRenstra>('PUT', `${base(l)}/renstra/indikator/${enc(kode)}`, body),
  renja: (l: LingkupRencana) => request<PohonRenja>('GET', `${base(l)}/renja`),
  ubahPagu: (l: LingkupRencana, kode: string, version: number, pagu: string | null) => request<NodeRenja>('PUT', `${base(l)}/renja/node/${enc(kode)}`, { version, pagu }),
  ubahTargetRenja: (l: LingkupRencana, kode: string, version: number, target: number | null) =>
    request<IndikatorRenja>('PUT', `${base(l)}/renja/indikator/${enc(kode)}`, { version, target }),
  daftarPk: (l: LingkupRencana) => request<{ versi: RingkasPk[]; bolehUbah: boolean }>('GET', `${base(l)}/pk`),
  pk: (l: LingkupRencana, versi: number) => request<DetailPk>('GET', `${base(l)}/pk/${versi}`),
  buatRevisiPk: (l: LingkupRencana, body: { dari: number; version: number; nama: string; tanggal: string | null }) => request<DetailPk>('POST', `${base(l)}/pk`, body),
  ubahTargetPk: (l: LingkupRencana, versi: number, indikator: string, version: number, target: number) =>
    request<KinerjaPk>('PUT', `${base(l)}/pk/${versi}/kinerja/${enc(indikator)}`, { version, target }),
  bandingPk: (l: LingkupRencana, a: number, b: number) => request<BandingPk>('GET', `${base(l)}/pk/banding?a=${a}&b=${b}`),
  targetTriwulan: (l: LingkupRencana) => request<{ indikator: TargetTriwulan[]; bolehUbah: boolean }>('GET', `${base(l)}/triwulan`),
  ubahTargetTriwulan: (l: LingkupRencana, kode: string, tw: number, version: number, target: number | null) =>
    request<TargetTriwulan>('PUT', `${base(l)}/triwulan/${tw}/${enc(kode)}`, { version, target }),
};
