/**
 * Settings (admin pemda) and budget realisation (keuangan): API calls and their shapes.
 */
import { request } from './api.ts';
import type { Me, Peran } from './types.ts';

const enc = encodeURIComponent;

export interface Band {
  min: number;
  label: string;
  warna?: string;
}
export interface Skala {
  nama: string;
  bands: Band[];
}
export type RumusNegatif = 'selisih' | 'rasio-terbalik' | 'selisih-min-nol';
export interface Pengaturan {
  skala: Skala;
  rumusNegatif: RumusNegatif;
  version: number;
  preset: { empat: Skala; lima: Skala };
}

export interface TenggatTriwulan {
  triwulan: number;
  batas: string | null;
  version: number;
  pengecualian: Array<{ opd: string; unit: string; batas: string }>;
}
export interface TenggatTahun {
  tahun: number;
  triwulan: TenggatTriwulan[];
  unit: Array<{ opd: string; opdNama: string; kode: string; nama: string }>;
}

export interface PeranTersimpan {
  id: string;
  peran: Peran;
  opd: string | null;
  unit: string | null;
}
export interface PenggunaKelola {
  id: string;
  username: string;
  nama: string;
  aktif: boolean;
  terkunciSampai: string | null;
  sesiAktif: number;
  version: number;
  peran: PeranTersimpan[];
}
export interface PenugasanBaru {
  peran: Peran;
  opd?: string | null;
  unit?: string | null;
}

export interface BarisAnggaran {
  kode: string;
  nama: string;
  level: string | null;
  induk: string | null;
  pagu: number;
  realisasi: number;
  version: number;
  diisi: boolean;
}
export interface AnggaranOpd {
  opd: string;
  tahun: number;
  versi: 'dpa' | 'dpa-perubahan' | null;
  baris: BarisAnggaran[];
  peringatan: Array<{ aturan: string; kode: string; pesan: string }>;
  bolehUbah: boolean;
}

const pemda = (p: string) => `/api/pemda/${enc(p)}`;
const pengguna = (p: string, id: string) => `${pemda(p)}/pengguna/${enc(id)}`;

export const apiPengaturan = {
  pengaturan: (p: string) => request<Pengaturan>('GET', `${pemda(p)}/pengaturan`),
  ubahPengaturan: (p: string, body: { version: number; skala?: Skala; rumusNegatif?: RumusNegatif }) => request<Pengaturan>('PUT', `${pemda(p)}/pengaturan`, body),
  tenggat: (p: string, tahun: number) => request<TenggatTahun>('GET', `${pemda(p)}/tenggat/${tahun}`),
  aturTenggat: (p: string, tahun: number, tw: number, body: { batas: string; pengecualian: Array<{ opd: string; unit: string; batas: string }>; version: number }) =>
    request<unknown>('PUT', `${pemda(p)}/tenggat/${tahun}/${tw}`, body),
  pengguna: (p: string) => request<{ pengguna: PenggunaKelola[] }>('GET', `${pemda(p)}/pengguna`),
  buatPengguna: (p: string, body: { username: string; nama: string; sandi?: string; peran: PenugasanBaru[] }) =>
    request<{ id: string; sandiAwal?: string }>('POST', `${pemda(p)}/pengguna`, body),
  ubahPengguna: (p: string, id: string, body: { version: number; nama?: string; aktif?: boolean }) => request<null>('PATCH', pengguna(p, id), body),
  resetSandi: (p: string, id: string, version: number) => request<{ sandiBaru?: string }>('POST', `${pengguna(p, id)}/reset-sandi`, { version }),
  keluarSemua: (p: string, id: string) => request<{ sesiDiakhiri: number }>('POST', `${pengguna(p, id)}/keluar-semua`, {}),
  tambahPeran: (p: string, id: string, body: PenugasanBaru & { version: number }) => request<null>('POST', `${pengguna(p, id)}/peran`, body),
  cabutPeran: (p: string, id: string, peranId: string, version: number) => request<null>('DELETE', `${pengguna(p, id)}/peran/${enc(peranId)}?version=${version}`),
  anggaran: (p: string, opd: string, tahun: number) => request<AnggaranOpd>('GET', `${pemda(p)}/opd/${enc(opd)}/tahun/${tahun}/realisasi-anggaran`),
  simpanAnggaran: (p: string, opd: string, tahun: number, baris: Array<{ kode: string; version: number; realisasi?: number; pagu?: number }>) =>
    request<AnggaranOpd>('PUT', `${pemda(p)}/opd/${enc(opd)}/tahun/${tahun}/realisasi-anggaran`, { baris }),
  tahunData: (p: string, opd: string) => request<{ tahun: number[] }>('GET', `${pemda(p)}/opd/${enc(opd)}/tahun-data`),
};

export const bolehPengaturan = (me: Me) => me.peran.some((p) => p.peran === 'admin-pemda');
/** Budget screen: keuangan edits; the other readers of an OPD may open it read-only by its address. */
export const bolehAnggaran = (me: Me) => me.peran.some((p) => ['keuangan', 'admin-pemda', 'perencana', 'kepala-opd', 'inspektorat', 'pimpinan'].includes(p.peran));
/** In the menu only for keuangan, whose work it is; the others read the budget on the dashboard. */
export const menuAnggaran = (me: Me) => me.peran.some((p) => p.peran === 'keuangan');
