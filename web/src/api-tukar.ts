/**
 * Server calls of the import, export and backup screens. Downloads are plain links (GET with
 * the session cookie); uploads are multipart with the CSRF token, through the one fetch helper.
 */
import { request } from './api.ts';

const enc = encodeURIComponent;

export type JenisImpor = 'renja' | 'realisasi';
export type GrupTabel = 'semua' | 'rencana' | 'pk' | 'capaian' | 'anggaran';

export interface GalatImpor {
  lembar?: string;
  baris?: number;
  kolom?: string;
  judul?: string;
  lokasi: string;
  pesan: string;
}

export interface BarisPratinjau {
  kode: string;
  jenis?: string;
  nama: string;
  medan: Array<{ medan: string; lama: string; baru: string }>;
}

export interface Selisih {
  baru: boolean;
  tambah: BarisPratinjau[];
  ubah: BarisPratinjau[];
  hapus: BarisPratinjau[];
  tetap: number;
}

export interface PratinjauImpor {
  pemda: string;
  opd: string;
  tahun: number;
  berkas: string;
  versi?: string;
  status?: string;
  lembar?: string;
  jumlahBaris?: number;
  renja?: Selisih;
  dpa?: Selisih & { versi: string };
  kinerja?: Selisih & { lembar: string };
  anggaran?: Selisih & { lembar: string; versi: string };
  peringatan: string[];
}

export interface InfoBerkas {
  nama: string;
  ukuran: number;
  sha256: string;
}

export interface HasilImpor {
  jenis: JenisImpor;
  berkas: InfoBerkas;
  pratinjau: PratinjauImpor;
  galat: GalatImpor[];
  ditulis: boolean;
}

/** The body of a refused import or restore (409, 413, 422). */
export interface GagalImpor {
  error: string;
  message: string;
  berkas?: InfoBerkas;
  pratinjau?: PratinjauImpor;
  galat: GalatImpor[];
}

export interface IsiCadangan {
  opd: number;
  tahun: number;
  nodeRenja: number;
  realisasi: number;
  barisAnggaran: number;
}

export interface PratinjauCadangan {
  berkas: InfoBerkas;
  dibuat: string;
  migrasi: string;
  migrasiBerbeda: boolean;
  pemda: { slug: string; nama: string };
  asal: string;
  pemdaLainDiabaikan: string[];
  isi: IsiCadangan;
  sekarang: IsiCadangan;
  dipulihkan: boolean;
}

export interface OpsiImpor {
  versi?: 'murni' | 'perubahan';
}

function form(file: File): FormData {
  const f = new FormData();
  f.append('berkas', file, file.name);
  return f;
}

const imporBase = (pemda: string, opd: string, tahun: number, jenis: JenisImpor) => `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/tahun/${tahun}/impor/${jenis}`;

export const apiTukar = {
  pratinjauImpor: (pemda: string, opd: string, tahun: number, jenis: JenisImpor, file: File, o: OpsiImpor = {}) =>
    request<HasilImpor>('POST', `${imporBase(pemda, opd, tahun, jenis)}/pratinjau?versi=${o.versi ?? 'murni'}`, form(file)),
  simpanImpor: (pemda: string, opd: string, tahun: number, jenis: JenisImpor, file: File, sha256: string, o: OpsiImpor = {}) =>
    request<HasilImpor>('POST', `${imporBase(pemda, opd, tahun, jenis)}/simpan?versi=${o.versi ?? 'murni'}&sha256=${sha256}`, form(file)),
  templatUrl: (pemda: string, jenis: JenisImpor) => `/api/pemda/${enc(pemda)}/templat/${jenis}`,
  eksporUrl: (pemda: string, opd: string, tahun: number, tabel: GrupTabel) => `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/tahun/${tahun}/ekspor/${tabel}`,
  cadanganUrl: (pemda: string) => `/api/pemda/${enc(pemda)}/cadangan`,
  pratinjauCadangan: (pemda: string, file: File) => request<PratinjauCadangan>('POST', `/api/pemda/${enc(pemda)}/cadangan/pratinjau`, form(file)),
  pulihkanCadangan: (pemda: string, file: File, sha256: string, pemdaLain: boolean) =>
    request<PratinjauCadangan>('POST', `/api/pemda/${enc(pemda)}/cadangan/pulihkan?sha256=${sha256}&pemdaLain=${String(pemdaLain)}`, form(file)),
};
