/**
 * The LKJIP narrative and the SAKIP evaluation in the browser: the perencana empties and
 * rewrites a section's narrative, the "Kosong" badge follows, a typed but unsaved paragraph
 * survives a reload, and the saved text is there after a reload; the inspektorat enters the LKE
 * scores and sees the total and the grade. Both screens fit a phone. With SIKIPER_SCREENSHOTS=1
 * the screens are saved to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, PONSEL, potret, tunggu, type Server } from './harness.ts';

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

describe('LKJIP narrative and SAKIP evaluation', { skip: lewati }, () => {
  it('a perencana edits a section, the text survives a reload; the empty badge follows', async () => {
    const h = await halamanBaru(browser, server, DESKTOP);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Narasi LKJIP' }).click();
    await page.getByRole('heading', { name: 'Narasi LKJIP', level: 1 }).waitFor();
    // The reference dataset is the year 2023.
    await page.goto('/narasi?opd=disnakertrans&tahun=2023');
    const kartu = page.locator('section[aria-labelledby="bagian-kendala-judul"]');
    await kartu.waitFor();
    assert.equal(await kartu.getByTestId('lencana-kosong').count(), 0, 'the reference LKJIP writes its obstacles');

    // Remove every paragraph and save: the section is marked empty.
    while ((await kartu.getByRole('button', { name: /^Hapus paragraf/ }).count()) > 0) await kartu.getByRole('button', { name: /^Hapus paragraf/ }).first().click();
    await kartu.getByRole('button', { name: 'Simpan' }).click();
    await kartu.getByTestId('lencana-kosong').waitFor();

    // Add a paragraph by keyboard, type, and reload before saving: the typing is still there.
    await kartu.getByRole('button', { name: 'Tambah paragraf: BAB II · Kendala yang dihadapi' }).focus();
    await page.keyboard.press('Enter');
    const p1 = kartu.getByLabel('Paragraf 1', { exact: true });
    await p1.fill('Sinyal internet di UPT Balai Latihan Kerja belum stabil.');
    await page.reload();
    await page.locator('section[aria-labelledby="bagian-kendala-judul"]').getByLabel('Paragraf 1', { exact: true }).waitFor();
    assert.equal(await kartu.getByLabel('Paragraf 1', { exact: true }).inputValue(), 'Sinyal internet di UPT Balai Latihan Kerja belum stabil.');
    await kartu.getByRole('button', { name: 'Simpan' }).click();
    await kartu.getByText('Tersimpan').waitFor();
    await tunggu(async () => (await kartu.getByTestId('lencana-kosong').count()) === 0, 'the empty badge goes once saved');
    await potret(page, 'narasi-desktop', 1400);

    await page.reload();
    await kartu.getByLabel('Paragraf 1', { exact: true }).waitFor();
    assert.equal(await kartu.getByLabel('Paragraf 1', { exact: true }).inputValue(), 'Sinyal internet di UPT Balai Latihan Kerja belum stabil.');
    assert.equal(await kartu.getByLabel('Paragraf 2', { exact: true }).count(), 0);
    assert.equal(await kartu.getByText('Ada ketikan yang belum disimpan').count(), 0, 'no draft left once saved');
    await tunggu(() => h.luar.length === 0 && h.galat.length === 0, `no outside request or CSP violation: ${[...h.luar, ...h.galat].join('; ')}`, 1);
    await h.tutup();
  });

  it('the inspektorat enters an evaluation and sees the grade; both screens fit a phone', async () => {
    const h = await halamanBaru(browser, server, DESKTOP);
    const { page } = h;
    await masuk(page, 'inspektorat.paser');
    await page.goto('/evaluasi?opd=disnakertrans&tahun=2023');
    // Before any evaluation there is no grade: not "D" (a grade the OPD never received).
    await page.locator('[data-testid="predikat"][data-predikat="belum"]').waitFor();
    assert.equal((await page.getByTestId('predikat').textContent())?.trim(), 'Predikat: belum dievaluasi');
    for (const k of ['Perencanaan Kinerja', 'Pengukuran Kinerja', 'Pelaporan Kinerja', 'Evaluasi Akuntabilitas Kinerja Internal'])
      for (const s of ['Pemenuhan (20%)', 'Kualitas (30%)', 'Implementasi (50%)']) await page.getByLabel(`${k} · ${s}`, { exact: true }).fill('80');
    // 80 exactly is BB; one sub-component a little higher makes the total 80,5: A.
    await page.getByLabel('Pelaporan Kinerja · Implementasi (50%)', { exact: true }).fill('86,6666');
    await page.getByRole('button', { name: 'Tambah rekomendasi' }).click();
    await page.getByLabel('Rekomendasi 1', { exact: true }).fill('Lengkapi bukti dukung capaian IKU setiap triwulan');
    await page.getByRole('button', { name: 'Simpan evaluasi' }).click();
    await page.locator('[data-testid="predikat"][data-predikat="A"]').waitFor();
    await page.getByText('Tersimpan').waitFor();
    // 80 + 15 × 50% × 6,6666% = 80,499995 → shown as 80,5
    assert.equal((await page.getByTestId('total-lke').innerText()).trim(), '80,5');
    await potret(page, 'evaluasi-desktop', 1400);

    await page.setViewportSize(PONSEL);
    const m = await meluber(page);
    assert.ok(m.lebar <= m.jendela, `evaluation at 375px is ${m.lebar}px wide: ${m.pelaku.join('; ')}`);
    await potret(page, 'evaluasi-ponsel', 1400);
    await page.goto('/narasi?opd=disnakertrans&tahun=2023');
    await page.locator('section[aria-labelledby="bagian-kendala-judul"]').waitFor();
    await page.getByRole('note').getByText('perencana atau kepala OPD').waitFor();
    assert.equal(await page.locator('main textarea:not([readonly])').count(), 0, 'the inspektorat reads the narrative only');
    const n = await meluber(page);
    assert.ok(n.lebar <= n.jendela, `narrative at 375px is ${n.lebar}px wide: ${n.pelaku.join('; ')}`);
    await potret(page, 'narasi-ponsel', 1400);
    await h.tutup();
  });
  it('a refused sign-off lists what is missing per unit, in words, each linked to its entry screen', async () => {
    const h = await halamanBaru(browser, server, DESKTOP);
    const { page } = h;
    await masuk(page, 'kepala.disnakertrans');
    await page.goto('/evaluasi?opd=disnakertrans&tahun=2023');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Sahkan tahun 2023' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Belum dapat disahkan' });
    await alert.waitFor();
    const teks = await alert.innerText();
    // Statuses in words (never the stored "kosong"), every missing quarter listed (no "…").
    assert.doesNotMatch(teks, /\bkosong\b|…/);
    assert.match(teks, /· (Belum diisi|Draf|Diajukan|Ditolak|Diverifikasi): TW1(, TW2)?/);
    // Grouped by the unit that owes the entries: one section per unit, each with its count.
    const unit = alert.locator('section');
    assert.ok((await unit.count()) >= 2, 'several units owe entries');
    const judul = await unit.first().locator('p').first().innerText();
    assert.match(judul, /^.+: \d+ isian$/);
    // The per-unit counts cover the total of the title (an entry owed by two units counts in both).
    const total = Number(/Belum dapat disahkan: (\d+) isian/.exec(teks)?.[1]);
    const perUnit = [...teks.matchAll(/: (\d+) isian\n/g)].reduce((a, m) => a + Number(m[1]), 0);
    assert.ok(total > 0 && perUnit >= total, `${perUnit} per unit, ${total} in all`);
    // A link opens the entry screen of that quarter.
    const link = unit.first().getByRole('link').first();
    await link.click();
    await page.waitForURL(/\/entri\?opd=disnakertrans&tahun=2023&tw=[1-4]$/);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });
});
