/**
 * Server calls of the import, export and backup screens (shapes in @kontrak/tukar.ts). Downloads
 * are plain links (GET with the session cookie); uploads are multipart with the CSRF token,
 * through the one fetch helper.
 */
import type { GrupTabel, HasilImpor, ImporQuery, JenisImpor, PratinjauCadangan } from '@kontrak/tukar.ts';
import { request } from './api.ts';

const enc = encodeURIComponent;

/** What the import screen chooses besides the file: the Renja version it replaces. */
export type OpsiImpor = Pick<ImporQuery, 'versi'>;

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
