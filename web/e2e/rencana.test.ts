/**
 * The plan editor in the browser: the perencana creates a PK revision from the current
 * version, edits one target in it, compares the two versions and sees that target marked as
 * changed. A reader sees the plan without edit fields. With SIKIPER_SCREENSHOTS=1 the plan
 * editor and the PK comparison are saved to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { apiDariHalaman, DESKTOP, halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, PONSEL, potret, tunggu, type Server } from './harness.ts';

let server: Server;
let browser: Browser;

before(async () => {
  if (lewati) return;
  server = await mulaiServer();
  browser = await mulaiBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const PK = '/api/pemda/paser/opd/disnakertrans/tahun/2023/rencana/pk';

describe('plan editor', { skip: lewati }, () => {
  it('a perencana creates a PK revision, edits one target, and the comparison shows the change', async () => {
    const h = await halamanBaru(browser, server, DESKTOP);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Rencana Kinerja' }).click();
    await page.getByRole('tab', { name: 'Renstra & IKU' }).waitFor();
    await page.goto('/rencana?opd=disnakertrans&tahun=2023');
    await page.locator('tr[data-kode="IKU-1"]').first().waitFor();
    await potret(page, 'rencana-renstra-desktop', 1400);

    // An indicator's targets, edited in its form by keyboard: Enter in a field saves.
    await page.getByRole('button', { name: 'Ubah IKU-3', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const t2024 = dialog.getByLabel('Target 2024', { exact: true });
    assert.equal(await t2024.inputValue(), '65');
    await t2024.fill('66,5');
    await t2024.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('tr[data-kode="IKU-3"] td', { hasText: '66,5' }).first().waitFor();

    // Keyboard: the tab list moves with the arrow keys.
    await page.getByRole('tab', { name: 'Renstra & IKU' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('.tabel-renja tr.baris-program').first().waitFor();
    await potret(page, 'rencana-renja-desktop', 1200);
    await page.getByRole('tab', { name: 'Renja & pagu' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: 'Versi Perjanjian Kinerja' }).waitFor();

    // The reference dataset has PK Perubahan II (versi 2) for 2023.
    await page.getByRole('button', { name: 'Buat revisi' }).click();
    await page.getByText('Versi 3 dibuat').waitFor();
    await page.locator('table[data-versi="3"]').waitFor();

    const target = page.locator('table[data-versi="3"]').getByLabel('Target IKU-1');
    assert.equal(await target.inputValue(), '30');
    await target.fill('35,5');
    await target.press('Enter');
    await page.locator('table[data-versi="3"] tr[data-kode="IKU-1"] .sel-isian[data-keadaan="tersimpan"]').waitFor();

    // Version 2 is now read-only.
    const daftar = await apiDariHalaman(page, 'GET', PK);
    const versi = (daftar.body as { versi: Array<{ versi: number; terkini: boolean }> }).versi;
    assert.deepEqual(
      versi.map((v) => [v.versi, v.terkini]),
      [
        [2, false],
        [3, true],
      ],
    );
    await page.getByRole('button', { name: 'Lihat Perjanjian Kinerja Perubahan II', exact: true }).click();
    await page.locator('table[data-versi="2"]').waitFor();
    assert.equal(await page.locator('table[data-versi="2"] input').count(), 0, 'the old version has no edit fields');

    await page.getByLabel('Versi A', { exact: true }).selectOption('2');
    await page.getByLabel('Versi B', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Bandingkan' }).click();
    await page.getByText('1 target berubah').waitFor();
    const baris = page.locator('.tabel-banding tr[data-kode="IKU-1"]');
    assert.equal(await baris.getAttribute('data-berubah'), '1');
    assert.equal((await baris.locator('.sel-a').innerText()).trim(), '30%');
    assert.equal((await baris.locator('.sel-b').innerText()).trim(), '35,5%');
    await baris.getByText('Berubah').waitFor();
    assert.equal(await page.locator('.tabel-banding tr[data-berubah="1"]').count(), 1);
    if (process.env.SIKIPER_SCREENSHOTS === '1') {
      await page.locator('section[aria-labelledby="pk-banding-judul"]').screenshot({ path: fileURLToPath(new URL('../../docs/screenshots/rencana-pk-banding-desktop.png', import.meta.url)), animations: 'disabled' });
    }

    const m = await meluber(page);
    assert.ok(m.lebar <= m.jendela, `PK tab is ${m.lebar}px wide at 1366px: ${m.pelaku.join('; ')}`);

    // Nothing typed is lost: a quarterly target typed but not yet saved survives a reload.
    await page.goto('/rencana?opd=disnakertrans&tahun=2023&tab=triwulan');
    const tw1 = page.getByLabel('TW1 IKU-3', { exact: true });
    await tw1.fill('12,5');
    await page.reload();
    await page.getByLabel('TW1 IKU-3', { exact: true }).waitFor();
    assert.equal(await page.getByLabel('TW1 IKU-3', { exact: true }).inputValue(), '12,5');
    await tunggu(() => h.luar.length === 0 && h.galat.length === 0, `no outside request or CSP violation: ${[...h.luar, ...h.galat].join('; ')}`, 1);
    await h.tutup();
  });

  it('fits a phone, and a reader sees the plan without edit fields', async () => {
    const h = await halamanBaru(browser, server, PONSEL);
    const { page } = h;
    await masuk(page, 'pimpinan.paser');
    for (const tab of ['renstra', 'renja', 'pk', 'triwulan']) {
      await page.goto(`/rencana?opd=disnakertrans&tahun=2023&tab=${tab}`);
      await page.getByRole('note').getByText('perubahan hanya oleh perencana OPD').waitFor();
      await page.locator('table tbody tr').first().waitFor();
      assert.equal(await page.locator('main input:not([type="search"])').count(), 0, `${tab}: no edit fields for pimpinan`);
      const m = await meluber(page);
      assert.ok(m.lebar <= m.jendela, `${tab} at 375px is ${m.lebar}px wide: ${m.pelaku.join('; ')}`);
      if (tab === 'pk') await potret(page, 'rencana-pk-ponsel', 1600);
    }
    await h.tutup();
  });
});
