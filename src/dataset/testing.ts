/**
 * A small, complete dataset for tests: one pemda, one OPD, one sasaran with two indicators,
 * a Renja with one program, one kegiatan and two sub kegiatan, a DPA, a PK and realisasi.
 * Tests change what they need with `ubah`, then parse, so every variant is validated.
 */
import { Dataset, type DatasetInput } from './schema.ts';

export function contohInput(slug = 'contoh'): DatasetInput {
  return {
    format: 'sikiper-dataset',
    version: 1,
    pemda: {
      slug,
      nama: 'Kabupaten Contoh',
      jenis: 'kabupaten',
      pengaturan: {
        skala: {
          nama: 'Empat tingkat',
          bands: [
            { min: 85, label: 'Sangat Berhasil' },
            { min: 70, label: 'Berhasil' },
            { min: 55, label: 'Cukup Berhasil' },
            { min: 0, label: 'Kurang Berhasil' },
          ],
        },
      },
    },
    opd: [
      {
        slug: 'dinas',
        nama: 'Dinas Contoh',
        unit: [
          { kode: 'sekretariat', nama: 'Sekretariat', jenis: 'sekretariat' },
          { kode: 'bidang-a', nama: 'Bidang A', jenis: 'bidang' },
        ],
        renstra: [
          {
            periodeAwal: 2021,
            periodeAkhir: 2026,
            tujuan: [{ kode: 'T1', uraian: 'Tujuan satu' }],
            sasaran: [
              {
                kode: 'S1',
                nomor: 1,
                tujuan: 'T1',
                uraian: 'Sasaran satu',
                indikator: [
                  {
                    kode: 'IKU-1',
                    nama: 'Persentase sesuatu',
                    satuan: '%',
                    agregasi: 'rata-rata',
                    formula: { teks: 'a / b x 100%', pembilang: 'a', penyebut: 'b' },
                    penanggungJawab: ['bidang-a'],
                    iku: true,
                    target: [
                      { tahun: 2022, nilai: 30 },
                      { tahun: 2023, nilai: 30 },
                      { tahun: 2026, nilai: 40 },
                    ],
                  },
                  {
                    kode: 'IKU-2',
                    nama: 'Jumlah kawasan',
                    satuan: 'Kawasan',
                    iku: true,
                    target: [{ tahun: 2023, nilai: 1 }],
                  },
                ],
              },
            ],
          },
        ],
        tahun: [
          {
            tahun: 2023,
            renja: [
              {
                versi: 'perubahan',
                node: [
                  { kode: '2', level: 'urusan', nama: 'Urusan' },
                  { kode: '2.07', level: 'bidang-urusan', induk: '2', nama: 'Bidang urusan' },
                  { kode: '2.07.02', level: 'program', induk: '2.07', nama: 'Program Satu', pagu: 300, sasaran: ['S1'], indikator: [{ kode: '2.07.02#1', nama: 'Cakupan', target: 100, satuan: '%' }] },
                  { kode: '2.07.02.2.01', level: 'kegiatan', induk: '2.07.02', nama: 'Kegiatan Satu', pagu: 300 },
                  { kode: '2.07.02.2.01.0001', level: 'sub-kegiatan', induk: '2.07.02.2.01', nama: 'Sub Satu', pagu: 100 },
                  { kode: '2.07.02.2.01.0002', level: 'sub-kegiatan', induk: '2.07.02.2.01', nama: 'Sub Dua', pagu: 200 },
                ],
              },
            ],
            anggaran: [
              {
                versi: 'dpa-perubahan',
                baris: [
                  { kode: '2.07.02', pagu: 300, realisasi: 270 },
                  { kode: '2.07.02.2.01', pagu: 300, realisasi: 270 },
                  { kode: '2.07.02.2.01.0001', pagu: 100, realisasi: 90 },
                  { kode: '2.07.02.2.01.0002', pagu: 200, realisasi: 180 },
                ],
                kelompok: [
                  { kelompok: 'belanja', pagu: 300, realisasi: 270 },
                  { kelompok: 'operasi', pagu: 300, realisasi: 270 },
                  { kelompok: 'modal', pagu: 0, realisasi: 0 },
                ],
              },
            ],
            pk: [
              {
                versi: 0,
                nama: 'Perjanjian Kinerja',
                pihakPertama: { nama: 'Kepala Dinas', jabatan: 'Kepala Dinas Contoh' },
                pihakKedua: { nama: 'Bupati', jabatan: 'Bupati Contoh' },
                kinerja: [
                  { sasaran: 'S1', indikator: 'IKU-1', target: 30 },
                  { sasaran: 'S1', indikator: 'IKU-2', target: 1 },
                ],
                anggaran: [{ program: '2.07.02', kegiatan: '2.07.02.2.01', pagu: 300 }],
              },
            ],
            realisasi: [
              { indikator: 'IKU-1', triwulan: 1, nilai: 0, bukti: ['bukti-1.pdf'] },
              { indikator: 'IKU-1', triwulan: 2, nilai: 0, bukti: ['bukti-2.pdf'] },
              { indikator: 'IKU-1', triwulan: 3, pembilang: 18, penyebut: 27, bukti: ['bukti-3.pdf'] },
              { indikator: 'IKU-1', triwulan: 4, pembilang: 22, penyebut: 58, bukti: ['bukti-4.pdf'] },
              { indikator: 'IKU-2', nilai: 1, bukti: ['sk.pdf'] },
              { indikator: '2.07.02#1', nilai: 100, bukti: ['laporan.pdf'] },
            ],
          },
        ],
      },
    ],
  };
}

/** A parsed variant of the sample: `ubah` edits the raw input before validation. */
export function contohDataset(ubah: (d: DatasetInput) => void = () => undefined, slug?: string): Dataset {
  const input = contohInput(slug);
  ubah(input);
  return Dataset.parse(input);
}
