/**
 * Register presets for a Dinas Tenaga Kerja: the lists its IKU are counted from. An admin creates
 * a register from a preset and may add columns. Column types are the formula language's.
 */
import type { z } from 'zod';
import type { Register } from './schema.ts';

type RegisterInput = z.input<typeof Register>;
export type PresetRegister = Omit<RegisterInput, 'baris' | 'totalImpor'>;

const bulanTahun = { jenis: 'bulan-tahun', bulan: 'bulan', tahun: 'tahun' } as const;
const bulan = { kode: 'bulan', nama: 'Bulan', tipe: 'angka', wajib: true } as const;
const tahun = { kode: 'tahun', nama: 'Tahun', tipe: 'angka', wajib: true } as const;

export const PRESET_DISNAKER: readonly PresetRegister[] = [
  {
    kode: 'kasus_hi',
    nama: 'Kasus Perselisihan Hubungan Industrial',
    preset: 'kasus-hi',
    kolom: [
      bulan,
      tahun,
      { kode: 'perusahaan', nama: 'Perusahaan', tipe: 'teks', wajib: true },
      { kode: 'pekerja', nama: 'Jumlah pekerja terlibat', tipe: 'angka' },
      { kode: 'jenis', nama: 'Jenis perselisihan', tipe: 'pilihan', pilihan: ['Hak', 'Kepentingan', 'PHK', 'Antar SP/SB'] },
      { kode: 'jalur', nama: 'Jalur penyelesaian', tipe: 'pilihan', pilihan: ['Bipartit', 'Mediasi', 'Konsiliasi', 'Arbitrase', 'Pengadilan Hubungan Industrial'] },
      {
        kode: 'hasil',
        nama: 'Hasil',
        tipe: 'pilihan',
        pilihan: ['PB', 'Anjuran', 'Dilimpahkan ke pengawas', 'Perundingan bipartit', 'Putusan PHI', 'Dalam proses'],
      },
    ],
    periode: bulanTahun,
  },
  {
    kode: 'pelatihan',
    nama: 'Pelatihan Berbasis Kompetensi',
    preset: 'pelatihan',
    kolom: [
      { kode: 'bulan', nama: 'Bulan', tipe: 'angka' },
      tahun,
      { kode: 'kejuruan', nama: 'Kejuruan', tipe: 'teks' },
      { kode: 'program', nama: 'Program pelatihan', tipe: 'teks', wajib: true },
      { kode: 'sumber_dana', nama: 'Sumber dana', tipe: 'pilihan', pilihan: ['APBN', 'APBD'], wajib: true },
      { kode: 'paket', nama: 'Paket', tipe: 'angka' },
      { kode: 'peserta', nama: 'Peserta', tipe: 'angka', wajib: true },
      { kode: 'lulus', nama: 'Lulus', tipe: 'angka' },
    ],
    periode: bulanTahun,
  },
  {
    kode: 'uji_kompetensi',
    nama: 'Uji Kompetensi',
    preset: 'uji-kompetensi',
    kolom: [
      { kode: 'skema', nama: 'Skema', tipe: 'teks', wajib: true },
      { kode: 'tuk', nama: 'TUK / kejuruan', tipe: 'teks' },
      { kode: 'tanggal_mulai', nama: 'Tanggal mulai', tipe: 'tanggal', wajib: true },
      { kode: 'tanggal_selesai', nama: 'Tanggal selesai', tipe: 'tanggal' },
      { kode: 'asesi', nama: 'Jumlah asesi', tipe: 'angka', wajib: true },
      { kode: 'kompeten', nama: 'Jumlah kompeten', tipe: 'angka', wajib: true },
      { kode: 'belum_kompeten', nama: 'Jumlah belum kompeten', tipe: 'angka' },
    ],
    periode: { jenis: 'tanggal', kolom: 'tanggal_mulai' },
  },
  {
    kode: 'penempatan_alumni',
    nama: 'Penempatan Alumni Pelatihan',
    preset: 'penempatan-alumni',
    kolom: [
      { kode: 'nama', nama: 'Nama peserta', tipe: 'nama-orang', wajib: true },
      { kode: 'ttl', nama: 'Tempat, tanggal lahir', tipe: 'teks', pribadi: true },
      { kode: 'telepon', nama: 'Nomor HP', tipe: 'telepon' },
      { kode: 'alamat', nama: 'Alamat', tipe: 'teks', pribadi: true },
      { kode: 'program', nama: 'Program pelatihan', tipe: 'teks', wajib: true },
      bulan,
      tahun,
      { kode: 'pekerjaan', nama: 'Jenis pekerjaan', tipe: 'pilihan', pilihan: ['Wirausaha/Mandiri', 'Pegawai Swasta/Negeri'] },
      { kode: 'nama_usaha', nama: 'Nama usaha / pemberi kerja', tipe: 'teks' },
      { kode: 'alamat_usaha', nama: 'Alamat usaha', tipe: 'teks' },
      { kode: 'bidang', nama: 'Bidang / sektor', tipe: 'teks' },
      { kode: 'jabatan', nama: 'Jabatan', tipe: 'teks' },
    ],
    periode: bulanTahun,
  },
  {
    kode: 'pencaker_terdaftar',
    nama: 'Pencari Kerja Terdaftar',
    preset: 'pencaker-terdaftar',
    kolom: [
      { kode: 'nama', nama: 'Nama', tipe: 'nama-orang', wajib: true },
      { kode: 'telepon', nama: 'Nomor HP', tipe: 'telepon' },
      { kode: 'tanggal_daftar', nama: 'Tanggal daftar (AK/1)', tipe: 'tanggal', wajib: true },
      { kode: 'jenis_kelamin', nama: 'Jenis kelamin', tipe: 'pilihan', pilihan: ['L', 'P'] },
      { kode: 'pendidikan', nama: 'Pendidikan', tipe: 'teks' },
    ],
    periode: { jenis: 'tanggal', kolom: 'tanggal_daftar' },
  },
  {
    kode: 'pencaker_ditempatkan',
    nama: 'Pencari Kerja Ditempatkan',
    preset: 'pencaker-ditempatkan',
    kolom: [
      { kode: 'nama', nama: 'Nama', tipe: 'nama-orang', wajib: true },
      { kode: 'tanggal_penempatan', nama: 'Tanggal penempatan', tipe: 'tanggal', wajib: true },
      { kode: 'perusahaan', nama: 'Perusahaan', tipe: 'teks', wajib: true },
      { kode: 'sektor', nama: 'Sektor', tipe: 'teks' },
      { kode: 'jabatan', nama: 'Jabatan', tipe: 'teks' },
      { kode: 'antar_daerah', nama: 'Antar kerja antar daerah', tipe: 'ya-tidak' },
    ],
    periode: { jenis: 'tanggal', kolom: 'tanggal_penempatan' },
  },
];
