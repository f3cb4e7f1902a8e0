import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Dataset, NodeRenjaData } from '../dataset/schema.ts';
import type { Db } from '../db/client.ts';
import { loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { randomSlug, testDatabases } from '../db/testing.ts';
import { formatGalat, ImporError, type Galat } from './galat.ts';
import { imporOpdTahun } from './impor-opd-tahun.ts';
import { bacaRenjaWorkbook, buatTemplateRenja, type OpsiImporRenja, type PratinjauRenja, targetDariSel, teksPratinjauRenja } from './renja-xlsx.ts';
import { barisPertama, bukuRenja, bukuSederhana, datasetReferensi, indikatorKe, type KolomUji } from './testing.ts';

/** The import service as the CLI calls it, for a Renja workbook. */
async function imporRenja(db: Db, isi: Uint8Array, nama: string, o: OpsiImporRenja & { commit: boolean }) {
  const r = await imporOpdTahun(db, { jenis: 'renja', ...o, berkas: { nama, isi }, sekarang: new Date() });
  return { ...r, pratinjau: r.pratinjau as PratinjauRenja };
}

const OPD = 'disnakertrans';

function renjaRef(d: Dataset): { nodes: NodeRenjaData[]; dpa: Dataset['opd'][number]['tahun'][number]['anggaran'][number] } {
  const y = d.opd[0]?.tahun.find((t) => t.tahun === 2023);
  const nodes = y?.renja[0]?.node;
  const dpa = y?.anggaran[0];
  assert.ok(nodes && dpa);
  return { nodes, dpa };
}

/** The target as a user writes it: a number, or the printed text when the Renja kept one. */
const targetCell = (n: NodeRenjaData, i: number): ExcelJS.CellValue => {
  const ind = indikatorKe(n, i);
  return ind ? (ind.targetTeks ?? ind.target ?? null) : null;
};

/** Every column, in a shuffled order, with variant header names and a two-row merged header. */
const KOLOM_LENGKAP: KolomUji[] = [
  { judul: ['Indikator Kinerja', 'Satuan'], isi: (n, i) => indikatorKe(n, i)?.satuan ?? null },
  { judul: 'Lokasi', isi: (n, i) => barisPertama(i, n.lokasi ?? null) },
  { judul: ['Anggaran', 'Realisasi'], isi: (n, i, b) => barisPertama(i, b?.realisasi ?? null) },
  { judul: 'Kode Rekening', isi: (n, i) => barisPertama(i, n.kode) },
  { judul: ['Indikator Kinerja', 'Tolak Ukur'], isi: (n, i) => indikatorKe(n, i)?.nama ?? null },
  { judul: ['Indikator Kinerja', 'Target'], isi: targetCell },
  { judul: 'Program/Kegiatan/Sub Kegiatan', isi: (n, i) => barisPertama(i, n.nama) },
  { judul: 'Bidang', isi: (n, i) => barisPertama(i, n.unit ?? null) },
  { judul: 'sumber dana', isi: (n, i) => barisPertama(i, n.sumberDana ?? null) },
  { judul: ['Anggaran', 'Pagu Anggaran'], isi: (n, i) => barisPertama(i, n.pagu ?? null) },
  { judul: 'Sasaran Strategis', isi: (n, i) => barisPertama(i, n.sasaran.join(', ') || null) },
  { judul: 'KETERANGAN', isi: (n, i) => barisPertama(i, n.catatan ?? null) },
  { judul: 'Target Renstra', isi: (n, i) => indikatorKe(n, i)?.targetRenstra ?? null },
];

/** What an export of the national planning system has: no sasaran links, notes or Renstra targets. */
const KOLOM_SIPD: KolomUji[] = [
  { judul: 'Kode', isi: (n, i) => barisPertama(i, n.kode) },
  { judul: 'Uraian', isi: (n, i) => barisPertama(i, n.nama) },
  { judul: 'Tolok Ukur', isi: (n, i) => indikatorKe(n, i)?.nama ?? null },
  { judul: 'Target', isi: targetCell },
  { judul: 'Satuan', isi: (n, i) => indikatorKe(n, i)?.satuan ?? null },
  { judul: 'Anggaran (Rp)', isi: (n, i) => barisPertama(i, n.pagu ?? null) },
];

function pesan(galat: readonly Galat[]): string[] {
  return galat.map(formatGalat);
}

void test('target cells: numbers, numbers with a unit kept as written, text without a number refused', () => {
  assert.deepEqual(targetDariSel({ jenis: 'angka', angka: 14 }), { ok: true, nilai: { target: 14 } });
  assert.deepEqual(targetDariSel({ jenis: 'teks', teks: '14 bulan' }), { ok: true, nilai: { target: 14, targetTeks: '14 bulan' } });
  assert.deepEqual(targetDariSel({ jenis: 'teks', teks: '79,17 BB' }), { ok: true, nilai: { target: 79.17, targetTeks: '79,17 BB' } });
  assert.deepEqual(targetDariSel({ jenis: 'teks', teks: '60KK' }), { ok: true, nilai: { target: 60, targetTeks: '60KK' } });
  assert.deepEqual(targetDariSel({ jenis: 'teks', teks: '1.250' }), { ok: true, nilai: { target: 1250 } });
  assert.equal(targetDariSel({ jenis: 'teks', teks: 'Tersedia' }).ok, false);
});

void test('the template has a frozen header, one example per level, instructions, and reads back as a valid Renja', async () => {
  const buf = await buatTemplateRenja();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Renja');
  assert.ok(ws && wb.getWorksheet('Petunjuk'));
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
  assert.ok((ws.getColumn(2).width ?? 0) > 40);
  const b = bacaRenjaWorkbook(wb, 'templat.xlsx');
  assert.deepEqual(b.galat, []);
  assert.deepEqual(
    b.baris.map((x) => x.kode),
    ['2', '2.07', '2.07.03', '2.07.03.2.01', '2.07.03.2.01.0001'],
  );
  assert.equal(b.baris.at(-1)?.indikator.length, 2);
});

for (const kind of testDatabases()) {
  void describe(`Renja/DPA import [${kind.name}]`, () => {
    let db: Db;
    let close: (() => Promise<void>) | undefined;
    const bersama = randomSlug('renja');

    before(async () => {
      const opened = await kind.open();
      db = opened.db;
      close = opened.close;
      await saveDataset(db, await datasetReferensi(bersama));
    });
    after(async () => close?.());

    void test('a workbook built from the reference Renja (shuffled, variant headers, merged two-row header) gives the same nodes and DPA', async () => {
      const slug = randomSlug('renja-ref');
      const d = await datasetReferensi(slug);
      await saveDataset(db, d);
      const { nodes, dpa } = renjaRef(d);
      const unitNama = new Map(d.opd[0]?.unit.map((u) => [u.kode, u.nama]));
      const kolom = KOLOM_LENGKAP.map((k) => (k.judul === 'Bidang' ? { ...k, isi: (n: NodeRenjaData, i: number) => barisPertama(i, n.unit ? (unitNama.get(n.unit) ?? null) : null) } : k));
      const buf = await bukuRenja(nodes, { kolom, dpa, judulAtas: ['RENCANA KERJA PERANGKAT DAERAH TAHUN 2024'] });

      const dry = await imporRenja(db, buf, 'renja-2024.xlsx', { pemda: slug, opd: OPD, tahun: 2024, versi: 'perubahan', commit: false });
      assert.deepEqual(pesan(dry.galat), []);
      assert.equal(dry.ditulis, false);
      assert.equal(dry.pratinjau.renja.baru, true);
      assert.equal(dry.pratinjau.renja.tambah.length, nodes.length);
      assert.equal(dry.pratinjau.dpa?.versi, 'dpa-perubahan');
      assert.deepStrictEqual(await loadDataset(db, slug), d, 'a preview writes nothing');

      const r = await imporRenja(db, buf, 'renja-2024.xlsx', { pemda: slug, opd: OPD, tahun: 2024, versi: 'perubahan', commit: true });
      assert.equal(r.ditulis, true);
      const after2024 = (await loadDataset(db, slug))?.opd[0]?.tahun.find((t) => t.tahun === 2024);
      assert.deepStrictEqual(after2024?.renja[0]?.node, nodes);
      assert.deepStrictEqual(after2024.anggaran[0]?.baris, dpa.baris);
    });

    void test('re-importing an export of the planning system keeps what SIKIPER added (sasaran, notes), and the preview is empty', async () => {
      const slug = randomSlug('renja-sipd');
      const d = await datasetReferensi(slug);
      await saveDataset(db, d);
      const buf = await bukuRenja(renjaRef(d).nodes, { kolom: KOLOM_SIPD });
      const r = await imporRenja(db, buf, 'sipd.xlsx', { pemda: slug, opd: OPD, tahun: 2023, versi: 'perubahan', commit: true });
      assert.deepEqual(pesan(r.galat), []);
      assert.deepEqual([r.pratinjau.renja.tambah.length, r.pratinjau.renja.ubah.length, r.pratinjau.renja.hapus.length], [0, 0, 0]);
      assert.equal(r.pratinjau.dpa, undefined);
      assert.deepStrictEqual(await loadDataset(db, slug), d);
    });

    void test('the preview lists added, changed (field: old → new) and removed codes; commit writes exactly that', async () => {
      const slug = randomSlug('renja-ubah');
      const d = await datasetReferensi(slug);
      await saveDataset(db, d);
      const nodes = structuredClone(renjaRef(d).nodes).filter((n) => n.kode !== '3.32.04.2.01.0002');
      const prog = nodes.find((n) => n.kode === '2.07.02');
      assert.ok(prog);
      prog.pagu = 17_000_000;
      nodes.push({ kode: '3.32.04.2.01.0009', level: 'sub-kegiatan', induk: '3.32.04.2.01', nama: 'Sub kegiatan baru', indikator: [{ kode: 'x', nama: 'Jumlah dokumen', target: 2, satuan: 'Dokumen', polaritas: 'positif' }], pagu: 5_000_000, sasaran: [] });
      const buf = await bukuRenja(nodes, { kolom: KOLOM_SIPD });
      const dry = await imporRenja(db, buf, 'ubah.xlsx', { pemda: slug, opd: OPD, tahun: 2023, versi: 'perubahan', commit: false });
      // The removed sub kegiatan still has a DPA line, an SDG row and realisasi: refused until those go too.
      assert.ok(dry.galat.some((g) => /merujuk kode yang tidak ada.*3\.32\.04\.2\.01\.0002/.test(g.pesan)), pesan(dry.galat).join('\n'));
      assert.deepEqual(dry.pratinjau.renja.tambah.map((x) => x.kode), ['3.32.04.2.01.0009']);
      assert.deepEqual(dry.pratinjau.renja.hapus.map((x) => x.kode), ['3.32.04.2.01.0002']);
      assert.deepEqual(dry.pratinjau.renja.ubah.map((x) => [x.kode, x.medan]), [['2.07.02', [{ medan: 'pagu', lama: 'Rp16.660.300', baru: 'Rp17.000.000' }]]]);
      assert.match(teksPratinjauRenja(dry.pratinjau), /~ 2\.07\.02 program .*\n\s+pagu: Rp16\.660\.300 → Rp17\.000\.000/);

      // Without the removal, it commits.
      const kept = [...nodes.slice(0, -1), ...renjaRef(d).nodes.filter((n) => n.kode === '3.32.04.2.01.0002'), nodes.at(-1)!];
      const ok = await imporRenja(db, await bukuRenja(kept, { kolom: KOLOM_SIPD }), 'ubah.xlsx', { pemda: slug, opd: OPD, tahun: 2023, versi: 'perubahan', commit: true });
      assert.deepEqual(pesan(ok.galat), []);
      const saved = (await loadDataset(db, slug))?.opd[0]?.tahun.find((t) => t.tahun === 2023)?.renja[0]?.node ?? [];
      assert.equal(saved.find((n) => n.kode === '2.07.02')?.pagu, 17_000_000);
      assert.deepEqual(saved.find((n) => n.kode === '3.32.04.2.01.0009')?.indikator.map((i) => i.kode), ['3.32.04.2.01.0009#1']);
      assert.deepEqual(saved.find((n) => n.kode === '3.32.04.2.01.0009')?.sasaran, []);
    });

    // ------------------------------------------------------------ bad input: one test per kind, nothing written

    const HEADER = ['Kode', 'Uraian', 'Indikator', 'Target', 'Satuan', 'Pagu'];
    const baik: ExcelJS.CellValue[][] = [
      ['2', 'Urusan', null, null, null, null],
      ['2.07', 'Bidang Tenaga Kerja', null, null, null, null],
      ['2.07.02', 'Program Satu', 'Cakupan', 100, '%', 1_000_000],
      ['2.07.02.2.01', 'Kegiatan Satu', 'Dokumen', 2, 'Dokumen', 1_000_000],
    ];

    async function tolak(isi: Buffer | Uint8Array, berkas: string, harap: RegExp[]): Promise<void> {
      const before = await loadDataset(db, bersama);
      let galat: readonly Galat[];
      try {
        const r = await imporRenja(db, isi, berkas, { pemda: bersama, opd: OPD, tahun: 2023, versi: 'perubahan', commit: true });
        assert.equal(r.ditulis, false);
        galat = r.galat;
      } catch (e) {
        assert.ok(e instanceof ImporError, String(e));
        galat = e.galat;
      }
      const lines = pesan(galat);
      for (const re of harap) assert.ok(lines.some((l) => re.test(l)), `expected ${String(re)} in:\n${lines.join('\n')}`);
      assert.deepStrictEqual(await loadDataset(db, bersama), before, 'nothing written');
    }

    void test('wrong types: text in the Pagu column, a rupiah with cents, text in Target', async () => {
      const rows = structuredClone(baik);
      rows[2]![5] = '1.2.3';
      rows[3]![5] = 1_000_000.5;
      rows[3]![3] = 'banyak';
      await tolak(await bukuSederhana({ Renja: [HEADER, ...rows] }), 'tipe.xlsx', [
        /^Renja!F4 \(Pagu\): "1\.2\.3" bukan angka rupiah$/,
        /^Renja!F5 \(Pagu\): 1\.000\.000,5 bukan bilangan bulat rupiah/,
        /^Renja!D5 \(Target\): "banyak" bukan target angka/,
      ]);
    });

    void test('empty required cells: Uraian, and a Kode missing on a row that is not an extra indicator', async () => {
      const rows = structuredClone(baik);
      rows[3]![1] = null;
      rows.push([null, 'Kegiatan tanpa kode', null, null, null, 5]);
      await tolak(await bukuSederhana({ Renja: [HEADER, ...rows] }), 'kosong.xlsx', [/^Renja!B5 \(Uraian\): Uraian wajib diisi$/, /^Renja!A6 \(Kode\): Kode wajib diisi$/]);
    });

    void test('unknown codes: a parent that is not in the file, a unit and a sasaran the OPD does not have, a code outside the nomenclature', async () => {
      const rows = [...structuredClone(baik), ['2.08.01', 'Program tanpa bidang urusan', null, null, null, 1, 'bidang-x', 'S9'], ['2.07.02.2', 'Empat segmen', null, null, null, 1, null, null]];
      await tolak(await bukuSederhana({ Renja: [[...HEADER, 'Penanggung Jawab', 'Sasaran'], ...rows] }), 'kode.xlsx', [
        /^Renja!A6 \(Kode\): induk "2\.08" tidak ada di berkas: program 2\.08\.01 memerlukan baris bidang urusan 2\.08$/,
        /^Renja!G6 \(Penanggung Jawab\): unit "bidang-x" tidak dikenal/,
        /^Renja!H6 \(Sasaran\): sasaran "S9" tidak ada di Renstra disnakertrans$/,
        /^Renja!A7 \(Kode\): kode "2\.07\.02\.2" tidak sesuai nomenklatur: 4 segmen/,
      ]);
    });

    void test('duplicate rows: the same code twice', async () => {
      const rows = [...structuredClone(baik), ['2.07.02', 'Program Satu lagi', null, null, null, 1]];
      await tolak(await bukuSederhana({ Renja: [HEADER, ...rows] }), 'ganda.xlsx', [/^Renja!A6 \(Kode\): kode "2\.07\.02" sudah ada di baris 4$/]);
    });

    void test('formula cells are refused, even with a cached result', async () => {
      const rows = structuredClone(baik);
      rows[2]![5] = { formula: 'F5*1', result: 1_000_000 };
      await tolak(await bukuSederhana({ Renja: [HEADER, ...rows] }), 'rumus.xlsx', [/^Renja!F4 \(Pagu\): sel berisi rumus \(=F5\*1\); nilai yang tampil bisa berbeda/]);
    });

    void test('error cells (#REF!, #DIV/0!, #N/A) are refused', async () => {
      const rows = structuredClone(baik);
      rows[2]![5] = { error: '#REF!' };
      rows[3]![3] = { error: '#DIV/0!' };
      rows[3]![4] = { error: '#N/A' };
      await tolak(await bukuSederhana({ Renja: [HEADER, ...rows] }), 'galat.xlsx', [/^Renja!F4 \(Pagu\): sel berisi galat #REF!/, /^Renja!D5 \(Target\): sel berisi galat #DIV\/0!/, /^Renja!E5 \(Satuan\): sel berisi galat #N\/A/]);
    });

    void test('files over the size limit are refused before parsing', async () => {
      const big = Buffer.concat([await bukuSederhana({ Renja: [HEADER, ...baik] }), Buffer.alloc(10 * 1024 * 1024)]);
      await tolak(big, 'besar.xlsx', [/^ukuran berkas 10,01 MB melebihi batas 10 MB$/]);
    });

    void test('non-xlsx files renamed .xlsx: text, PDF, a ZIP without xl/workbook.xml, a truncated workbook', async () => {
      await tolak(Buffer.from('Kode;Uraian\n2;Urusan\n'), 'csv.xlsx', [/^bukan berkas Excel \.xlsx \(tidak diawali tanda ZIP "PK"\)/]);
      await tolak(Buffer.from('%PDF-1.7\n...'), 'laporan.xlsx', [/^berkas ini PDF, bukan buku kerja Excel \.xlsx$/]);
      const zip = Buffer.from('UEsDBAoAAAAAAAAAIQAAAAAAAAAAAAAAAAAFAAAAYS50eHRQSwECFAAKAAAAAAAAACEAAAAAAAAAAAAAAAAABQAAAAAAAAAAAAAAAAAAAAAAYS50eHRQSwUGAAAAAAEAAQAzAAAAIwAAAAAA', 'base64');
      await tolak(zip, 'arsip.xlsx', [/^berkas ZIP ini bukan buku kerja Excel: tidak ada xl\/workbook\.xml$/]);
      const whole = await bukuSederhana({ Renja: [HEADER, ...baik] });
      await tolak(whole.subarray(0, Math.floor(whole.length / 2)), 'potong.xlsx', [/^berkas \.xlsx rusak atau terpotong/]);
    });

    void test('empty sheets: no sheet with content, and a header without data rows', async () => {
      await tolak(await bukuSederhana({ Renja: [] }), 'kosong.xlsx', [/^Renja: lembar kerja kosong/]);
      await tolak(await bukuSederhana({ Renja: [HEADER] }), 'judul.xlsx', [/^Renja: tidak ada baris data di bawah judul kolom \(baris 1\)$/]);
      await tolak(await bukuSederhana({ Data: [['Nomor', 'Nama'], [1, 'a']] }), 'asing.xlsx', [/^Data: kolom Kode tidak ditemukan di 10 baris pertama/]);
    });

    void test('extra indicators on rows without a code attach to the code above; a column-number row and a total row are skipped', async () => {
      const rows: ExcelJS.CellValue[][] = [
        HEADER,
        [1, 2, 3, 4, 5, 6],
        ...structuredClone(baik),
        [null, null, 'Jumlah peserta', '25 orang', 'Orang', null],
        [null, 'JUMLAH', null, null, null, 2_000_000],
      ];
      const buf = await bukuSederhana({ Renja: rows });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
      const b = bacaRenjaWorkbook(wb, 'lanjut.xlsx');
      assert.deepEqual(pesan(b.galat), []);
      assert.deepEqual(
        b.baris.map((x) => [x.kode, x.indikator.map((i) => [i.nama, i.target, i.targetTeks])]),
        [
          ['2', []],
          ['2.07', []],
          ['2.07.02', [['Cakupan', 100, undefined]]],
          ['2.07.02.2.01', [['Dokumen', 2, undefined], ['Jumlah peserta', 25, '25 orang']]],
        ],
      );
      const r = await imporRenja(db, buf, 'lanjut.xlsx', { pemda: bersama, opd: OPD, tahun: 2025, versi: 'murni', commit: false });
      assert.deepEqual(pesan(r.galat), []);
      assert.deepEqual(r.pratinjau.renja.tambah.map((x) => x.kode), ['2', '2.07', '2.07.02', '2.07.02.2.01']);
    });
  });
}
