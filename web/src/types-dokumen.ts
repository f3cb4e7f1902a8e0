/** Shapes of the document routes (GET .../dokumen, .../dokumen/:jenis, .../pratinjau) as the browser sees them. */

export type JenisDokumen = 'lkjip' | 'pk' | 'triwulan';
export type FormatDokumen = 'docx' | 'pdf' | 'xlsx';

export interface DaftarDokumen {
  dokumen: Array<{ jenis: JenisDokumen; format: FormatDokumen[] }>;
  pk: Array<{ versi: number; nama: string; tanggal: string | null }>;
}

export interface SelPratinjau {
  teks: string;
  ref?: string;
  tebal?: boolean;
  lebar?: number;
  rata?: 'kanan';
}

export interface TabelPratinjau {
  id: string;
  judul: string;
  kepala: string[];
  baris: SelPratinjau[][];
}

export interface JejakEntri {
  aksi: 'isi' | 'ajukan' | 'verifikasi' | 'setujui' | 'tolak';
  oleh: string;
  pada: string;
  komentar?: string;
}

export interface EntriSumber {
  triwulan: number | null;
  targetTriwulan: number | null;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  hasil: string;
  status: 'kosong' | 'draf' | 'diajukan' | 'ditolak' | 'diverifikasi' | 'disetujui';
  dihitung: boolean;
  keterangan: string | null;
  jejak: JejakEntri[];
}

interface Ukuran {
  target: string;
  realisasi: string;
  capaian: string;
}

export type Sumber =
  | {
      jenis: 'indikator';
      kode: string;
      nama: string;
      satuan: string;
      sasaran: { nomor: number; uraian: string };
      polaritas: 'positif' | 'negatif';
      agregasi: 'jumlah' | 'akhir' | 'rata-rata' | 'rasio';
      caraAgregasi: string;
      desimal: number;
      formula: { teks: string; pembilang: string | null; penyebut: string | null; pengali: number } | null;
      sumberData: string | null;
      penanggungJawab: string[];
      aturanCapaian: string;
      sumberTarget: 'pk' | 'renstra' | 'tidak-ada';
      tahunIni: Ukuran & { predikat: string | null; realisasiSebelumPembulatan: string };
      tahunLalu: Ukuran;
      targetAkhirRenstra: { target: string; capaian: string };
      entri: EntriSumber[];
    }
  | {
      jenis: 'sasaran';
      kode: string;
      nomor: number;
      uraian: string;
      capaian: string;
      predikat: string | null;
      capaianTahunLalu: string;
      cara: string;
      indikator: Array<{ ref: string; nama: string; capaian: string; capaianTahunLalu: string }>;
    }
  | { jenis: 'rata-rata'; capaian: string; predikat: string | null; cara: string; sasaran: Array<{ ref: string; nomor: number; capaian: string }> }
  | { jenis: 'anggaran'; kode: string; nama: string; level: string; pagu: string; realisasi: string; sisa: string; serapan: string; dokumen: string; cara: string }
  | { jenis: 'efisiensi'; nomor: number | null; uraian: string; capaianKinerja: string; serapan: string; efisiensi: string; cara: string; program: Array<{ ref: string; nama: string; serapan: string }> };

export interface Pratinjau {
  pemda: string;
  opd: { slug: string; nama: string };
  tahun: number;
  skala: { nama: string; bands: Array<{ min: number; label: string; warna: string | null }> };
  tabel: TabelPratinjau[];
  sumber: Record<string, Sumber>;
  narasi: Array<{ judul: string; isi: string[] }>;
  belumDiisi: Array<{ bagian: string; teks: string }>;
}

export interface PermintaanUnduh {
  jenis: JenisDokumen;
  format: FormatDokumen;
  versi?: number;
  triwulan?: number;
}

/** A document job (POST …/dokumen/:jenis/tugas, GET /api/pemda/:pemda/tugas/:id). */
export interface TugasDokumen {
  id: string;
  status: 'antre' | 'berjalan' | 'selesai' | 'gagal';
  /** Place in the queue, 1 = next; null when not waiting. */
  posisi: number | null;
  galat?: { error: string; message?: string };
}

/** Where a download is: waiting in the server's queue, being built, or being received (0..1). */
export type KemajuanUnduh = { tahap: 'antre'; posisi: number } | { tahap: 'menyusun' } | { tahap: 'menerima'; bagian: number };

export interface BerkasUnduhan {
  blob: Blob;
  nama: string;
}
