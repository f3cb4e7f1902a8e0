/**
 * Excel import in the browser: a planner chooses a Renja workbook, a bad one shows its problems
 * cell by cell and saves nothing, a good one shows what will be created and is saved on
 * confirmation; the admin checks and restores a backup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { halamanBaru, lewati, masuk, mulaiBrowser, mulaiServer, potret, type Server } from './harness.ts';

const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const BARIS: ExcelJS.CellValue[][] = [
  ['Kode', 'Uraian', 'Indikator', 'Target', 'Satuan', 'Pagu'],
  ['2', 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar', null, null, null, null],
  ['2.07', 'Urusan Pemerintahan Bidang Tenaga Kerja', null, null, null, null],
  ['2.07.03', 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', 'Persentase peserta pelatihan yang kompeten', 80, '%', 750_000_000],
  ['2.07.03.2.01', 'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi', 'Jumlah peserta pelatihan', 120, 'Orang', 750_000_000],
  ['2.07.03.2.01.0001', 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja', 'Jumlah paket pelatihan', 6, 'Paket', 750_000_000],
];

async function buku(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Renja');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function pilihBerkas(page: Page, name: string, buffer: Buffer, mimeType = MIME_XLSX): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

describe('Excel import and backup screens', { skip: lewati }, () => {
  let server: Server;
  let browser: Browser;

  before(async () => {
    server = await mulaiServer();
    browser = await mulaiBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a planner uploads a Renja workbook, sees the problems or the preview, and commits', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    assert.equal(await page.getByRole('link', { name: 'Impor Excel' }).count(), 1);
    await page.goto('/impor?opd=disnakertrans&tahun=2024');
    await page.getByRole('heading', { name: 'Impor dari Excel' }).waitFor();

    // A formula in the Pagu cell of row 5: located, nothing saved, no way to save.
    const rumus = BARIS.map((r, i) => (i === 4 ? [...r.slice(0, 5), { formula: 'F6*2', result: 1_500_000_000 }] : r));
    await pilihBerkas(page, 'renja-2024-salah.xlsx', await buku(rumus));
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    const galat = page.getByRole('alert').filter({ hasText: 'tidak ada yang disimpan' });
    await galat.waitFor();
    assert.match(await galat.locator('.baris-galat').first().innerText(), /Renja!F5/);
    assert.equal(await page.getByRole('button', { name: 'Simpan ke basis data' }).count(), 0);
    await potret(page, 'impor-galat');

    await pilihBerkas(page, 'renja-2024.xlsx', await buku(BARIS));
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.locator('#pratinjau-renja-judul').waitFor();
    assert.equal(await page.locator('#pratinjau-renja-judul').innerText(), 'Renja murni');
    assert.match(await page.locator('.ringkasan-selisih').first().innerText(), /5 ditambah, 0 diubah, 0 dihapus/);
    assert.equal(await page.locator('tr[data-aksi="tambah"]').count(), 5);
    await potret(page, 'impor-pratinjau');

    await page.getByRole('button', { name: 'Simpan ke basis data' }).click();
    const ok = page.getByRole('status').filter({ hasText: 'Impor disimpan' });
    await ok.waitFor();
    assert.match(await ok.innerText(), /5 ditambah/);

    // The same file again: everything is now already there.
    await page.getByRole('button', { name: 'Impor berkas lain' }).click();
    await pilihBerkas(page, 'renja-2024.xlsx', await buku(BARIS));
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    await page.locator('.ringkasan-selisih').first().waitFor();
    assert.match(await page.locator('.ringkasan-selisih').first().innerText(), /0 ditambah, 0 diubah, 0 dihapus, 5 tetap/);
    assert.deepEqual(h.galat, []);
    assert.deepEqual(h.luar, []);
    await h.tutup();
  });

  it('the admin downloads a backup, checks it and restores it', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'admin.paser');
    await page.getByRole('link', { name: 'Cadangan' }).click();
    await page.getByRole('heading', { name: 'Cadangan dan Pemulihan' }).waitFor();
    const href = await page.getByRole('link', { name: 'Unduh cadangan' }).getAttribute('href');
    assert.ok(href);
    const isi = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), href);
    const cadangan = Buffer.from(isi);
    assert.equal(cadangan[0], 0x1f);

    // A damaged copy is refused.
    const rusak = Buffer.from(cadangan);
    rusak[Math.floor(rusak.length / 2)] = (rusak[Math.floor(rusak.length / 2)] ?? 0) ^ 0xff;
    await pilihBerkas(page, 'rusak.sikiper.gz', rusak, 'application/gzip');
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByRole('alert').filter({ hasText: 'tidak ada yang diubah' }).waitFor();

    await pilihBerkas(page, 'paser.sikiper.gz', cadangan, 'application/gzip');
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.locator('.tabel-cadangan').waitFor();
    await potret(page, 'cadangan-pratinjau');
    await page.getByRole('button', { name: 'Pulihkan' }).click();
    await page.getByRole('status').filter({ hasText: 'dipulihkan' }).waitFor();
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });
});
