/**
 * The quarterly cycle in a real browser, as the people who run it: a unit head enters IKU-2 of
 * quarter 4 2023 (a formula indicator that has only a whole-year value in the seed) and
 * submits; the planner returns it with a note; the unit head corrects and resubmits; the
 * planner verifies and the head of the OPD approves; the entry is then locked, in the UI and
 * on the API. A second unit's Renja indicator with no value at all shows that an approved
 * quarter reaches the dashboard's capaian.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiDariHalaman, halamanBaru, lewati, masuk, mulaiBrowser, mulaiServer, pathEntri, potret, tunggu, type Halaman, type Server } from './harness.ts';

const ENTRI = '/entri?opd=disnakertrans&tahun=2023&tw=4';
const VERIFIKASI = '/verifikasi?opd=disnakertrans&tahun=2023&tw=4';
const DASBOR = '/dasbor?opd=disnakertrans&tahun=2023&tw=4';
const CATATAN = 'Penyebut harus semua kasus yang terdaftar di TW4 (12 kasus), bukan 10.';

function kartu(page: Page, kode: string): Locator {
  return page.locator(`article[data-kode="${kode}"]`);
}

async function statusKartu(k: Locator): Promise<string | null> {
  return k.getAttribute('data-status');
}

/** The "Disetujui" cell (n/total) of a unit in the dashboard's progress table. */
async function disetujuiUnit(page: Page, unit: string): Promise<string> {
  const row = page.locator(`tr[data-unit="${unit}"]`);
  await row.waitFor();
  return (await row.locator('td').nth(5).innerText()).trim();
}

describe('realisasi workflow in the browser', { skip: lewati }, () => {
  let server: Server;
  let browser: Browser;
  let unit: Halaman;
  let perencana: Halaman;
  let kepala: Halaman;
  let progresAwal = '';

  before(async () => {
    server = await mulaiServer();
    browser = await mulaiBrowser();
    unit = await halamanBaru(browser, server);
    perencana = await halamanBaru(browser, server);
    kepala = await halamanBaru(browser, server);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the planner sees the quarter-4 progress of Hubungan Industrial before anything is entered', async () => {
    await masuk(perencana.page, 'perencana.disnakertrans');
    await perencana.page.goto(DASBOR);
    progresAwal = await disetujuiUnit(perencana.page, 'bidang-hi');
    assert.match(progresAwal, /^\d+\/\d+$/);
  });

  it('1. the unit head enters IKU-2, sees the live value, a range error, autosave, evidence, and submits', async () => {
    const { page } = unit;
    await masuk(page, 'kabid.hi');
    // A unit head lands on the entry screen; the year and quarter are chosen like a user would.
    assert.equal(new URL(page.url()).pathname, '/entri');
    await page.getByLabel('Tahun').selectOption('2023');
    await page.getByLabel('Triwulan', { exact: true }).selectOption('4');
    const k = kartu(page, 'IKU-2');
    await k.waitFor();
    assert.equal(await statusKartu(k), 'kosong');

    const pembilang = k.locator('input[name="pembilang"]');
    const penyebut = k.locator('input[name="penyebut"]');
    await pembilang.fill('12');
    await penyebut.fill('10');
    // More settled cases than registered ones cannot be a percentage.
    await k.getByText('Pembilang tidak boleh lebih besar dari penyebut').waitFor();
    assert.equal(await pembilang.getAttribute('aria-invalid'), 'true');
    await k.locator('[data-simpan="tidak-sah"]').waitFor();
    await pembilang.fill('-1');
    await k.getByText('Nilai tidak boleh negatif.').waitFor();

    await pembilang.fill('8');
    await k.locator('output.hasil', { hasText: '80%' }).waitFor();
    await k.getByLabel('Keterangan').fill('8 kasus selesai melalui Perjanjian Bersama dari 10 kasus.');
    await k.locator('[data-simpan="tersimpan"]', { hasText: 'Tersimpan otomatis' }).waitFor();
    await tunggu(async () => {
      const r = await apiDariHalaman(page, 'GET', pathEntri(2023, 4));
      const e = (r.body as { indikator: Array<{ kode: string; pembilang: number | null; penyebut: number | null; status: string }> }).indikator.find((x) => x.kode === 'IKU-2');
      return e?.pembilang === 8 && e.penyebut === 10 && e.status === 'draf';
    }, 'the autosaved draft on the server');
    assert.equal(await statusKartu(k), 'draf');

    // Evidence: too large is refused in the browser, a PDF is uploaded.
    const file = k.locator('input[type="file"]');
    await file.setInputFiles({ name: 'besar.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 0x25) });
    await k.getByText('Berkas terlalu besar').waitFor();
    await file.setInputFiles({ name: 'kasus-tw4.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await k.getByRole('link', { name: 'kasus-tw4.pdf' }).waitFor();
    await potret(page, 'entri-terisi-desktop', 1100);

    await k.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await tunggu(async () => (await statusKartu(k)) === 'diajukan', 'IKU-2 submitted');
    assert.equal(await pembilang.isEditable(), false);
  });

  it('2. the planner returns it with a required comment', async () => {
    const { page } = perencana;
    await page.goto(VERIFIKASI);
    const k = kartu(page, 'IKU-2');
    await k.waitFor();
    assert.equal(await statusKartu(k), 'diajukan');
    await k.locator('.nilai-realisasi', { hasText: '80%' }).waitFor();
    await k.getByRole('button', { name: 'Tolak' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tolak dan kembalikan' }).click();
    await dialog.getByText('Alasan penolakan wajib diisi.').waitFor();
    await dialog.getByLabel('Alasan penolakan').fill(CATATAN);
    await potret(page, 'verifikasi-tolak-desktop', false);
    await dialog.getByRole('button', { name: 'Tolak dan kembalikan' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nothing waits for the planner any more; the entry is listed as returned.
    await page.getByLabel('Tampilkan').selectOption('ditolak');
    await tunggu(async () => (await statusKartu(kartu(page, 'IKU-2'))) === 'ditolak', 'IKU-2 returned');
  });

  it('3. the unit head sees the comment, corrects the value and resubmits', async () => {
    const { page } = unit;
    await page.goto(ENTRI);
    const k = kartu(page, 'IKU-2');
    await k.waitFor();
    assert.equal(await statusKartu(k), 'ditolak');
    const note = k.locator('.komentar-tolak');
    await note.getByText(CATATAN).waitFor();
    assert.match(await note.innerText(), /perencana\.disnakertrans/);
    await k.locator('input[name="penyebut"]').fill('12');
    await k.locator('output.hasil', { hasText: '66,67%' }).waitFor();
    await k.locator('[data-simpan="tersimpan"]', { hasText: 'Tersimpan otomatis' }).waitFor();
    await k.getByRole('button', { name: 'Ajukan lagi' }).click();
    await tunggu(async () => (await statusKartu(k)) === 'diajukan', 'IKU-2 resubmitted');
  });

  it('4. the planner verifies and the head of the OPD approves', async () => {
    let k = kartu(perencana.page, 'IKU-2');
    await perencana.page.goto(VERIFIKASI);
    await k.waitFor();
    await k.locator('.nilai-realisasi', { hasText: '66,67%' }).waitFor();
    await k.getByRole('button', { name: 'Verifikasi' }).click();
    await k.waitFor({ state: 'detached' });

    await masuk(kepala.page, 'kepala.disnakertrans');
    await kepala.page.goto(VERIFIKASI);
    k = kartu(kepala.page, 'IKU-2');
    await k.waitFor();
    assert.equal(await statusKartu(k), 'diverifikasi');
    await k.getByRole('button', { name: 'Setujui' }).click();
    await k.waitFor({ state: 'detached' });
    await kepala.page.getByLabel('Tampilkan').selectOption('disetujui');
    k = kartu(kepala.page, 'IKU-2');
    await k.getByRole('img', { name: 'Terkunci' }).waitFor();
    assert.equal(await k.getByRole('button', { name: 'Tolak' }).count(), 0);
  });

  it('5. the entry is locked for the unit head, in the form and on the API, and keeps its history', async () => {
    const { page } = unit;
    await page.goto(ENTRI);
    const k = kartu(page, 'IKU-2');
    await k.waitFor();
    assert.equal(await statusKartu(k), 'disetujui');
    await k.getByText('sudah disetujui dan terkunci').waitFor();
    for (const name of ['pembilang', 'penyebut']) assert.equal(await k.locator(`input[name="${name}"]`).isEditable(), false, name);
    assert.equal(await k.getByLabel('Keterangan').isEditable(), false);
    // A locked value stays readable: read-only, not greyed out (WCAG AA, 4,5:1 at least).
    for (const name of ['pembilang', 'penyebut']) {
      const gaya = await k.locator(`input[name="${name}"]`).evaluate((el) => {
        const st = getComputedStyle(el);
        let latar = st.backgroundColor;
        let opasitas = 1;
        for (let p: Element | null = el; p; p = p.parentElement) {
          const g = getComputedStyle(p);
          opasitas *= Number(g.opacity || 1);
          if (latar === 'rgba(0, 0, 0, 0)') latar = g.backgroundColor;
        }
        return { warna: st.color, latar: latar === 'rgba(0, 0, 0, 0)' ? 'rgb(255, 255, 255)' : latar, opasitas };
      });
      const rasio = kontras(gaya.warna, gaya.latar) * gaya.opasitas;
      assert.ok(rasio >= 4.5, `${name}: contrast ${rasio.toFixed(2)}:1 (${JSON.stringify(gaya)})`);
    }
    assert.equal(await k.getByRole('button', { name: /^Ajukan/ }).count(), 0);
    assert.equal(await k.locator('input[type="file"]').count(), 0);

    const put = await apiDariHalaman(page, 'PUT', pathEntri(2023, 4, 'IKU-2'), { pembilang: 1, penyebut: 12, version: 99 });
    assert.equal(put.status, 423, JSON.stringify(put.body));

    await k.getByRole('button', { name: 'Riwayat' }).click();
    const riwayat = k.locator('.tabel-riwayat tbody tr');
    await riwayat.first().waitFor();
    const teks = await k.locator('.tabel-riwayat').innerText();
    assert.match(teks, /Penyebut/);
    assert.match(teks, /kabid\.hi/);
    assert.match(teks, /kepala\.disnakertrans/);
  });

  it('5. the dashboard counts the approved entry in the quarter-4 progress of the unit', async () => {
    const { page } = perencana;
    await page.goto(DASBOR);
    const sesudah = await disetujuiUnit(page, 'bidang-hi');
    const [awal = 0, total] = progresAwal.split('/').map(Number);
    assert.equal(sesudah, `${awal + 1}/${total}`);
  });

  it('5. an approved quarter of an indicator without a value gives the dashboard a new capaian', async () => {
    const kode = '2.07.04.2.04#1';
    const baris = (page: Page) => page.locator(`tr[data-indikator="${kode}"] td.capaian-indikator`);
    await kepala.page.goto(DASBOR);
    await kepala.page.getByText(/Tampilkan \d+ indikator program dan kegiatan/).click();
    assert.equal((await baris(kepala.page).innerText()).trim(), 'belum diisi');

    const p2k2 = await halamanBaru(browser, server);
    await masuk(p2k2.page, 'kabid.p2k2');
    await p2k2.page.goto(ENTRI);
    const k = kartu(p2k2.page, kode);
    await k.locator('input[name="nilai"]').fill('80');
    await k.getByLabel('Keterangan').fill('8 dari 10 PMI purna penempatan didampingi.');
    await k.locator('[data-simpan="tersimpan"]').waitFor();
    await k.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await tunggu(async () => (await statusKartu(k)) === 'diajukan', `${kode} submitted`);
    await p2k2.tutup();

    await perencana.page.goto(VERIFIKASI);
    await kartu(perencana.page, kode).getByRole('button', { name: 'Verifikasi' }).click();
    await kartu(perencana.page, kode).waitFor({ state: 'detached' });
    await kepala.page.goto(VERIFIKASI);
    await kartu(kepala.page, kode).getByRole('button', { name: 'Setujui' }).click();
    await kartu(kepala.page, kode).waitFor({ state: 'detached' });

    await kepala.page.goto(DASBOR);
    await kepala.page.getByText(/Tampilkan \d+ indikator program dan kegiatan/).click();
    // Target 100%, realisasi 80%: capaian 80,00%, written the Indonesian way.
    assert.equal((await baris(kepala.page).innerText()).trim(), '80,00%');
  });

  it('made no request outside the server and broke no Content-Security-Policy rule', () => {
    for (const h of [unit, perencana, kepala]) {
      assert.deepEqual(h.luar, []);
      assert.deepEqual(h.galat, []);
    }
  });
});

/** WCAG contrast ratio of two CSS rgb() colours. */
function kontras(a: string, b: string): number {
  const lum = (c: string) => {
    const [r = 0, g = 0, bl = 0] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
