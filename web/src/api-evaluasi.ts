/**
 * SAKIP evaluation and the year's sign-off: read, enter scores and recommendations (inspektorat),
 * record follow-ups (perencana), sign off (kepala OPD), reopen (admin pemda).
 */
import { request } from './api.ts';

export const KOMPONEN = ['perencanaan', 'pengukuran', 'pelaporan', 'evaluasi'] as const;
export const SUB = ['pemenuhan', 'kualitas', 'implementasi'] as const;
export type Komponen = (typeof KOMPONEN)[number];
export type Sub = (typeof SUB)[number];
export type Skor = Record<Komponen, Record<Sub, string>>;

export interface Rekomendasi {
  id: string;
  teks: string;
  tindakLanjut: string | null;
}

export interface Evaluasi {
  ada: boolean;
  skor: Skor;
  rekomendasi: Rekomendasi[];
  hasil: { komponen: Array<{ kode: Komponen; nama: string; bobot: number; nilai: number; sub: Record<Sub, number> }>; total: number; predikat: string };
  version: number;
  pengesahan: { oleh: string; nama: string; pada: string } | null;
  boleh: { isi: boolean; tindakLanjut: boolean; sahkan: boolean; buka: boolean };
}

export interface Kekurangan {
  indikator: string;
  nama: string;
  triwulan: number;
  status: string;
}

export interface LingkupEvaluasi {
  pemda: string;
  opd: string;
  tahun: number;
}

const enc = encodeURIComponent;
const base = (l: LingkupEvaluasi) => `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/evaluasi`;

export const apiEvaluasi = {
  baca: (l: LingkupEvaluasi) => request<Evaluasi>('GET', base(l)),
  simpan: (l: LingkupEvaluasi, version: number, skor: Skor, rekomendasi: Array<{ id?: string; teks: string }>) => request<Evaluasi>('PUT', base(l), { version, skor, rekomendasi }),
  tindakLanjut: (l: LingkupEvaluasi, id: string, version: number, tindakLanjut: string) =>
    request<Evaluasi>('PUT', `${base(l)}/rekomendasi/${enc(id)}/tindak-lanjut`, { version, tindakLanjut }),
  sahkan: (l: LingkupEvaluasi) => request<Evaluasi>('POST', `${base(l)}/sahkan`, {}),
  buka: (l: LingkupEvaluasi, alasan: string) => request<Evaluasi>('POST', `${base(l)}/buka`, { alasan }),
};

/** "87,5" or "87.5" → "87.5" (exact, no float); undefined when not a share 0..100 with at most 4 decimals. */
export function bacaPersen(input: string): string | undefined {
  const s = input.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(s)) return undefined;
  const [i = '0', f] = s.split('.');
  const n = Number(i);
  if (n > 100 || (n === 100 && f !== undefined && /[1-9]/.test(f))) return undefined;
  return `${String(n)}${f !== undefined ? `.${f}` : ''}`;
}

/** "87.5" → "87,5" for an input field. */
export const persenUntukInput = (s: string): string => s.replace('.', ',');
