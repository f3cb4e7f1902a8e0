/**
 * Registers in the browser: the dashboard's "Penjelasan" panel for IKU-2 shows the formula,
 * 8/13 and the rows behind it; the register screen masks personal columns for the head of the
 * OPD and lets the planner change a row, which the dashboard then reflects.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, PONSEL, type Server } from './harness.ts';

const DASBOR = '/dasbor?opd=disnakertrans&tahun=2023';

describe('registers in the browser', { skip: lewati }, () => {
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

  it('the dashboard explains IKU-2 from the dispute register', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kepala.disnakertrans');
    await page.goto(DASBOR);
    const row = page.locator('tr[data-indikator="IKU-2"]');
    await row.getByRole('button', { name: 'Penjelasan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('8/13 = 61,54').first().waitFor();
    const text = await dialog.innerText();
    assert.match(text, /hitung\(kasus_hi, hasil = "PB"\)/);
    assert.match(text, /hi-2023-01-07/);
    // IKU-3 is entered, not computed: no button.
    assert.equal(await page.locator('tr[data-indikator="IKU-3"]').getByRole('button', { name: 'Penjelasan' }).count(), 0);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('the head of the OPD sees placements masked; the planner edits a dispute row and the dashboard follows', async () => {
    const k = await halamanBaru(browser, server, PONSEL);
    await masuk(k.page, 'kepala.disnakertrans');
    await k.page.goto('/register?opd=disnakertrans&register=penempatan_alumni');
    await k.page.getByText('Kolom data pribadi disamarkan untuk peran Anda.').waitFor();
    assert.equal(await k.page.getByRole('button', { name: 'Tambah baris' }).count(), 0);
    const over = await meluber(k.page);
    assert.deepEqual(over.pelaku, []);
    await k.tutup();

    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await page.goto('/register?opd=disnakertrans&register=kasus_hi');
    const baris = page.locator('tr', { hasText: 'hi-2023-11-1' });
    await baris.getByRole('button', { name: 'Ubah' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Hasil').selectOption('PB');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto(DASBOR);
    // 9 / 13 = 69,23
    await page.locator('tr[data-indikator="IKU-2"]').getByText('69,23').waitFor();
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });
  it('a unit head reaches the registers from the menu; years read as years', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kabid.hi');
    const menu = page.getByRole('navigation').getByRole('link', { name: 'Register', exact: true });
    await menu.waitFor();
    await menu.click();
    await page.waitForURL(/\/register/);
    await page.getByRole('heading', { name: 'Register', exact: true }).first().waitFor();
    // The year of a register row is a calendar number: "2023", never "2.023".
    await page.locator('td[data-label="Tahun"]').first().waitFor();
    const tahun = await page.locator('td[data-label="Tahun"]').allInnerTexts();
    assert.ok(tahun.length > 0 && tahun.every((x) => /^20\d\d$/.test(x.trim())), tahun.slice(0, 5).join(' | '));
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });
});
