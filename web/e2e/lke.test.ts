/**
 * The criterion-level SAKIP evaluation (LKE, PermenPAN-RB 88/2021) in the browser, tier by tier:
 * the perencana of Disnakertrans starts the evaluation of 2023 and answers three criteria with
 * evidence (a link, an uploaded PDF, the fact SIKIPER proposes from its own records), meets a
 * conflict with the kepala OPD's change of the same answer (shown, then overwritten knowingly), a
 * note typed but not yet saved survives a reload and is sent, and submits; the Inspektorat's evaluator
 * changes one answer with a note (the difference is marked in words) and sends it on; the
 * pengendali teknis returns it with a comment, the evaluator sends it again, and the pengendali
 * teknis approves. The final total and grade on screen equal a computation by hand from the
 * criteria file's weights; the LHE (.docx) prints the same total; the recap of every OPD and its
 * workbook show it. The perencana never gets an editable evaluator answer (nor does the API let
 * it write one). axe-core reports no violation at any stage. The evaluator's recommendation is
 * followed up by the perencana as done, with the link of evidence that requires. The admin
 * pemda's criteria card lists the versions and shows where a refused criteria file is wrong.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiDariHalaman, halamanBaru, lewati, masuk, meluber, mulaiBrowser, mulaiServer, OPD, PEMDA, PONSEL, pelanggaranAxe, potret, tunggu, type Server } from './harness.ts';

const TAHUN = 2023;
const HALAMAN = `/evaluasi?opd=${OPD}&tahun=${TAHUN}`;
const API_LKE = `/api/pemda/${PEMDA}/opd/${OPD}/tahun/${TAHUN}/evaluasi/lke`;
const SEKSI = 'section[aria-labelledby="lke-judul"]';

/** The criteria file the server scores with, read when the test runs. */
interface BerkasKriteria {
  kode: string;
  komponen: Array<{ kode: string; bobot: number; sub: Array<{ kode: string; bobot: number; kriteria: Array<{ kode: string; jenis: 'YT' | 'AE'; fakta?: string }> }> }>;
}
const BERKAS_KRITERIA = new URL('../../referensi/lke/permenpanrb-88-2021.json', import.meta.url);
const KRITERIA = JSON.parse(readFileSync(BERKAS_KRITERIA, 'utf8')) as BerkasKriteria;

function subKomponen(kode: string) {
  const s = KRITERIA.komponen.flatMap((k) => k.sub).find((x) => x.kode === kode);
  assert.ok(s, `sub komponen ${kode} is in the criteria file`);
  return s;
}
function kriteriaBerkas(kode: string) {
  const c = KRITERIA.komponen.flatMap((k) => k.sub.flatMap((s) => s.kriteria)).find((x) => x.kode === kode);
  assert.ok(c, `criterion ${kode} is in the criteria file`);
  return c;
}

/** The value of an answer, as PermenPAN-RB 88/2021 scores it. */
const NILAI = { Y: 1, T: 0, A: 1, B: 0.75, C: 0.5, D: 0.25, E: 0 } as const;
/** AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, else D (a bound belongs to the lower grade). */
function predikat(total: number): string {
  if (total > 90) return 'AA';
  if (total > 80) return 'A';
  if (total > 70) return 'BB';
  if (total > 60) return 'B';
  if (total > 50) return 'CC';
  if (total > 30) return 'C';
  return 'D';
}
/** 2.8090909 → "2,81", as the screen and the LHE print a score. */
const duaDesimal = (n: number) => (Math.round(n * 100) / 100).toFixed(2).replace('.', ',');

// The three criteria answered: a YT criterion with a link, an AE criterion with a PDF, and the
// first criterion of 1.a that SIKIPER can answer from its own records.
const K_TAUTAN = '1.a.1';
const K_BERKAS = '1.b.3';
const K_FAKTA = subKomponen('1.a').kriteria.find((c) => c.fakta)?.kode ?? '1.a.2';
const TAUTAN = 'https://jdih.paserkab.go.id/pedoman-perencanaan-kinerja-2023.pdf';
const CATATAN_KEPALA = 'Diperbarui kepala dinas: pedoman telah direviu.';
const CATATAN_DRAF = 'Pedoman ditetapkan dengan Keputusan Kepala Dinas Nomor 050/12/2023.';
const CATATAN_EVALUATOR = 'Dokumen belum menggambarkan kebutuhan kinerja seluruh bidang; nilai diturunkan.';
const KOMENTAR_KEMBALI = 'Mohon lampirkan kertas kerja evaluator untuk kriteria 1.b.3.';
const REKOMENDASI = 'Susun kertas kerja evaluasi internal untuk setiap bidang.';
const TAUTAN_TL = 'https://jdih.paserkab.go.id/kertas-kerja-evaluasi-internal-2024.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function kriteria(page: Page, kode: string): Locator {
  return page.locator(`article[data-kriteria="${kode}"]`);
}
function kolom(page: Page, kode: string, tingkat: 'mandiri' | 'evaluator' | 'supervisor'): Locator {
  return kriteria(page, kode).locator(`div.lke-tingkat[data-tingkat="${tingkat}"]`);
}

async function bukaLke(page: Page, tahap: string): Promise<void> {
  await page.goto(HALAMAN);
  await page.locator(`${SEKSI} [data-keadaan="ada"][data-tahap="${tahap}"]`).waitFor();
}

async function bukaKomponen(page: Page, kode: string): Promise<void> {
  const d = page.locator(`details[data-komponen="${kode}"]`);
  if (!(await d.evaluate((e) => (e as HTMLDetailsElement).open))) await d.locator('summary').click();
  await d.locator('article').first().waitFor();
}

/** Runs `aksi` and waits for the answer of `kode` to be saved (PUT 200, then "Tersimpan" on the card). */
async function simpanJawaban(page: Page, kode: string, tingkat: 'mandiri' | 'evaluator' | 'supervisor', aksi: () => Promise<void>): Promise<void> {
  const jawaban = page.waitForResponse((r) => r.request().method() === 'PUT' && decodeURIComponent(new URL(r.url()).pathname).endsWith(`/lke/jawaban/${kode}`));
  await aksi();
  const r = await jawaban;
  assert.equal(r.status(), 200, `PUT jawaban ${kode}: ${r.status()} ${await r.text()}`);
  await kolom(page, kode, tingkat).locator('[data-simpan="tersimpan"]').waitFor();
}

async function langkah(page: Page, nama: RegExp, tahapBaru: string): Promise<void> {
  const r = page.waitForResponse((x) => x.request().method() === 'POST' && /\/evaluasi\/lke\/(ajukan|kirim|setujui|kembalikan)$/.test(new URL(x.url()).pathname));
  await page.locator(SEKSI).getByRole('button', { name: nama }).click();
  const jawab = await r;
  assert.equal(jawab.status(), 200, `${jawab.url()}: ${jawab.status()} ${await jawab.text()}`);
  await page.locator(`${SEKSI} [data-tahap="${tahapBaru}"]`).first().waitFor();
}

async function axe(page: Page, tahap: string): Promise<void> {
  assert.deepEqual(await pelanggaranAxe(page), [], `axe on the evaluation screen at stage ${tahap}`);
}

describe('criterion-level SAKIP evaluation (LKE)', { skip: lewati }, () => {
  let server: Server;
  let browser: Browser;
  let tmp: string;
  /** The SIKIPER fact proposed for K_FAKTA supports a full answer (read from the screen). */
  let faktaPenuh = false;

  before(async () => {
    server = await mulaiServer();
    browser = await mulaiBrowser();
    tmp = mkdtempSync(join(tmpdir(), 'sikiper-lke-'));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the criteria file has what the test answers', () => {
    assert.equal(kriteriaBerkas(K_TAUTAN).jenis, 'YT');
    assert.equal(kriteriaBerkas(K_BERKAS).jenis, 'AE');
    assert.ok(kriteriaBerkas(K_FAKTA).fakta, `${K_FAKTA} names a fact of SIKIPER's records`);
  });

  it('1. the perencana starts the evaluation, answers three criteria with evidence, and submits', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await page.goto(HALAMAN);
    const seksi = page.locator(SEKSI);
    await seksi.getByTestId('lke-belum').waitFor();
    // The twelve-percentage form is there until the evaluation goes criterion by criterion.
    await page.locator('section[aria-labelledby="nilai-lke-judul"]').getByRole('heading', { name: 'Nilai LKE' }).waitFor();
    await seksi.getByRole('button', { name: 'Mulai evaluasi per kriteria' }).click();
    await seksi.locator('[data-keadaan="ada"][data-tahap="mandiri"]').waitFor();
    assert.equal(await seksi.locator('ol.lke-tahap li[aria-current="step"]').innerText().then((s) => s.trim().startsWith('Penilaian mandiri')), true);
    await tunggu(async () => (await page.locator('section[aria-labelledby="nilai-lke-judul"]').getByRole('heading', { name: 'Rekomendasi evaluasi' }).count()) === 1, 'the old score form gives way to the recommendations');
    assert.equal(await page.getByTestId('total-lke').count(), 0, 'no twelve-percentage total once criterion by criterion');

    await bukaKomponen(page, '1');
    // Only the OPD's own tier is editable for the perencana.
    for (const t of ['evaluator', 'supervisor'] as const) assert.equal(await kolom(page, K_TAUTAN, t).locator('select, textarea, input').count(), 0, `no editable ${t} answer for the perencana`);
    await axe(page, 'mandiri');

    // A YT criterion answered Y with a link.
    const kT = kolom(page, K_TAUTAN, 'mandiri');
    await simpanJawaban(page, K_TAUTAN, 'mandiri', () => kT.getByLabel('Jawaban', { exact: true }).selectOption('Y').then(() => undefined));
    await simpanJawaban(page, K_TAUTAN, 'mandiri', async () => {
      await kT.getByLabel('Tautan bukti (https://…)').fill(TAUTAN);
      await kT.getByRole('button', { name: 'Tambah tautan' }).click();
    });
    await kT.getByRole('link', { name: TAUTAN }).waitFor();

    // An AE criterion answered B with an uploaded PDF.
    await bukaKomponen(page, '1');
    const kB = kolom(page, K_BERKAS, 'mandiri');
    await simpanJawaban(page, K_BERKAS, 'mandiri', () => kB.getByLabel('Jawaban', { exact: true }).selectOption('B').then(() => undefined));
    const unggah = page.waitForResponse((r) => r.request().method() === 'POST' && decodeURIComponent(new URL(r.url()).pathname).endsWith(`/lke/jawaban/${K_BERKAS}/bukti`));
    await kB.locator('input[type="file"]').setInputFiles({ name: 'kertas-kerja-1b3.pdf', mimeType: 'application/pdf', buffer: PDF });
    const u = await unggah;
    assert.equal(u.status(), 201, `upload: ${u.status()} ${await u.text()}`);
    await kB.getByRole('link', { name: 'kertas-kerja-1b3.pdf' }).waitFor();

    // The fact SIKIPER proposes from its own records, confirmed as evidence.
    const usulan = kriteria(page, K_FAKTA).locator('.lke-usulan');
    await usulan.waitFor();
    faktaPenuh = (await usulan.getAttribute('data-terpenuhi')) === '1';
    const kF = kolom(page, K_FAKTA, 'mandiri');
    await simpanJawaban(page, K_FAKTA, 'mandiri', () => kF.getByRole('button', { name: 'Pakai fakta SIKIPER' }).click());
    await kF.locator('[data-fakta-dipakai]').waitFor();
    if (faktaPenuh) assert.equal(await kF.getByLabel('Jawaban', { exact: true }).inputValue(), 'Y', 'a fact that supports a full answer answers Y');
    else await simpanJawaban(page, K_FAKTA, 'mandiri', () => kF.getByLabel('Jawaban', { exact: true }).selectOption('T').then(() => undefined));

    // Someone else of the OPD (the kepala OPD) changes the same answer meanwhile: the save is
    // refused with the stored answer, which is shown; what was typed stays, and saving it again
    // overwrites knowingly.
    const kepala = await halamanBaru(browser, server);
    await masuk(kepala.page, 'kepala.disnakertrans');
    const lembar = (await apiDariHalaman(kepala.page, 'GET', API_LKE)).body as { komponen: Array<{ sub: Array<{ kriteria: Array<{ kode: string; jawaban: { mandiri: { version: number } | null } }> }> }> };
    const versi = lembar.komponen.flatMap((k) => k.sub.flatMap((s) => s.kriteria)).find((c) => c.kode === K_TAUTAN)?.jawaban.mandiri?.version;
    assert.ok(versi);
    const ubahLain = await apiDariHalaman(kepala.page, 'PUT', `${API_LKE}/jawaban/${encodeURIComponent(K_TAUTAN)}`, { tingkat: 'mandiri', version: versi, jawaban: 'Y', catatan: CATATAN_KEPALA, tautan: [TAUTAN], fakta: false });
    assert.equal(ubahLain.status, 200, JSON.stringify(ubahLain.body));
    await kepala.tutup();
    const ditolak = page.waitForResponse((r) => r.request().method() === 'PUT' && decodeURIComponent(new URL(r.url()).pathname).endsWith(`/lke/jawaban/${K_TAUTAN}`));
    await kT.getByLabel('Catatan', { exact: true }).fill('Catatan perencana');
    await kT.getByLabel('Catatan', { exact: true }).blur();
    assert.equal((await ditolak).status(), 409);
    const bentrok = kT.getByTestId('lke-bentrok');
    await bentrok.waitFor();
    assert.match(await bentrok.innerText(), new RegExp(CATATAN_KEPALA));
    assert.equal(await kT.getByLabel('Catatan', { exact: true }).inputValue(), 'Catatan perencana', 'the typed note stays');
    assert.deepEqual(await pelanggaranAxe(page, `article[data-kriteria="${K_TAUTAN}"]`), [], 'axe on a criterion with a conflict');
    await simpanJawaban(page, K_TAUTAN, 'mandiri', () => bentrok.getByRole('button', { name: 'Simpan isian saya (timpa)' }).click());
    await bentrok.waitFor({ state: 'detached' });

    // A note typed but not yet saved (the field was not left) is kept in the browser, survives a
    // reload, and is sent; the draft goes once the server has it.
    await kT.getByLabel('Catatan', { exact: true }).fill(CATATAN_DRAF);
    const drafLke = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/lke/')).length);
    assert.equal(await drafLke(), 1, 'the unsent note is kept in localStorage');
    await bukaLke(page, 'mandiri');
    await bukaKomponen(page, '1');
    assert.equal(await kT.getByLabel('Catatan', { exact: true }).inputValue(), CATATAN_DRAF);
    await tunggu(async () => (await drafLke()) === 0, 'the restored note is sent and its draft removed');

    // After a reload the answers are the server's.
    await bukaLke(page, 'mandiri');
    await bukaKomponen(page, '1');
    assert.equal(await kT.getByLabel('Jawaban', { exact: true }).inputValue(), 'Y');
    assert.equal(await kT.getByLabel('Catatan', { exact: true }).inputValue(), CATATAN_DRAF);
    assert.equal(await kB.getByLabel('Jawaban', { exact: true }).inputValue(), 'B');
    await kB.getByRole('link', { name: 'kertas-kerja-1b3.pdf' }).waitFor();
    // The self-assessment score follows: 1.a and 1.b of the criteria file, by hand.
    const a = subKomponen('1.a');
    const b = subKomponen('1.b');
    const mandiri = (a.bobot * (NILAI.Y + (faktaPenuh ? NILAI.Y : NILAI.T))) / a.kriteria.length + (b.bobot * NILAI.B) / b.kriteria.length;
    assert.equal((await page.getByTestId('total-lke-mandiri').innerText()).trim(), duaDesimal(mandiri));

    await langkah(page, /^Ajukan ke evaluator$/, 'evaluator');
    // Submitted: the perencana reads, and never gets the evaluator's answer to edit.
    await bukaKomponen(page, '1');
    assert.equal(await page.locator(`${SEKSI} select, ${SEKSI} article textarea`).count(), 0, 'nothing to answer for the perencana at the evaluator stage');
    assert.equal(await kolom(page, K_BERKAS, 'evaluator').locator('select, textarea, input').count(), 0);
    await page.getByTestId('lke-hanya-baca').waitFor();
    const r = await apiDariHalaman(page, 'PUT', `${API_LKE}/jawaban/${encodeURIComponent(K_BERKAS)}`, { tingkat: 'evaluator', version: 0, jawaban: 'A', catatan: null, tautan: [], fakta: false });
    assert.equal(r.status, 403, `the perencana may not write the evaluator's answer: ${JSON.stringify(r.body)}`);
    assert.deepEqual(h.luar, []);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('2. the evaluator changes an answer with a note and sends it to the pengendali teknis', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'inspektorat.paser');
    await bukaLke(page, 'evaluator');
    await bukaKomponen(page, '1');
    // The OPD's answers and evidence are there to read.
    await kolom(page, K_TAUTAN, 'mandiri').getByRole('link', { name: TAUTAN }).waitFor();
    await kolom(page, K_BERKAS, 'mandiri').getByRole('link', { name: 'kertas-kerja-1b3.pdf' }).waitFor();
    await axe(page, 'evaluator');

    const kE = kolom(page, K_BERKAS, 'evaluator');
    assert.equal(await kriteria(page, K_BERKAS).getAttribute('data-beda'), null);
    await simpanJawaban(page, K_BERKAS, 'evaluator', () => kE.getByLabel('Jawaban', { exact: true }).selectOption('C').then(() => undefined));
    await simpanJawaban(page, K_BERKAS, 'evaluator', async () => {
      await kE.getByLabel('Catatan', { exact: true }).fill(CATATAN_EVALUATOR);
      await kE.getByLabel('Catatan', { exact: true }).blur();
    });
    // The difference between tiers is said in words, not by colour alone.
    await kriteria(page, K_BERKAS).getByTestId('lke-beda').waitFor();
    assert.match(await kriteria(page, K_BERKAS).getByTestId('lke-beda').innerText(), /Berbeda antar tingkat/);
    assert.match(await kE.innerText(), /berbeda dari Penilaian mandiri/);
    // The "only differing" filter shows just that criterion.
    await page.getByLabel('Hanya yang berbeda antar tingkat').check();
    await tunggu(async () => (await page.locator(`${SEKSI} article[data-kriteria]`).count()) === 1, 'one differing criterion');
    await page.getByLabel('Hanya yang berbeda antar tingkat').uncheck();
    await potret(page, 'evaluasi-lke-evaluator', 2200);

    await langkah(page, /^Kirim ke pengendali teknis$/, 'supervisor');
    assert.deepEqual(h.luar, []);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('3. the pengendali teknis returns it with a comment; the evaluator sends it again', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'pengendali.paser');
    await bukaLke(page, 'supervisor');
    await bukaKomponen(page, '1');
    await axe(page, 'supervisor');

    await page.locator(SEKSI).getByRole('button', { name: 'Kembalikan…' }).click();
    const dialog = page.getByRole('dialog', { name: /Kembalikan ke tahap Evaluator/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await dialog.getByText('Alasan pengembalian wajib diisi.').waitFor();
    assert.deepEqual(await pelanggaranAxe(page, '[role="dialog"]'), [], 'axe on the return dialog');
    await dialog.getByLabel('Alasan pengembalian').fill(KOMENTAR_KEMBALI);
    const r = page.waitForResponse((x) => x.request().method() === 'POST' && new URL(x.url()).pathname.endsWith('/evaluasi/lke/kembalikan'));
    await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    assert.equal((await r).status(), 200);
    await page.locator(`${SEKSI} [data-tahap="evaluator"]`).first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await h.tutup();

    const e = await halamanBaru(browser, server);
    await masuk(e.page, 'inspektorat.paser');
    await bukaLke(e.page, 'evaluator');
    await e.page.locator(SEKSI).getByRole('note').getByText(KOMENTAR_KEMBALI).waitFor();
    await langkah(e.page, /^Kirim ke pengendali teknis$/, 'supervisor');
    await e.tutup();
  });

  it('4. the pengendali teknis approves; the final total and grade are the hand computation, in the LHE too', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'pengendali.paser');
    await bukaLke(page, 'supervisor');
    await langkah(page, /^Setujui hasil evaluasi$/, 'final');
    await bukaKomponen(page, '1');
    assert.equal(await page.locator(`${SEKSI} article select`).count(), 0, 'nothing to answer once final');
    await axe(page, 'final');

    // By hand: a sub-component earns its weight × the sum of its answers' values ÷ its number of
    // criteria (unanswered criteria count 0); only 1.a and 1.b have answers.
    const a = subKomponen('1.a');
    const b = subKomponen('1.b');
    const akhir = (a.bobot * (NILAI.Y + (faktaPenuh ? NILAI.Y : NILAI.T))) / a.kriteria.length + (b.bobot * NILAI.C) / b.kriteria.length;
    const teks = duaDesimal(akhir);
    assert.equal((await page.getByTestId('total-lke-akhir').innerText()).trim(), teks);
    assert.equal(await page.getByTestId('nilai-lke-akhir').getAttribute('data-predikat'), predikat(akhir));
    await potret(page, 'evaluasi-lke-final', 1400);

    // The LHE as .docx: a Word file (a zip, "PK") whose text prints the same total.
    const unduhan = page.waitForEvent('download', { timeout: 60_000 });
    await page.locator(`${SEKSI} a[data-lhe="docx"]`).click();
    const d = await unduhan;
    const file = join(tmp, d.suggestedFilename() || 'lhe.docx');
    await d.saveAs(file);
    const isi = readFileSync(file);
    assert.equal(isi.subarray(0, 2).toString('latin1'), 'PK', `the LHE is a zip (${d.suggestedFilename()})`);
    const xml = await (await JSZip.loadAsync(isi)).file('word/document.xml')?.async('string');
    assert.ok(xml?.includes(teks), `word/document.xml prints the total ${teks}`);

    // The recap of every OPD shows the same total, and its workbook downloads.
    const baris = page.locator(`[data-testid="rekap-lke"] tr[data-opd="${OPD}"]`);
    await baris.waitFor();
    await tunggu(async () => (await baris.locator('td[data-total]').innerText()).trim() === teks, `the recap shows ${teks}`);
    const xlsx = await page.request.get(`/api/pemda/${PEMDA}/tahun/${TAHUN}/evaluasi/rekap.xlsx`);
    assert.equal(xlsx.status(), 200);
    assert.equal((await xlsx.body()).subarray(0, 2).toString('latin1'), 'PK');

    await page.setViewportSize(PONSEL);
    const m = await meluber(page);
    assert.ok(m.lebar <= m.jendela, `the evaluation screen at 375px is ${m.lebar}px wide: ${m.pelaku.join('; ')}`);
    assert.deepEqual(h.luar, []);
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('5. the evaluator recommends; the perencana records a follow-up as done, with the link it requires', async () => {
    const e = await halamanBaru(browser, server);
    await masuk(e.page, 'inspektorat.paser');
    await bukaLke(e.page, 'final');
    const rek = e.page.locator('section[aria-labelledby="nilai-lke-judul"]');
    await rek.getByRole('heading', { name: 'Rekomendasi evaluasi' }).waitFor();
    await rek.getByRole('button', { name: 'Tambah rekomendasi' }).click();
    await rek.getByLabel('Rekomendasi 1', { exact: true }).fill(REKOMENDASI);
    await rek.getByRole('button', { name: 'Simpan rekomendasi' }).click();
    await e.page.locator('section[aria-labelledby="tindak-lanjut-judul"]').getByText(REKOMENDASI).waitFor();
    await e.tutup();

    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'perencana.disnakertrans');
    await bukaLke(page, 'final');
    const tl = page.locator('section[aria-labelledby="tindak-lanjut-judul"]');
    await tl.getByLabel('Tindak lanjut rekomendasi 1', { exact: true }).fill('Kertas kerja evaluasi internal disusun untuk setiap bidang.');
    await tl.getByLabel('Status tindak lanjut rekomendasi 1', { exact: true }).selectOption('selesai');
    // Done needs a link of evidence: said, and not sent.
    await tl.getByText('Status Selesai memerlukan isian tindak lanjut dan sedikitnya satu tautan bukti.').waitFor();
    assert.equal(await tl.getByRole('button', { name: 'Simpan tindak lanjut' }).isDisabled(), true);
    await tl.getByLabel('Tautan bukti tindak lanjut rekomendasi 1 (https://…)').fill(TAUTAN_TL);
    await tl.getByRole('button', { name: 'Tambah tautan' }).click();
    const simpan = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith('/tindak-lanjut'));
    await tl.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    const r = await simpan;
    assert.equal(r.status(), 200, await r.text());
    const dicatat = ((await r.json()) as { rekomendasi: Array<{ status: string; tautan: string[]; selesaiPada: string | null }> }).rekomendasi[0];
    assert.equal(dicatat?.status, 'selesai');
    assert.deepEqual(dicatat?.tautan, [TAUTAN_TL]);
    assert.ok(dicatat?.selesaiPada);
    await tl.locator('[data-status-tindak-lanjut="selesai"]').waitFor();
    assert.match(await tl.locator('[data-status-tindak-lanjut]').innerText(), /Status tindak lanjut: Selesai \(selesai /);
    assert.deepEqual(await pelanggaranAxe(page, 'section[aria-labelledby="tindak-lanjut-judul"]'), [], 'axe on the follow-up card');
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });

  it('6. the admin pemda sees the criteria versions and where a refused criteria file is wrong', async () => {
    const h = await halamanBaru(browser, server);
    const { page } = h;
    await masuk(page, 'admin.paser');
    await page.goto('/pengaturan?tab=kriteria');
    const tabel = page.getByTestId('versi-kriteria');
    await tabel.locator(`tr[data-kode="${KRITERIA.kode}"]`).waitFor();
    assert.deepEqual(await pelanggaranAxe(page), [], 'axe on the criteria card');

    // Weights that do not add up to 100: refused, with the problem located.
    const salah = structuredClone<BerkasKriteria>(KRITERIA);
    salah.kode = 'uji-salah';
    const k0 = salah.komponen[0];
    assert.ok(k0);
    k0.bobot += 1;
    const input = page.locator('section[aria-labelledby="kriteria-lke-judul"] input[type="file"]');
    await input.setInputFiles({ name: 'kriteria-salah.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(salah)) });
    const hasil = page.getByTestId('hasil-kriteria');
    await hasil.waitFor();
    assert.match(await hasil.innerText(), /kriteria-salah\.json ditolak/);
    assert.ok((await hasil.locator('li').count()) > 0, 'the refusal lists its problems');
    assert.match(await hasil.innerText(), /komponen/);

    // Not JSON at all: said before anything is sent.
    await input.setInputFiles({ name: 'bukan.json', mimeType: 'application/json', buffer: Buffer.from('{ bukan json') });
    await page.getByTestId('hasil-kriteria').getByText('bukan.json bukan JSON yang sah.').waitFor();

    // A sound file of another version is loaded and listed.
    const baru = { ...KRITERIA, kode: 'uji-e2e-2030', nama: 'LKE uji e2e', berlakuMulai: 2030 };
    await input.setInputFiles({ name: 'kriteria-baru.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(baru)) });
    await page.getByTestId('hasil-kriteria').getByText(/uji-e2e-2030/).waitFor();
    await tabel.locator('tr[data-kode="uji-e2e-2030"]').waitFor();
    assert.deepEqual(h.galat, []);
    await h.tutup();
  });
});
