/**
 * The LKJIP narrative calls: read the narrative of an OPD-year, save one section or one sasaran.
 * Every save sends the `version` of the OPD-year it read; a 409 `versi-usang` carries `current`.
 */
import { request } from './api.ts';

export const BAGIAN_NARASI = ['latarBelakang', 'maksudTujuan', 'kendala', 'langkahMengatasi', 'faktorKeberhasilan', 'permasalahan', 'langkahKedepan', 'penutup'] as const;
export type BagianNarasi = (typeof BAGIAN_NARASI)[number];
export const FIELD_SASARAN = ['output', 'outcome', 'sebab', 'solusi', 'kekuatan', 'upaya'] as const;
export type FieldSasaran = (typeof FIELD_SASARAN)[number];

export interface NarasiOpd {
  bagian: Array<{ kunci: BagianNarasi; teks: string[]; kosong: boolean; wajib: boolean }>;
  sasaran: Array<{ kode: string; nomor: number; uraian: string; isian: Record<FieldSasaran, string[]>; kosong: FieldSasaran[] }>;
  version: number;
  bolehUbah: boolean;
}

export interface LingkupNarasi {
  pemda: string;
  opd: string;
  tahun: number;
}

const enc = encodeURIComponent;
const base = (l: LingkupNarasi) => `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/narasi`;

export const apiNarasi = {
  baca: (l: LingkupNarasi) => request<NarasiOpd>('GET', base(l)),
  simpanBagian: (l: LingkupNarasi, bagian: BagianNarasi, version: number, teks: string[]) => request<NarasiOpd>('PUT', `${base(l)}/bagian/${bagian}`, { version, teks }),
  simpanSasaran: (l: LingkupNarasi, kode: string, version: number, isian: Record<FieldSasaran, string[]>) =>
    request<NarasiOpd>('PUT', `${base(l)}/sasaran/${enc(kode)}`, { version, ...isian }),
};
