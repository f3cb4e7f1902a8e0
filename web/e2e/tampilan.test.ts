/**
 * What each role sees: a unit head only its own unit (in the UI and when calling the API from
 * the page), navigation by role, the language switch; and every main screen at 1366×768 and
 * 375×812 without a page-wide horizontal scrollbar. With SIKIPER_SCREENSHOTS=1 the screens are
 * saved to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiDariHalaman, DESKTOP, halamanBaru, keluar, lewati, masuk, meluber, mulaiBrowser, mulaiServer, pathEntri, PONSEL, potret, tunggu, type Server } from './harness.ts';

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

async function judulKartu(page: Page): Promise<string[]> {
  return page.locator('article[data-kode]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kode') ?? ''));
}

describe('a unit head is confined to its own unit', { skip: lewati }, () => {
  it('sees only its indicators, and only the entry and register screens', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kabid.hi');
    const menu = await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link').allInnerTexts();
    // The registers are open to unit heads (personal columns masked), so the menu links them.
    assert.deepEqual(menu, ['Entri Realisasi', 'Register']);

    await page.goto('/entri?opd=disnakertrans&tahun=2023&tw=4');
    await page.locator('article[data-kode="IKU-2"]').waitFor();
    const kode = await judulKartu(page);
    assert.ok(kode.length > 0);
    for (const lain of ['IKU-1', 'IKU-3', 'IKU-4', '2.07.03#1', '2.07.04.2.04#1']) assert.ok(!kode.includes(lain), `${lain} is shown to kabid.hi`);
    const r = await apiDariHalaman(page, 'GET', pathEntri(2023, 4));
    assert.equal(r.status, 200);
    for (const e of (r.body as { indikator: Array<{ kode: string; unit: string[] }> }).indikator) assert.ok(e.unit.includes('bidang-hi'), `${e.kode} belongs to ${e.unit.join(',')}`);

    for (const path of ['/dasbor?tahun=2023', '/verifikasi?tahun=2023']) {
      await page.goto(path);
      await page.getByRole('alert').getByText('Anda tidak berhak').waitFor();
    }
    await h.tutup();
  });

  it("cannot read or change another unit's indicator, or do the planner's work, through the API from the page", async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'kabid.hi');
    const ditolak = (s: number) => s === 403 || s === 404;
    const percobaan: Array<[string, string, unknown?]> = [
      ['PUT', pathEntri(2023, 4, 'IKU-1'), { pembilang: 1, penyebut: 2, version: 0 }],
      ['PUT', pathEntri(2023, 4, '2.07.03#1'), { nilai: 1, version: 0 }],
      ['POST', `${pathEntri(2023, 4, 'IKU-1')}/ajukan`, { version: 0 }],
      ['GET', `${pathEntri(2023, 4, 'IKU-1')}/riwayat`],
      ['GET', '/api/pemda/paser/opd/disnakertrans/tahun/2023/dashboard'],
      ['POST', `${pathEntri(2023, 4, 'IKU-2')}/verifikasi`, { version: 0 }],
      ['POST', `${pathEntri(2023, 4, 'IKU-2')}/setujui`, { version: 0 }],
    ];
    for (const [method, path, body] of percobaan) {
      const r = await apiDariHalaman(page, method, path, body);
      assert.ok(ditolak(r.status), `${method} ${path} answered ${r.status} ${JSON.stringify(r.body)}`);
    }
    // Nothing was written for the other unit.
    const p2k = await halamanBaru(browser, server);
    await masuk(p2k.page, 'perencana.disnakertrans');
    const list = await apiDariHalaman(p2k.page, 'GET', pathEntri(2023, 4));
    const ind = (list.body as { indikator: Array<{ kode: string; status: string; nilai: number | null; pembilang: number | null }> }).indikator;
    const renja = ind.find((e) => e.kode === '2.07.03#1');
    assert.ok(renja && renja.nilai !== 1 && renja.status !== 'draf', JSON.stringify(renja));
    const iku1 = ind.find((e) => e.kode === 'IKU-1');
    assert.ok(iku1 && iku1.pembilang !== 1 && iku1.status === 'disetujui', JSON.stringify(iku1));
    await h.tutup();
    await p2k.tutup();
  });

  it('a planner has dashboard, entry, verification, plan, reports, Excel import, registers, narrative and evaluation; the language switch is remembered', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Dasbor', 'Entri Realisasi', 'Verifikasi', 'Rencana Kinerja', 'Laporan', 'Impor Excel', 'Register', 'Narasi LKJIP', 'Evaluasi SAKIP']);
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await page.reload();
    const navEn = page.getByRole('navigation', { name: 'Main navigation' });
    await navEn.waitFor();
    assert.deepEqual(await navEn.getByRole('link').allInnerTexts(), ['Dashboard', 'Quarterly entry', 'Verification', 'Performance plan', 'Reports', 'Excel import', 'Registers', 'LKJIP narrative', 'SAKIP evaluation']);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // Numbers stay in the Indonesian form in English too.
    await page.goto('/dasbor?opd=disnakertrans&tahun=2023');
    await page.getByText('110,66%').first().waitFor();
    await page.getByText('ID', { exact: true }).click();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Nama pengguna').waitFor();
    const me = await apiDariHalaman(page, 'GET', '/api/me');
    assert.equal(me.status, 401);
    await h.tutup();
  });
});

describe('main screens at desktop and phone width', { skip: lewati }, () => {
  // `penuh`: the whole page in the screenshot; the long lists are shown as one screenful.
  const layar: Array<{ nama: string; user?: string; path: string; penuh?: boolean; siap: (p: Page) => Promise<void> }> = [
    { nama: 'masuk', path: '/masuk', penuh: true, siap: (p) => p.getByLabel('Nama pengguna').waitFor() },
    {
      nama: 'dasbor',
      user: 'perencana.disnakertrans',
      path: '/dasbor?opd=disnakertrans&tahun=2023&tw=4',
      penuh: true,
      siap: async (p) => {
        await p.locator('tr[data-unit]').first().waitFor();
        await p.locator('figure.grafik svg').first().waitFor();
      },
    },
    { nama: 'entri', user: 'kabid.hi', path: '/entri?opd=disnakertrans&tahun=2023&tw=4', siap: (p) => p.locator('article[data-kode="IKU-2"]').waitFor() },
    {
      nama: 'verifikasi',
      user: 'perencana.disnakertrans',
      path: '/verifikasi?opd=disnakertrans&tahun=2023&tw=4',
      siap: async (p) => {
        await p.getByLabel('Tampilkan').selectOption('semua');
        await p.locator('article[data-kode]').first().waitFor();
      },
    },
  ];

  for (const [ukuran, viewport] of [
    ['desktop', DESKTOP],
    ['ponsel', PONSEL],
  ] as const) {
    it(`has no horizontal overflow at ${viewport.width}×${viewport.height}`, async () => {
      const h = await halamanBaru(browser, server, viewport);
      const { page } = h;
      let siapa: string | undefined;
      for (const l of layar) {
        if (l.user !== siapa) {
          if (siapa) await keluar(page);
          if (l.user) await masuk(page, l.user);
          siapa = l.user;
        }
        await page.goto(l.path);
        await l.siap(page);
        const m = await meluber(page);
        assert.ok(m.lebar <= m.jendela, `${l.nama} at ${viewport.width}px is ${m.lebar}px wide: ${m.pelaku.join('; ')}`);
        await potret(page, `${l.nama}-${ukuran}`, l.penuh === true);
      }
      await tunggu(() => h.luar.length === 0 && h.galat.length === 0, `no outside request or CSP violation: ${[...h.luar, ...h.galat].join('; ')}`, 1);
      await h.tutup();
    });
  }
});
