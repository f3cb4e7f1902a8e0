/**
 * The e-SAKIP review package over HTTP (GET …/paket-reviu): the package of Paser 2023
 * downloads; unzipped, every manifest entry names a file that is in the archive, whose size and
 * SHA-256 match and which is a PDF; the seven review types are there in order; SHA256SUMS says
 * the same; the follow-up document carries the evaluation recorded in the application. Who may
 * download it: the readers of the whole OPD; a unit head is refused, another pemda's users and
 * unknown OPDs are not found.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { testDatabases } from '../db/testing.ts';
import type { ManifestReviu } from '../report/paket-reviu.ts';
import { bacaPdf } from '../report/testing.ts';
import { type Harness, type Klien, type NamaDemo, type Pemda, siapkan } from './testing.ts';

const JENIS = ['RENSTRA', 'IKU', 'RENJA', 'PK', 'RENCANA-AKSI', 'LKJIP', 'TINDAK-LANJUT-EVALUASI'];
const SKOR = { pemenuhan: '80', kualitas: '70', implementasi: '60' };

for (const kind of testDatabases()) {
  describe(`e-SAKIP review package [${kind.name}]`, () => {
    let h: Harness;
    let b: Pemda;
    const klien = new Map<NamaDemo, Klien>();
    const as = (n: NamaDemo) => {
      const k = klien.get(n);
      if (!k) throw new Error(n);
      return k;
    };
    let url: string;

    before(async () => {
      h = await siapkan(kind);
      b = await h.pemdaBaru();
      url = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/paket-reviu`;
      for (const n of ['perencana.disnakertrans', 'inspektorat.paser', 'kabid.hi', 'sekretaris.disnakertrans'] as const) klien.set(n, await h.masuk(n));
    });
    after(() => h.close());

    it('downloads the package of Paser 2023: seven PDFs whose manifest sizes and SHA-256 match, and SHA256SUMS', async () => {
      // The 2022 evaluation's recommendation and its follow-up, recorded in the application, go into document 07.
      const evaluasi = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2022/evaluasi`;
      const e = await as('inspektorat.paser').req('PUT', evaluasi, { version: 0, skor: { perencanaan: SKOR, pengukuran: SKOR, pelaporan: SKOR, evaluasi: SKOR }, rekomendasi: [{ teks: 'Selaraskan rencana aksi dengan Perjanjian Kinerja' }] });
      assert.equal(e.statusCode, 200, e.body);
      const rek = e.json<{ version: number; rekomendasi: Array<{ id: string }> }>();
      const tl = await as('perencana.disnakertrans').req('PUT', `${evaluasi}/rekomendasi/${rek.rekomendasi[0]?.id ?? ''}/tindak-lanjut`, { version: rek.version, tindakLanjut: 'Rencana aksi triwulanan disusun ulang per indikator PK' });
      assert.equal(tl.statusCode, 200, tl.body);

      const r = await as('perencana.disnakertrans').req('GET', url);
      assert.equal(r.statusCode, 200, r.body.slice(0, 300));
      assert.equal(r.headers['content-type'], 'application/zip');
      assert.match(String(r.headers['content-disposition']), new RegExp(`^attachment; filename="PAKET-REVIU-ESAKIP-${h.pemda.slug}-disnakertrans-2023\\.zip"`));
      const zip = await JSZip.loadAsync(r.rawPayload);
      const manifestTeks = await zip.file('manifest.json')?.async('string');
      assert.ok(manifestTeks, 'manifest.json');
      const m = JSON.parse(manifestTeks) as ManifestReviu;
      assert.equal(m.format, 'sikiper-paket-reviu');
      assert.deepEqual([m.pemda.slug, m.opd.slug, m.tahun], [h.pemda.slug, 'disnakertrans', 2023]);
      assert.ok(!Number.isNaN(Date.parse(m.dibuat)), m.dibuat);
      assert.deepEqual(m.berkas.map((x) => x.jenis), JENIS);
      assert.deepEqual(m.berkas.map((x) => x.namaBerkas), JENIS.map((j, i) => `0${i + 1}-${j}-disnakertrans-2023.pdf`));
      for (const x of m.berkas) {
        const f = zip.file(x.namaBerkas);
        assert.ok(f, `${x.namaBerkas} is in the archive`);
        const isi = await f.async('nodebuffer');
        assert.equal(isi.subarray(0, 5).toString('latin1'), '%PDF-', x.namaBerkas);
        assert.equal(x.ukuran, isi.length, x.namaBerkas);
        assert.equal(x.sha256, createHash('sha256').update(isi).digest('hex'), x.namaBerkas);
        assert.deepEqual([x.tahun, x.opd, x.mime], [2023, 'disnakertrans', 'application/pdf']);
        assert.ok(x.judul.includes('Dinas Tenaga Kerja dan Transmigrasi'), x.judul);
      }
      // Nothing but the seven PDFs, the manifest and the checksum list.
      assert.deepEqual(Object.keys(zip.files).sort(), [...m.berkas.map((x) => x.namaBerkas), 'SHA256SUMS', 'manifest.json'].sort());
      const sums = await zip.file('SHA256SUMS')?.async('string');
      assert.equal(sums, m.berkas.map((x) => `${x.sha256}  ${x.namaBerkas}\n`).join(''));
      // The LKJIP leaves narrative empty in the reference data; the manifest says where, and the header counts it.
      assert.ok(m.berkas.find((x) => x.jenis === 'LKJIP')?.belumDiisi.length, 'LKJIP placeholders');
      assert.equal(Number(r.headers['x-sikiper-placeholder']), m.berkas.reduce((n, x) => n + x.belumDiisi.length, 0));

      const teks07 = (await bacaPdf(await (zip.file(m.berkas[6]?.namaBerkas ?? '')?.async('nodebuffer') ?? Promise.resolve(Buffer.alloc(0))))).map((p) => p.teks).join(' ').replace(/\s+/g, ' ');
      assert.match(teks07, /Selaraskan rencana aksi dengan Perjanjian Kinerja/);
      assert.match(teks07, /Rencana aksi triwulanan disusun ulang per indikator PK/);
      // Seed Tabel 2.4 / PK Perubahan II: the PK in the package is the latest version.
      assert.equal(m.berkas[3]?.judul, 'Perjanjian Kinerja Perubahan II Dinas Tenaga Kerja dan Transmigrasi Kabupaten Paser Tahun 2023');
    });

    it('is refused to a unit head (403), not found for another pemda, an unknown OPD or a year without a Renstra', async () => {
      for (const n of ['kabid.hi', 'sekretaris.disnakertrans'] as const) {
        const r = await as(n).req('GET', url);
        assert.equal(r.statusCode, 403, `${n} ${r.body}`);
      }
      // A planner of pemda B asking for pemda A's package, and A's planner naming B.
      const perencanaB = await h.masuk('perencana.disnakertrans', b);
      assert.ok([403, 404].includes((await perencanaB.req('GET', url)).statusCode));
      assert.ok([403, 404].includes((await as('perencana.disnakertrans').req('GET', url.replace(h.pemda.slug, b.slug))).statusCode));
      assert.equal((await as('perencana.disnakertrans').req('GET', url.replace('/disnakertrans/', '/dinkes/'))).statusCode, 404);
      assert.equal((await as('perencana.disnakertrans').req('GET', url.replace('/2023/', '/2030/'))).statusCode, 404);
    });
  });
}
