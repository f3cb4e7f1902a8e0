/**
 * The public page of the reference pemda in a real browser, without signing in
 * (docs/open-data.md): before the kepala OPD signs 2023 off, the page and the open data say it
 * is not published and show none of its figures; after the sign-off the figures appear, at
 * desktop and at 375 px, with no axe-core violation; a draft value entered meanwhile never
 * appears; reopening the year unpublishes it again.
 *
 * The sign-off needs every quarter of every indicator approved (304 quarters in the seed). The
 * test approves them directly in the server's database while the server is stopped (as the
 * server tests do), then the kepala OPD signs off through the API like the Evaluasi screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { Browser, Page } from 'playwright-core';
import { apiDariHalaman, DESKTOP, halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, OPD, PEMDA, PONSEL, pathEntri, pelanggaranAxe, potret, type Server } from './harness.ts';

const HALAMAN = `/publik/${PEMDA}/opd/${OPD}/2023`;
const DATA = `/data/${PEMDA}/${OPD}/2023`;
const SAHKAN = `/api/pemda/${PEMDA}/opd/${OPD}/tahun/2023/evaluasi/sahkan`;
/** Entered as a draft for 2022 by the unit head; never published. */
const DRAF = 77.77;


async function dapat(page: Page, url: string): Promise<{ status: number; body: string }> {
  const r = await page.request.get(url);
  return { status: r.status(), body: await r.text() };
}

describe('public page and open data in the browser', { skip: lewati }, () => {
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

  it('before the sign-off: the pages say 2023 is not published, with no figure and no axe violation, at desktop and 375 px', async () => {
    for (const [nama, viewport] of [
      ['desktop', DESKTOP],
      ['ponsel', PONSEL],
    ] as const) {
      const h = await halamanBaru(browser, server, viewport);
      const { page } = h;
      const pemda = await page.goto(`/publik/${PEMDA}`);
      assert.equal(pemda?.status(), 200);
      await page.getByRole('heading', { level: 1, name: /Kinerja Perangkat Daerah/ }).waitFor();
      assert.match(await page.locator('main').innerText(), /Belum ada laporan kinerja yang disahkan/);
      assert.deepEqual(await pelanggaranAxe(page), [], `axe /publik/${PEMDA} (${nama})`);
      const r = await page.goto(HALAMAN);
      assert.equal(r?.status(), 404);
      const teks = await page.locator('main').innerText();
      assert.match(teks, /belum dipublikasikan/);
      assert.doesNotMatch(teks, /87,17|110,66/);
      assert.deepEqual(await pelanggaranAxe(page), [], `axe ${HALAMAN} (${nama})`);
      assert.deepEqual(h.galat, []);
      assert.deepEqual(h.luar, []);
      await h.tutup();
    }
    const h = await halamanBaru(browser, server);
    assert.equal((await dapat(h.page, `${DATA}/capaian-iku.csv`)).status, 404);
    const katalog = JSON.parse((await dapat(h.page, `/data/${PEMDA}/katalog.jsonld`)).body) as { 'dcat:dataset': unknown[] };
    assert.deepEqual(katalog['dcat:dataset'], []);
    await h.tutup();
  });

  it('a unit head enters a draft for 2022 (a year never signed off)', async () => {
    const h = await halamanBaru(browser, server);
    await masuk(h.page, 'kabid.p2k');
    const r = await apiDariHalaman(h.page, 'PUT', pathEntri(2022, 1, 'IKU-1'), { nilai: DRAF, version: 0 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await h.tutup();
  });

  it('the kepala OPD signs 2023 off once every quarter is approved', async () => {
    let h = await halamanBaru(browser, server);
    await masuk(h.page, 'kepala.disnakertrans');
    const belum = await apiDariHalaman(h.page, 'POST', SAHKAN);
    assert.equal(belum.status, 409, JSON.stringify(belum.body).slice(0, 300));
    const kurang = (belum.body as { kurang: Array<{ indikator: string; triwulan: number; status: string }> }).kurang;
    assert.ok(kurang.length > 0);
    await h.tutup();

    // Approve everything of 2023 in the stopped server's database.
    await server.stop({ simpanData: true });
    const db = new PGlite(server.dataDir);
    try {
      const { rows } = await db.query<{ id: string; pemda_id: string }>(
        `select t.id, t.pemda_id from tahun_opd t join opd o on o.id = t.opd_id and o.pemda_id = t.pemda_id join pemda p on p.id = t.pemda_id
         where p.slug = $1 and o.slug = $2 and t.tahun = 2023`,
        [PEMDA, OPD],
      );
      const tahun = rows[0];
      assert.ok(tahun);
      await db.query(`update realisasi set status = 'disetujui' where pemda_id = $1 and tahun_opd_id = $2`, [tahun.pemda_id, tahun.id]);
      for (const k of kurang.filter((x) => x.status === 'kosong')) {
        await db.query(
          `insert into realisasi (pemda_id, id, urutan, tahun_opd_id, indikator_kode, triwulan, nilai, bukti, status)
           select $1, gen_random_uuid(), coalesce(max(urutan), 0) + 1, $2, $3, $4, 1, '{}', 'disetujui' from realisasi where pemda_id = $1`,
          [tahun.pemda_id, tahun.id, k.indikator, k.triwulan],
        );
      }
    } finally {
      await db.close();
    }
    server = await mulaiServer({ dataDir: server.dataDir });

    h = await halamanBaru(browser, server);
    await masuk(h.page, 'kepala.disnakertrans');
    const sah = await apiDariHalaman(h.page, 'POST', SAHKAN);
    assert.equal(sah.status, 200, JSON.stringify(sah.body).slice(0, 300));
    await h.tutup();
  });

  it('after the sign-off, without signing in: the 2023 figures at desktop and 375 px, no axe violation, no draft', async () => {
    for (const [nama, viewport] of [
      ['desktop', DESKTOP],
      ['ponsel', PONSEL],
    ] as const) {
      const h = await halamanBaru(browser, server, viewport);
      const { page } = h;
      assert.equal((await page.context().cookies()).length, 0, 'not signed in');
      await page.goto(`/publik/${PEMDA}`);
      await page.getByRole('link', { name: '2023' }).click();
      await page.waitForURL(`**${HALAMAN}`);
      await page.getByRole('heading', { level: 1, name: /Dinas Tenaga Kerja dan Transmigrasi — 2023/ }).waitFor();
      const iku = page.getByRole('table', { name: /Target, realisasi dan capaian IKU/ });
      // Golden capaian of the reference LKJIP (src/measure/golden.test.ts).
      assert.match(await iku.locator('tr[data-kode="IKU-1"]').innerText(), /87,17%/);
      assert.match(await iku.locator('tr[data-kode="IKU-2"]').innerText(), /153,85%/);
      const teks = await page.locator('main').innerText();
      assert.match(teks, /110,66%/);
      assert.match(teks, /Serapan anggaran/);
      assert.doesNotMatch(teks, /77,77/);
      assert.deepEqual(await pelanggaranAxe(page), [], `axe ${HALAMAN} (${nama})`);
      const m = await meluber(page);
      assert.deepEqual(m.pelaku, [], `wider than the ${m.jendela}px window: ${m.lebar}px`);
      await potret(page, `publik-${nama}`);
      await page.goto(`/publik/${PEMDA}`);
      assert.deepEqual(await pelanggaranAxe(page), [], `axe /publik/${PEMDA} after the sign-off (${nama})`);
      assert.deepEqual(h.galat, []);
      assert.deepEqual(h.luar, []);
      await h.tutup();
    }
    const h = await halamanBaru(browser, server);
    const csv = await dapat(h.page, `${DATA}/capaian-iku.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.body, /IKU-1,[^\r\n]*,87\.17,/);
    assert.doesNotMatch(csv.body, /77\.77/);
    const katalog = await dapat(h.page, `/data/${PEMDA}/katalog.jsonld`);
    assert.doesNotMatch(katalog.body, /77\.77/);
    const ld = JSON.parse(katalog.body) as { 'dcat:dataset': Array<{ 'dcat:distribution': Array<{ 'dcat:downloadURL': { '@id': string } }> }> };
    assert.equal(ld['dcat:dataset'].length, 4);
    for (const d of ld['dcat:dataset']) {
      for (const x of d['dcat:distribution']) {
        const r = await dapat(h.page, x['dcat:downloadURL']['@id']);
        assert.equal(r.status, 200, x['dcat:downloadURL']['@id']);
        assert.doesNotMatch(r.body, /77\.77/);
      }
    }
    assert.equal((await dapat(h.page, `/publik/${PEMDA}/opd/${OPD}/2022`)).status, 404);
    await h.tutup();
  });

  it('reopened by the admin: 2023 is unpublished again', async () => {
    const admin = await halamanBaru(browser, server);
    await masuk(admin.page, 'admin.paser');
    const buka = await apiDariHalaman(admin.page, 'POST', `/api/pemda/${PEMDA}/opd/${OPD}/tahun/2023/evaluasi/buka`, { alasan: 'Koreksi data uji' });
    assert.equal(buka.status, 200, JSON.stringify(buka.body).slice(0, 300));
    await admin.tutup();
    const h = await halamanBaru(browser, server);
    const r = await h.page.goto(HALAMAN);
    assert.equal(r?.status(), 404);
    assert.doesNotMatch(await h.page.locator('main').innerText(), /87,17/);
    assert.equal((await dapat(h.page, `${DATA}/capaian-iku.json`)).status, 404);
    await h.tutup();
  });

  it('the admin sets the open-data licence in Pengaturan; the public page and the catalogue name it', async () => {
    const admin = await halamanBaru(browser, server);
    await masuk(admin.page, 'admin.paser');
    await admin.page.goto('/pengaturan?tab=lisensi');
    const nama = admin.page.getByLabel('Nama lisensi');
    await nama.waitFor();
    assert.equal(await nama.inputValue(), 'CC BY 4.0');
    await nama.fill('ODbL 1.0');
    await admin.page.getByLabel('Alamat (URL) naskah lisensi').fill('https://opendatacommons.org/licenses/odbl/1-0/');
    await admin.page.getByRole('button', { name: 'Simpan' }).click();
    await admin.page.getByRole('status').getByText('Tersimpan.').waitFor();
    assert.deepEqual(admin.galat, []);
    await admin.tutup();
    const h = await halamanBaru(browser, server);
    await h.page.goto(`/publik/${PEMDA}`);
    assert.equal(await h.page.locator('a[rel="license"]').innerText(), 'ODbL 1.0');
    const katalog = JSON.parse((await dapat(h.page, `/data/${PEMDA}/katalog.jsonld`)).body) as { 'dct:license': { '@id': string } };
    assert.equal(katalog['dct:license']['@id'], 'https://opendatacommons.org/licenses/odbl/1-0/');
    await h.tutup();
  });
});
