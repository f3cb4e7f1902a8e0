/** Register screens' calls to the server (see src/server/routes/register.ts). */
import { request } from './api.ts';

export type NilaiSel = string | number | boolean | null;

export interface KolomRegister {
  kode: string;
  nama: string;
  tipe: 'teks' | 'angka' | 'tanggal' | 'pilihan' | 'ya-tidak' | 'nama-orang' | 'telepon';
  pilihan?: string[];
  pribadi: boolean;
  wajib: boolean;
}

export interface TotalImpor {
  id: string;
  tahun: number;
  bulanDari: number;
  bulanSampai: number;
  nilai: Record<string, number>;
  keterangan: string;
}

export interface DefinisiRegister {
  kode: string;
  nama: string;
  uraian?: string;
  kolom: KolomRegister[];
  totalImpor: TotalImpor[];
  jumlahBaris?: number;
}

export interface BarisRegister {
  id: string;
  nilai: Record<string, NilaiSel>;
  keterangan?: string;
  version: number;
}

export interface Agregat {
  rumus: string;
  register: string;
  nilai: number | null;
  alasan?: string;
  baris: string[];
  totalImpor: string[];
}

export interface SlotPenjelasan {
  triwulan: number | null;
  bulanDari: number;
  bulanSampai: number;
  sumber: 'register' | 'impor';
  pembilang: number | null;
  penyebut: number | null;
  nilai: number | null;
  alasan?: string;
  keterangan?: string;
  agregat: Agregat[];
}

export interface Penjelasan {
  indikator: { kode: string; nama: string; satuan: string; agregasi: string };
  rumus: { teks: string; periode: string };
  triwulan: SlotPenjelasan[];
  kumulatif?: SlotPenjelasan[];
  realisasi: { nilai: number | null; alasan?: string };
  capaian: number | null;
  register: Array<{ kode: string; nama: string; kolom: Array<{ kode: string; nama: string }>; baris: Array<{ id: string; nilai: Record<string, NilaiSel> }>; totalImpor: TotalImpor[] }>;
}

const enc = encodeURIComponent;
const base = (pemda: string, opd: string) => `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/register`;

export const apiRegister = {
  daftar: (pemda: string, opd: string) => request<{ kelola: boolean; register: DefinisiRegister[] }>('GET', base(pemda, opd)),
  baris: (pemda: string, opd: string, kode: string) => request<{ kelola: boolean; register: DefinisiRegister; baris: BarisRegister[] }>('GET', `${base(pemda, opd)}/${enc(kode)}/baris`),
  tambah: (pemda: string, opd: string, kode: string, body: { id?: string; nilai: Record<string, NilaiSel>; keterangan?: string | null }) =>
    request<BarisRegister>('POST', `${base(pemda, opd)}/${enc(kode)}/baris`, body),
  ubah: (pemda: string, opd: string, kode: string, id: string, body: { nilai: Record<string, NilaiSel>; keterangan?: string | null; version: number }) =>
    request<BarisRegister>('PUT', `${base(pemda, opd)}/${enc(kode)}/baris/${enc(id)}`, body),
  hapus: (pemda: string, opd: string, kode: string, id: string, version: number) => request<null>('DELETE', `${base(pemda, opd)}/${enc(kode)}/baris/${enc(id)}?version=${version}`),
  impor: (pemda: string, opd: string, kode: string, file: File) => {
    const form = new FormData();
    form.append('berkas', file, file.name);
    return request<{ ditambah: number; diubah: number }>('POST', `${base(pemda, opd)}/${enc(kode)}/impor`, form);
  },
  eksporUrl: (pemda: string, opd: string, kode: string) => `${base(pemda, opd)}/${enc(kode)}/ekspor.xlsx`,
  penjelasan: (pemda: string, opd: string, tahun: number, indikator: string) =>
    request<Penjelasan>('GET', `/api/pemda/${enc(pemda)}/opd/${enc(opd)}/tahun/${tahun}/indikator/${enc(indikator)}/penjelasan`),
};
