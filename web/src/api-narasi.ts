/**
 * The LKJIP narrative calls: read the narrative of an OPD-year, save one section or one sasaran.
 * Every save sends the `version` of the OPD-year it read; a 409 `versi-usang` carries `current`.
 */
import type { BagianBody, BagianNarasi, FieldSasaran, NarasiOpd, SasaranBody } from '@kontrak/narasi.ts';
import type { LingkupTahun } from '@kontrak/rencana.ts';
import { request } from './api.ts';

/** The fields of one sasaran in the order of the form (the server's FIELD_SASARAN). */
export const FIELD_SASARAN = ['output', 'outcome', 'sebab', 'solusi', 'kekuatan', 'upaya'] as const satisfies readonly FieldSasaran[];

const enc = encodeURIComponent;
const base = (l: LingkupTahun) => `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/narasi`;

export const apiNarasi = {
  baca: (l: LingkupTahun) => request<NarasiOpd>('GET', base(l)),
  simpanBagian: (l: LingkupTahun, bagian: BagianNarasi, version: number, teks: string[]) =>
    request<NarasiOpd>('PUT', `${base(l)}/bagian/${bagian}`, { version, teks } satisfies BagianBody),
  simpanSasaran: (l: LingkupTahun, kode: string, version: number, isian: NarasiOpd['sasaran'][number]['isian']) =>
    request<NarasiOpd>('PUT', `${base(l)}/sasaran/${enc(kode)}`, { version, ...isian } satisfies SasaranBody),
};
