/**
 * The open-data tables of a published OPD-year (docs/open-data.md): their stable names, their
 * columns, and their CSV and JSON forms. Figures are exact values rounded as the LKJIP prints
 * them (2 decimals for percentages, whole rupiah), written with a decimal point; a figure that
 * cannot be given is an empty CSV cell and JSON null. No table has a person's name or NIP.
 */
import type { Dataset } from '../dataset/schema.ts';
import { toJson, type Nilai } from '../engine/index.ts';
import type { LaporanAnggaran } from '../measure/anggaran.ts';
import type { LaporanCapaian } from '../measure/capaian.ts';

export const TABEL = ['capaian-sasaran', 'capaian-iku', 'iku-kabupaten', 'anggaran-program'] as const;
export type NamaTabel = (typeof TABEL)[number];

export const JUDUL_TABEL: Record<NamaTabel, string> = {
  'capaian-sasaran': 'Capaian kinerja per sasaran strategis',
  'capaian-iku': 'Target, realisasi dan capaian Indikator Kinerja Utama (IKU)',
  'iku-kabupaten': 'Indikator Kinerja Utama daerah (IKU Kabupaten) yang diampu OPD',
  'anggaran-program': 'Pagu, realisasi dan serapan anggaran per program, kegiatan dan sub kegiatan',
};

export type Sel = string | number | null;

export interface Kolom {
  nama: string;
  /** What the column holds, for the catalogue and docs. */
  uraian: string;
}

export interface Tabel {
  kolom: Kolom[];
  baris: Sel[][];
}

const n = (x: Nilai): number | null => toJson(x, 2);

export function susunTabel(nama: NamaTabel, cap: LaporanCapaian, ang: LaporanAnggaran): Tabel {
  switch (nama) {
    case 'capaian-sasaran':
      return {
        kolom: [
          { nama: 'nomor', uraian: 'nomor sasaran strategis' },
          { nama: 'kode', uraian: 'kode sasaran di Renstra' },
          { nama: 'sasaran', uraian: 'uraian sasaran strategis' },
          { nama: 'capaian_persen', uraian: 'capaian kinerja sasaran (rata-rata capaian indikatornya), persen' },
          { nama: 'predikat', uraian: 'predikat menurut skala pemda' },
          { nama: 'capaian_tahun_lalu_persen', uraian: 'capaian tahun sebelumnya (kosong bila tahun itu belum disahkan), persen' },
        ],
        baris: cap.sasaran.map((s) => [s.nomor, s.kode, s.uraian, n(s.capaian), s.predikat ?? null, n(s.capaianLalu)]),
      };
    case 'capaian-iku':
      return {
        kolom: [
          { nama: 'sasaran_nomor', uraian: 'nomor sasaran strategis' },
          { nama: 'kode', uraian: 'kode indikator' },
          { nama: 'indikator', uraian: 'nama indikator' },
          { nama: 'satuan', uraian: 'satuan' },
          { nama: 'target', uraian: 'target tahun ini' },
          { nama: 'sumber_target', uraian: 'pk (Perjanjian Kinerja terakhir) atau renstra' },
          { nama: 'realisasi', uraian: 'realisasi tahun ini (hanya isian yang disetujui)' },
          { nama: 'capaian_persen', uraian: 'capaian, persen' },
          { nama: 'predikat', uraian: 'predikat menurut skala pemda' },
        ],
        baris: cap.sasaran.flatMap((s) =>
          s.indikator.map((i) => [s.nomor, i.kode, i.nama, i.satuan, n(i.target.nilai), i.target.sumber, n(i.realisasi.nilai), n(i.capaian), i.predikat ?? null]),
        ),
      };
    case 'iku-kabupaten':
      return {
        kolom: [
          { nama: 'kode', uraian: 'kode indikator daerah (RPJMD)' },
          { nama: 'indikator', uraian: 'nama indikator' },
          { nama: 'satuan', uraian: 'satuan' },
          { nama: 'polaritas', uraian: 'positif (makin tinggi makin baik) atau negatif' },
          { nama: 'target', uraian: 'target tahun ini' },
          { nama: 'realisasi', uraian: 'realisasi tahun ini' },
          { nama: 'realisasi_tahun_lalu', uraian: 'realisasi tahun sebelumnya' },
          { nama: 'capaian_persen', uraian: 'capaian, persen' },
          { nama: 'predikat', uraian: 'predikat menurut skala pemda' },
        ],
        baris: cap.ikuDaerah.map((i) => [i.kode, i.nama, i.satuan, i.polaritas, n(i.target), n(i.realisasi), n(i.realisasiLalu), n(i.capaian), i.predikat ?? null]),
      };
    case 'anggaran-program':
      return {
        kolom: [
          { nama: 'kode', uraian: 'kode program, kegiatan atau sub kegiatan' },
          { nama: 'tingkat', uraian: 'program, kegiatan atau subkegiatan' },
          { nama: 'nama', uraian: 'nomenklatur' },
          { nama: 'pagu_rupiah', uraian: 'pagu DPA terakhir, rupiah' },
          { nama: 'realisasi_rupiah', uraian: 'realisasi, rupiah' },
          { nama: 'serapan_persen', uraian: 'realisasi dibagi pagu, persen' },
        ],
        baris: ang.baris.map((b) => [b.kode, b.level, b.nama, b.pagu, b.realisasi, n(b.serapan)]),
      };
  }
}

function selCsv(x: Sel): string {
  if (x === null) return '';
  const s = String(x);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: comma separated, CRLF line ends, a header row, UTF-8 without BOM. */
export function tulisCsv(t: Tabel): string {
  return [t.kolom.map((k) => k.nama), ...t.baris].map((r) => r.map(selCsv).join(',')).join('\r\n') + '\r\n';
}

export interface MetaTabel {
  pemda: string;
  opd: string;
  tahun: number;
  tabel: NamaTabel;
  disahkan: string;
  lisensi: { nama: string; url: string };
}

export function tulisJson(t: Tabel, meta: MetaTabel) {
  return {
    ...meta,
    judul: JUDUL_TABEL[meta.tabel],
    kolom: t.kolom,
    baris: t.baris.map((r) => Object.fromEntries(t.kolom.map((k, i) => [k.nama, r[i] ?? null]))),
  };
}

/** The published years' capaian per IKU and their mean, for the trend. */
export interface TrenIku {
  tahun: number[];
  iku: Array<{ kode: string; nama: string; capaian: Array<number | null> }>;
  rataRata: Array<number | null>;
}

export function susunTren(perTahun: ReadonlyArray<{ tahun: number; cap: LaporanCapaian }>): TrenIku {
  const iku = new Map<string, { kode: string; nama: string; capaian: Array<number | null> }>();
  perTahun.forEach(({ cap }, idx) => {
    for (const i of cap.sasaran.flatMap((s) => s.indikator)) {
      const e = iku.get(i.kode) ?? { kode: i.kode, nama: i.nama, capaian: perTahun.map(() => null) };
      e.capaian[idx] = n(i.capaian);
      iku.set(i.kode, e);
    }
  });
  return { tahun: perTahun.map((x) => x.tahun), iku: [...iku.values()], rataRata: perTahun.map((x) => n(x.cap.rataRata.capaian)) };
}

/** The OPD of a dataset by slug, for names. */
export function namaOpd(d: Dataset, slug: string): string {
  return d.opd.find((o) => o.slug === slug)?.nama ?? slug;
}
