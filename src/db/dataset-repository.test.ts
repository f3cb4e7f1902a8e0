import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, getTableName, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { DatasetError } from '../dataset/load.ts';
import { Dataset, type DatasetInput, Narasi } from '../dataset/schema.ts';
import { contohDataset } from '../dataset/testing.ts';
import type { Db } from './client.ts';
import { listPemda, loadDataset, saveDataset } from './dataset-repository.ts';
import { newId } from './ids.ts';
import * as t from './schema.ts';
import { randomSlug, testDatabases } from './testing.ts';

/**
 * A small dataset that reaches every table and both sides of every optional field. Arrays
 * are deliberately not in natural order (children before parents, 2023 before 2022) so that
 * a loader that sorts instead of keeping `urutan` fails.
 */
function contoh(slug: string): DatasetInput {
  const tricky = ['a,b', 'kutip "ganda"', 'garis\\miring', '{kurawal}', 'NULL', 'baris\nbaru', 'émoji 📈'];
  return {
    format: 'sikiper-dataset',
    version: 1,
    pemda: {
      slug,
      nama: 'Kabupaten Contoh',
      jenis: 'kabupaten',
      provinsi: 'Kalimantan Timur',
      ibukota: 'Tana Contoh',
      pejabat: [
        { nama: 'Bupati Contoh', nip: '196501011990031001', pangkat: 'Pembina Utama', jabatan: 'Bupati', unit: 'setda', mulai: '2021-02-26', selesai: '2026-02-26' },
        { nama: 'Wakil Bupati', jabatan: 'Wakil Bupati' },
      ],
      pengaturan: {
        skala: {
          nama: 'Skala empat tingkat',
          bands: [
            { min: 85, label: 'Sangat Berhasil', warna: '#1a9850' },
            { min: 70, label: 'Berhasil' },
            { min: 55.5, label: 'Cukup Berhasil' },
            { min: 0, label: 'Kurang Berhasil', warna: '#d73027' },
          ],
        },
        rumusNegatif: 'rasio-terbalik',
      },
      rpjmd: [
        {
          periodeAwal: 2021,
          periodeAkhir: 2026,
          nomorDokumen: 'Perda 4/2021',
          visi: 'Paser yang maju',
          misi: [
            { kode: 'M2', nomor: 2, uraian: 'Misi dua' },
            { kode: 'M1', nomor: 1, uraian: 'Misi satu' },
          ],
          tujuan: [{ kode: 'RT1', misi: 'M1', uraian: 'Tujuan RPJMD' }],
          sasaran: [
            { kode: 'RS2', tujuan: 'RT1', uraian: 'Sasaran RPJMD dua' },
            { kode: 'RS1', tujuan: 'RT1', uraian: 'Sasaran RPJMD satu' },
          ],
          indikator: [
            {
              kode: 'TPT',
              nama: 'Tingkat Pengangguran Terbuka',
              satuan: '%',
              polaritas: 'negatif',
              agregasi: 'akhir',
              desimal: 2,
              formula: { teks: 'pengangguran / angkatan kerja x 100%', pembilang: 'pengangguran', penyebut: 'angkatan kerja', pengali: 100 },
              sumberData: 'BPS',
              penanggungJawab: ['bidang-p2k2'],
              iku: true,
              baseline: { tahun: 2020, nilai: 5.5, predikat: '' },
              target: [
                { tahun: 2022, nilai: 4.9 },
                { tahun: 2021, nilai: 5.2 },
              ],
              targetAkhir: { tahun: 2026, nilai: 4, predikat: 'Baik' },
              sasaran: 'RS1',
              pengampu: ['disnaker', 'bappeda'],
              realisasi: [
                { tahun: 2023, nilai: 4.72, sumber: 'BRS BPS' },
                { tahun: 2022, nilai: 0.1 + 0.2 },
              ],
              pembanding: [
                { tahun: 2023, wilayah: 'Kalimantan Timur', nilai: 5.31 },
                { tahun: 2023, wilayah: 'Nasional', nilai: 5.32 },
              ],
            },
            { kode: 'IPM', nama: 'Indeks Pembangunan Manusia', satuan: 'indeks', sasaran: 'RS2' },
          ],
        },
        { periodeAwal: 2016, periodeAkhir: 2021, visi: 'Visi lama', misi: [], tujuan: [], sasaran: [] },
      ],
    },
    opd: [
      {
        slug: 'disnaker',
        nama: 'Dinas Tenaga Kerja dan Transmigrasi',
        singkatan: 'Disnakertrans',
        alamat: 'Jl. Contoh No. 1',
        telepon: '(0543) 21000',
        email: 'disnaker@contoh.go.id',
        website: 'https://disnaker.contoh.go.id',
        profil: {
          kedudukan: 'Unsur pelaksana urusan',
          tugas: 'Melaksanakan urusan ketenagakerjaan',
          fungsi: ['perumusan kebijakan', 'pelaksanaan kebijakan'],
          dasarHukumOrganisasi: 'Perbup 13/2023',
          isuStrategis: ['pengangguran', 'kompetensi "kerja"'],
          dasarHukumLaporan: ['Perpres 29/2014', 'PermenPAN-RB 53/2014'],
        },
        unit: [
          { kode: 'subbag-keuangan', nama: 'Sub Bagian Keuangan', jenis: 'subbagian', induk: 'sekretariat' },
          { kode: 'kadis', nama: 'Kepala Dinas', jenis: 'pimpinan' },
          { kode: 'sekretariat', nama: 'Sekretariat', jenis: 'sekretariat', induk: 'kadis', tugas: 'Koordinasi', fungsi: tricky },
          { kode: 'bidang-p2k2', nama: 'Bidang P2K2', jenis: 'bidang', induk: 'kadis' },
          { kode: 'uptd-blk', nama: 'UPTD Balai Latihan Kerja', jenis: 'uptd', induk: 'kadis' },
        ],
        pejabat: [
          { nama: 'Kepala Dinas', nip: '197001011995031002', pangkat: 'Pembina Tk. I', jabatan: 'Kepala Dinas', unit: 'kadis', mulai: '2023-01-02' },
          { nama: 'Sekretaris', jabatan: 'Sekretaris', unit: 'sekretariat', selesai: '2023-06-30' },
          { nama: 'Staf', jabatan: 'Analis' },
        ],
        register: [
          {
            kode: 'kasus_hi',
            nama: 'Kasus perselisihan',
            uraian: 'Lampiran V',
            preset: 'kasus-hi',
            unit: 'bidang-p2k2',
            kolom: [
              { kode: 'bulan', nama: 'Bulan', tipe: 'angka', wajib: true },
              { kode: 'tahun', nama: 'Tahun', tipe: 'angka', wajib: true },
              { kode: 'perusahaan', nama: 'Perusahaan', tipe: 'teks' },
              { kode: 'pelapor', nama: 'Pelapor', tipe: 'nama-orang' },
              { kode: 'hasil', nama: 'Hasil', tipe: 'pilihan', pilihan: ['PB', 'Anjuran'] },
              { kode: 'selesai', nama: 'Selesai', tipe: 'ya-tidak' },
            ],
            periode: { jenis: 'bulan-tahun', bulan: 'bulan', tahun: 'tahun' },
            baris: [
              { id: 'hi-2', nilai: { bulan: 8, tahun: 2023, perusahaan: tricky[0] ?? 'PT', pelapor: 'Siti', hasil: 'PB', selesai: true } },
              { id: 'hi-1', nilai: { bulan: 9, tahun: 2023, perusahaan: null, pelapor: '', hasil: 'Anjuran', selesai: false }, keterangan: 'catatan' },
            ],
            totalImpor: [{ id: 'awal', tahun: 2023, bulanDari: 1, bulanSampai: 7, nilai: { 'hitung(kasus_hi)': 6, 'hitung(kasus_hi, hasil = "PB")': 4 }, keterangan: 'baris Total' }],
          },
          {
            kode: 'kosong',
            nama: 'Register tanpa baris',
            kolom: [{ kode: 'nama', nama: 'Nama', tipe: 'teks' }],
            periode: { jenis: 'tanpa-periode' },
          },
        ],
        renstra: [
          {
            periodeAwal: 2021,
            periodeAkhir: 2026,
            nomorDokumen: 'Perbup 40/2021',
            tujuan: [
              {
                kode: 'T1',
                uraian: 'Meningkatkan kesempatan kerja',
                rpjmdTujuan: 'RT1',
                indikator: [{ kode: 'IT1', nama: 'Indikator tujuan', satuan: '%', target: [{ tahun: 2023, nilai: 10 }] }],
              },
            ],
            sasaran: [
              {
                kode: 'S2',
                nomor: 2,
                tujuan: 'T1',
                uraian: 'Meningkatnya akuntabilitas',
                indikator: [
                  { kode: 'IKU-3', nama: 'Indeks kepuasan', satuan: 'indeks', formula: { teks: 'survei', pengali: 1 }, desimal: 0 },
                  { kode: 'SAKIP', nama: 'Nilai SAKIP', satuan: 'nilai', target: [{ tahun: 2023, nilai: 79.17, predikat: 'BB' }] },
                ],
              },
              {
                kode: 'S1',
                nomor: 1,
                tujuan: 'T1',
                uraian: 'Meningkatnya penempatan tenaga kerja',
                rpjmdSasaran: 'RS1',
                indikator: [
                  {
                    kode: 'IKU-1',
                    nama: 'Persentase pencari kerja yang ditempatkan',
                    satuan: '%',
                    agregasi: 'rata-rata',
                    formula: { teks: 'ditempatkan / terdaftar x 100%', pembilang: 'ditempatkan', penyebut: 'terdaftar' },
                    sumberData: 'Bidang P2K2',
                    penanggungJawab: ['bidang-p2k2', 'sekretariat'],
                    iku: true,
                    baseline: { tahun: 2020, nilai: 12.5 },
                    target: [2021, 2022, 2023, 2024, 2025, 2026].map((tahun, i) => ({ tahun, nilai: 25 + i * 1.25 })),
                    targetAkhir: { tahun: 2026, nilai: 31.25 },
                  },
                  {
                    kode: 'IKU-2',
                    nama: 'Angka perselisihan',
                    satuan: 'kasus',
                    polaritas: 'negatif',
                    agregasi: 'jumlah',
                    desimal: 6,
                    rumus: {
                      nilai: 'hitung(kasus_hi, hasil = "PB")',
                      periode: 'triwulan',
                      dariTahun: 2023,
                      impor: [{ tahun: 2023, triwulan: 1, nilai: 2, keterangan: 'rekap "lama"' }],
                    },
                  },
                ],
              },
            ],
            iku: [
              {
                versi: 0,
                nama: 'IKU 2021-2026',
                nomorDokumen: 'Kep. 1/2021',
                tanggal: '2021-09-01',
                baris: [
                  { sasaran: 'S1', indikator: 'IKU-1', nama: 'Persentase ditempatkan', formula: 'a / b x 100%', sumberData: 'P2K2', penanggungJawab: 'Kabid P2K2' },
                  { sasaran: 'S2', nama: 'Indikator di luar Renstra', formula: 'survei' },
                ],
              },
              { versi: 1, nama: 'Reviu I IKU', baris: [] },
            ],
          },
          {
            periodeAwal: 2016,
            periodeAkhir: 2021,
            tujuan: [{ kode: 'LT1', uraian: 'Tujuan lama' }],
            sasaran: [{ kode: 'LS1', nomor: 1, tujuan: 'LT1', uraian: 'Sasaran lama', indikator: [{ kode: 'LI1', nama: 'Indikator lama', satuan: 'orang' }] }],
          },
        ],
        tahun: [
          {
            tahun: 2023,
            renja: [
              {
                versi: 'murni',
                nama: 'Renja 2023',
                tanggal: '2022-12-30',
                sumber: 'SIPD',
                node: [
                  { kode: '2', level: 'urusan', nama: 'URUSAN WAJIB NON PELAYANAN DASAR' },
                  {
                    kode: '2.07.02.2.01.0001',
                    level: 'sub-kegiatan',
                    induk: '2.07.02.2.01',
                    nama: 'Pelatihan berbasis kompetensi',
                    lokasi: 'Kab. Contoh',
                    indikator: [{ kode: 'SK1#1', nama: 'Jumlah peserta', target: 120, satuan: 'orang', polaritas: 'negatif' }],
                    pagu: Number.MAX_SAFE_INTEGER,
                    sumberDana: 'APBD',
                    unit: 'uptd-blk',
                  },
                  { kode: '2.07', level: 'bidang-urusan', induk: '2', nama: 'Bidang Tenaga Kerja' },
                  {
                    kode: '2.07.02',
                    level: 'program',
                    induk: '2.07',
                    nama: 'Program Pelatihan Kerja',
                    lokasi: 'Kab. Contoh',
                    indikator: [{ kode: 'P1#1', nama: 'Persentase terlatih', target: 60, satuan: '%', targetRenstra: 65 }],
                    pagu: 2238947501,
                    sumberDana: 'APBD',
                    unit: 'bidang-p2k2',
                    catatan: 'Program Nangkis',
                    sasaran: ['S1', 'S2'],
                  },
                  {
                    kode: '2.07.02.2.01',
                    level: 'kegiatan',
                    induk: '2.07.02',
                    nama: 'Kegiatan pelatihan',
                    indikator: [
                      { kode: 'K1#1', nama: 'Lama pelatihan', targetTeks: '14 Bulan' },
                      { kode: 'K1#2', nama: 'Nilai', targetTeks: '79,17 BB', target: 79.17 },
                    ],
                    pagu: 0,
                  },
                  { kode: '2.08', level: 'program', induk: '2', nama: 'Program langsung di bawah urusan' },
                ],
              },
              {
                versi: 'perubahan',
                node: [
                  { kode: '2', level: 'urusan', nama: 'URUSAN WAJIB NON PELAYANAN DASAR' },
                  { kode: '2.07.02', level: 'program', induk: '2', nama: 'Program Pelatihan Kerja', indikator: [{ kode: 'P1#1', nama: 'Persentase terlatih', target: 62 }] },
                ],
              },
            ],
            anggaran: [
              {
                versi: 'dpa',
                tanggal: '2023-01-05',
                sumber: 'DPA 2023',
                baris: [
                  { kode: '2.07.02', pagu: 2238947501, realisasi: 2179664956 },
                  { kode: '2.07.02.2.01.0001', pagu: Number.MAX_SAFE_INTEGER, realisasi: 0 },
                ],
                kelompok: [
                  { kelompok: 'modal-peralatan-mesin', pagu: 500000000, realisasi: 480000000 },
                  { kelompok: 'belanja', pagu: 2238947501, realisasi: 2179664956 },
                ],
              },
              { versi: 'dpa-perubahan', baris: [{ kode: '2.07.02', pagu: 2300000000, realisasi: 2200000000 }] },
            ],
            pk: [
              {
                versi: 1,
                nama: 'PK Perubahan I',
                pihakPertama: { nama: 'Kepala Dinas', jabatan: 'Kepala Dinas' },
                pihakKedua: { nama: 'Bupati Contoh', jabatan: 'Bupati' },
                kinerja: [{ sasaran: 'S1', indikator: 'IKU-1', target: 32 }],
              },
              {
                versi: 0,
                nama: 'Perjanjian Kinerja 2023',
                tanggal: '2023-01-03',
                tempat: 'Tana Contoh',
                pihakPertama: { nama: 'Kepala Dinas', jabatan: 'Kepala Dinas', nip: '197001011995031002', pangkat: 'Pembina Tk. I' },
                pihakKedua: { nama: 'Bupati Contoh', jabatan: 'Bupati', nip: '196501011990031001', pangkat: '' },
                kinerja: [
                  { sasaran: 'S1', indikator: 'IKU-1', target: 30, targetTeks: '30%' },
                  { sasaran: 'S2', indikator: 'SAKIP', target: 79.17, targetTeks: '79,17 BB' },
                ],
                anggaran: [
                  { program: '2.07.02', kegiatan: '2.07.02.2.01', pagu: 155565000 },
                  { program: '2.07.02', kegiatan: '2.07.02.2.01', pagu: 1, sumberDana: 'DAK' },
                ],
                penjelasan: [
                  {
                    indikator: 'IKU-1',
                    uraianSasaran: 'Penempatan',
                    relevansi: 'Relevan dengan misi',
                    formulasi: 'a / b x 100%',
                    sumberData: 'P2K2',
                    penjelasanTarget: 'Naik tiap tahun',
                  },
                ],
              },
            ],
            rencanaAksi: [
              { indikator: 'IKU-1', triwulan: 4, target: 30 },
              { indikator: 'IKU-1', triwulan: 1, target: 0 },
              { indikator: 'P1#1', triwulan: 2, target: -1.5 },
            ],
            realisasi: [
              { indikator: 'IKU-1', triwulan: 1, nilai: 0, pembilang: 0, penyebut: 0 },
              { indikator: 'IKU-1', triwulan: 2, pembilang: 0, penyebut: 5 },
              { indikator: 'IKU-1', triwulan: 3, pembilang: 18, penyebut: 27, keterangan: 'Bursa kerja', bukti: tricky, status: 'diverifikasi' },
              { indikator: 'IKU-1', triwulan: 4, nilai: 37.93103448275862, pembilang: 22, penyebut: 58 },
              { indikator: 'SAKIP', nilai: 79.17, predikat: 'BB' },
              { indikator: 'SK1#1', nilai: 1e21 },
              { indikator: 'IKU-2', triwulan: 1, status: 'draf' },
              { indikator: 'IKU-2', nilai: -0.000001, predikat: '' },
            ],
            ikk: [
              {
                nomor: 1,
                nama: 'Persentase tenaga kerja bersertifikat',
                pembilangNama: 'bersertifikat',
                pembilang: 18,
                penyebutNama: 'dilatih',
                penyebut: 27,
                hasilTerbit: 66.67,
                sumber: 'LPPD',
              },
              { nomor: 2, nama: 'Rasio', pembilangNama: 'a', pembilang: 1, penyebutNama: 'b', penyebut: 3, pengali: 1000, satuan: 'per mil' },
            ],
            sdgs: [{ nomor: 8, tujuanSdgs: 'Pekerjaan layak', subKegiatan: '2.07.02.2.01.0001', target: 120, realisasi: 118, satuan: 'orang', sumber: 'SIPD' }],
            narasi: {
              latarBelakang: ['Paragraf "satu"', 'Paragraf dua\ndengan baris baru'],
              kendala: ['Anggaran terbatas'],
              ikuDaerah: [{ indikator: 'TPT', sebab: ['Sebab'], upaya: [] }],
              sasaran: [{ sasaran: 'S1', output: ['Pelatihan'], outcome: ['Terserap'], sebab: [], solusi: ['Kerja sama'], kekuatan: [], upaya: ['Job fair'] }],
            },
            tindakLanjut: [
              { rekomendasi: 'Perbaiki IKU', tindakLanjut: 'IKU direviu', tahunEvaluasi: 2022 },
              { rekomendasi: 'Lengkapi bukti', tindakLanjut: 'Bukti diunggah' },
            ],
            penghargaan: [
              { nama: 'Juara 1 BLK', pemberi: 'Kemnaker', tanggal: '2023-08-17' },
              { nama: 'Pelayanan prima', pemberi: 'Gubernur' },
            ],
            lkjip: { tempat: 'Tana Contoh', tanggalTeks: 'Februari 2024', tanggalPenetapan: '2024-02-20', nomorPenetapan: '050/01' },
          },
          { tahun: 2022, realisasi: [{ indikator: 'IKU-1', nilai: 24.5 }] },
        ],
      },
      { slug: 'bappeda', nama: 'Badan Perencanaan Pembangunan Daerah' },
    ],
  };
}

/** Text the dataset admits (trimmed, not empty) and PostgreSQL can store (no NUL, well-formed UTF-16). */
const storableText = fc
  .string({ unit: 'binary', minLength: 1, maxLength: 24 })
  .filter((s) => s.trim() === s && s.length > 0 && !s.includes('\u0000') && Buffer.from(s, 'utf8').toString('utf8') === s);
/** -0 is left out: a numeric column has no negative zero, and the domain has no use for one. */
const storableNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));

function dataset(slug: string): Dataset {
  return Dataset.parse(contoh(slug));
}

async function pemdaId(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, slug));
  assert.ok(row, `pemda ${slug} ada`);
  return row.id;
}

/** Rows per table of one pemda, to prove that nothing is left behind or half written. */
async function rowCounts(db: Db, slug: string): Promise<Record<string, number>> {
  const id = await pemdaId(db, slug);
  const counts: Record<string, number> = {};
  for (const table of t.tenantTables) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.pemdaId, id));
    counts[getTableName(table)] = row?.n ?? 0;
  }
  return counts;
}

for (const kind of testDatabases()) {
  void describe(`dataset repository [${kind.name}]`, () => {
    let db: Db;
    let close: (() => Promise<void>) | undefined;

    before(async () => {
      const opened = await kind.open();
      db = opened.db;
      close = opened.close;
    });
    after(async () => close?.());

    void test('save then load gives back exactly the dataset, every table used', async (ctx) => {
      const slug = randomSlug('contoh');
      const input = dataset(slug);
      const started = performance.now();
      await saveDataset(db, input);
      const saved = performance.now();
      const loaded = await loadDataset(db, slug);
      const done = performance.now();
      ctx.diagnostic(`[${kind.name}] save ${(saved - started).toFixed(0)} ms, load ${(done - saved).toFixed(0)} ms`);
      assert.deepStrictEqual(loaded, input);
      const counts = await rowCounts(db, slug);
      const empty = Object.entries(counts).filter(([, n]) => n === 0);
      assert.deepStrictEqual(empty, [], 'the sample dataset puts rows in every table');
    });

    void test('saving again replaces the pemda entirely and keeps its id', async () => {
      const slug = randomSlug('ganti');
      const first = dataset(slug);
      await saveDataset(db, first);
      const id = await pemdaId(db, slug);

      const second = structuredClone(first);
      second.pemda.nama = 'Kabupaten Contoh (diperbarui)';
      delete second.pemda.provinsi;
      second.opd = [second.opd[1]!, { ...second.opd[0]!, slug: 'disnaker-baru', pejabat: [] }];
      second.pemda.rpjmd[0]!.indikator[0]!.pengampu = ['disnaker-baru'];
      const tahun = second.opd[1]!.tahun[0]!;
      tahun.realisasi = tahun.realisasi.slice(0, 2);
      tahun.realisasi[0]!.nilai = 1.5;
      await saveDataset(db, second);

      assert.deepStrictEqual(await loadDataset(db, slug), second);
      assert.equal(await pemdaId(db, slug), id);
      // A fresh save of the same content must leave exactly as many rows: nothing orphaned.
      const fresh = randomSlug('segar');
      await saveDataset(db, { ...second, pemda: { ...second.pemda, slug: fresh } });
      assert.deepStrictEqual(await rowCounts(db, slug), await rowCounts(db, fresh));
    });

    void test('a save the database rejects leaves the previous data untouched', async () => {
      const slug = randomSlug('gagal');
      const good = dataset(slug);
      await saveDataset(db, good);
      const before = await rowCounts(db, slug);

      // Two values for one indicator in one quarter: only the database's unique constraint sees it,
      // and it fails late, after the delete and most inserts of the transaction.
      const bad = structuredClone(good);
      bad.pemda.nama = 'tidak boleh tersimpan';
      const tahun = bad.opd[0]!.tahun[0]!;
      tahun.realisasi.push({ ...tahun.realisasi[0]!, nilai: 99 });
      await assert.rejects(saveDataset(db, bad), (e: unknown) => {
        assert.ok(e instanceof DatasetError);
        assert.match(e.message, /realisasi_periode_uq/);
        assert.ok(e.message.length < 1000, 'the message names the constraint, not the whole statement');
        return true;
      });

      assert.deepStrictEqual(await loadDataset(db, slug), good);
      assert.deepStrictEqual(await rowCounts(db, slug), before);
    });

    void test('a dataset whose references do not hold is refused before anything is written', async () => {
      const slug = randomSlug('rujukan');
      const good = dataset(slug);
      await saveDataset(db, good);

      const bad = structuredClone(good);
      const node = bad.opd[0]!.tahun[0]!.renja[0]!.node.find((n) => n.level === 'kegiatan')!;
      node.induk = '2';
      await assert.rejects(saveDataset(db, bad), (e: unknown) => {
        assert.ok(e instanceof DatasetError);
        assert.deepStrictEqual(e.problems, [{ path: 'opd[0].tahun[0].renja[0].node[4].induk', message: 'kegiatan tidak boleh berinduk urusan ("2")' }]);
        return true;
      });
      assert.deepStrictEqual(await loadDataset(db, slug), good);

      const cycle = structuredClone(good);
      cycle.opd[0]!.unit.find((u) => u.kode === 'kadis')!.induk = 'subbag-keuangan';
      await assert.rejects(saveDataset(db, cycle), /lingkaran/);

      const fresh = randomSlug('baru');
      await assert.rejects(saveDataset(db, { ...bad, pemda: { ...bad.pemda, slug: fresh } }), DatasetError);
      assert.equal((await listPemda(db)).find((p) => p.slug === fresh), undefined, 'a failed first save leaves no pemda behind');
    });

    void test('two pemda in one database do not see each other', async () => {
      const slugA = randomSlug('satu');
      const slugB = randomSlug('dua');
      const a = dataset(slugA);
      const b = structuredClone(dataset(slugB));
      b.pemda.nama = 'Kota Lain';
      b.opd[0]!.tahun[0]!.realisasi[0]!.nilai = 42;
      await saveDataset(db, a);
      await saveDataset(db, b);

      assert.deepStrictEqual(await loadDataset(db, slugA), a);
      assert.deepStrictEqual(await loadDataset(db, slugB), b);
      const replaced = structuredClone(a);
      replaced.pemda.nama = 'Kabupaten Satu (baru)';
      replaced.opd[0]!.tahun = [];
      await saveDataset(db, replaced);
      assert.deepStrictEqual(await loadDataset(db, slugB), b, 'replacing one pemda leaves the other as it was');

      const slugs = (await listPemda(db)).map((p) => p.slug);
      assert.ok(slugs.includes(slugA) && slugs.includes(slugB));
      assert.equal(await loadDataset(db, randomSlug('tidak-ada')), undefined);
    });

    void test('any number, rupiah and text the dataset admits comes back unchanged', async () => {
      const slug = randomSlug('nilai');
      await fc.assert(
        fc.asyncProperty(
          fc.array(storableNumber, { minLength: 12, maxLength: 12 }),
          fc.array(storableText, { minLength: 1, maxLength: 6 }),
          fc.nat({ max: Number.MAX_SAFE_INTEGER }),
          async (numbers, texts, pagu) => {
            const d = contohDataset(undefined, slug);
            const opd = d.opd[0]!;
            const year = opd.tahun[0]!;
            year.realisasi.slice(0, 4).forEach((r, i) => {
              r.nilai = numbers[3 * i];
              r.pembilang = numbers[3 * i + 1];
              r.penyebut = numbers[3 * i + 2];
              r.bukti = texts;
            });
            year.anggaran[0]!.baris[0]!.pagu = pagu;
            opd.unit[0]!.fungsi = texts;
            opd.nama = texts.join(' ');
            year.narasi = Narasi.parse({ latarBelakang: texts });
            await saveDataset(db, d);
            assert.deepStrictEqual(await loadDataset(db, slug), d);
          },
        ),
        { numRuns: 15 },
      );
    });

    void test('a value the database cannot store is refused with a readable error', async () => {
      const slug = randomSlug('tak-tersimpan');
      const d = contohDataset(undefined, slug);
      d.opd[0]!.tahun[0]!.pk[0]!.tanggal = '2023-02-30';
      await assert.rejects(saveDataset(db, d), (e: unknown) => e instanceof DatasetError && /basis data menolak/.test(e.message));
      const nul = contohDataset(undefined, slug);
      nul.opd[0]!.nama = 'Dinas\u0000Contoh';
      await assert.rejects(saveDataset(db, nul), DatasetError);
      assert.equal(await loadDataset(db, slug), undefined);
    });

    void test('keys stop a row from pointing into another pemda or breaking the Renja nesting', async () => {
      const slugA = randomSlug('kunci-a');
      const slugB = randomSlug('kunci-b');
      await saveDataset(db, dataset(slugA));
      await saveDataset(db, dataset(slugB));
      const idA = await pemdaId(db, slugA);
      const idB = await pemdaId(db, slugB);
      const [opdA] = await db.select({ id: t.opd.id }).from(t.opd).where(eq(t.opd.pemdaId, idA));
      assert.ok(opdA);

      await assert.rejects(
        db.insert(t.unit).values({ pemdaId: idB, id: newId(), urutan: 99, opdId: opdA.id, kode: 'susup', nama: 'Unit susupan', jenis: 'bidang', fungsi: [] }),
        (e: unknown) => /unit_opd_fk/.test(String((e as Error).cause ?? e)),
      );

      const nodes = await db.select().from(t.renjaNode).where(eq(t.renjaNode.pemdaId, idA));
      // Rows come back in no particular order: pick a version that has both levels.
      const kegiatan = nodes.find((n) => n.level === 'kegiatan' && nodes.some((u) => u.level === 'urusan' && u.indukId === null && u.renjaVersiId === n.renjaVersiId));
      const urusan = nodes.find((n) => n.level === 'urusan' && n.indukId === null && n.renjaVersiId === kegiatan?.renjaVersiId);
      assert.ok(kegiatan && urusan, 'the dataset has a Renja version with an urusan and a kegiatan');
      await assert.rejects(
        db
          .update(t.renjaNode)
          .set({ indukId: urusan.id, indukLevel: 'urusan' })
          .where(sql`${t.renjaNode.pemdaId} = ${idA} and ${t.renjaNode.id} = ${kegiatan.id}`),
        (e: unknown) => /renja_node_induk_ck/.test(String((e as Error).cause ?? e)),
      );
      await assert.rejects(
        db
          .update(t.renjaNode)
          .set({ indukLevel: 'bidang-urusan' })
          .where(sql`${t.renjaNode.pemdaId} = ${idA} and ${t.renjaNode.id} = ${kegiatan.id}`),
        (e: unknown) => /renja_node_induk_(fk|ck)/.test(String((e as Error).cause ?? e)),
      );
    });
  });
}
