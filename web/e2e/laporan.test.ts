/**
 * The Laporan screen in Chromium: a planner downloads the LKJIP .docx (a real Word file that
 * unzips to word/document.xml), sees its place in the server's document queue while it waits,
 * sees the error message when a download is refused, and opens
 * the source of a figure of the preview. With SIKIPER_SCREENSHOTS=1 the screen and the source
 * panel are saved to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { apiDariHalaman, halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, pathEntri, pelanggaranAxe, PONSEL, potret, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let tmp: string;

before(async () => {
  if (lewati) return;
  server = await mulaiServer();
  browser = await mulaiBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'sikiper-unduh-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Laporan screen', { skip: lewati }, () => {
  it('a planner downloads the LKJIP as .docx and opens the source of a figure', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan dan Dokumen' }).waitFor();
    await page.goto('/laporan?opd=disnakertrans&tahun=2023');
    const t33 = page.locator('[data-tabel="tabel-3.3"]');
    await t33.waitFor();

    // Download: the form as a person uses it. The request takes a place in the server's queue;
    // the first readings of the job are held at place 3 so that the screen shows it.
    let tahanAntrean = true;
    const bacaTugas = (url: URL) => /^\/api\/pemda\/[^/]+\/tugas\/[^/]+$/.test(url.pathname);
    await page.route(bacaTugas, (route) => {
      if (!tahanAntrean) return route.continue();
      const id = route.request().url().split('/').pop() ?? '';
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ id, status: 'antre', posisi: 3 }) });
    });
    await page.getByLabel('Dokumen', { exact: true }).selectOption('lkjip');
    await page.getByLabel('Format', { exact: true }).selectOption('docx');
    const unduhan = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Unduh' }).click();
    const antrean = page.locator('[data-kemajuan="antre"]');
    await antrean.waitFor();
    assert.match(await antrean.innerText(), /Antrean ke-3/);
    tahanAntrean = false;
    const download = await unduhan;
    await page.unroute(bacaTugas);
    assert.equal(download.suggestedFilename(), 'LKJIP-paser-disnakertrans-2023.docx');
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const size = statSync(file).size;
    assert.ok(size > 20_000, `size ${size}`);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const xml = await zip.file('word/document.xml')?.async('string');
    assert.ok(xml?.includes('BAB III AKUNTABILITAS KINERJA'), 'word/document.xml holds the LKJIP');
    const selesai = page.locator('[data-berkas="LKJIP-paser-disnakertrans-2023.docx"]');
    await selesai.waitFor();
    assert.match(await selesai.innerText(), /telah diunduh/);

    // Empty narrative is visibly marked.
    await page.getByText(/Narasi yang belum diisi \(\d+\)/).waitFor();
    await potret(page, 'laporan-desktop', 1400);

    // A refused download shows why, and the form stays usable.
    const pdfLkjip = (url: URL) => url.pathname.endsWith('/dokumen/lkjip/tugas');
    await page.route(pdfLkjip, (route) => route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ error: 'dilarang', message: 'tidak berwenang' }) }));
    await page.getByLabel('Format', { exact: true }).selectOption('pdf');
    await page.getByRole('button', { name: 'Unduh' }).click();
    const galat = page.getByRole('alert').filter({ hasText: 'Dokumen gagal dibuat' });
    await galat.waitFor();
    assert.match(await galat.innerText(), /tidak berhak/);
    await page.unroute(pdfLkjip);
    assert.equal(await page.getByRole('button', { name: 'Unduh' }).isEnabled(), true);

    // The capaian of IKU-1 in Tabel 3.3 (87,17%, as in the document) opens its source.
    const angka = t33.locator('button[data-ref="indikator:IKU-1"]', { hasText: '87,17%' });
    await angka.click();
    const laci = page.getByRole('dialog', { name: 'Asal angka' });
    await laci.waitFor();
    const sumber = laci.locator('[data-sumber="IKU-1"]');
    await sumber.waitFor();
    const teks = await sumber.innerText();
    for (const harus of ['IKU-1', '87,17%', 'Formula', 'Agregasi triwulan', 'Rumus capaian', 'Realisasi / Rencana', 'TW3', 'TW4']) assert.ok(teks.includes(harus), `"${harus}" missing in the source panel:\n${teks}`);
    assert.ok(await laci.locator('tr[data-tw="4"]').innerText().then((s) => s.includes('22 / 58')), 'TW4 shows 22 / 58');

    // Keyboard: Escape closes the panel and focus returns to the figure.
    await page.keyboard.press('Escape');
    await laci.waitFor({ state: 'hidden' });
    assert.equal(await angka.evaluate((el) => el === document.activeElement), true);

    // From a sasaran average to one of its indicators and back.
    const t34 = page.locator('[data-tabel="tabel-3.4"]');
    await t34.locator('button[data-ref^="sasaran:"]').last().click();
    await laci.getByRole('button', { name: '87,17%' }).click();
    await laci.locator('[data-sumber="IKU-1"]').waitFor();
    await laci.getByRole('button', { name: /Kembali/ }).click();
    await laci.locator('[data-sumber="IKU-1"]').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    assert.deepEqual(h.luar, []);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('the source panel names who entered, submitted and verified a quarterly value', async () => {
    const unit = await halamanBaru(browser, server);
    await masuk(unit.page, 'kabid.p2k');
    const entri = pathEntri(2024, 1, 'IKU-1');
    let r = await apiDariHalaman(unit.page, 'PUT', entri, { pembilang: 18, penyebut: 24, keterangan: '18 dari 24 peserta ditempatkan', version: 0 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    r = await apiDariHalaman(unit.page, 'POST', `${entri}/ajukan`, { version: 1 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await unit.tutup();

    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    r = await apiDariHalaman(page, 'POST', `${entri}/verifikasi`, { version: 2 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await page.goto('/laporan?opd=disnakertrans&tahun=2024');
    // 18 / 24 = 75% against the 30% target of 2024.
    await page.locator('[data-tabel="tabel-3.3"] button[data-ref="indikator:IKU-1"]', { hasText: '250,00%' }).click();
    const laci = page.getByRole('dialog', { name: 'Asal angka' });
    const tw1 = laci.locator('tr[data-tw="1"]');
    await tw1.waitFor();
    const teks = await tw1.innerText();
    for (const harus of ['18 / 24', '75,00%', 'Diverifikasi', 'diisi oleh kabid.p2k', 'diajukan oleh kabid.p2k', 'diverifikasi oleh perencana.disnakertrans']) assert.ok(teks.includes(harus), `"${harus}" missing in TW1:\n${teks}`);
    await laci.locator('.tabel-entri').scrollIntoViewIfNeeded();
    await potret(page, 'laporan-sumber-desktop', false);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('a planner downloads the e-SAKIP review package: seven PDFs whose manifest hashes match', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await page.goto('/laporan?opd=disnakertrans&tahun=2023');
    await page.getByRole('heading', { name: 'Paket reviu e-SAKIP' }).waitFor();
    const unduhan = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Buat paket reviu (.zip)' }).click();
    await page.getByRole('region', { name: 'Paket reviu e-SAKIP' }).locator('[data-kemajuan]').first().waitFor();
    const download = await unduhan;
    assert.equal(download.suggestedFilename(), 'PAKET-REVIU-ESAKIP-paser-disnakertrans-2023.zip');
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as { berkas: Array<{ jenis: string; namaBerkas: string; sha256: string }> };
    assert.deepEqual(manifest.berkas.map((b) => b.jenis), ['RENSTRA', 'IKU', 'RENJA', 'PK', 'RENCANA-AKSI', 'LKJIP', 'TINDAK-LANJUT-EVALUASI']);
    for (const b of manifest.berkas) {
      const isi = await zip.file(b.namaBerkas)?.async('nodebuffer');
      assert.ok(isi, b.namaBerkas);
      assert.equal(createHash('sha256').update(isi).digest('hex'), b.sha256, b.namaBerkas);
    }
    const selesai = page.locator('[data-berkas="PAKET-REVIU-ESAKIP-paser-disnakertrans-2023.zip"]');
    await selesai.waitFor();
    assert.match(await selesai.innerText(), /telah diunduh/);
    // No axe-core violation in the package section with its message.
    const pelanggaran = await pelanggaranAxe(page, '[aria-labelledby="paket-reviu-judul"]');
    assert.deepEqual(pelanggaran, []);
    assert.deepEqual(h.luar, []);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('fits a phone screen without a page-wide scrollbar', async () => {
    const h = await halamanBaru(browser, server, PONSEL);
    const { page } = h;
    await masuk(page, 'kepala.disnakertrans');
    await page.goto('/laporan?opd=disnakertrans&tahun=2023');
    await page.locator('[data-tabel="tabel-3.3"]').waitFor();
    const m = await meluber(page);
    assert.ok(m.lebar <= m.jendela, `page ${m.lebar}px wider than ${m.jendela}px: ${m.pelaku.join(', ')}`);
    await potret(page, 'laporan-ponsel', 1400);
    await h.tutup();
  });

  it('a unit head has no Laporan menu and is refused the screen', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kabid.hi');
    const menu = await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link').allInnerTexts();
    assert.ok(!menu.includes('Laporan'));
    await page.goto('/laporan?opd=disnakertrans&tahun=2023');
    await page.getByRole('alert').getByText('Anda tidak berhak').waitFor();
    await h.tutup();
  });
});
