/**
 * The plan editor's calls: Renstra & IKU, Renja & pagu, PK versions and comparison, quarterly
 * targets. Every write sends the `version` it read; a 409 `versi-usang` carries `current`.
 * Rupiah travel as decimal strings so that no amount is ever rounded.
 */
import type {
  BandingPk,
  BuatRevisiPkBody,
  DaftarPk,
  DaftarTargetTriwulan,
  DetailPk,
  IndikatorRenja,
  IndikatorRenstra,
  KinerjaPk,
  LingkupTahun,
  NodeRenja,
  PohonRenja,
  PohonRenstra,
  TargetTriwulan,
  UbahIndikatorBody,
  UbahPaguBody,
  UbahTargetPkBody,
  UbahTargetRenjaBody,
  UbahTargetTriwulanBody,
} from '@kontrak/rencana.ts';
import { request } from './api.ts';

const enc = encodeURIComponent;

function base(l: LingkupTahun): string {
  return `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/rencana`;
}

export const apiRencana = {
  renstra: (l: LingkupTahun) => request<PohonRenstra>('GET', `${base(l)}/renstra`),
  ubahIndikator: (l: LingkupTahun, kode: string, body: UbahIndikatorBody) => request<IndikatorRenstra>('PUT', `${base(l)}/renstra/indikator/${enc(kode)}`, body),
  renja: (l: LingkupTahun) => request<PohonRenja>('GET', `${base(l)}/renja`),
  ubahPagu: (l: LingkupTahun, kode: string, version: number, pagu: string | null) => request<NodeRenja>('PUT', `${base(l)}/renja/node/${enc(kode)}`, { version, pagu } satisfies UbahPaguBody),
  ubahTargetRenja: (l: LingkupTahun, kode: string, version: number, target: number | null) =>
    request<IndikatorRenja>('PUT', `${base(l)}/renja/indikator/${enc(kode)}`, { version, target } satisfies UbahTargetRenjaBody),
  daftarPk: (l: LingkupTahun) => request<DaftarPk>('GET', `${base(l)}/pk`),
  pk: (l: LingkupTahun, versi: number) => request<DetailPk>('GET', `${base(l)}/pk/${versi}`),
  buatRevisiPk: (l: LingkupTahun, body: BuatRevisiPkBody) => request<DetailPk>('POST', `${base(l)}/pk`, body),
  ubahTargetPk: (l: LingkupTahun, versi: number, indikator: string, version: number, target: number) =>
    request<KinerjaPk>('PUT', `${base(l)}/pk/${versi}/kinerja/${enc(indikator)}`, { version, target } satisfies UbahTargetPkBody),
  bandingPk: (l: LingkupTahun, a: number, b: number) => request<BandingPk>('GET', `${base(l)}/pk/banding?a=${a}&b=${b}`),
  targetTriwulan: (l: LingkupTahun) => request<DaftarTargetTriwulan>('GET', `${base(l)}/triwulan`),
  ubahTargetTriwulan: (l: LingkupTahun, kode: string, tw: number, version: number, target: number | null) =>
    request<TargetTriwulan>('PUT', `${base(l)}/triwulan/${tw}/${enc(kode)}`, { version, target } satisfies UbahTargetTriwulanBody),
};
