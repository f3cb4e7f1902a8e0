/**
 * Settings (admin pemda) and budget realisation (keuangan): API calls and their shapes.
 */
import type {
  AnggaranOpd,
  BuatPenggunaBody,
  DaftarPengguna,
  Pengaturan,
  PengaturanBody,
  PenggunaBaru,
  ResetSandiBody,
  SandiBaru,
  SesiDiakhiri,
  SimpanAnggaranBody,
  TahunData,
  TambahPeranBody,
  TenggatTahun,
  UbahPenggunaBody,
} from '@kontrak/pengaturan.ts';
import type { TenggatBody, TenggatResponse } from '@kontrak/umum.ts';
import { request } from './api.ts';
import type { Me } from './types.ts';

const enc = encodeURIComponent;

const pemda = (p: string) => `/api/pemda/${enc(p)}`;
const pengguna = (p: string, id: string) => `${pemda(p)}/pengguna/${enc(id)}`;

export const apiPengaturan = {
  pengaturan: (p: string) => request<Pengaturan>('GET', `${pemda(p)}/pengaturan`),
  ubahPengaturan: (p: string, body: PengaturanBody) => request<Pengaturan>('PUT', `${pemda(p)}/pengaturan`, body),
  tenggat: (p: string, tahun: number) => request<TenggatTahun>('GET', `${pemda(p)}/tenggat/${tahun}`),
  aturTenggat: (p: string, tahun: number, tw: number, body: TenggatBody) =>
    request<TenggatResponse>('PUT', `${pemda(p)}/tenggat/${tahun}/${tw}`, body),
  pengguna: (p: string) => request<DaftarPengguna>('GET', `${pemda(p)}/pengguna`),
  buatPengguna: (p: string, body: BuatPenggunaBody) => request<PenggunaBaru>('POST', `${pemda(p)}/pengguna`, body),
  ubahPengguna: (p: string, id: string, body: UbahPenggunaBody) => request<null>('PATCH', pengguna(p, id), body),
  resetSandi: (p: string, id: string, version: number) => request<SandiBaru>('POST', `${pengguna(p, id)}/reset-sandi`, { version } satisfies ResetSandiBody),
  keluarSemua: (p: string, id: string) => request<SesiDiakhiri>('POST', `${pengguna(p, id)}/keluar-semua`, {}),
  tambahPeran: (p: string, id: string, body: TambahPeranBody) => request<null>('POST', `${pengguna(p, id)}/peran`, body),
  cabutPeran: (p: string, id: string, peranId: string, version: number) => request<null>('DELETE', `${pengguna(p, id)}/peran/${enc(peranId)}?version=${version}`),
  anggaran: (p: string, opd: string, tahun: number) => request<AnggaranOpd>('GET', `${pemda(p)}/opd/${enc(opd)}/tahun/${tahun}/realisasi-anggaran`),
  simpanAnggaran: (p: string, opd: string, tahun: number, baris: SimpanAnggaranBody['baris']) =>
    request<AnggaranOpd>('PUT', `${pemda(p)}/opd/${enc(opd)}/tahun/${tahun}/realisasi-anggaran`, { baris } satisfies SimpanAnggaranBody),
  tahunData: (p: string, opd: string) => request<TahunData>('GET', `${pemda(p)}/opd/${enc(opd)}/tahun-data`),
};

export const bolehPengaturan = (me: Me) => me.peran.some((p) => p.peran === 'admin-pemda');
/** Budget screen: keuangan edits; the other readers of an OPD may open it read-only by its address. */
export const bolehAnggaran = (me: Me) => me.peran.some((p) => ['keuangan', 'admin-pemda', 'perencana', 'kepala-opd', 'inspektorat', 'pimpinan', 'pengendali-teknis'].includes(p.peran));
/** In the menu only for keuangan, whose work it is; the others read the budget on the dashboard. */
export const menuAnggaran = (me: Me) => me.peran.some((p) => p.peran === 'keuangan');
