/**
 * Example requests for the API's routes, shared by the tests that go through the whole route
 * table (hostile input, tenant isolation): who may use a route, a body it would accept, and
 * valid values for its path parameters in the Paser reference dataset.
 */
import type { NamaDemo } from './testing.ts';

export interface Contoh {
  /** Who may use the route. */
  oleh: NamaDemo;
  /** A request the route would accept (or refuse only for state reasons). */
  body?: Record<string, unknown>;
  /** A multipart upload route: JSON bodies are refused, and a file of the wrong content too. */
  multipart?: boolean;
  /** Valid values for path parameters whose PARAM_SAH value does not fit this route. */
  param?: Record<string, string>;
}

export function contohUntuk(method: string, url: string): Contoh | undefined {
  const key = `${method} ${url}`;
  if (key === 'POST /api/auth/login') return { oleh: 'perencana.disnakertrans', body: { username: 'tidak-ada-orangnya', password: 'bukan-sandi' } };
  if (key === 'POST /api/auth/logout' || key === 'POST /api/auth/logout-all') return { oleh: 'perencana.disnakertrans' };
  if (key === 'PUT /api/pemda/:pemda/tenggat/:tahun/:tw') return { oleh: 'admin.paser', body: { version: 0, batas: '2031-01-15T23:59:59+08:00' } };
  const entri = '/api/pemda/:pemda/opd/:opd/tahun/:tahun/triwulan/:tw/entri/:kode';
  if (key === `PUT ${entri}`) return { oleh: 'perencana.disnakertrans', body: { version: 0, nilai: 12.5, keterangan: 'catatan' } };
  if (key === `POST ${entri}/tolak`) return { oleh: 'perencana.disnakertrans', body: { version: 0, komentar: 'alasan penolakan' } };
  if (['ajukan', 'verifikasi', 'setujui'].some((a) => key === `POST ${entri}/${a}`)) return { oleh: 'perencana.disnakertrans', body: { version: 0, komentar: 'catatan' } };
  if (key === `POST ${entri}/bukti`) return { oleh: 'perencana.disnakertrans', multipart: true };

  const tahun = '/api/pemda/:pemda/opd/:opd/tahun/:tahun';
  const rencana = `${tahun}/rencana`;
  const perencana = 'perencana.disnakertrans';
  if (key === `PUT ${rencana}/renstra/indikator/:kode`) {
    const target = [{ tahun: 2024, nilai: 45.5 }];
    return { oleh: perencana, body: { version: 0, satuan: '%', polaritas: 'positif', agregasi: 'rata-rata', formula: null, baseline: null, target, targetAkhir: null } };
  }
  // Renja, PK, DPA and the LKJIP narrative exist for 2023 in the Paser fixture.
  const kodeRenja = { tahun: '2023', kode: '2.07.01.2.01' };
  if (key === `PUT ${rencana}/renja/node/:kode`) return { oleh: perencana, body: { version: 0, pagu: '1000000' }, param: kodeRenja };
  if (key === `PUT ${rencana}/renja/indikator/:kode`) return { oleh: perencana, body: { version: 0, target: 10, targetTeks: null }, param: { tahun: '2023', kode: encodeURIComponent('2.07.01.2.01#1') } };
  if (key === `POST ${rencana}/pk`) return { oleh: perencana, body: { dari: 2, version: 0, nama: 'PK Perubahan', tanggal: '2023-06-01' }, param: { tahun: '2023' } };
  if (key === `PUT ${rencana}/pk/:versi/kinerja/:indikator`) return { oleh: perencana, body: { version: 0, target: 35, targetTeks: null }, param: { tahun: '2023', versi: '2' } };
  if (key === `PUT ${rencana}/triwulan/:tw/:kode`) return { oleh: perencana, body: { version: 0, target: 10 } };

  // A document job: the quarterly workbook is the quickest document to build.
  if (key === `POST ${tahun}/dokumen/:jenis/tugas`) return { oleh: perencana, body: { triwulan: 2 }, param: { jenis: 'triwulan', tahun: '2023' } };
  // The e-SAKIP review package renders seven PDFs: one user tries it, on the year the fixture holds.
  if (key === `GET ${tahun}/paket-reviu`) return { oleh: perencana, param: { tahun: '2023' } };
  if (key === `POST ${tahun}/impor/:jenis/pratinjau` || key === `POST ${tahun}/impor/:jenis/simpan`) return { oleh: perencana, multipart: true };
  if (key === 'POST /api/pemda/:pemda/cadangan/pratinjau' || key === 'POST /api/pemda/:pemda/cadangan/pulihkan') return { oleh: 'admin.paser', multipart: true };

  const pengguna = '/api/pemda/:pemda/pengguna';
  if (key === 'PUT /api/pemda/:pemda/pengaturan') return { oleh: 'admin.paser', body: { version: 0 } };
  if (key === `POST ${pengguna}`) return { oleh: 'admin.paser', body: { username: 'pengguna.uji', nama: 'Pengguna Uji', peran: [{ peran: 'perencana', opd: 'disnakertrans' }] } };
  if (key === `PATCH ${pengguna}/:id`) return { oleh: 'admin.paser', body: { version: 1, nama: 'Nama Baru', aktif: true } };
  if (key === `POST ${pengguna}/:id/reset-sandi`) return { oleh: 'admin.paser', body: { version: 1 } };
  if (key === `POST ${pengguna}/:id/keluar-semua`) return { oleh: 'admin.paser' };
  if (key === `POST ${pengguna}/:id/peran`) return { oleh: 'admin.paser', body: { version: 1, peran: 'perencana', opd: 'disnakertrans' } };
  if (key === `DELETE ${pengguna}/:id/peran/:peranId`) return { oleh: 'admin.paser' };
  if (key === `PUT ${tahun}/realisasi-anggaran`) return { oleh: 'keuangan.disnakertrans', body: { baris: [{ kode: '2.07.01.2.01.0001', version: 0, realisasi: 1000 }] }, param: { tahun: '2023' } };

  const register = '/api/pemda/:pemda/opd/:opd/register/:kode';
  const kasus = { kode: 'kasus_hi', id: 'hi-2023-10-1' };
  const baris = { nilai: { bulan: 9, tahun: 2023, perusahaan: 'PT. Uji', hasil: 'PB' }, keterangan: 'catatan' };
  if (key === `POST ${register}/baris`) return { oleh: perencana, body: baris, param: kasus };
  if (key === `PUT ${register}/baris/:id`) return { oleh: perencana, body: { ...baris, version: 1 }, param: kasus };
  if (key === `DELETE ${register}/baris/:id`) return { oleh: perencana, param: kasus };
  if (key === `POST ${register}/impor`) return { oleh: perencana, multipart: true, param: { kode: 'uji_kompetensi' } };

  if (key === `PUT ${tahun}/narasi/bagian/:bagian`) return { oleh: perencana, body: { version: 0, teks: ['Paragraf pertama.'] } };
  if (key === `PUT ${tahun}/narasi/sasaran/:kode`) {
    return { oleh: perencana, body: { version: 0, output: ['Keluaran.'], outcome: [], sebab: [], solusi: [], kekuatan: [], upaya: [] }, param: { tahun: '2023', kode: 'S1' } };
  }

  const evaluasi = `${tahun}/evaluasi`;
  const s = { pemenuhan: '80', kualitas: '80', implementasi: '80' };
  if (key === `PUT ${evaluasi}`) return { oleh: 'inspektorat.paser', body: { version: 0, skor: { perencanaan: s, pengukuran: s, pelaporan: s, evaluasi: s }, rekomendasi: [{ teks: 'Selaraskan IKU' }] } };
  if (key === `PUT ${evaluasi}/rekomendasi/:id/tindak-lanjut`) return { oleh: perencana, body: { version: 1, tindakLanjut: 'IKU telah direviu' } };
  if (key === `POST ${evaluasi}/sahkan`) return { oleh: 'kepala.disnakertrans' };
  if (key === `POST ${evaluasi}/buka`) return { oleh: 'admin.paser', body: { alasan: 'koreksi data' } };
  const lke = `${evaluasi}/lke`;
  if (key === `POST ${lke}/mulai`) return { oleh: perencana, body: { version: 0 } };
  if (key === `PUT ${lke}/jawaban/:kode`) return { oleh: perencana, body: { tingkat: 'mandiri', version: 0, jawaban: 'Y', catatan: 'ada', tautan: ['https://contoh.go.id/renstra.pdf'], fakta: false }, param: { kode: '1.a.1' } };
  if (key === `POST ${lke}/jawaban/:kode/bukti`) return { oleh: perencana, multipart: true, param: { kode: '1.a.1' } };
  if (key === `DELETE ${lke}/bukti/:id`) return { oleh: perencana };
  if (key === `POST ${lke}/:langkah`) return { oleh: perencana, body: { version: 1 }, param: { langkah: 'ajukan' } };
  if (key === 'POST /api/pemda/:pemda/lke/kriteria') return { oleh: 'admin.paser', body: { kode: 'uji' } };

  if (key === 'POST /api/pemda/:pemda/token') return { oleh: 'admin.paser', body: { nama: 'Integrasi uji', cakupan: ['baca', 'tulis:entri'], berlakuHari: 30 } };
  if (key === 'POST /api/pemda/:pemda/token/:id/cabut') return { oleh: 'admin.paser' };
  return undefined;
}

export const PARAM_SAH: Record<string, () => string> = {
  pemda: () => '',
  opd: () => 'disnakertrans',
  tahun: () => '2024',
  tw: () => '1',
  kode: () => 'IKU-1',
  id: () => '00000000-0000-4000-8000-000000000000',
  peranId: () => '00000000-0000-4000-8000-000000000001',
  versi: () => '1',
  indikator: () => 'IKU-1',
  jenis: () => 'renja',
  bagian: () => 'latarBelakang',
  tabel: () => 'capaian',
  langkah: () => 'ajukan',
};

/** The route's URL with its path parameters filled in. */
export function isiUrl(url: string, params: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`parameter :${name} tanpa nilai contoh (tambahkan ke PARAM_SAH)`);
    return v;
  });
}
