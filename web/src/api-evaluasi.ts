/**
 * SAKIP evaluation and the year's sign-off: read, enter scores and recommendations (inspektorat),
 * record follow-ups (perencana), sign off (kepala OPD), reopen (admin pemda).
 */
import type { LingkupTahun } from '@kontrak/rencana.ts';
import type { BukaTahunBody, EvaluasiOpd, SimpanEvaluasiBody, Skor, TindakLanjutBody } from '@kontrak/evaluasi.ts';
import { request } from './api.ts';

export type Komponen = keyof Skor;
export type Sub = keyof Skor[Komponen];
/** The LKE components and their parts in the order of the form (the server's KOMPONEN_LKE and SUB_KOMPONEN). */
export const KOMPONEN = ['perencanaan', 'pengukuran', 'pelaporan', 'evaluasi'] as const satisfies readonly Komponen[];
export const SUB = ['pemenuhan', 'kualitas', 'implementasi'] as const satisfies readonly Sub[];

const enc = encodeURIComponent;
const base = (l: LingkupTahun) => `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/evaluasi`;

export const apiEvaluasi = {
  baca: (l: LingkupTahun) => request<EvaluasiOpd>('GET', base(l)),
  simpan: (l: LingkupTahun, version: number, skor: Skor, rekomendasi: SimpanEvaluasiBody['rekomendasi']) =>
    request<EvaluasiOpd>('PUT', base(l), { version, skor, rekomendasi } satisfies SimpanEvaluasiBody),
  tindakLanjut: (l: LingkupTahun, id: string, version: number, tindakLanjut: string) =>
    request<EvaluasiOpd>('PUT', `${base(l)}/rekomendasi/${enc(id)}/tindak-lanjut`, { version, tindakLanjut } satisfies TindakLanjutBody),
  sahkan: (l: LingkupTahun) => request<EvaluasiOpd>('POST', `${base(l)}/sahkan`, {}),
  buka: (l: LingkupTahun, alasan: string) => request<EvaluasiOpd>('POST', `${base(l)}/buka`, { alasan } satisfies BukaTahunBody),
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
