/**
 * The plan and follow-up documents of the e-SAKIP review package (Renstra, IKU, Renja, Rencana
 * Aksi, Tindak Lanjut Evaluasi) built from the Paser 2023 reference dataset: the figures of the
 * seed's tables in the model's tables (where the seed contradicts itself, the right value, with
 * the seed's figure named; see docs/seed-discrepancies.md), what is said when data is missing,
 * and that each renders to .pdf and .docx.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import { buatDokumen } from './index.ts';
import { susunIku } from './iku.ts';
import { daftarPlaceholder } from './lkjip.ts';
import { type Block, inlineText, type ReportDocument, type TableBlock } from './model.ts';
import { ISI_PAKET_REVIU, judulReviu, namaBerkasReviu, susunManifest, teksSha256Sums } from './paket-reviu.ts';
import { susunRencanaAksi } from './rencana-aksi.ts';
import { susunRenja, totalPaguRenja } from './renja.ts';
import { susunRenstra } from './renstra.ts';
import { BELUM_DITINDAKLANJUTI, susunTindakLanjut } from './tindak-lanjut.ts';
import { bacaDocx, bacaPdf } from './testing.ts';
import { renjaTerakhir } from '../measure/konteks.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

const blocks = (doc: ReportDocument): Block[] => doc.sections.flatMap((s) => [...s.blocks]);

function tabelDengan(doc: ReportDocument, awalan: string): TableBlock {
  const t = blocks(doc).find((b): b is TableBlock => b.type === 'table' && (b.caption ?? '').startsWith(awalan));
  assert.ok(t, `table "${awalan}" not found in ${doc.title}`);
  return t;
}

/** The body rows of a table as cell texts. */
const baris = (t: TableBlock): string[][] => t.body.map((r) => r.map((c) => inlineText(c.content)));

/** The body row whose cells include `teks` exactly. */
function barisDengan(t: TableBlock, teks: string): string[] {
  const r = baris(t).find((row) => row.includes(teks));
  assert.ok(r, `no row with "${teks}" in ${t.caption ?? ''}: ${JSON.stringify(baris(t).map((x) => x.slice(0, 4)))}`);
  return r;
}

const teksSemua = (doc: ReportDocument): string =>
  blocks(doc)
    .map((b) => (b.type === 'paragraph' ? inlineText(b.content) : b.type === 'heading' || b.type === 'placeholder' ? b.text : ''))
    .join('\n');

describe('review documents of Paser 2023', () => {
  let d: Dataset;
  before(async () => {
    d = await bacaBerkasDataset(FIXTURE);
  });

  it('Renstra: tujuan, sasaran with baseline, yearly and end targets, programs per sasaran', () => {
    const doc = susunRenstra(d, 'disnakertrans', 2023);
    assert.match(teksSemua(doc), /RENCANA STRATEGIS DINAS TENAGA KERJA DAN TRANSMIGRASI TAHUN 2021–2026/);
    assert.match(teksSemua(doc), /memuat 4 \(empat\) tujuan dan 4 \(empat\) sasaran strategis/);
    const tujuan = tabelDengan(doc, 'Tabel 1 ');
    // Tujuan 2 and its indicator (seed Tabel 2.1, column 1–2).
    barisDengan(tujuan, 'Meningkatnya Tenaga Kerja yang memiliki Kompetensi dan telah ditempatkan');
    barisDengan(tujuan, 'Pertumbuhan jumlah tenaga Kerja yang siap kerja');
    const sasaran = tabelDengan(doc, 'Tabel 2 ');
    // Header: baseline 2021, targets 2022–2026 ("tahun ke-1..5"), end of the Renstra.
    assert.deepEqual(sasaran.header[1]?.map((c) => inlineText(c.content)), ['2022', '2023', '2024', '2025', '2026']);
    // IKU-1 (seed Tabel 2.1 / 2.3): targets 30, 30, 30, 40, 40, end 40. Seed Tabel 2.1 prints 30 as the
    // "Tahun awal Perencanaan" value; the 2021 baseline is the realisasi 2021 = 10,80 (seed-discrepancies K14).
    const iku1 = barisDengan(sasaran, 'Persentase Tenaga Kerja yang Memiliki Kompetensi dan Ditempatkan');
    assert.deepEqual(iku1.slice(-8), ['%', '10,8', '30', '30', '30', '40', '40', '40']);
    // IKU-3 (seed Tabel 2.3): 62B 62B 65B 68B 72BB; baseline 77,92 (Penjelasan Kinerja 3, K14/K15).
    assert.deepEqual(barisDengan(sasaran, 'Nilai Evaluasi SAKIP dari Inspektorat').slice(-7), ['77,92', '62 B', '62 B', '65 B', '68 B', '72 BB', '72 BB']);
    // IKU-4 (seed Tabel 2.3): 1, 0, 0, 1, 0 Kawasan; the end target is 1 (Tabel 3.14; Tabel 2.3 prints 0 for 2026, K13).
    assert.deepEqual(barisDengan(sasaran, 'Jumlah Kawasan Transmigrasi yang Tumbuh Menjadi Kawasan Perkotaan Baru').slice(-8), ['Kawasan', '1', '1', '0', '0', '1', '0', '1']);
    // Programs per sasaran from the 2023 Renja (seed Tabel 2.2): Program Penunjang (sasaran 3) Rp8.866.496.658,
    // Program Hubungan Industrial (sasaran 2) Rp6.874.731.040.
    const program = tabelDengan(doc, 'Tabel 3 ');
    assert.deepEqual(barisDengan(program, '2.07.01').slice(-4), ['2.07.01', 'Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota', 'Indeks Kepuasan Pelayanan Sekretariat', '8.866.496.658']);
    assert.equal(barisDengan(program, '2.07.05').at(-1), '6.874.731.040');
    assert.deepEqual(daftarPlaceholder(doc), []);
  });

  it('IKU: the decree, definition/formula, unit, polarity, source, unit in charge and targets per indicator', () => {
    const doc = susunIku(d, 'disnakertrans', 2023);
    const teks = teksSemua(doc);
    // Kep. Kepala Dinas 050.11/KEP-64/DTKT/2023 of 5 June 2023 (seed Lampiran III, Reviu I IKU).
    assert.match(teks, /Reviu I Indikator Kinerja Utama Tahun 2021-2026, keputusan nomor 050\.11\/KEP-64\/DTKT\/2023 tanggal 5 Juni 2023/);
    const t = tabelDengan(doc, 'Tabel Indikator Kinerja Utama');
    assert.equal(t.body.length, 4);
    const iku2 = barisDengan(t, 'Persentase Kasus Perselisihan Hubungan Industrial yang Terselesaikan');
    assert.match(iku2[3] ?? '', /Jumlah Kasus Perselisihan yang Diselesaikan Melalui Perjanjian Bersama \/ Jumlah Kasus Perselisihan yang Terdaftar x 100%/);
    assert.deepEqual(iku2.slice(4, 7), ['%', 'Positif', 'Data Statistik Ketenagakerjaan, Buku satu data ketenagakerjaan tahun berjalan']);
    assert.match(iku2[7] ?? '', /^Bidang Hubungan Industrial/);
    assert.deepEqual(iku2.slice(-2), ['40', '40']);
    // IKU-3: the seed's Reviu I IKU names Bidang Transmigrasi in charge of the SAKIP score; it is the
    // Sekretariat's (seed-discrepancies K33). Renstra target 2023 = 62 B, end 72 BB (Tabel 2.3); the PK's 77,92 is not the IKU target.
    const iku3 = barisDengan(t, 'Nilai Evaluasi SAKIP dari Inspektorat');
    assert.match(iku3[7] ?? '', /^Sekretariat/);
    assert.deepEqual(iku3.slice(-2), ['62 B', '72 BB']);
    assert.equal(iku3[4], 'Nilai');
    // The decree's 4th row names an indicator the Renstra, the PK and the measurement do not use (K34): listed as printed.
    const lain = tabelDengan(doc, 'Baris Keputusan IKU');
    assert.deepEqual(baris(lain).map((r) => r[2]), ['Persentase peningkatan pengembangan kawasan transmigrasi baru']);
  });

  it('Renja: codes, indicators, targets and pagu of every program, kegiatan and sub kegiatan, and the total', () => {
    const doc = susunRenja(d, 'disnakertrans', 2023);
    const t = tabelDengan(doc, 'Tabel Rencana Program, Kegiatan dan Sub Kegiatan Tahun 2023');
    const nodes = renjaTerakhir(d.opd[0]?.tahun.find((y) => y.tahun === 2023));
    assert.equal(t.body.length, nodes.length + 1);
    // Seed Tabel 2.2: the programs total Rp18.820.531.793 (the Renja total; Tabel 3.16 prints the same).
    assert.equal(totalPaguRenja(nodes), 18_820_531_793);
    assert.deepEqual(baris(t).at(-1)?.slice(0, 2), ['Jumlah Pagu Program', '18.820.531.793']);
    assert.match(teksSemua(doc), /memuat 8 \(delapan\) program, .* dengan pagu seluruhnya Rp18\.820\.531\.793/);
    // Program Perencanaan Tenaga Kerja: seed Tabel 2.2 prints 16.666.300; its kegiatan, Tabel 3.16/3.17, the PK and
    // the total all need 16.660.300 (seed-discrepancies A7).
    assert.deepEqual(barisDengan(t, '2.07.02').slice(0, 6), ['2.07.02', 'Program', 'PROGRAM PERENCANAAN TENAGA KERJA', 'Capaian Program tenaga kerja yang dapat dilaksanakan setiap tahunnya', '100%', '16.660.300']);
    // Program Penunjang: indicator "Indeks Kepuasan Pelayanan Sekretariat" 72%, Rp8.866.496.658, Sekretariat.
    assert.deepEqual(barisDengan(t, '2.07.01').slice(3), ['Indeks Kepuasan Pelayanan Sekretariat', '72%', '8.866.496.658', 'APBD', 'Sekretariat']);
    // Rapat Koordinasi dan Konsultasi SKPD: Tabel 2.2 prints 201.194.000 (Tabel 3.16's 210.194.000 is the typo, A4).
    assert.equal(barisDengan(t, '2.07.01.2.06.0009')[5], '201.194.000');
    // Pendaftaran Perjanjian Kerjasama: Tabel 2.2 prints 11.380.000 (repeating the row above); 11.630.000 closes the kegiatan (A5).
    assert.equal(barisDengan(t, '2.07.05.2.01.0002')[5], '11.630.000');
    // A sub kegiatan target as printed: "3 Dokumen" (Penyusunan Dokumen Perencanaan Perangkat Daerah).
    assert.equal(barisDengan(t, '2.07.01.2.01.0001')[4], '3 Dokumen');
  });

  it('Rencana aksi: the PK indicators with their yearly targets; quarterly targets only as recorded', () => {
    const doc = susunRencanaAksi(d, 'disnakertrans', 2023);
    const t = tabelDengan(doc, 'Tabel Rencana Aksi');
    // PK Perubahan II (seed Tabel 2.4): 30%, 40%, 77,92, 1 Kawasan.
    assert.deepEqual(baris(t).map((r) => r[4]), ['30%', '40%', '77,92', '1 Kawasan']);
    // The fixture records no quarterly targets for 2023: none is derived, every quarter is "-" and the gap is named.
    assert.deepEqual(baris(t).map((r) => r.slice(5, 9).join(' ')), ['- - - -', '- - - -', '- - - -', '- - - -']);
    assert.deepEqual(daftarPlaceholder(doc), ['target triwulan rencana aksi tahun 2023 belum ditetapkan untuk indikator mana pun']);

    // With quarterly targets recorded for IKU-1 only.
    const d2 = structuredClone(d);
    const y = d2.opd[0]?.tahun.find((x) => x.tahun === 2023);
    assert.ok(y);
    y.rencanaAksi = [1, 2, 3, 4].map((q) => ({ indikator: 'IKU-1', triwulan: q as 1 | 2 | 3 | 4, target: [5, 10, 20.5, 30][q - 1] ?? 0 }));
    const doc2 = susunRencanaAksi(d2, 'disnakertrans', 2023);
    assert.deepEqual(barisDengan(tabelDengan(doc2, 'Tabel Rencana Aksi'), 'Persentase Tenaga Kerja yang Memiliki Kompetensi dan Ditempatkan').slice(4, 9), ['30%', '5%', '10%', '20,5%', '30%']);
    assert.equal(daftarPlaceholder(doc2).length, 1);
    assert.match(daftarPlaceholder(doc2)[0] ?? '', /Nilai Evaluasi SAKIP dari Inspektorat TW 1/);
    assert.doesNotMatch(daftarPlaceholder(doc2)[0] ?? '', /Kompetensi dan Ditempatkan TW/);
  });

  it('Tindak lanjut evaluasi: the recorded recommendations and follow-ups, and a plain statement when there are none', () => {
    // The dataset's 2023 list (seed Ikhtisar, "Tindak lanjut hasil Rekomendasi Evaluasi LKJIP dari Inspektorat").
    const doc = susunTindakLanjut(d, 'disnakertrans', 2023);
    const t = tabelDengan(doc, 'Tabel Tindak Lanjut');
    assert.equal(t.body.length, 1);
    const [no, tahun, rekomendasi, tindak] = baris(t)[0] ?? [];
    assert.deepEqual([no, tahun], ['1', '2022']);
    assert.match(rekomendasi ?? '', /^Berkoordinasi dengan Badan Perencanaan Pembangunan Daerah/);
    assert.match(tindak ?? '', /^Disnakertrans telah melakukan koordinasi dan mengikuti coaching clinic/);

    // The application's records replace the dataset's; a recommendation not followed up says so.
    const app = susunTindakLanjut(d, 'disnakertrans', 2023, [
      { rekomendasi: 'Selaraskan IKU dengan Renstra', tindakLanjut: 'IKU direviu', tahunEvaluasi: 2022 },
      { rekomendasi: 'Lengkapi rencana aksi', tindakLanjut: '  ', tahunEvaluasi: 2022 },
    ]);
    assert.deepEqual(baris(tabelDengan(app, 'Tabel Tindak Lanjut')).map((r) => r[3]), ['IKU direviu', BELUM_DITINDAKLANJUTI]);
    assert.match(teksSemua(app), /memuat 2 rekomendasi; 1 telah ditindaklanjuti dan 1 belum ditindaklanjuti/);

    // 2022: nothing recorded, no table and nothing invented.
    const kosong = susunTindakLanjut(d, 'disnakertrans', 2022);
    assert.ok(!blocks(kosong).some((b) => b.type === 'table'));
    assert.match(teksSemua(kosong), /Tidak ada rekomendasi hasil evaluasi SAKIP tahun 2021 atas Dinas Tenaga Kerja dan Transmigrasi yang tercatat/);
  });

  it('each renders as .pdf and .docx through buatDokumen, with its figures in the PDF text', async () => {
    for (const jenis of ['renstra', 'iku', 'renja', 'rencana-aksi', 'tindak-lanjut'] as const) {
      const pdf = await buatDokumen(d, { jenis, format: 'pdf', opd: 'disnakertrans', tahun: 2023 });
      assert.equal(pdf.isi.subarray(0, 5).toString('latin1'), '%PDF-', jenis);
      assert.equal(pdf.namaBerkas, `${jenis.toUpperCase()}-paser-disnakertrans-2023.pdf`);
      const docx = await buatDokumen(d, { jenis, format: 'docx', opd: 'disnakertrans', tahun: 2023 });
      assert.ok((await bacaDocx(docx.isi)).paragraf.length > 5, jenis);
      if (jenis === 'renja') {
        const teks = (await bacaPdf(pdf.isi)).map((h) => h.teks).join('\n');
        assert.match(teks, /18\.820\.531\.793/);
        assert.match(teks, /16\.660\.300/);
      }
    }
    await assert.rejects(buatDokumen(d, { jenis: 'renja', format: 'xlsx', opd: 'disnakertrans', tahun: 2023 }), /docx atau pdf/);
  });

  it('the package: names, titles and a manifest whose hashes are of the bytes given', () => {
    assert.deepEqual(
      ISI_PAKET_REVIU.map((x) => namaBerkasReviu(x, 'disnakertrans', 2023)),
      ['01-RENSTRA', '02-IKU', '03-RENJA', '04-PK', '05-RENCANA-AKSI', '06-LKJIP', '07-TINDAK-LANJUT-EVALUASI'].map((x) => `${x}-disnakertrans-2023.pdf`),
    );
    const renstra = ISI_PAKET_REVIU[0];
    const pk = ISI_PAKET_REVIU[3];
    assert.equal(judulReviu(d, 'disnakertrans', 2023, renstra), 'Rencana Strategis Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser Tahun 2021-2026');
    assert.equal(judulReviu(d, 'disnakertrans', 2023, pk), 'Perjanjian Kinerja Perubahan II Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser Tahun 2023');
    const m = susunManifest(d, 'disnakertrans', 2023, new Date('2024-02-01T00:00:00Z'), [
      { isi: renstra, data: Buffer.from('abc'), mime: 'application/pdf', belumDiisi: [] },
      { isi: pk, data: Buffer.from(''), mime: 'application/pdf', belumDiisi: ['x'] },
    ]);
    assert.equal(m.dibuat, '2024-02-01T00:00:00.000Z');
    assert.deepEqual(m.opd, { slug: 'disnakertrans', nama: 'Dinas Tenaga Kerja dan Transmigrasi' });
    // SHA-256 of "abc" and of the empty string (FIPS 180-2 test vectors).
    assert.deepEqual(
      m.berkas.map((b) => [b.jenis, b.namaBerkas, b.ukuran, b.sha256]),
      [
        ['RENSTRA', '01-RENSTRA-disnakertrans-2023.pdf', 3, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
        ['PK', '04-PK-disnakertrans-2023.pdf', 0, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ],
    );
    assert.equal(teksSha256Sums(m).split('\n')[0], 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  01-RENSTRA-disnakertrans-2023.pdf');
  });
});
