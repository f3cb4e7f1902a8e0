/**
 * SAKIP evaluation and the year's sign-off: read, enter scores and recommendations (inspektorat),
 * record follow-ups (perencana), sign off (kepala OPD), reopen (admin pemda); the criterion-level
 * evaluation (LKE: the sheet, each tier's answers and evidence, the moves between tiers, the
 * LHE), the pemda's criteria versions and the recap of every OPD.
 */
import type { LingkupTahun } from '@kontrak/rencana.ts';
import type { BukaTahunBody, EvaluasiOpd, Rekomendasi, SimpanEvaluasiBody, Skor, TindakLanjutBody } from '@kontrak/evaluasi.ts';
import type { BerkasBukti, DaftarKriteria, HasilJawaban, LangkahBody, LembarLke, MulaiLkeBody, RekapLke, SimpanJawabanBody, VersiKriteria } from '@kontrak/lke.ts';
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
  tindakLanjut: (l: LingkupTahun, id: string, version: number, isi: { tindakLanjut: string; status: StatusTindakLanjut; tautan: string[] }) =>
    request<EvaluasiOpd>('PUT', `${base(l)}/rekomendasi/${enc(id)}/tindak-lanjut`, { version, ...isi } satisfies TindakLanjutBody),
  sahkan: (l: LingkupTahun) => request<EvaluasiOpd>('POST', `${base(l)}/sahkan`, {}),
  buka: (l: LingkupTahun, alasan: string) => request<EvaluasiOpd>('POST', `${base(l)}/buka`, { alasan } satisfies BukaTahunBody),
};

export type StatusTindakLanjut = Rekomendasi['status'];
export const STATUS_TINDAK_LANJUT = ['belum', 'proses', 'selesai'] as const satisfies readonly StatusTindakLanjut[];

// ---------------------------------------------------------------- criterion by criterion (LKE)

export type TingkatLke = SimpanJawabanBody['tingkat'];
export type JawabanLke = NonNullable<SimpanJawabanBody['jawaban']>;
export type TahapLke = NonNullable<LembarLke['tahap']>;
export type LangkahLke = 'ajukan' | 'kirim' | 'setujui' | 'kembalikan';
/** The three tiers that answer (the contract's TINGKAT) and the stages (TAHAP), without loading zod into the page. */
export const TINGKAT_LKE = ['mandiri', 'evaluator', 'supervisor'] as const satisfies readonly TingkatLke[];
export const TAHAP_LKE = ['mandiri', 'evaluator', 'supervisor', 'final'] as const satisfies readonly TahapLke[];
/** The value of each answer (src/engine/evaluasi.ts): Y 1, T 0; A 1, B 0,75, C 0,5, D 0,25, E 0. */
export const NILAI_JAWABAN: Record<JawabanLke, number> = { Y: 1, T: 0, A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 };

const pemdaBase = (p: string) => `/api/pemda/${enc(p)}`;
const lke = (l: LingkupTahun) => `${base(l)}/lke`;

export const apiLke = {
  baca: (l: LingkupTahun) => request<LembarLke>('GET', lke(l)),
  mulai: (l: LingkupTahun, version: number) => request<LembarLke>('POST', `${lke(l)}/mulai`, { version } satisfies MulaiLkeBody),
  simpanJawaban: (l: LingkupTahun, kode: string, body: SimpanJawabanBody) => request<HasilJawaban>('PUT', `${lke(l)}/jawaban/${enc(kode)}`, body),
  unggahBukti: (l: LingkupTahun, kode: string, file: File) => {
    const form = new FormData();
    form.append('berkas', file, file.name);
    return request<BerkasBukti>('POST', `${lke(l)}/jawaban/${enc(kode)}/bukti`, form);
  },
  hapusBukti: (l: LingkupTahun, id: string) => request<unknown>('DELETE', `${lke(l)}/bukti/${enc(id)}`),
  buktiUrl: (id: string) => `/api/bukti-lke/${enc(id)}`,
  langkah: (l: LingkupTahun, langkah: LangkahLke, body: LangkahBody) => request<LembarLke>('POST', `${lke(l)}/${langkah}`, body),
  lheUrl: (l: LingkupTahun, format: 'docx' | 'pdf') => `/api/pemda/${enc(l.pemda)}/opd/${enc(l.opd)}/tahun/${l.tahun}/dokumen/lhe?format=${format}`,
  daftarKriteria: (pemda: string) => request<DaftarKriteria>('GET', `${pemdaBase(pemda)}/lke/kriteria`),
  /** Loads a criteria version: the JSON file's parsed content is the body. */
  muatKriteria: (pemda: string, isi: unknown) => request<VersiKriteria>('POST', `${pemdaBase(pemda)}/lke/kriteria`, isi),
  rekap: (pemda: string, tahun: number) => request<RekapLke>('GET', `${pemdaBase(pemda)}/tahun/${tahun}/evaluasi/rekap`),
  rekapXlsxUrl: (pemda: string, tahun: number) => `${pemdaBase(pemda)}/tahun/${tahun}/evaluasi/rekap.xlsx`,
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
