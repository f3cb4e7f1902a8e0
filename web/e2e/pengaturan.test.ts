/**
 * Settings and budget realisation in the browser: admin pemda switches to the five-band scale
 * (the dashboard's bands follow) and gives one unit a later deadline; keuangan enters a budget
 * realisation the Indonesian way ("1.234.567"), keeps it across a reload before saving, and
 * sees the absorption change on the dashboard. With SIKIPER_SCREENSHOTS=1 the screens are
 * saved to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiDariHalaman, halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, OPD, PEMDA, PONSEL, potret, tunggu, type Server } from './harness.ts';

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

const LIMA = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah'];
const rupiah = (n: number) => new Intl.NumberFormat('id-ID').format(n);

describe('settings and budget realisation', { skip: lewati }, () => {
  it('admin pemda switches to the five-band scale and the dashboard follows', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'admin.paser');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaturan' }).click();
    await page.getByRole('button', { name: 'Lima tingkat (Permendagri 86/2017)' }).click();
    assert.equal(await page.getByLabel('Predikat 1').inputValue(), 'Sangat Tinggi');
    // A band out of order is named before anything is sent.
    await page.getByLabel('Batas bawah (%) 2').fill('95');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Batas bawah harus lebih kecil dari band di atasnya.').waitFor();
    await page.getByLabel('Batas bawah (%) 2').fill('76');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByRole('status').getByText('Tersimpan.').waitFor();
    await potret(page, 'pengaturan-skala-desktop');

    await page.goto(`/dasbor?opd=${OPD}&tahun=2023`);
    await page.locator('.lencana-predikat').first().waitFor();
    const labels = await page.locator('.lencana-predikat').allTextContents();
    assert.ok(labels.length > 0);
    for (const l of labels) assert.ok(LIMA.includes(l.trim()) || l.trim() === 'Tanpa predikat', `band "${l}" is not on the five-band scale`);

    // The lower-is-better rule shows a live example of each variant.
    await page.goto('/pengaturan?tab=rumus');
    await page.getByLabel('Target contoh').fill('5');
    await page.getByLabel('Realisasi contoh').fill('12');
    assert.match(await page.locator('[data-rumus="selisih"]').innerText(), /-40,00%/);
    assert.match(await page.locator('[data-rumus="selisih-min-nol"]').innerText(), /→ Capaian: 0,00%/);
    assert.match(await page.locator('[data-rumus="rasio-terbalik"]').innerText(), /41,67%/);
    await potret(page, 'pengaturan-rumus-desktop');
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('admin pemda gives one unit a later deadline', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'admin.paser');
    await page.goto('/pengaturan?tab=tenggat');
    await page.getByLabel('Tahun').selectOption('2024');
    const tw1 = page.locator('form[data-triwulan="1"]');
    await tw1.getByLabel('Batas umum triwulan 1').fill('2024-04-10T23:59');
    await tw1.getByRole('button', { name: 'Tambah pengecualian' }).click();
    await tw1.getByLabel('Unit', { exact: true }).selectOption('disnakertrans/bidang-hi');
    await tw1.getByLabel('Batas unit').fill('2024-04-20T23:59');
    await potret(page, 'pengaturan-tenggat-desktop');
    await tw1.getByRole('button', { name: 'Simpan triwulan 1' }).click();
    await tunggu(async () => {
      const r = await apiDariHalaman(page, 'GET', `/api/pemda/${PEMDA}/tenggat/2024`);
      const q1 = (r.body as { triwulan: Array<{ triwulan: number; pengecualian: Array<{ unit: string; batas: string }> }> }).triwulan[0];
      return q1?.pengecualian[0]?.unit === 'bidang-hi';
    }, 'the exception for bidang-hi is stored');
    const r = await apiDariHalaman(page, 'GET', `/api/pemda/${PEMDA}/tenggat/2024`);
    const q1 = (r.body as { triwulan: Array<{ batas: string; pengecualian: Array<{ batas: string }> }> }).triwulan[0];
    // Typed in the browser's zone, Asia/Makassar (UTC+8).
    assert.equal(q1?.batas, '2024-04-10T15:59:00.000Z');
    assert.equal(q1?.pengecualian[0]?.batas, '2024-04-20T15:59:00.000Z');

    await page.goto('/pengaturan?tab=pengguna');
    await page.locator('.kartu-pengguna').first().waitFor();
    await potret(page, 'pengaturan-pengguna-desktop', 900);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('keuangan enters a budget realisation, keeps it across a reload, and the absorption changes', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'keuangan.disnakertrans');
    const dash = async () =>
      ((await apiDariHalaman(page, 'GET', `/api/pemda/${PEMDA}/opd/${OPD}/tahun/2023/dashboard`)).body as { anggaran: { total: { pagu: number; realisasi: number; serapan: number } } }).anggaran.total;
    const before = await dash();

    // No year in the address: the screen opens on the latest year with data (2023), not this year.
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Realisasi Anggaran' }).click();
    await tunggu(() => new URL(page.url()).searchParams.get('tahun') === '2023', 'the year defaults to 2023');
    const inputs = page.locator('input[aria-label^="Realisasi "]');
    await inputs.first().waitFor();
    // The line with the largest realisasi, so that halving it moves the absorption visibly.
    const nilai = (await inputs.evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? '', (e as HTMLInputElement).value] as const))).map(
      ([l, v]) => [l, Number(v.replace(/\./g, ''))] as const,
    );
    const [label, lama] = nilai.reduce((a, b) => (b[1] > a[1] ? b : a));
    const selisih = Math.round(lama / 2);
    const baru = lama - selisih;
    assert.ok(baru > 0);
    await page.getByLabel(label, { exact: true }).fill(rupiah(baru));
    await page.getByText('Ada 1 isian yang belum disimpan').waitFor();

    // Nothing typed is lost to a reload.
    await page.reload();
    await page.getByLabel(label, { exact: true }).waitFor();
    assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), rupiah(baru));

    // A negative amount is refused on the spot.
    await page.getByLabel(label, { exact: true }).fill('-5');
    await page.getByText('Tidak boleh negatif.').waitFor();
    await page.getByLabel(label, { exact: true }).fill(rupiah(baru));
    await potret(page, 'anggaran-desktop', 900);
    await page.getByRole('button', { name: /^Simpan perubahan/ }).click();
    await page.getByText('Tersimpan. Dasbor menampilkan serapan terbaru.').waitFor();

    const after = await dash();
    assert.equal(after.realisasi, before.realisasi - selisih);
    assert.notEqual(after.serapan, before.serapan);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Dasbor' }).click();
    await page.getByText(`${rupiah(after.realisasi)} dari pagu`, { exact: false }).waitFor();

    await page.setViewportSize(PONSEL);
    await page.goto(`/anggaran?opd=${OPD}&tahun=2023`);
    await page.locator('input[aria-label^="Realisasi "]').first().waitFor();
    const m = await meluber(page);
    assert.ok(m.lebar <= m.jendela, `page wider than the phone: ${m.pelaku.join(', ')}`);
    await potret(page, 'anggaran-ponsel', 900);
    assert.deepEqual(h.galat, []);
    assert.deepEqual(h.luar, []);
    await h.tutup();
  });
});
