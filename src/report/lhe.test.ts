/**
 * The Laporan Hasil Evaluasi of one OPD-year from a hand-made criterion-level evaluation: the
 * scores printed as the engine gave them (2 decimals, Indonesian), the grade with its scale, the
 * findings, recommendations and last year's follow-up, the draft notice only before 'final', and
 * what is said when there is nothing to say. Rendered through `buatDokumen` to .docx and .pdf and
 * read back. Every expected value below is written by hand from the input.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import { buatDokumen } from './index.ts';
import type { DataLhe, NilaiLhe } from './lhe-data.ts';
import { susunLhe } from './lhe.ts';
import { inlineText, type ReportDocument } from './model.ts';
import { bacaDocx, bacaPdf } from './testing.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

const sub = (kode: string, nama: string, bobot: number, nilai: string) => ({ kode, nama, bobot, nilai });

// Final score: 24.375 + 20.0833333333 + 12.5 + 15.5 = 72.4583333333 (BB).
const AKHIR: NilaiLhe = {
  total: '72.4583333333',
  predikat: 'BB',
  komponen: [
    { kode: '1', nama: 'Perencanaan Kinerja', bobot: 30, nilai: '24.375', sub: [sub('1.a', 'Pemenuhan', 6, '6'), sub('1.b', 'Kualitas', 9, '6.75'), sub('1.c', 'Implementasi', 15, '11.625')] },
    { kode: '2', nama: 'Pengukuran Kinerja', bobot: 30, nilai: '20.0833333333', sub: [sub('2.a', 'Pemenuhan', 6, '5.5'), sub('2.b', 'Kualitas', 9, '6'), sub('2.c', 'Implementasi', 15, '8.5833333333')] },
    { kode: '3', nama: 'Pelaporan Kinerja', bobot: 15, nilai: '12.5', sub: [sub('3.a', 'Pemenuhan', 3, '3'), sub('3.b', 'Kualitas', 4.5, '3.375'), sub('3.c', 'Implementasi', 7.5, '6.125')] },
    {
      kode: '4',
      nama: 'Evaluasi Akuntabilitas Kinerja Internal',
      bobot: 25,
      nilai: '15.5',
      sub: [sub('4.a', 'Pemenuhan', 5, '5'), sub('4.b', 'Kualitas', 7.5, '3.75'), sub('4.c', 'Implementasi', 12.5, '6.75')],
    },
  ],
};

// Self-assessment: 27.005 + 22.12 + 13 + 18 = 80.125 (A).
const MANDIRI: NilaiLhe = {
  total: '80.125',
  predikat: 'A',
  komponen: [
    { kode: '1', nama: 'Perencanaan Kinerja', bobot: 30, nilai: '27.005', sub: [sub('1.a', 'Pemenuhan', 6, '6'), sub('1.b', 'Kualitas', 9, '7.88'), sub('1.c', 'Implementasi', 15, '13.125')] },
    { kode: '2', nama: 'Pengukuran Kinerja', bobot: 30, nilai: '22.12', sub: [sub('2.a', 'Pemenuhan', 6, '6'), sub('2.b', 'Kualitas', 9, '7'), sub('2.c', 'Implementasi', 15, '9.12')] },
    { kode: '3', nama: 'Pelaporan Kinerja', bobot: 15, nilai: '13', sub: [sub('3.a', 'Pemenuhan', 3, '3'), sub('3.b', 'Kualitas', 4.5, '4'), sub('3.c', 'Implementasi', 7.5, '6')] },
    {
      kode: '4',
      nama: 'Evaluasi Akuntabilitas Kinerja Internal',
      bobot: 25,
      nilai: '18',
      sub: [sub('4.a', 'Pemenuhan', 5, '5'), sub('4.b', 'Kualitas', 7.5, '5'), sub('4.c', 'Implementasi', 12.5, '8')],
    },
  ],
};

function data(ubah: Partial<DataLhe> = {}): DataLhe {
  return {
    opd: 'disnakertrans',
    tahun: 2023,
    kriteria: { kode: 'permenpanrb-88-2021-pd', nama: 'LKE SAKIP Perangkat Daerah', regulasi: 'Peraturan Menteri PANRB Nomor 88 Tahun 2021' },
    tahap: 'supervisor',
    disetujui: null,
    mandiri: MANDIRI,
    akhir: AKHIR,
    temuan: [
      { kode: '1.b.2', teks: 'Indikator kinerja sasaran memenuhi kriteria SMART', komponen: 'Perencanaan Kinerja', jawaban: 'C', catatan: 'Dua indikator belum terukur' },
      { kode: '4.c.1', teks: 'Rekomendasi evaluasi internal telah ditindaklanjuti', komponen: 'Evaluasi Akuntabilitas Kinerja Internal', jawaban: null, catatan: null },
    ],
    rekomendasi: [{ teks: 'Menyusun cascading kinerja hingga pejabat pengawas', tindakLanjut: null, status: 'belum' }],
    rekomendasiLalu: [
      { teks: 'Menetapkan IKU dengan keputusan kepala perangkat daerah', tindakLanjut: 'IKU ditetapkan dengan SK Kepala Dinas', status: 'selesai' },
      { teks: 'Menyusun rencana aksi triwulanan', tindakLanjut: null, status: 'belum' },
    ],
    ...ubah,
  };
}

/** Text without whitespace: a table cell may wrap anywhere in the PDF. */
const rapat = (s: string): string => s.replace(/\s+/g, '');

const teksModel = (doc: ReportDocument): string =>
  doc.sections
    .flatMap((s) => s.blocks)
    .map((b) =>
      b.type === 'paragraph'
        ? inlineText(b.content)
        : b.type === 'heading'
          ? b.text
          : b.type === 'table'
            ? [...b.header, ...b.body].map((r) => r.map((c) => inlineText(c.content)).join(' | ')).join('\n')
            : b.type === 'signature'
              ? b.signatories.map((x) => x.name).join('\n')
              : '',
    )
    .join('\n');

describe('Laporan Hasil Evaluasi', () => {
  let d: Dataset;
  before(async () => {
    d = await bacaBerkasDataset(FIXTURE);
  });

  it('docx: title, draft notice, scores per component and total, grade, findings, recommendations, last year', async () => {
    const dok = await buatDokumen(d, { jenis: 'lhe', format: 'docx', opd: 'disnakertrans', tahun: 2023, lhe: data() });
    assert.equal(dok.namaBerkas, 'LHE-paser-disnakertrans-2023.docx');
    const { paragraf } = await bacaDocx(dok.isi);
    const semua = paragraf.join('\n');
    assert.ok(paragraf.includes('LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA DINAS TENAGA KERJA DAN TRANSMIGRASI TAHUN 2023'), semua);
    assert.ok(paragraf.includes('Draf: evaluasi masih pada tahap reviu oleh pengendali teknis; nilai dapat berubah.'));
    assert.ok(semua.includes('Peraturan Menteri PANRB Nomor 88 Tahun 2021'));
    assert.ok(semua.includes('(versi permenpanrb-88-2021-pd)'));
    // Table cells are paragraphs: component 1 row, then its sub-component 1.b; the total row.
    const k1 = paragraf.indexOf('1 Perencanaan Kinerja');
    assert.deepEqual(paragraf.slice(k1, k1 + 4), ['1 Perencanaan Kinerja', '30', '27,01', '24,38']);
    const s1b = paragraf.indexOf('1.b Kualitas');
    assert.deepEqual(paragraf.slice(s1b, s1b + 4), ['1.b Kualitas', '9', '7,88', '6,75']);
    const s3b = paragraf.indexOf('3.b Kualitas');
    assert.deepEqual(paragraf.slice(s3b, s3b + 4), ['3.b Kualitas', '4,5', '4,00', '3,38']);
    const jumlah = paragraf.indexOf('Jumlah');
    assert.deepEqual(paragraf.slice(jumlah, jumlah + 4), ['Jumlah', '100', '80,13', '72,46']);
    assert.ok(semua.includes('Dengan nilai akhir sementara 72,46, akuntabilitas kinerja Dinas Tenaga Kerja dan Transmigrasi tahun 2023 memperoleh predikat BB (Sangat Baik).'), semua);
    // The scale, with the grade reached.
    const bb = paragraf.indexOf('> 70 – 80');
    assert.deepEqual(paragraf.slice(bb - 1, bb + 2), ['BB', '> 70 – 80', 'Sangat Baik']);
    assert.ok(paragraf.includes('0 – 30'));
    // Findings: the answered one with its note, the unanswered one with dashes.
    const f1 = paragraf.indexOf('1.b.2');
    assert.deepEqual(paragraf.slice(f1, f1 + 4), ['1.b.2', 'Indikator kinerja sasaran memenuhi kriteria SMART', 'C', 'Dua indikator belum terukur']);
    const f2 = paragraf.indexOf('4.c.1');
    assert.deepEqual(paragraf.slice(f2, f2 + 4), ['4.c.1', 'Rekomendasi evaluasi internal telah ditindaklanjuti', '—', '—']);
    assert.ok(paragraf.includes('Menyusun cascading kinerja hingga pejabat pengawas'));
    // Last year's recommendations: 1 done, 0 in progress, 1 not followed up.
    assert.ok(semua.includes('Dari 2 rekomendasi hasil evaluasi tahun 2022, 1 selesai ditindaklanjuti, 0 dalam proses dan 1 belum ditindaklanjuti.'));
    const l1 = paragraf.indexOf('Menetapkan IKU dengan keputusan kepala perangkat daerah');
    assert.deepEqual(paragraf.slice(l1, l1 + 3), ['Menetapkan IKU dengan keputusan kepala perangkat daerah', 'IKU ditetapkan dengan SK Kepala Dinas', 'Selesai']);
    const l2 = paragraf.indexOf('Menyusun rencana aksi triwulanan');
    assert.deepEqual(paragraf.slice(l2, l2 + 3), ['Menyusun rencana aksi triwulanan', '—', 'Belum']);
    assert.ok(paragraf.includes('Laporan ini belum disetujui oleh pengendali teknis.'));
    assert.ok(!semua.includes('Disetujui oleh'));
  });

  it('pdf of a draft: the same figures and texts, and the draft notice', async () => {
    const dok = await buatDokumen(d, { jenis: 'lhe', format: 'pdf', opd: 'disnakertrans', tahun: 2023, lhe: data({ tahap: 'evaluator' }) });
    assert.equal(dok.namaBerkas, 'LHE-paser-disnakertrans-2023.pdf');
    const teks = rapat((await bacaPdf(dok.isi)).map((x) => x.teks).join('\n'));
    for (const s of [
      'Draf: evaluasi masih pada tahap penilaian oleh evaluator Inspektorat; nilai dapat berubah.',
      'Jumlah10080,1372,46',
      '1 Perencanaan Kinerja3027,0124,38',
      'predikat BB (Sangat Baik)',
      'Indikator kinerja sasaran memenuhi kriteria SMART',
      'Dua indikator belum terukur',
      'Menyusun cascading kinerja hingga pejabat pengawas',
    ]) {
      assert.ok(teks.includes(rapat(s)), `${s} not in the PDF: ${teks.slice(0, 3000)}`);
    }
  });

  it('final: no draft notice, the approval line with the Indonesian date, in docx and pdf', async () => {
    const lhe = data({ tahap: 'final', disetujui: { nama: 'Rina Supervisi, S.E.', pada: '2024-03-14T09:30:00.000Z' } });
    const docx = (await bacaDocx((await buatDokumen(d, { jenis: 'lhe', format: 'docx', opd: 'disnakertrans', tahun: 2023, lhe })).isi)).paragraf;
    const semua = docx.join('\n');
    assert.ok(!semua.includes('Draf'), 'a final LHE is not a draft');
    assert.ok(!semua.includes('sementara'));
    assert.ok(docx.includes('Disetujui oleh Rina Supervisi, S.E. pada 14 Maret 2024.'), semua);
    assert.ok(semua.includes('Dengan nilai akhir 72,46, akuntabilitas kinerja Dinas Tenaga Kerja dan Transmigrasi tahun 2023 memperoleh predikat BB (Sangat Baik).'));
    const pdf = rapat((await bacaPdf((await buatDokumen(d, { jenis: 'lhe', format: 'pdf', opd: 'disnakertrans', tahun: 2023, lhe })).isi)).map((x) => x.teks).join('\n'));
    assert.ok(!pdf.includes('Draf'));
    assert.ok(pdf.includes(rapat('Disetujui oleh Rina Supervisi, S.E. pada 14 Maret 2024.')));
    assert.ok(pdf.includes('72,46'));
  });

  it('sparse evaluation: nothing found, nothing recommended, nothing recorded last year, all said as such', () => {
    const doc = susunLhe(d, 'disnakertrans', 2023, data({ tahap: 'mandiri', temuan: [], rekomendasi: [], rekomendasiLalu: [] }));
    const teks = teksModel(doc);
    assert.ok(teks.includes('Draf: evaluasi masih pada tahap penilaian mandiri oleh perangkat daerah; nilai dapat berubah.'));
    assert.ok(teks.includes('Tidak ada kriteria dengan jawaban akhir di bawah nilai penuh, sehingga tidak ada temuan yang dicatat.'));
    assert.ok(teks.includes('Tidak ada rekomendasi yang diberikan dalam evaluasi ini.'));
    assert.ok(teks.includes('Tidak ada rekomendasi hasil evaluasi tahun 2022 yang tercatat, sehingga tidak ada tindak lanjut yang dilaporkan.'));
    assert.ok(!teks.includes('Tabel 3 '), 'no findings table');
    assert.ok(!teks.includes('Tabel 4 '), 'no recommendations table');
    assert.ok(!teks.includes('Tabel 5 '), 'no follow-up table');
  });

  it('an lhe request without its data, another year, or an unknown OPD is refused', async () => {
    await assert.rejects(buatDokumen(d, { jenis: 'lhe', format: 'pdf', opd: 'disnakertrans', tahun: 2023 }), /dokumen lhe membutuhkan data evaluasi/);
    await assert.rejects(buatDokumen(d, { jenis: 'lhe', format: 'xlsx', opd: 'disnakertrans', tahun: 2023, lhe: data() }), { name: 'FormatTidakDidukung' });
    assert.throws(() => susunLhe(d, 'disnakertrans', 2024, data()), /tahun 2023 diminta untuk tahun 2024/);
    assert.throws(() => susunLhe(d, 'tidak-ada', 2023, data()), { name: 'NotFoundError' });
  });
});
