/**
 * Word lists the synthetic generator builds names from: perangkat daerah with their
 * nomenclature codes (Kepmendagri 050-5889/2021), the standard kegiatan of the "Program
 * Penunjang Urusan Pemerintahan Daerah" that every OPD carries, templates for the other
 * programs, and Indonesian personal and place names.
 *
 * The lists are deliberately plain: they only need to look like real data to a reader of a
 * generated report and to give the database realistic string lengths.
 */

export interface TemplateOpd {
  /** Bidang urusan code, e.g. 1.02 for Kesehatan. */
  bidangUrusan: string;
  nama: string;
  singkatan: string;
  slug: string;
  /** Title of the head, without the pemda ("Kepala Dinas Kesehatan", "Sekretaris Daerah"). */
  kepala: string;
  /** How its sub-units are called. */
  subUnit: 'Bidang' | 'Bagian' | 'Seksi' | 'Inspektur Pembantu';
  /** Subject areas the programs, bidang and indicators are named after. */
  objek: readonly string[];
}

const dinas = (bidangUrusan: string, nama: string, singkatan: string, slug: string, objek: string[]): TemplateOpd => ({
  bidangUrusan,
  nama,
  singkatan,
  slug,
  kepala: `Kepala ${nama}`,
  subUnit: 'Bidang',
  objek,
});

/** The perangkat daerah of a typical kabupaten, the larger ones first. */
export const TEMPLATE_OPD: readonly TemplateOpd[] = [
  dinas('1.01', 'Dinas Pendidikan', 'Disdik', 'dinas-pendidikan', ['Pendidikan Anak Usia Dini', 'Pendidikan Sekolah Dasar', 'Pendidikan Sekolah Menengah Pertama', 'Pendidikan Nonformal', 'Pendidik dan Tenaga Kependidikan', 'Kurikulum dan Penilaian']),
  dinas('1.02', 'Dinas Kesehatan', 'Dinkes', 'dinas-kesehatan', ['Pelayanan Kesehatan Masyarakat', 'Kesehatan Ibu dan Anak', 'Pencegahan dan Pengendalian Penyakit', 'Sumber Daya Manusia Kesehatan', 'Sediaan Farmasi dan Alat Kesehatan', 'Gizi Masyarakat']),
  {
    ...dinas('1.02', 'Rumah Sakit Umum Daerah', 'RSUD', 'rsud', ['Pelayanan Rawat Inap', 'Pelayanan Rawat Jalan', 'Pelayanan Gawat Darurat', 'Penunjang Medik', 'Mutu Pelayanan Rumah Sakit']),
    kepala: 'Direktur Rumah Sakit Umum Daerah',
  },
  dinas('1.03', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR', 'dinas-pupr', ['Jalan dan Jembatan', 'Sumber Daya Air', 'Penataan Ruang', 'Air Minum', 'Sanitasi dan Drainase', 'Jasa Konstruksi']),
  dinas('1.04', 'Dinas Perumahan dan Kawasan Permukiman', 'Disperkim', 'dinas-perkim', ['Kawasan Permukiman', 'Perumahan Rakyat', 'Prasarana, Sarana dan Utilitas Umum', 'Rumah Tidak Layak Huni']),
  { ...dinas('1.05', 'Satuan Polisi Pamong Praja', 'Satpol PP', 'satpol-pp', ['Ketenteraman dan Ketertiban Umum', 'Penegakan Peraturan Daerah', 'Perlindungan Masyarakat']) },
  dinas('1.05', 'Badan Penanggulangan Bencana Daerah', 'BPBD', 'bpbd', ['Pencegahan dan Kesiapsiagaan Bencana', 'Kedaruratan dan Logistik', 'Rehabilitasi dan Rekonstruksi']),
  dinas('1.05', 'Dinas Pemadam Kebakaran dan Penyelamatan', 'Damkar', 'dinas-damkar', ['Pencegahan Kebakaran', 'Pemadaman dan Penyelamatan', 'Sarana Prasarana Pemadam Kebakaran']),
  dinas('1.06', 'Dinas Sosial', 'Dinsos', 'dinas-sosial', ['Rehabilitasi Sosial', 'Perlindungan dan Jaminan Sosial', 'Pemberdayaan Sosial', 'Penanganan Fakir Miskin']),
  dinas('2.07', 'Dinas Tenaga Kerja', 'Disnaker', 'dinas-tenaga-kerja', ['Pelatihan Kerja dan Produktivitas', 'Penempatan Tenaga Kerja', 'Hubungan Industrial', 'Perencanaan Tenaga Kerja']),
  dinas('2.08', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'DP3A', 'dinas-p3a', ['Pengarusutamaan Gender', 'Perlindungan Perempuan', 'Perlindungan Khusus Anak', 'Pemenuhan Hak Anak']),
  dinas('2.09', 'Dinas Ketahanan Pangan', 'DKP', 'dinas-ketahanan-pangan', ['Ketersediaan Pangan', 'Distribusi dan Cadangan Pangan', 'Keanekaragaman dan Keamanan Pangan']),
  dinas('2.10', 'Dinas Pertanahan', 'Distanah', 'dinas-pertanahan', ['Penyelesaian Sengketa Tanah', 'Pengadaan Tanah', 'Redistribusi Tanah']),
  dinas('2.11', 'Dinas Lingkungan Hidup', 'DLH', 'dinas-lingkungan-hidup', ['Pengelolaan Persampahan', 'Pengendalian Pencemaran', 'Keanekaragaman Hayati', 'Pengelolaan Limbah B3', 'Penaatan Lingkungan']),
  dinas('2.12', 'Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil', 'dinas-dukcapil', ['Pendaftaran Penduduk', 'Pencatatan Sipil', 'Informasi Administrasi Kependudukan', 'Profil Kependudukan']),
  dinas('2.13', 'Dinas Pemberdayaan Masyarakat dan Desa', 'DPMD', 'dinas-pmd', ['Penataan Desa', 'Administrasi Pemerintahan Desa', 'Lembaga Kemasyarakatan Desa', 'Kerja Sama Desa']),
  dinas('2.14', 'Dinas Pengendalian Penduduk dan Keluarga Berencana', 'DPPKB', 'dinas-ppkb', ['Pengendalian Penduduk', 'Keluarga Berencana', 'Pembangunan Keluarga', 'Penyuluhan dan Penggerakan']),
  dinas('2.15', 'Dinas Perhubungan', 'Dishub', 'dinas-perhubungan', ['Lalu Lintas Angkutan Jalan', 'Pelayaran', 'Keselamatan Transportasi', 'Terminal dan Perparkiran']),
  dinas('2.16', 'Dinas Komunikasi dan Informatika', 'Diskominfo', 'dinas-kominfo', ['Informasi dan Komunikasi Publik', 'Aplikasi Informatika', 'Persandian', 'Statistik Sektoral']),
  dinas('2.17', 'Dinas Koperasi dan Usaha Mikro', 'Diskop UM', 'dinas-koperasi', ['Kelembagaan Koperasi', 'Pemberdayaan Usaha Mikro', 'Pengawasan Koperasi']),
  dinas('2.18', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP', 'dinas-pmptsp', ['Pelayanan Perizinan', 'Promosi Penanaman Modal', 'Pengendalian Penanaman Modal', 'Data dan Sistem Informasi Penanaman Modal']),
  dinas('2.19', 'Dinas Pemuda dan Olahraga', 'Dispora', 'dinas-pemuda-olahraga', ['Kepemudaan', 'Keolahragaan', 'Kepramukaan']),
  dinas('2.22', 'Dinas Kebudayaan', 'Disbud', 'dinas-kebudayaan', ['Pelestarian Cagar Budaya', 'Kesenian Tradisional', 'Sejarah dan Permuseuman']),
  dinas('2.23', 'Dinas Perpustakaan dan Kearsipan', 'Dispusip', 'dinas-perpustakaan', ['Perpustakaan', 'Kearsipan', 'Pembudayaan Gemar Membaca']),
  dinas('3.25', 'Dinas Perikanan', 'Diskan', 'dinas-perikanan', ['Perikanan Tangkap', 'Perikanan Budidaya', 'Pengolahan dan Pemasaran Hasil Perikanan']),
  dinas('3.26', 'Dinas Pariwisata', 'Dispar', 'dinas-pariwisata', ['Daya Tarik Wisata', 'Pemasaran Pariwisata', 'Ekonomi Kreatif', 'Sumber Daya Pariwisata']),
  dinas('3.27', 'Dinas Pertanian', 'Distan', 'dinas-pertanian', ['Tanaman Pangan', 'Hortikultura', 'Perkebunan', 'Peternakan dan Kesehatan Hewan', 'Penyuluhan Pertanian', 'Prasarana dan Sarana Pertanian']),
  dinas('3.30', 'Dinas Perdagangan', 'Disdag', 'dinas-perdagangan', ['Sarana Distribusi Perdagangan', 'Stabilisasi Harga Barang Kebutuhan Pokok', 'Metrologi Legal', 'Perlindungan Konsumen']),
  dinas('3.31', 'Dinas Perindustrian', 'Disperin', 'dinas-perindustrian', ['Industri Kecil dan Menengah', 'Sumber Daya Industri', 'Perwilayahan Industri']),
  {
    ...dinas('4.01', 'Sekretariat Daerah', 'Setda', 'sekretariat-daerah', ['Pemerintahan dan Kesejahteraan Rakyat', 'Perekonomian dan Pembangunan', 'Administrasi Umum', 'Hukum', 'Organisasi']),
    kepala: 'Sekretaris Daerah',
    subUnit: 'Bagian',
  },
  { ...dinas('4.02', 'Sekretariat DPRD', 'Setwan', 'sekretariat-dprd', ['Fasilitasi Tugas DPRD', 'Persidangan dan Perundang-undangan', 'Keuangan DPRD']), kepala: 'Sekretaris DPRD', subUnit: 'Bagian' },
  dinas('5.01', 'Badan Perencanaan Pembangunan Daerah', 'Bappeda', 'bappeda', ['Perencanaan Pembangunan Daerah', 'Pengendalian dan Evaluasi Pembangunan', 'Penelitian dan Pengembangan Daerah', 'Data dan Informasi Pembangunan']),
  dinas('5.02', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD', 'bpkad', ['Anggaran Daerah', 'Perbendaharaan', 'Akuntansi dan Pelaporan', 'Barang Milik Daerah']),
  dinas('5.02', 'Badan Pendapatan Daerah', 'Bapenda', 'bapenda', ['Pajak Daerah', 'Retribusi Daerah', 'Pengendalian dan Evaluasi Pendapatan']),
  dinas('5.03', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'BKPSDM', 'bkpsdm', ['Pengadaan dan Informasi Kepegawaian', 'Mutasi dan Promosi Aparatur', 'Pengembangan Kompetensi Aparatur', 'Penilaian Kinerja Aparatur']),
  { ...dinas('6.01', 'Inspektorat', 'Itkab', 'inspektorat', ['Pengawasan Pemerintahan', 'Pengawasan Keuangan dan Aset', 'Pengawasan Kinerja', 'Pencegahan Korupsi']), kepala: 'Inspektur', subUnit: 'Inspektur Pembantu' },
  dinas('8.01', 'Badan Kesatuan Bangsa dan Politik', 'Kesbangpol', 'kesbangpol', ['Wawasan Kebangsaan', 'Ketahanan Ekonomi, Sosial dan Budaya', 'Politik Dalam Negeri', 'Organisasi Kemasyarakatan']),
];

export const OBJEK_KECAMATAN: readonly string[] = ['Pemerintahan Kecamatan', 'Pemberdayaan Masyarakat Desa', 'Ketenteraman dan Ketertiban Umum', 'Pelayanan Umum'];
export const OBJEK_BIRO: readonly string[] = ['Administrasi Pemerintahan', 'Administrasi Pembangunan', 'Kesejahteraan Rakyat', 'Pengadaan Barang dan Jasa'];

export interface SubStandar {
  /** Last four digits of the sub kegiatan code. */
  nomor: number;
  nama: string;
  indikator: string;
  satuan: string;
  /** Typical yearly target. */
  target: readonly [number, number];
}

export interface KegiatanStandar {
  /** Kegiatan number in the code (2.01 ... 2.09). */
  nomor: number;
  nama: string;
  indikator: string;
  sub: readonly SubStandar[];
}

/** The kegiatan and sub kegiatan of the support program, common to every OPD. */
export const KEGIATAN_PENUNJANG: readonly KegiatanStandar[] = [
  {
    nomor: 1,
    nama: 'Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah',
    indikator: 'Persentase Dokumen Perencanaan dan Evaluasi Kinerja yang Tersusun Tepat Waktu',
    sub: [
      { nomor: 1, nama: 'Penyusunan Dokumen Perencanaan Perangkat Daerah', indikator: 'Jumlah Dokumen Perencanaan Perangkat Daerah', satuan: 'Dokumen', target: [2, 4] },
      { nomor: 2, nama: 'Koordinasi dan Penyusunan Dokumen RKA-SKPD', indikator: 'Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD', satuan: 'Dokumen', target: [1, 2] },
      { nomor: 4, nama: 'Koordinasi dan Penyusunan DPA-SKPD', indikator: 'Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD', satuan: 'Dokumen', target: [1, 2] },
      { nomor: 6, nama: 'Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', indikator: 'Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD', satuan: 'Laporan', target: [1, 4] },
      { nomor: 7, nama: 'Evaluasi Kinerja Perangkat Daerah', indikator: 'Jumlah Laporan Evaluasi Kinerja Perangkat Daerah', satuan: 'Laporan', target: [2, 4] },
    ],
  },
  {
    nomor: 2,
    nama: 'Administrasi Keuangan Perangkat Daerah',
    indikator: 'Persentase Pemenuhan Administrasi Keuangan Perangkat Daerah',
    sub: [
      { nomor: 1, nama: 'Penyediaan Gaji dan Tunjangan ASN', indikator: 'Jumlah Orang yang Menerima Gaji dan Tunjangan ASN', satuan: 'Orang/Bulan', target: [12, 14] },
      { nomor: 2, nama: 'Penyediaan Administrasi Pelaksanaan Tugas ASN', indikator: 'Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN', satuan: 'Dokumen', target: [4, 24] },
      { nomor: 3, nama: 'Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD', indikator: 'Jumlah Dokumen Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD', satuan: 'Dokumen', target: [12, 12] },
      { nomor: 7, nama: 'Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD', indikator: 'Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD', satuan: 'Laporan', target: [12, 18] },
    ],
  },
  {
    nomor: 3,
    nama: 'Administrasi Barang Milik Daerah pada Perangkat Daerah',
    indikator: 'Persentase Barang Milik Daerah yang Tertib Administrasi',
    sub: [
      { nomor: 6, nama: 'Penatausahaan Barang Milik Daerah pada SKPD', indikator: 'Jumlah Laporan Penatausahaan Barang Milik Daerah pada SKPD', satuan: 'Laporan', target: [2, 4] },
      { nomor: 2, nama: 'Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD', indikator: 'Jumlah Laporan Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD', satuan: 'Laporan', target: [2, 4] },
    ],
  },
  {
    nomor: 5,
    nama: 'Administrasi Kepegawaian Perangkat Daerah',
    indikator: 'Persentase Pemenuhan Administrasi Kepegawaian',
    sub: [
      { nomor: 2, nama: 'Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya', indikator: 'Jumlah Paket Pakaian Dinas Beserta Atribut Kelengkapan', satuan: 'Paket', target: [20, 120] },
      { nomor: 9, nama: 'Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi', indikator: 'Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan', satuan: 'Orang', target: [5, 40] },
    ],
  },
  {
    nomor: 6,
    nama: 'Administrasi Umum Perangkat Daerah',
    indikator: 'Persentase Pemenuhan Kebutuhan Administrasi Umum Perangkat Daerah',
    sub: [
      { nomor: 2, nama: 'Penyediaan Peralatan dan Perlengkapan Kantor', indikator: 'Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan', satuan: 'Paket', target: [1, 12] },
      { nomor: 4, nama: 'Penyediaan Bahan Logistik Kantor', indikator: 'Jumlah Paket Bahan Logistik Kantor yang Disediakan', satuan: 'Paket', target: [1, 12] },
      { nomor: 5, nama: 'Penyediaan Barang Cetakan dan Penggandaan', indikator: 'Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan', satuan: 'Paket', target: [1, 12] },
      { nomor: 9, nama: 'Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', indikator: 'Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD', satuan: 'Laporan', target: [12, 48] },
    ],
  },
  {
    nomor: 7,
    nama: 'Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah',
    indikator: 'Persentase Pemenuhan Sarana dan Prasarana Kantor',
    sub: [
      { nomor: 2, nama: 'Pengadaan Kendaraan Dinas Operasional atau Lapangan', indikator: 'Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang Disediakan', satuan: 'Unit', target: [1, 3] },
      { nomor: 5, nama: 'Pengadaan Mebel', indikator: 'Jumlah Paket Mebel yang Disediakan', satuan: 'Paket', target: [1, 20] },
      { nomor: 6, nama: 'Pengadaan Peralatan dan Mesin Lainnya', indikator: 'Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan', satuan: 'Unit', target: [1, 30] },
    ],
  },
  {
    nomor: 8,
    nama: 'Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah',
    indikator: 'Persentase Pemenuhan Jasa Penunjang Urusan Pemerintahan Daerah',
    sub: [
      { nomor: 1, nama: 'Penyediaan Jasa Surat Menyurat', indikator: 'Jumlah Laporan Penyediaan Jasa Surat Menyurat', satuan: 'Laporan', target: [12, 12] },
      { nomor: 2, nama: 'Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik', indikator: 'Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan', satuan: 'Laporan', target: [12, 12] },
      { nomor: 4, nama: 'Penyediaan Jasa Pelayanan Umum Kantor', indikator: 'Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan', satuan: 'Laporan', target: [12, 12] },
    ],
  },
  {
    nomor: 9,
    nama: 'Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah',
    indikator: 'Persentase Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah dalam Kondisi Baik',
    sub: [
      { nomor: 2, nama: 'Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan Dinas Operasional atau Lapangan', indikator: 'Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan Dibayarkan Pajak dan Perizinannya', satuan: 'Unit', target: [2, 25] },
      { nomor: 6, nama: 'Pemeliharaan Peralatan dan Mesin Lainnya', indikator: 'Jumlah Peralatan dan Mesin Lainnya yang Dipelihara', satuan: 'Unit', target: [5, 60] },
      { nomor: 9, nama: 'Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya', indikator: 'Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi', satuan: 'Unit', target: [1, 4] },
    ],
  },
];

/** Further support sub kegiatan, for OPDs whose support kegiatan have more than the standard ones above. */
export const SUB_PENUNJANG_LAIN: readonly string[] = [
  'Penyediaan Jasa Tenaga Pendukung Administrasi Perkantoran',
  'Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan',
  'Fasilitasi Kunjungan Tamu',
  'Penyediaan Jasa Kebersihan Kantor',
  'Penyediaan Jasa Keamanan Kantor',
  'Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai',
  'Pengelolaan Data dan Informasi Perangkat Daerah',
  'Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor',
];

export const KATA_PROGRAM: readonly string[] = ['Pengelolaan', 'Peningkatan', 'Pengembangan', 'Pembinaan', 'Penyelenggaraan', 'Pengendalian', 'Pemberdayaan', 'Penataan', 'Perlindungan', 'Pelayanan'];
export const KATA_KEGIATAN: readonly string[] = [
  'Penyediaan Layanan',
  'Pengelolaan',
  'Pembinaan',
  'Fasilitasi',
  'Koordinasi dan Sinkronisasi',
  'Pengembangan',
  'Penyelenggaraan',
  'Pengawasan',
  'Peningkatan Kapasitas',
  'Pendataan dan Evaluasi',
];
export const KUALIFIKASI_KEGIATAN: readonly string[] = ['Kewenangan Kabupaten', 'Tingkat Daerah', 'Lintas Sektor', 'Berbasis Masyarakat', 'Terpadu', 'Skala Kabupaten'];

/** A sub kegiatan's action and how its output indicator is counted. */
export interface AksiSub {
  kata: string;
  benda: readonly string[];
  /** Counted noun in the indicator name ("Jumlah Dokumen ..."). */
  satuan: string;
  target: readonly [number, number];
  kataIndikator: string;
}
export const AKSI_SUB: readonly AksiSub[] = [
  { kata: 'Pengadaan', benda: ['Sarana dan Prasarana', 'Peralatan Pendukung', 'Perlengkapan Operasional'], satuan: 'Unit', target: [2, 40], kataIndikator: 'yang Disediakan' },
  { kata: 'Pembangunan', benda: ['Sarana', 'Fasilitas', 'Prasarana'], satuan: 'Unit', target: [1, 8], kataIndikator: 'yang Dibangun' },
  { kata: 'Rehabilitasi', benda: ['Sarana', 'Fasilitas', 'Bangunan'], satuan: 'Unit', target: [1, 10], kataIndikator: 'yang Direhabilitasi' },
  { kata: 'Penyusunan', benda: ['Dokumen Perencanaan', 'Standar Pelayanan', 'Rancangan Regulasi', 'Profil dan Database'], satuan: 'Dokumen', target: [1, 6], kataIndikator: 'yang Tersusun' },
  { kata: 'Sosialisasi', benda: ['Kebijakan', 'Program', 'Regulasi'], satuan: 'Orang', target: [30, 600], kataIndikator: 'yang Mengikuti Sosialisasi' },
  { kata: 'Pelatihan', benda: ['Sumber Daya Manusia', 'Kader', 'Petugas Lapangan'], satuan: 'Orang', target: [20, 300], kataIndikator: 'yang Dilatih' },
  { kata: 'Bimbingan Teknis', benda: ['Pengelola', 'Aparatur', 'Pelaku Usaha'], satuan: 'Orang', target: [20, 200], kataIndikator: 'yang Mengikuti Bimbingan Teknis' },
  { kata: 'Monitoring dan Evaluasi', benda: ['Pelaksanaan Program', 'Kinerja Layanan', 'Pemanfaatan Bantuan'], satuan: 'Laporan', target: [2, 12], kataIndikator: 'yang Tersusun' },
  { kata: 'Pendampingan', benda: ['Kelompok Masyarakat', 'Desa', 'Lembaga'], satuan: 'Kelompok', target: [5, 80], kataIndikator: 'yang Didampingi' },
  { kata: 'Fasilitasi', benda: ['Kerja Sama', 'Kemitraan', 'Forum Koordinasi'], satuan: 'Kegiatan', target: [2, 24], kataIndikator: 'yang Difasilitasi' },
  { kata: 'Pengumpulan dan Pengolahan Data', benda: ['Data dan Informasi', 'Data Sektoral', 'Data Capaian'], satuan: 'Dokumen', target: [1, 12], kataIndikator: 'yang Tersedia' },
  { kata: 'Penyuluhan', benda: ['Masyarakat', 'Kelompok Sasaran', 'Keluarga'], satuan: 'Orang', target: [50, 2000], kataIndikator: 'yang Mendapatkan Penyuluhan' },
];

export const KUALITAS_SASARAN: readonly string[] = ['Kualitas', 'Cakupan', 'Kinerja', 'Akses dan Mutu', 'Efektivitas'];

export const SDGS: readonly string[] = [
  'Proporsi penduduk yang mendapatkan akses terhadap layanan dasar',
  'Prevalensi stunting pada anak di bawah lima tahun',
  'Proporsi rumah tangga dengan akses terhadap layanan sumber air minum layak',
  'Tingkat partisipasi angkatan kerja',
  'Proporsi perempuan yang berada di posisi managerial',
  'Persentase sampah perkotaan yang tertangani',
  'Proporsi peserta program jaminan sosial',
  'Jumlah desa yang menerapkan rencana pengurangan risiko bencana',
  'Proporsi anak umur 5-17 tahun yang terlibat dalam pekerja anak',
  'Proporsi layanan publik yang dapat diakses secara daring',
];

// ---------------------------------------------------------------- people and places

export const NAMA_LAKI: readonly string[] = [
  'Ahmad', 'Muhammad', 'Budi', 'Agus', 'Andi', 'Bambang', 'Dedi', 'Eko', 'Fajar', 'Hendra', 'Irwan', 'Joko', 'Rudi', 'Slamet',
  'Sutrisno', 'Yusuf', 'Hasan', 'Rahmat', 'Syamsul', 'Arif', 'Iwan', 'Darmawan', 'Teguh', 'Wahyu', 'Rizal', 'Hadi', 'Aditya',
  'Bayu', 'Baharuddin', 'Hamzah', 'Kamaluddin', 'Hanafi', 'Sulaiman', 'Fahmi', 'Taufik', 'Yudi', 'Suryadi', 'Abdul', 'Imam', 'Rusdi',
];
export const NAMA_PEREMPUAN: readonly string[] = [
  'Siti', 'Sri', 'Dewi', 'Ratna', 'Nur', 'Rina', 'Yuni', 'Lestari', 'Wulan', 'Fitri', 'Ani', 'Dian', 'Erni', 'Lisa', 'Maya',
  'Nurhayati', 'Rahmawati', 'Indah', 'Putri', 'Kartini', 'Dahlia', 'Decy', 'Mutia', 'Aisyah', 'Fatimah', 'Hartini', 'Yulianti', 'Rosita',
];
export const NAMA_KELUARGA: readonly string[] = [
  'Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Kurniawan', 'Setiawan', 'Pratama', 'Nugroho', 'Gunawan', 'Siregar', 'Nasution', 'Lubis',
  'Harahap', 'Simanjuntak', 'Sinaga', 'Hutapea', 'Tanjung', 'Sembiring', 'Ginting', 'Tarigan', 'Manurung', 'Mahmud', 'Rasyid',
  'Syahputra', 'Utomo', 'Susanto', 'Rahman', 'Firmansyah', 'Hakim', 'Effendi', 'Ramadhan', 'Permana', 'Azhari', 'Maulana', 'Anwar',
  'Kusuma', 'Hartono', 'Prasetyo', 'Wibowo', 'Sulistyo', 'Handayani', 'Pertiwi', 'Sari', 'Yusuf', 'Arifin',
];
export const GELAR_BELAKANG: readonly string[] = [
  'S.E.', 'S.Sos.', 'S.T.', 'S.H.', 'S.Pd.', 'S.Kom.', 'S.STP.', 'S.E., M.M.', 'S.T., M.T.', 'S.Sos., M.Si.', 'S.H., M.H.',
  'S.Pd., M.Pd.', 'S.STP., M.Si.', 'S.Kep., Ns.', 'S.P., M.P.', 'S.IP.', 'M.Si.', 'S.Ak.', 'S.KM., M.Kes.', 'S.AP.',
];

const AWALAN_TEMPAT = ['Tanjung', 'Sungai', 'Muara', 'Bukit', 'Batu', 'Long', 'Tanah', 'Padang', 'Pasir', 'Teluk', 'Lubuk', 'Kuala', 'Gunung', 'Rantau', 'Pulau', 'Karang'];
const AKAR_TEMPAT = ['Harapan', 'Jaya', 'Makmur', 'Indah', 'Raya', 'Baru', 'Sari', 'Mulia', 'Permai', 'Lestari', 'Sejahtera', 'Damai', 'Agung', 'Kencana', 'Putih', 'Merah', 'Hijau', 'Panjang', 'Tinggi', 'Besar', 'Kuning', 'Emas', 'Intan', 'Manis', 'Asri', 'Lama', 'Selatan', 'Utara', 'Timur', 'Barat'];
const SUKU_1 = ['Suka', 'Sumber', 'Mekar', 'Karang', 'Tegal', 'Banjar', 'Cipta', 'Wono', 'Sido', 'Tirta', 'Giri', 'Purwo', 'Sri', 'Kerta', 'Mulya'];
const SUKU_2 = ['maju', 'jaya', 'mulya', 'sari', 'rejo', 'harjo', 'agung', 'asri', 'makmur', 'wangi', 'mukti', 'raharja', 'kencana', 'tani', 'luhur'];

/** A plausible place name: "Tanjung Harapan" or "Sukamaju". */
export function namaTempat(pick: <T>(xs: readonly T[]) => T, duaKata: boolean): string {
  return duaKata ? `${pick(AWALAN_TEMPAT)} ${pick(AKAR_TEMPAT)}` : `${pick(SUKU_1)}${pick(SUKU_2)}`;
}

export const MISI: readonly string[] = [
  'Meningkatkan Kualitas Sumber Daya Manusia yang Berdaya Saing',
  'Mewujudkan Tata Kelola Pemerintahan yang Baik, Bersih dan Melayani',
  'Mengurangi Ketimpangan Antar Wilayah Melalui Peningkatan Aksesibilitas Infrastruktur yang Berwawasan Lingkungan',
  'Meningkatkan Pertumbuhan Ekonomi Daerah yang Inklusif Berbasis Potensi Lokal',
  'Mewujudkan Kehidupan Masyarakat yang Religius, Aman dan Berbudaya',
];

export const TUJUAN_RPJMD: readonly string[] = [
  'Meningkatkan Kualitas Hidup dan Kesejahteraan Masyarakat yang Merata',
  'Meningkatkan Akuntabilitas dan Kualitas Pelayanan Publik',
  'Meningkatkan Kualitas Layanan Infrastruktur dan Pengelolaan Lingkungan Hidup',
  'Meningkatkan Daya Saing Perekonomian Daerah',
  'Meningkatkan Ketenteraman, Ketertiban dan Kerukunan Masyarakat',
];

export const SASARAN_RPJMD: readonly (readonly [string, string, string, 'positif' | 'negatif', number])[] = [
  // uraian, indikator, satuan, polaritas, nilai awal
  ['Meningkatnya Kualitas Pendidikan dan Kesehatan Masyarakat', 'Indeks Pembangunan Manusia', 'Indeks', 'positif', 71.5],
  ['Meningkatnya Kesejahteraan Masyarakat', 'Tingkat Pengangguran Terbuka', '%', 'negatif', 5.2],
  ['Menurunnya Angka Kemiskinan', 'Persentase Penduduk Miskin', '%', 'negatif', 9.8],
  ['Meningkatnya Akuntabilitas Kinerja Pemerintah Daerah', 'Nilai SAKIP Pemerintah Daerah', 'Nilai', 'positif', 62.5],
  ['Meningkatnya Kualitas Pelayanan Publik', 'Indeks Kepuasan Masyarakat', 'Indeks', 'positif', 78],
  ['Meningkatnya Kualitas Infrastruktur Wilayah', 'Persentase Jalan Kabupaten dalam Kondisi Mantap', '%', 'positif', 61],
  ['Meningkatnya Kualitas Lingkungan Hidup', 'Indeks Kualitas Lingkungan Hidup', 'Indeks', 'positif', 68.4],
  ['Meningkatnya Pertumbuhan Ekonomi Daerah', 'Laju Pertumbuhan Ekonomi', '%', 'positif', 4.1],
  ['Meningkatnya Ketahanan Pangan Daerah', 'Skor Pola Pangan Harapan', 'Skor', 'positif', 82.3],
  ['Terwujudnya Ketenteraman dan Ketertiban Umum', 'Persentase Penegakan Peraturan Daerah', '%', 'positif', 70],
];

export const ANGKA_ROMAWI: readonly string[] = ['I', 'II', 'III', 'IV'];
export const BULAN: readonly string[] = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export const NAMA_URUSAN: Readonly<Record<string, string>> = {
  '1': 'Urusan Pemerintahan Wajib yang Berkaitan dengan Pelayanan Dasar',
  '2': 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar',
  '3': 'Urusan Pemerintahan Pilihan',
  '4': 'Unsur Pendukung Urusan Pemerintahan',
  '5': 'Unsur Penunjang Urusan Pemerintahan',
  '6': 'Unsur Pengawasan Urusan Pemerintahan',
  '7': 'Unsur Kewilayahan',
  '8': 'Unsur Pemerintahan Umum',
};

export const NAMA_BIDANG_URUSAN: Readonly<Record<string, string>> = {
  '1.01': 'Pendidikan',
  '1.02': 'Kesehatan',
  '1.03': 'Pekerjaan Umum dan Penataan Ruang',
  '1.04': 'Perumahan Rakyat dan Kawasan Permukiman',
  '1.05': 'Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat',
  '1.06': 'Sosial',
  '2.07': 'Tenaga Kerja',
  '2.08': 'Pemberdayaan Perempuan dan Perlindungan Anak',
  '2.09': 'Pangan',
  '2.10': 'Pertanahan',
  '2.11': 'Lingkungan Hidup',
  '2.12': 'Administrasi Kependudukan dan Pencatatan Sipil',
  '2.13': 'Pemberdayaan Masyarakat dan Desa',
  '2.14': 'Pengendalian Penduduk dan Keluarga Berencana',
  '2.15': 'Perhubungan',
  '2.16': 'Komunikasi dan Informatika',
  '2.17': 'Koperasi, Usaha Kecil, dan Menengah',
  '2.18': 'Penanaman Modal',
  '2.19': 'Kepemudaan dan Olahraga',
  '2.22': 'Kebudayaan',
  '2.23': 'Perpustakaan',
  '3.25': 'Kelautan dan Perikanan',
  '3.26': 'Pariwisata',
  '3.27': 'Pertanian',
  '3.30': 'Perdagangan',
  '3.31': 'Perindustrian',
  '4.01': 'Sekretariat Daerah',
  '4.02': 'Sekretariat DPRD',
  '5.01': 'Perencanaan',
  '5.02': 'Keuangan',
  '5.03': 'Kepegawaian',
  '6.01': 'Inspektorat',
  '7.01': 'Kecamatan',
  '8.01': 'Kesatuan Bangsa dan Politik',
};
