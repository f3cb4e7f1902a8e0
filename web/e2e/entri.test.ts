/**
 * The entry form's promises: it can be completed with the keyboard alone, nothing typed is lost
 * to a reload or a dropped connection, and two people editing one value are told so and choose.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiDariHalaman, halamanBaru, lewati, masuk, mulaiBrowser, mulaiServer, pathEntri, SANDI, tunggu, type Halaman, type Server } from './harness.ts';

interface EntriRingkas {
  kode: string;
  pembilang: number | null;
  penyebut: number | null;
  nilai: number | null;
  keterangan: string | null;
  status: string;
  version: number;
}

async function diServer(page: Page, tw: number, kode: string): Promise<EntriRingkas | undefined> {
  const r = await apiDariHalaman(page, 'GET', pathEntri(2023, tw));
  return (r.body as { indikator: EntriRingkas[] }).indikator.find((e) => e.kode === kode);
}

function kartu(page: Page, kode: string): Locator {
  return page.locator(`article[data-kode="${kode}"]`);
}

/**
 * Whether the focused element looks different from its unfocused self (a visible focus
 * indicator). Passed as source text: the test runner's transpiler would wrap a nested function
 * in a helper that does not exist in the page.
 */
const FOKUS_TERLIHAT = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', terlihat: false };
  const gaya = (e) => {
    const s = getComputedStyle(e);
    const label = e.closest('label');
    const l = label ? getComputedStyle(label) : undefined;
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, l && l.outlineStyle, l && l.outlineColor].join('|');
  };
  const fokus = gaya(el);
  el.blur();
  const lepas = gaya(el);
  el.focus();
  return { tag: el.tagName.toLowerCase() + '[name=' + (el.getAttribute('name') || '') + ']' + (el.textContent || '').trim().slice(0, 20), terlihat: fokus !== lepas };
})()`;

async function fokusTerlihat(page: Page): Promise<{ tag: string; terlihat: boolean }> {
  return page.evaluate<{ tag: string; terlihat: boolean }>(FOKUS_TERLIHAT);
}

describe('the entry form', { skip: lewati }, () => {
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

  it('can be completed with the keyboard alone, with a visible focus at every step', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await page.goto('/masuk');
    // The username field has focus on arrival; Enter in the password field logs in.
    const nama = page.getByLabel('Nama pengguna');
    await nama.waitFor();
    assert.ok(await nama.evaluate((el) => el === document.activeElement), 'the username field has focus');
    await page.keyboard.type('kabid.hi');
    await page.keyboard.press('Tab');
    await page.keyboard.type(SANDI);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
    await page.goto('/entri?opd=disnakertrans&tahun=2023&tw=3');
    const k = kartu(page, 'IKU-2');
    await k.waitFor();

    const langkah: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await fokusTerlihat(page);
      langkah.push(f.tag);
      assert.ok(f.terlihat, `no visible focus on ${f.tag} (after ${langkah.join(' → ')})`);
      if (await k.locator('input[name="pembilang"]').evaluate((el) => el === document.activeElement)) break;
    }
    assert.ok(await k.locator('input[name="pembilang"]').evaluate((el) => el === document.activeElement), `Tab never reached the first field: ${langkah.join(' → ')}`);

    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('10');
    // Enter in a number field saves at once.
    await page.keyboard.press('Enter');
    await k.locator('[data-simpan="tersimpan"]').waitFor();
    await k.locator('output.hasil', { hasText: '50%' }).waitFor();
    await page.keyboard.press('Tab');
    assert.ok(await k.getByLabel('Keterangan').evaluate((el) => el === document.activeElement));
    await page.keyboard.type('Lima dari sepuluh kasus selesai lewat PB.');
    // Past the evidence picker to the submit button.
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const f = await fokusTerlihat(page);
      assert.ok(f.terlihat, `no visible focus on ${f.tag}`);
      if (await k.getByRole('button', { name: 'Ajukan', exact: true }).evaluate((el) => el === document.activeElement)) break;
    }
    assert.ok(await k.getByRole('button', { name: 'Ajukan', exact: true }).evaluate((el) => el === document.activeElement), 'Tab did not reach Ajukan');
    await page.keyboard.press('Enter');
    await tunggu(async () => (await k.getAttribute('data-status')) === 'diajukan', 'submitted from the keyboard');
    const e = await diServer(page, 3, 'IKU-2');
    assert.equal(e?.pembilang, 5);
    assert.equal(e?.penyebut, 10);
    assert.equal(e?.keterangan, 'Lima dari sepuluh kasus selesai lewat PB.');
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('restores input typed just before a reload', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kabid.hi');
    await page.goto('/entri?opd=disnakertrans&tahun=2023&tw=2');
    const kode = '2.07.05.2.01#1';
    const k = kartu(page, kode);
    await k.locator('input[name="nilai"]').fill('17');
    await k.getByLabel('Keterangan').fill('diketik lalu halaman dimuat ulang');
    // No pause for the autosave: the reload comes mid-typing.
    await page.reload();
    const k2 = kartu(page, kode);
    await k2.waitFor();
    assert.equal(await k2.locator('input[name="nilai"]').inputValue(), '17');
    assert.equal(await k2.getByLabel('Keterangan').inputValue(), 'diketik lalu halaman dimuat ulang');
    await k2.locator('[data-simpan="tersimpan"]').waitFor();
    const e = await diServer(page, 2, kode);
    assert.equal(e?.nilai, 17);
    await h.tutup();
  });

  it('keeps input on the device while the server cannot be reached, across a reload, and sends it later', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kabid.hi');
    // Every save fails as on a dropped connection; reading still works.
    const putus = async (route: import('playwright-core').Route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback());
    await page.route('**/api/**/entri/**', putus);
    await page.goto('/entri?opd=disnakertrans&tahun=2023&tw=2');
    const k = kartu(page, 'IKU-2');
    await k.locator('input[name="pembilang"]').fill('3');
    await k.locator('input[name="penyebut"]').fill('7');
    await k.getByLabel('Keterangan').fill('ditulis saat jaringan putus');
    await k.locator('[data-simpan="lokal"]').waitFor();
    assert.equal((await diServer(page, 2, 'IKU-2'))?.status, 'kosong');

    await page.reload();
    const k2 = kartu(page, 'IKU-2');
    await k2.waitFor();
    assert.equal(await k2.locator('input[name="pembilang"]').inputValue(), '3');
    assert.equal(await k2.locator('input[name="penyebut"]').inputValue(), '7');
    assert.equal(await k2.getByLabel('Keterangan').inputValue(), 'ditulis saat jaringan putus');
    await k2.locator('.dipulihkan').waitFor();
    await k2.locator('[data-simpan="lokal"]').waitFor();

    await page.unroute('**/api/**/entri/**', putus);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await k2.locator('[data-simpan="tersimpan"]').waitFor();
    const e = await diServer(page, 2, 'IKU-2');
    assert.deepEqual([e?.pembilang, e?.penyebut, e?.keterangan], [3, 7, 'ditulis saat jaringan putus']);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((x) => x.startsWith('sikiper:draf:')).length), 0);
    await h.tutup();
  });

  it('on a conflicting save shows the server value and lets the user take it or keep their own', async () => {
    const a: Halaman = await halamanBaru(browser, server);
    const b: Halaman = await halamanBaru(browser, server);
    await masuk(a.page, 'kabid.hi');
    await masuk(b.page, 'kabid.hi');
    const url = '/entri?opd=disnakertrans&tahun=2023&tw=1';
    await a.page.goto(url);
    await b.page.goto(url);
    const ka = kartu(a.page, 'IKU-2');
    const kb = kartu(b.page, 'IKU-2');
    await kb.waitFor();

    await ka.locator('input[name="pembilang"]').fill('2');
    await ka.locator('input[name="penyebut"]').fill('5');
    await ka.locator('[data-simpan="tersimpan"]').waitFor();

    // B still has the form as it was before A saved.
    await kb.locator('input[name="pembilang"]').fill('4');
    const konflik = kb.locator('.konflik');
    await konflik.waitFor();
    assert.equal((await konflik.locator('.nilai-server').innerText()).trim(), '2 / 5');
    await konflik.getByRole('button', { name: 'Pakai nilai server' }).click();
    await konflik.waitFor({ state: 'detached' });
    assert.equal(await kb.locator('input[name="pembilang"]').inputValue(), '2');
    assert.equal(await kb.locator('input[name="penyebut"]').inputValue(), '5');

    // Second round: A changes again, B keeps its own input this time.
    await ka.locator('input[name="penyebut"]').fill('6');
    await tunggu(async () => (await diServer(a.page, 1, 'IKU-2'))?.penyebut === 6, "A's second save");
    await kb.locator('input[name="penyebut"]').fill('8');
    await konflik.waitFor();
    await konflik.getByRole('button', { name: 'Pakai isian saya' }).click();
    await kb.locator('[data-simpan="tersimpan"]').waitFor();
    const e = await diServer(b.page, 1, 'IKU-2');
    assert.deepEqual([e?.pembilang, e?.penyebut], [2, 8]);
    await a.tutup();
    await b.tutup();
  });
});
