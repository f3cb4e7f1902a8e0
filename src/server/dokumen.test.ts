/**
 * Documents over HTTP: each document downloaded and read back, who may download (the readers of
 * the whole OPD, never a unit head), other pemda's slugs not found; and the LKJIP preview, whose
 * figures equal the measure tables and the document, and whose sources name the people who
 * entered and verified a value.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadDataset } from '../db/dataset-repository.ts';
import { testDatabases } from '../db/testing.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { MIME } from '../report/index.ts';
import type { Pratinjau, Sel, Sumber } from '../report/pratinjau.ts';
import { angka, pct } from '../report/teks.ts';
import { bacaDocx, bacaPdf } from '../report/testing.ts';
import { type Harness, type Klien, type NamaDemo, siapkan } from './testing.ts';

const PEMBACA = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser'] as const;
const KEPALA_UNIT = ['kabid.p2k', 'kabid.hi', 'sekretaris.disnakertrans', 'kabid.transmigrasi', 'kabid.p2k2'] as const;

const nama = (r: { headers: Record<string, unknown> }) => /filename="([^"]+)"/.exec(String(r.headers['content-disposition']))?.[1];

for (const kind of testDatabases()) {
  describe(`documents over HTTP [${kind.name}]`, () => {
    let h: Harness;
    const klien = new Map<NamaDemo, Klien>();
    const as = (n: NamaDemo) => {
      const k = klien.get(n);
      if (!k) throw new Error(n);
      return k;
    };
    let base: string;

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun`;
      for (const n of [...PEMBACA, ...KEPALA_UNIT]) klien.set(n, await h.masuk(n));
    });
    after(() => h.close());

    it('the LKJIP as .docx and .pdf: file names, types, chapters and figures read back', async () => {
      const p = as('perencana.disnakertrans');
      let r = await p.req('GET', `${base}/2023/dokumen/lkjip`);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], MIME.docx);
      assert.match(String(r.headers['content-disposition']), /^attachment; /);
      assert.equal(nama(r), `LKJIP-${h.pemda.slug}-disnakertrans-2023.docx`);
      assert.ok(Number(r.headers['x-sikiper-placeholder']) > 0, 'the reference dataset leaves some narrative empty');
      const docx = await bacaDocx(r.rawPayload);
      const text = docx.paragraf.join('\n');
      let from = 0;
      for (const bab of ['BAB I PENDAHULUAN', 'BAB II PERENCANAAN DAN PERJANJIAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP']) {
        const at = text.indexOf(bab, from);
        assert.ok(at >= 0, `${bab} after ${from}`);
        from = at;
      }
      // Seed Tabel 3.3: sasaran 1 capaian 87,17%; Tabel 3.16 total pagu 18.820.531.793.
      const t33 = text.slice(text.indexOf('Tabel 3.3 '));
      assert.ok(t33.includes('87,17%'));
      assert.ok(text.slice(text.indexOf('Tabel 3.16 ')).includes('18.820.531.793'));

      r = await p.req('GET', `${base}/2023/dokumen/lkjip?format=pdf`);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], MIME.pdf);
      assert.equal(nama(r), `LKJIP-${h.pemda.slug}-disnakertrans-2023.pdf`);
      const pages = await bacaPdf(r.rawPayload);
      assert.ok(pages.length > 20);
      const pdfText = pages.map((x) => x.teks).join('\n');
      assert.ok(pdfText.includes('BAB III AKUNTABILITAS KINERJA'));
      assert.ok(pdfText.includes('87,17%'));
    });

    it('every PK version listed, each downloadable as .docx and .pdf; an unknown version 404', async () => {
      const p = as('kepala.disnakertrans');
      const list = await p.req('GET', `${base}/2023/dokumen`);
      assert.equal(list.statusCode, 200, list.body);
      const { pk, dokumen } = list.json<{ pk: Array<{ versi: number; nama: string }>; dokumen: Array<{ jenis: string; format: string[] }> }>();
      const reviu = ['renstra', 'iku', 'renja', 'rencana-aksi', 'tindak-lanjut'].map((j) => [j, 'docx,pdf']);
      assert.deepEqual(dokumen.map((x) => [x.jenis, x.format.join(',')]), [['lkjip', 'docx,pdf'], ['pk', 'docx,pdf'], ['triwulan', 'xlsx'], ...reviu, ['lhe', 'docx,pdf']]);
      assert.ok(pk.length >= 1);
      for (const v of pk) {
        const r = await p.req('GET', `${base}/2023/dokumen/pk?versi=${v.versi}`);
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(nama(r), `PK-${h.pemda.slug}-disnakertrans-2023-v${v.versi}.docx`);
        const text = (await bacaDocx(r.rawPayload)).paragraf.join('\n');
        assert.ok(text.includes(`${v.nama.toUpperCase()} TAHUN 2023`), v.nama);
        assert.ok(text.includes('PENJELASAN KINERJA') || text.includes('Indikator Kinerja'));
        const pdf = await p.req('GET', `${base}/2023/dokumen/pk?versi=${v.versi}&format=pdf`);
        assert.equal(pdf.statusCode, 200);
        assert.ok((await bacaPdf(pdf.rawPayload)).some((x) => x.teks.includes('PIHAK PERTAMA')));
      }
      const latest = await p.req('GET', `${base}/2023/dokumen/pk?format=pdf`);
      assert.equal(nama(latest), `PK-${h.pemda.slug}-disnakertrans-2023-v${pk[0]?.versi ?? -1}.pdf`, 'without ?versi= the latest, named by its version');
      const r = await p.req('GET', `${base}/2023/dokumen/pk?versi=99`);
      assert.equal(r.statusCode, 404);
      assert.equal(r.json<{ error: string }>().error, 'tidak-ditemukan');
    });

    it('the quarterly workbook (.xlsx) up to a quarter, with realisasi and budget sheets', async () => {
      const r = await as('keuangan.disnakertrans').req('GET', `${base}/2023/dokumen/triwulan?triwulan=2`);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], MIME.xlsx);
      assert.equal(nama(r), `TRIWULAN-${h.pemda.slug}-disnakertrans-2023-tw2.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Kinerja');
      assert.ok(ws);
      const head = (ws.getRow(3).values as unknown[]).map(String);
      assert.ok(head.includes('Realisasi TW2') && !head.includes('Realisasi TW3'), head.join('|'));
      const kode: string[] = [];
      ws.eachRow((row) => kode.push(row.getCell(1).text));
      assert.ok(kode.includes('IKU-1'));
      const wa = wb.getWorksheet('Anggaran');
      let total: unknown;
      wa?.eachRow((row) => {
        if (row.getCell(2).value === 'Total') total = row.getCell(4).value;
      });
      assert.equal(total, 18_820_531_793);
    });

    it('bad requests: a format the document is not made in, a version for another document, a quarter out of range', async () => {
      const p = as('perencana.disnakertrans');
      for (const url of [`${base}/2023/dokumen/lkjip?format=xlsx`, `${base}/2023/dokumen/triwulan?format=pdf`, `${base}/2023/dokumen/lkjip?versi=1`, `${base}/2023/dokumen/triwulan?triwulan=5`, `${base}/2023/dokumen/rekap`]) {
        const r = await p.req('GET', url);
        assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
        assert.equal(r.json<{ error: string }>().error, 'masukan-tidak-sah');
      }
    });

    it('readers of the whole OPD may download; unit heads get 403 for every document and the preview', async () => {
      for (const n of PEMBACA) {
        const r = await as(n).req('GET', `${base}/2023/dokumen/pk`);
        assert.equal(r.statusCode, 200, n);
      }
      for (const n of KEPALA_UNIT) {
        for (const path of ['dokumen', 'dokumen/lkjip', 'dokumen/lkjip?format=pdf', 'dokumen/pk', 'dokumen/triwulan', 'pratinjau']) {
          const r = await as(n).req('GET', `${base}/2023/${path}`);
          assert.equal(r.statusCode, 403, `${n} ${path}: ${r.statusCode}`);
          assert.equal(r.json<{ error: string }>().error, 'dilarang');
        }
      }
    });

    it("another pemda's slugs and an unknown OPD answer 404", async () => {
      const lain = await h.pemdaBaru();
      const p = as('perencana.disnakertrans');
      for (const path of ['dokumen', 'dokumen/lkjip', 'dokumen/pk', 'dokumen/triwulan', 'pratinjau']) {
        const r = await p.req('GET', `/api/pemda/${lain.slug}/opd/disnakertrans/tahun/2023/${path}`);
        assert.equal(r.statusCode, 404, path);
        const r2 = await as('admin.paser').req('GET', `/api/pemda/${h.pemda.slug}/opd/dinas-lain/tahun/2023/${path}`);
        assert.equal(r2.statusCode, 404, path);
      }
      // And the other pemda's own planner reaches its own copy.
      const own = await h.masuk('perencana.disnakertrans', lain);
      assert.equal((await own.req('GET', `/api/pemda/${lain.slug}/opd/disnakertrans/tahun/2023/dokumen/pk`)).statusCode, 200);
    });

    it('preview: figures equal the measure tables and the document; each links to its source', async () => {
      const r = await as('inspektorat.paser').req('GET', `${base}/2023/pratinjau`);
      assert.equal(r.statusCode, 200, r.body);
      const pv = r.json<Pratinjau>();
      const d = await loadDataset(h.db, h.pemda.slug);
      assert.ok(d);
      const cap = hitungCapaian(d, 'disnakertrans', 2023);
      const ang = hitungAnggaran(d, 'disnakertrans', 2023, cap);

      const t33 = pv.tabel.find((t) => t.id === 'tabel-3.3');
      assert.ok(t33);
      const capCol = t33.kepala.indexOf('Capaian');
      for (const s of cap.sasaran) {
        for (const i of s.indikator) {
          const row: Sel[] | undefined = t33.baris.find((b) => b[2]?.teks === i.nama);
          assert.ok(row, i.nama);
          assert.equal(row[capCol]?.teks, pct(i.capaian), i.kode);
          assert.equal(row[capCol]?.ref, `indikator:${i.kode}`);
        }
      }
      // IKU-1 of 2023: 26,15 against 30 = 87,17% (seed Tabel 3.3).
      const iku1 = pv.sumber['indikator:IKU-1'] as Extract<Sumber, { jenis: 'indikator' }>;
      assert.equal(iku1.jenis, 'indikator');
      assert.equal(iku1.tahunIni.capaian, '87,17%');
      assert.equal(iku1.tahunIni.realisasi, '26,15%');
      assert.equal(iku1.tahunIni.target, '30,00%');
      assert.equal(iku1.polaritas, 'positif');
      assert.match(iku1.aturanCapaian, /Realisasi \/ Rencana/);
      assert.ok(iku1.formula?.teks);
      assert.deepEqual(iku1.entri.filter((e) => e.dihitung).map((e) => e.triwulan), [1, 2, 3, 4].filter((q) => d.opd[0]?.tahun.find((y) => y.tahun === 2023)?.realisasi.some((x) => x.indikator === 'IKU-1' && x.triwulan === q)));
      assert.ok(iku1.entri.some((e) => e.hasil.includes('/') === false && e.pembilang === 18 && e.penyebut === 27), JSON.stringify(iku1.entri));

      // Sasaran averages, the budget tables and the efficiency table point to their sources too.
      const s1 = cap.sasaran[0];
      assert.ok(s1);
      assert.equal((pv.sumber[`sasaran:${s1.kode}`] as Extract<Sumber, { jenis: 'sasaran' }>).capaian, pct(s1.capaian));
      const t316 = pv.tabel.find((t) => t.judul.startsWith('Tabel 3.16 '));
      const total = t316?.baris.at(-1);
      assert.equal(total?.[1]?.teks, '18.820.531.793');
      assert.equal(total?.[1]?.ref, 'anggaran:total');
      const t318 = pv.tabel.find((t) => t.judul.startsWith('Tabel 3.18 '));
      assert.equal(t318?.baris[0]?.[4]?.teks, angka(ang.sasaran[0]?.efisiensi ?? { status: 'belum-diisi' }));
      const efs = pv.sumber[t318?.baris[0]?.[4]?.ref ?? ''] as Extract<Sumber, { jenis: 'efisiensi' }>;
      assert.ok(efs.program.length > 0 && efs.program.every((p) => pv.sumber[p.ref]));
      for (const t of pv.tabel) for (const row of t.baris) for (const c of row) if (c.ref) assert.ok(pv.sumber[c.ref], `${t.id}: ${c.ref}`);

      // The same figures in the document.
      const doc = await as('inspektorat.paser').req('GET', `${base}/2023/dokumen/lkjip`);
      const text = (await bacaDocx(doc.rawPayload)).paragraf;
      for (const row of t33.baris) for (const c of row) if (c.ref) assert.ok(text.includes(c.teks), `${c.teks} not in the .docx`);

      // Empty narrative is marked as in the draft.
      assert.equal(pv.belumDiisi.length, Number(doc.headers['x-sikiper-placeholder']));
      assert.ok(pv.belumDiisi.every((b) => b.bagian !== '' && b.teks !== ''));
    });

    it('preview sources name who entered, submitted and verified a quarterly value', async () => {
      const unit = as('kabid.p2k');
      const perencana = as('perencana.disnakertrans');
      const entri = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/triwulan/1/entri/IKU-1`;
      let r = await unit.req('PUT', entri, { pembilang: 18, penyebut: 24, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      h.jam.maju(60_000);
      r = await unit.req('POST', `${entri}/ajukan`, { version: 1 });
      assert.equal(r.statusCode, 200, r.body);

      let pv = (await perencana.req('GET', `${base}/2024/pratinjau`)).json<Pratinjau>();
      let src = pv.sumber['indikator:IKU-1'] as Extract<Sumber, { jenis: 'indikator' }>;
      let tw1 = src.entri.find((e) => e.triwulan === 1);
      assert.deepEqual([tw1?.status, tw1?.dihitung], ['diajukan', false]);
      assert.equal(src.tahunIni.capaian, 'belum diisi', 'a submitted value does not count yet');

      h.jam.maju(60_000);
      r = await perencana.req('POST', `${entri}/verifikasi`, { version: 2 });
      assert.equal(r.statusCode, 200, r.body);
      pv = (await perencana.req('GET', `${base}/2024/pratinjau`)).json<Pratinjau>();
      src = pv.sumber['indikator:IKU-1'] as Extract<Sumber, { jenis: 'indikator' }>;
      tw1 = src.entri.find((e) => e.triwulan === 1);
      assert.ok(tw1);
      assert.deepEqual([tw1.status, tw1.dihitung, tw1.pembilang, tw1.penyebut], ['diverifikasi', true, 18, 24]);
      assert.deepEqual(
        tw1.jejak.map((j) => [j.aksi, j.oleh]),
        [
          ['isi', unit.username],
          ['ajukan', unit.username],
          ['verifikasi', perencana.username],
        ],
      );
      assert.ok(tw1.jejak[0] && tw1.jejak[2] && Date.parse(tw1.jejak[2].pada) - Date.parse(tw1.jejak[0].pada) === 120_000);

      // The figure is the measure table's: 18 / 24 = 75% against the Renstra's 30% for 2024.
      const d = await loadDataset(h.db, h.pemda.slug);
      assert.ok(d);
      const ind = hitungCapaian(d, 'disnakertrans', 2024).sasaran.flatMap((s) => s.indikator).find((i) => i.kode === 'IKU-1');
      assert.ok(ind);
      assert.equal(src.tahunIni.capaian, pct(ind.capaian));
      assert.equal(src.tahunIni.capaian, '250,00%');
      const row = pv.tabel.find((t) => t.id === 'tabel-3.3')?.baris.find((b) => b.some((c) => c.ref === 'indikator:IKU-1' && c.teks === '250,00%'));
      assert.ok(row, 'Tabel 3.3 shows the verified figure');
    });
  });
}
