/**
 * The e-SAKIP review package of an OPD-year: the seven documents the national review
 * (KemenPAN-RB's e-SAKIP review application) asks each agency to upload, in the review's order
 * and with its type codes, as PDF, and the manifest that names each file with its type, year,
 * OPD, title, size and SHA-256. What goes in and how it is named and described is here (pure);
 * loading, rendering and zipping are in src/exchange/paket-reviu.ts.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../dataset/schema.ts';
import { konteks, pkTerakhir } from '../measure/konteks.ts';
import type { JenisDokumen } from './jenis.ts';

export const FORMAT_MANIFEST = 'sikiper-paket-reviu';
export const VERSI_MANIFEST = 1;

/** The review's document types in its order; `jenis` is the SIKIPER document that fills it. */
export const ISI_PAKET_REVIU = [
  { kode: 'RENSTRA', jenis: 'renstra', judul: 'Rencana Strategis' },
  { kode: 'IKU', jenis: 'iku', judul: 'Indikator Kinerja Utama' },
  { kode: 'RENJA', jenis: 'renja', judul: 'Rencana Kerja' },
  { kode: 'PK', jenis: 'pk', judul: 'Perjanjian Kinerja' },
  { kode: 'RENCANA-AKSI', jenis: 'rencana-aksi', judul: 'Rencana Aksi' },
  { kode: 'LKJIP', jenis: 'lkjip', judul: 'Laporan Kinerja Instansi Pemerintah' },
  { kode: 'TINDAK-LANJUT-EVALUASI', jenis: 'tindak-lanjut', judul: 'Tindak Lanjut Hasil Evaluasi SAKIP' },
] as const satisfies ReadonlyArray<{ kode: string; jenis: JenisDokumen; judul: string }>;

export type IsiPaketReviu = (typeof ISI_PAKET_REVIU)[number];
export type KodeReviu = IsiPaketReviu['kode'];

/** `01-RENSTRA-disnakertrans-2023.pdf`: the order, the review's type code, the OPD and the year. */
export function namaBerkasReviu(isi: IsiPaketReviu, opd: string, tahun: number): string {
  return `${String(ISI_PAKET_REVIU.indexOf(isi) + 1).padStart(2, '0')}-${isi.kode}-${opd}-${tahun}.pdf`;
}

export function namaPaketReviu(pemda: string, opd: string, tahun: number): string {
  return `PAKET-REVIU-ESAKIP-${pemda}-${opd}-${tahun}.zip`;
}

/** The title of a document of the package as the manifest states it. */
export function judulReviu(d: Dataset, opd: string, tahun: number, isi: IsiPaketReviu): string {
  const k = konteks(d, opd, tahun);
  const nama = `${k.opd.nama} ${d.pemda.nama}`;
  if (isi.jenis === 'renstra') return `Rencana Strategis ${nama} Tahun ${k.renstra.periodeAwal}-${k.renstra.periodeAkhir}`;
  if (isi.jenis === 'pk') return `${pkTerakhir(k.data)?.nama ?? 'Perjanjian Kinerja'} ${nama} Tahun ${tahun}`;
  return `${isi.judul} ${nama} Tahun ${tahun}`;
}

export interface BerkasManifest {
  /** The review's document type code (RENSTRA, IKU, RENJA, PK, RENCANA-AKSI, LKJIP, TINDAK-LANJUT-EVALUASI). */
  jenis: KodeReviu;
  /** The SIKIPER document it is (`sikiper report <dokumen>`). */
  dokumen: JenisDokumen;
  tahun: number;
  opd: string;
  judul: string;
  namaBerkas: string;
  mime: string;
  /** Bytes. */
  ukuran: number;
  /** SHA-256 of the file, lowercase hex. */
  sha256: string;
  /** Narrative still to be written, marked "[Belum diisi: …]" in the document. */
  belumDiisi: string[];
}

export interface ManifestReviu {
  format: typeof FORMAT_MANIFEST;
  versi: typeof VERSI_MANIFEST;
  pemda: { slug: string; nama: string };
  opd: { slug: string; nama: string };
  tahun: number;
  /** When the package was made (ISO 8601, UTC). */
  dibuat: string;
  berkas: BerkasManifest[];
}

export function sha256(isi: Uint8Array): string {
  return createHash('sha256').update(isi).digest('hex');
}

export interface BerkasPaket {
  isi: IsiPaketReviu;
  data: Uint8Array;
  mime: string;
  belumDiisi: readonly string[];
}

export function susunManifest(d: Dataset, opd: string, tahun: number, dibuat: Date, berkas: readonly BerkasPaket[]): ManifestReviu {
  const k = konteks(d, opd, tahun);
  return {
    format: FORMAT_MANIFEST,
    versi: VERSI_MANIFEST,
    pemda: { slug: d.pemda.slug, nama: d.pemda.nama },
    opd: { slug: k.opd.slug, nama: k.opd.nama },
    tahun,
    dibuat: dibuat.toISOString(),
    berkas: berkas.map((b) => ({
      jenis: b.isi.kode,
      dokumen: b.isi.jenis,
      tahun,
      opd: k.opd.slug,
      judul: judulReviu(d, opd, tahun, b.isi),
      namaBerkas: namaBerkasReviu(b.isi, opd, tahun),
      mime: b.mime,
      ukuran: b.data.byteLength,
      sha256: sha256(b.data),
      belumDiisi: [...b.belumDiisi],
    })),
  };
}

/** `sha256sum -c` input: one "<hash>  <name>" line per file. */
export function teksSha256Sums(m: ManifestReviu): string {
  return m.berkas.map((b) => `${b.sha256}  ${b.namaBerkas}\n`).join('');
}
