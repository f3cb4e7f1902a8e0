/** Register screens' calls to the server (see src/server/routes/register.ts; shapes in @kontrak/register.ts). */
import type { BarisRegister, DaftarBaris, DaftarRegister, HasilImporRegister, Penjelasan, SimpanBaris, UbahBaris } from '@kontrak/register.ts';
import { request } from './api.ts';

const enc = encodeURIComponent;
const base = (pemda: string, opd: string) => `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/register`;

export const apiRegister = {
  daftar: (pemda: string, opd: string) => request<DaftarRegister>('GET', base(pemda, opd)),
  baris: (pemda: string, opd: string, kode: string) => request<DaftarBaris>('GET', `${base(pemda, opd)}/${enc(kode)}/baris`),
  tambah: (pemda: string, opd: string, kode: string, body: SimpanBaris) => request<BarisRegister>('POST', `${base(pemda, opd)}/${enc(kode)}/baris`, body),
  ubah: (pemda: string, opd: string, kode: string, id: string, body: UbahBaris) => request<BarisRegister>('PUT', `${base(pemda, opd)}/${enc(kode)}/baris/${enc(id)}`, body),
  hapus: (pemda: string, opd: string, kode: string, id: string, version: number) => request<null>('DELETE', `${base(pemda, opd)}/${enc(kode)}/baris/${enc(id)}?version=${version}`),
  impor: (pemda: string, opd: string, kode: string, file: File) => {
    const form = new FormData();
    form.append('berkas', file, file.name);
    return request<HasilImporRegister>('POST', `${base(pemda, opd)}/${enc(kode)}/impor`, form);
  },
  eksporUrl: (pemda: string, opd: string, kode: string) => `${base(pemda, opd)}/${enc(kode)}/ekspor.xlsx`,
  penjelasan: (pemda: string, opd: string, tahun: number, indikator: string) =>
    request<Penjelasan>('GET', `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/tahun/${tahun}/indikator/${enc(indikator)}/penjelasan`),
};
