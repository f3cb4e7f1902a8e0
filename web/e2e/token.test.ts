/**
 * API tokens in the browser: the admin pemda creates a token, sees its secret once with a
 * warning and a copy button, the token reads the pemda's capaian over HTTP, the list never
 * shows the secret again, and a revoked token is refused. axe-core reports no violation on the
 * screen, with the secret shown and with the list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, OPD, PEMDA, PONSEL, pelanggaranAxe, potret, type Server } from './harness.ts';



describe('API tokens in the browser', { skip: lewati }, () => {
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

  const capaian = (token: string) =>
    fetch(`${server.url}/api/pemda/${PEMDA}/opd/${OPD}/tahun/2023/capaian`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);

  it('the admin creates a token, sees it once, and revokes it', async () => {
    const h = await halamanBaru(browser, server);
    const { page, context } = h;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await masuk(page, 'admin.paser');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Token API' }).click();
    await page.getByRole('heading', { name: 'Token API', level: 1 }).waitFor();
    await page.getByText('Belum ada token.').waitFor();
    assert.deepEqual(await pelanggaranAxe(page), []);

    // A write scope without the read scope is named before anything is sent.
    await page.getByLabel('Nama token').fill('Dasbor provinsi');
    await page.getByRole('checkbox', { name: /\(baca\)/ }).uncheck();
    await page.getByRole('checkbox', { name: /\(tulis:entri\)/ }).check();
    await page.getByRole('button', { name: 'Buat token' }).click();
    await page.getByText('Cakupan tulis memerlukan cakupan baca.').waitFor();
    await page.getByRole('checkbox', { name: /\(tulis:entri\)/ }).uncheck();
    await page.getByRole('checkbox', { name: /\(baca\)/ }).check();
    await page.getByRole('button', { name: 'Buat token' }).click();

    const peringatan = page.getByRole('alert').filter({ hasText: 'Token "Dasbor provinsi" telah dibuat' });
    await peringatan.waitFor();
    await peringatan.getByText('Token tidak akan ditampilkan lagi').waitFor();
    const rahasia = await peringatan.getByLabel('Token', { exact: true }).inputValue();
    assert.match(rahasia, /^skp_[0-9a-f]{10}_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    await peringatan.getByRole('button', { name: 'Salin token' }).click();
    await peringatan.getByRole('button', { name: 'Token tersalin' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), rahasia);
    const baris = page.locator(`tr[data-token="${rahasia.slice(0, 14)}"]`);
    await baris.waitFor();
    assert.match(await baris.innerText(), /Aktif/);
    await potret(page, 'token-baru-desktop');
    assert.deepEqual(await pelanggaranAxe(page), []);

    // The token reads the pemda's capaian.
    assert.equal(await capaian(rahasia), 200);

    // Once dismissed (or after a reload), the secret is nowhere on the screen.
    await peringatan.getByRole('button', { name: 'Saya sudah menyimpannya' }).click();
    await page.reload();
    await baris.waitFor();
    assert.ok(!(await page.content()).includes(rahasia.slice(15)), 'the secret is shown again');

    page.once('dialog', (d) => void d.accept());
    await baris.getByRole('button', { name: 'Cabut token Dasbor provinsi' }).click();
    await baris.getByText(/^Dicabut /).waitFor();
    assert.equal(await capaian(rahasia), 401);
    assert.deepEqual(await pelanggaranAxe(page), []);
    assert.deepEqual(h.galat, []);
    assert.deepEqual(h.luar, []);
    await h.tutup();
  });

  it('fits a phone screen', async () => {
    const h = await halamanBaru(browser, server);
    await masuk(h.page, 'admin.paser');
    await h.page.setViewportSize(PONSEL);
    await h.page.goto('/token');
    await h.page.getByRole('heading', { name: 'Token API', level: 1 }).waitFor();
    await h.page.locator('tr[data-token]').first().waitFor();
    const m = await meluber(h.page);
    assert.ok(m.lebar <= m.jendela, `the page is wider than the phone: ${m.pelaku.join(', ')}`);
    await potret(h.page, 'token-ponsel');
    await h.tutup();
  });

  it('other roles do not see the screen', async () => {
    const h = await halamanBaru(browser, server);
    await masuk(h.page, 'pimpinan.paser');
    assert.equal(await h.page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Token API' }).count(), 0);
    await h.tutup();
  });
});
