/** Shapes of the SIKIPER HTTP API as the browser sees them (see the API section of the brief in docs). */

export type Peran = 'admin-pemda' | 'perencana' | 'kepala-unit' | 'kepala-opd' | 'keuangan' | 'inspektorat' | 'pimpinan';

export interface PenugasanPeran {
  peran: Peran;
  opd?: string;
  unit?: string;
}

export interface Me {
  id: string | number;
  username: string;
  nama: string;
  pemda: { slug: string; nama: string };
  peran: PenugasanPeran[];
  csrfToken: string;
}

export interface Opd {
  slug: string;
  nama: string;
}

export type StatusAngka = 'belum-diisi' | 'tidak-dapat-dihitung';

export interface PengukuranJson {
  target: number | null;
  targetStatus?: StatusAngka;
  realisasi: number | null;
  realisasiStatus?: StatusAngka;
  predikatRealisasi?: string;
  capaian: number | null;
  capaianStatus?: StatusAngka;
  predikat: string | null;
}

export interface IndikatorCapaianJson extends PengukuranJson {
  kode: string;
  nama: string;
  satuan: string;
  /** Computed from registers: the dashboard offers its explanation. */
  dariRegister?: boolean;
  sumberTarget?: string;
  tahunLalu?: PengukuranJson;
  targetAkhirRenstra?: { target: number | null; capaian: number | null };
}

export interface SasaranCapaianJson {
  nomor: number;
  kode: string;
  uraian: string;
  capaian: number | null;
  capaianStatus?: StatusAngka;
  predikat: string | null;
  capaianTahunLalu: number | null;
  capaianTahunLaluStatus?: StatusAngka;
  capaianTargetAkhirRenstra: number | null;
  indikator: IndikatorCapaianJson[];
  /** Programs and kegiatan supporting the sasaran, with their Renja indicators. */
  program?: Array<{
    kode: string;
    level: string;
    nama: string;
    indikator: Array<{
      kode: string;
      nama: string;
      satuan: string | null;
      target: number | null;
      targetStatus?: StatusAngka;
      realisasi: number | null;
      realisasiStatus?: StatusAngka;
      capaian: number | null;
      capaianStatus?: StatusAngka;
    }>;
  }>;
}

export interface CapaianJson {
  pemda: string;
  opd: string;
  tahun: number;
  skala: string;
  sasaran: SasaranCapaianJson[];
  rataRata: { capaian: number | null; capaianStatus?: StatusAngka; predikat: string | null };
}

export interface ProgramAnggaranJson {
  kode: string;
  nama: string;
  pagu: number;
  realisasi: number;
  serapan: number | null;
  serapanStatus?: StatusAngka;
}

export interface SasaranAnggaranJson {
  nomor: number;
  kode: string;
  uraian: string;
  program: ProgramAnggaranJson[];
  capaianKinerja: number | null;
  capaianKinerjaStatus?: StatusAngka;
  serapanRataRataProgram: number | null;
  serapanTertimbang: number | null;
  efisiensi: number | null;
  efisiensiStatus?: StatusAngka;
}

export interface AnggaranJson {
  pemda: string;
  opd: string;
  tahun: number;
  versi: string | null;
  total: { pagu: number; realisasi: number; sisa: number; serapan: number | null; serapanStatus?: StatusAngka; predikat: string | null };
  baris: Array<{ kode: string; level: string; nama: string; pagu: number; realisasi: number; serapan: number | null; serapanStatus?: StatusAngka }>;
  sasaran: SasaranAnggaranJson[];
  rataRata: { capaianKinerja: number | null; efisiensi: number | null; serapanRataRataProgram: number | null };
}

export interface ProgresUnit {
  kode: string;
  nama: string;
  total: number;
  terisi: number;
  diajukan: number;
  diverifikasi: number;
  disetujui: number;
  kepala?: string;
}

export interface Dashboard {
  /** The pemda's rating scale (settings); absent from older servers. */
  skala?: { nama: string; bands: Array<{ min: number; label: string; warna?: string }> };
  capaian: CapaianJson;
  anggaran: AnggaranJson;
  progres: Array<{ triwulan: number; unit: ProgresUnit[] }>;
}

export type StatusEntri = 'kosong' | 'draf' | 'diajukan' | 'ditolak' | 'diverifikasi' | 'disetujui';

export interface Formula {
  teks: string;
  pembilang: string;
  penyebut: string;
  pengali: number;
}

export interface Komentar {
  oleh: string;
  pada: string;
  aksi: string;
  teks: string;
}

export interface Entri {
  kode: string;
  nama: string;
  satuan: string;
  jenis: 'renstra' | 'renja';
  unit: string[];
  formula: Formula | null;
  target: number | null;
  targetTriwulan: number | null;
  nilai: number | null;
  pembilang: number | null;
  penyebut: number | null;
  keterangan: string | null;
  bukti: Array<{ id: string | number; nama: string }>;
  status: StatusEntri;
  version: number;
  komentar: Komentar[];
  bolehUbah: boolean;
  bolehVerifikasi: boolean;
  bolehSetujui: boolean;
  /** Sent by the server alongside the flags above; older answers may lack them. */
  bolehAjukan?: boolean;
  bolehTolak?: boolean;
}

export interface DaftarEntri {
  terkunci: boolean;
  alasan?: string;
  tenggat?: string;
  indikator: Entri[];
}

export interface Riwayat {
  oleh: string;
  pada: string;
  field: string;
  lama: unknown;
  baru: unknown;
}

export type Triwulan = 1 | 2 | 3 | 4;
