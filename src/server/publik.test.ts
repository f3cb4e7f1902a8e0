/**
 * The public pages and open data (routes/publik.ts, workflow/publik.ts; docs/open-data.md):
 * nothing of a year before its sign-off, the reference figures after it, never a draft value,
 * never an official's name or NIP in the open data, ETag/304 that follows sign-off and
 * reopening, a DCAT catalogue whose every distribution resolves, the admin's licence, the rate
 * limit. On PGlite and, when configured, PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull, max } from 'drizzle-orm';
import { PENGGUNA_DEMO } from '../auth/demo.ts';
import { bacaBerkasDataset } from '../dataset/load.ts';
import { newId } from '../db/ids.ts';
import { naikkanRevisi } from '../db/revisi.ts';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { toJson } from '../engine/index.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { bacaPdf } from '../report/testing.ts';
import { bacaKatalog } from '../workflow/katalog.ts';
import { FIXTURE, type Harness, type Pemda, siapkan } from './testing.ts';

const OPD = 'disnakertrans';

/** Officials' and signers' names and every NIP of the reference dataset: what the open data must never hold. */
async function dataPribadi(): Promise<string[]> {
  const d = await bacaBerkasDataset(FIXTURE);
  const out = new Set<string>();
  const jalan = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(jalan);
    else if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.nip === 'string') out.add(o.nip);
      if (typeof o.nama === 'string' && 'jabatan' in o) out.add(o.nama);
      Object.values(o).forEach(jalan);
    }
  };
  jalan(d);
  for (const p of PENGGUNA_DEMO) out.add(p.nama);
  return [...out];
}

for (const kind of testDatabases()) {
  describe(`public pages and open data [${kind.name}]`, () => {
    let h: Harness;
    let pemda: Pemda;
    let lain: Pemda;
    let harap: { iku: Map<string, number | null>; rata: number | null; serapan: number | null };
    let pribadi: string[];
    const get = (url: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url, headers });
    const halaman = () => `/publik/${pemda.slug}/opd/${OPD}/2023`;
    const data = (tabel: string) => `/data/${pemda.slug}/${OPD}/2023/${tabel}`;

    before(async () => {
      h = await siapkan(kind);
      pemda = await h.pemdaBaru();
      lain = await h.pemdaBaru();
      pribadi = await dataPribadi();
      // Golden figures straight from the reference files, as the LKJIP computes them.
      const d = await bacaBerkasDataset(FIXTURE);
      const cap = hitungCapaian(d, OPD, 2023);
      harap = {
        iku: new Map(cap.sasaran.flatMap((s) => s.indikator).map((i) => [i.kode, toJson(i.capaian)])),
        rata: toJson(cap.rataRata.capaian),
        serapan: toJson(hitungAnggaran(d, OPD, 2023, cap).total.serapan),
      };
    });
    after(() => h.close());

    /** Approves every quarter of the year (as evaluasi.test.ts does) and has the kepala OPD sign it off through the API. */
    async function sahkan(p: Pemda): Promise<void> {
      const katalog = await bacaKatalog(h.db, p.id, OPD, 2023);
      assert.ok(katalog?.tahunOpdId);
      const tahunOpdId = katalog.tahunOpdId;
      const w = and(eq(t.realisasi.pemdaId, p.id), eq(t.realisasi.tahunOpdId, tahunOpdId));
      await h.db.update(t.realisasi).set({ status: 'disetujui' }).where(w);
      const rows = await h.db.select().from(t.realisasi).where(w);
      const ada = new Set(rows.map((r) => `${r.indikatorKode}/${r.triwulan}`));
      const [last] = await h.db.select({ u: max(t.realisasi.urutan) }).from(t.realisasi).where(w);
      let urutan = (last?.u ?? 0) + 1;
      // A whole-year value wins over quarters, so these fill-ins change no yearly figure.
      for (const i of katalog.indikator)
        for (const tw of [1, 2, 3, 4])
          if (!ada.has(`${i.kode}/${tw}`))
            await h.db.insert(t.realisasi).values({ pemdaId: p.id, id: newId(), urutan: urutan++, tahunOpdId, indikatorKode: i.kode, triwulan: tw, nilai: 1, bukti: [], status: 'disetujui' });
      const kepala = await h.masuk('kepala.disnakertrans', p);
      const r = await kepala.req('POST', `/api/pemda/${p.slug}/opd/${OPD}/tahun/2023/evaluasi/sahkan`);
      assert.equal(r.statusCode, 200, r.body);
    }

    it('before the sign-off: no 2023 figure on the pages, in the catalogue or as a table', async () => {
      const pemdaPage = await get(`/publik/${pemda.slug}`);
      assert.equal(pemdaPage.statusCode, 200);
      assert.match(String(pemdaPage.headers['content-type']), /text\/html/);
      assert.match(pemdaPage.body, /<html lang="id">/);
      assert.match(pemdaPage.body, /Belum ada laporan kinerja yang disahkan/);
      assert.doesNotMatch(pemdaPage.body, /\/opd\/disnakertrans\/2023/);
      const p = await get(halaman());
      assert.equal(p.statusCode, 404);
      assert.match(p.body, /belum dipublikasikan/);
      assert.doesNotMatch(p.body, /87,17|153,85|110,66/);
      for (const tabel of ['capaian-iku.csv', 'capaian-iku.json', 'capaian-sasaran.csv', 'anggaran-program.json', 'iku-kabupaten.csv']) {
        assert.equal((await get(data(tabel))).statusCode, 404, tabel);
      }
      assert.equal((await get(`${halaman()}/lkjip.pdf`)).statusCode, 404);
      const k = await get(`/data/${pemda.slug}/katalog.jsonld`);
      assert.equal(k.statusCode, 200);
      assert.deepEqual(k.json<{ 'dcat:dataset': unknown[] }>()['dcat:dataset'], []);
    });

    it('after the sign-off: the reference capaian on the page and in CSV and JSON', async () => {
      await sahkan(pemda);
      const p = await get(halaman());
      assert.equal(p.statusCode, 200, p.body);
      // Golden values (src/measure/golden.test.ts): IKU 87,17 / 153,85 / 101,60 / 100, mean 110,66.
      assert.deepEqual([...harap.iku.values()], [87.17, 153.85, 101.6, 100]);
      assert.equal(harap.rata, 110.66);
      for (const v of ['87,17%', '153,85%', '101,60%', '100,00%', '110,66%']) assert.ok(p.body.includes(v), v);
      assert.match(p.body, /<caption>/);
      assert.match(p.body, /scope="col"/);
      assert.match(p.body, /lkjip\.pdf/);

      const json = (await get(data('capaian-iku.json'))).json<{ lisensi: { nama: string }; disahkan: string; baris: Array<{ kode: string; capaian_persen: number | null }> }>();
      assert.deepEqual(new Map(json.baris.map((b) => [b.kode, b.capaian_persen])), harap.iku);
      assert.equal(json.lisensi.nama, 'CC BY 4.0');
      assert.ok(!Number.isNaN(Date.parse(json.disahkan)));
      const csv = await get(data('capaian-iku.csv'));
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
      const [head, ...rows] = csv.body.trimEnd().split('\r\n');
      assert.equal(head, 'sasaran_nomor,kode,indikator,satuan,target,sumber_target,realisasi,capaian_persen,predikat');
      const iku1 = rows.find((r) => r.split(',')[1] === 'IKU-1');
      assert.ok(iku1?.includes(',26.15,87.17,'), iku1);
      const sasaran = (await get(data('capaian-sasaran.json'))).json<{ baris: Array<{ capaian_persen: number }> }>();
      assert.deepEqual(
        sasaran.baris.map((b) => b.capaian_persen),
        [87.17, 153.85, 101.6, 100],
      );
      const ang = await get(data('anggaran-program.csv'));
      assert.equal(ang.statusCode, 200);
      assert.match(ang.body, /^kode,tingkat,nama,pagu_rupiah,realisasi_rupiah,serapan_persen\r\n/);
      assert.ok(harap.serapan !== null && p.body.includes(`serapan <strong>${String(harap.serapan).replace('.', ',')}`), 'total absorption on the page');
      // The other pemda publishes nothing because this one signed off.
      assert.equal((await get(`/publik/${lain.slug}/opd/${OPD}/2023`)).statusCode, 404);
      assert.equal((await get(`/data/${lain.slug}/${OPD}/2023/capaian-iku.csv`)).statusCode, 404);
    });

    it('no name or NIP of an official or user in the pages or the open data', async () => {
      assert.ok(pribadi.length >= 5, `only ${pribadi.length} personal values found`);
      const urls = [`/publik/${pemda.slug}`, halaman(), `/data/${pemda.slug}/katalog.jsonld`];
      for (const tabel of ['capaian-sasaran', 'capaian-iku', 'iku-kabupaten', 'anggaran-program']) urls.push(data(`${tabel}.csv`), data(`${tabel}.json`));
      for (const u of urls) {
        const r = await get(u);
        assert.equal(r.statusCode, 200, u);
        for (const x of pribadi) assert.ok(!r.body.includes(x), `${u} holds "${x}"`);
      }
    });

    it('the signed LKJIP and PK as PDF, without NIP', async () => {
      for (const dok of ['lkjip.pdf', 'pk.pdf']) {
        const r = await get(`${halaman()}/${dok}`);
        assert.equal(r.statusCode, 200, `${dok} ${r.body.slice(0, 200)}`);
        assert.equal(r.headers['content-type'], 'application/pdf');
        const teks = (await bacaPdf(r.rawPayload)).map((x) => x.teks).join('\n');
        assert.doesNotMatch(teks, /NIP\.?\s*\d/);
        assert.doesNotMatch(teks, /\d{8}\s?\d{6}\s?\d\s?\d{3}/);
        // Cached under the data version: the second request is the same file.
        const lagi = await get(`${halaman()}/${dok}`);
        assert.ok(lagi.rawPayload.equals(r.rawPayload));
      }
    });

    it('a draft value never appears: not of a reopened year, nor one that slipped into a signed-off year', async () => {
      const katalog = await bacaKatalog(h.db, pemda.id, OPD, 2023);
      assert.ok(katalog?.tahunOpdId);
      // Defence in depth: a value not approved (verified only, which the internal dashboards
      // count) placed in a signed-off year (the API refuses that: 423) is not published.
      // IKU-3 has an entered whole-year value (IKU-2 is computed from a register).
      const iku3 = and(eq(t.realisasi.pemdaId, pemda.id), eq(t.realisasi.tahunOpdId, katalog.tahunOpdId), eq(t.realisasi.indikatorKode, 'IKU-3'), isNull(t.realisasi.triwulan));
      const [row] = await h.db.select().from(t.realisasi).where(iku3);
      assert.ok(row);
      await h.db.update(t.realisasi).set({ status: 'diverifikasi', nilai: 999.99, pembilang: null, penyebut: null }).where(and(eq(t.realisasi.pemdaId, pemda.id), eq(t.realisasi.id, row.id)));
      // As every command does: the write raises the OPD's revision (else the cached figures stay, rightly).
      await naikkanRevisi(h.db, pemda.id, OPD);
      for (const u of [halaman(), data('capaian-iku.csv'), data('capaian-iku.json')]) {
        const r = await get(u);
        assert.equal(r.statusCode, 200);
        assert.doesNotMatch(r.body, /999[.,]99/, u);
      }
      const json = (await get(data('capaian-iku.json'))).json<{ baris: Array<{ kode: string; realisasi: number | null }> }>();
      const realisasi = json.baris.find((b) => b.kode === 'IKU-3')?.realisasi;
      assert.notEqual(realisasi, 999.99);
      assert.notEqual(realisasi, 79.17, 'the figures were recomputed without the whole-year value');
      await h.db.update(t.realisasi).set({ status: row.status, nilai: row.nilai, pembilang: row.pembilang, penyebut: row.penyebut }).where(and(eq(t.realisasi.pemdaId, pemda.id), eq(t.realisasi.id, row.id)));
      await naikkanRevisi(h.db, pemda.id, OPD);

      // The admin reopens the year: unpublished at once; a draft saved then never shows.
      const etag = (await get(halaman())).headers.etag;
      const admin = await h.masuk('admin.paser', pemda);
      const buka = await admin.req('POST', `/api/pemda/${pemda.slug}/opd/${OPD}/tahun/2023/evaluasi/buka`, { alasan: 'Koreksi data' });
      assert.equal(buka.statusCode, 200, buka.body);
      const perencana = await h.masuk('perencana.disnakertrans', pemda);
      const [tw1] = await h.db
        .select()
        .from(t.realisasi)
        .where(and(eq(t.realisasi.pemdaId, pemda.id), eq(t.realisasi.tahunOpdId, katalog.tahunOpdId), eq(t.realisasi.indikatorKode, 'IKU-1'), eq(t.realisasi.triwulan, 1)));
      assert.ok(tw1);
      await h.db.update(t.realisasi).set({ status: 'draf' }).where(and(eq(t.realisasi.pemdaId, pemda.id), eq(t.realisasi.id, tw1.id)));
      const simpan = await perencana.req('PUT', `/api/pemda/${pemda.slug}/opd/${OPD}/tahun/2023/triwulan/1/entri/IKU-1`, { nilai: 77.77, version: tw1.version });
      assert.equal(simpan.statusCode, 200, simpan.body);
      const p = await get(halaman(), etag ? { 'if-none-match': etag } : {});
      assert.equal(p.statusCode, 404);
      assert.doesNotMatch(p.body, /77,77|87,17/);
      assert.equal((await get(data('capaian-iku.csv'))).statusCode, 404);
      const k = (await get(`/data/${pemda.slug}/katalog.jsonld`)).json<{ 'dcat:dataset': unknown[] }>();
      assert.deepEqual(k['dcat:dataset'], []);
      for (const u of [`/publik/${pemda.slug}`, `/data/${pemda.slug}/katalog.jsonld`]) assert.doesNotMatch((await get(u)).body, /77[.,]77/);
    });
  });

  describe(`public caching, catalogue, licence and rate limit [${kind.name}]`, () => {
    let h: Harness;
    let pemda: Pemda;

    before(async () => {
      h = await siapkan(kind, { batasPublik: { max: 1000, timeWindow: 60_000, maxDokumen: 100 } });
      pemda = await h.pemdaBaru();
      // Signed off directly: this suite is about the responses, not the sign-off.
      const [u] = await h.db.select({ id: t.pengguna.id }).from(t.pengguna).where(eq(t.pengguna.pemdaId, pemda.id)).limit(1);
      assert.ok(u);
      await h.db.insert(t.pengesahanTahun).values({ pemdaId: pemda.id, id: newId(), opdSlug: OPD, tahun: 2023, penggunaId: u.id, pada: new Date('2024-02-15T03:00:00Z') });
    });
    after(() => h.close());

    it('a strong ETag, 304 on If-None-Match, a new ETag when the data or the sign-off changes', async () => {
      const url = `/publik/${pemda.slug}/opd/${OPD}/2023`;
      const a = await h.app.inject({ method: 'GET', url });
      assert.equal(a.statusCode, 200);
      const etag = a.headers.etag;
      assert.ok(typeof etag === 'string' && /^"[^"]+"$/.test(etag), String(etag));
      assert.match(String(a.headers['cache-control']), /public/);
      const b = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(b.statusCode, 304);
      assert.equal(b.body, '');
      const csv = await h.app.inject({ method: 'GET', url: `/data/${pemda.slug}/${OPD}/2023/capaian-iku.csv` });
      assert.notEqual(csv.headers.etag, etag, 'each URL has its own ETag');
      assert.equal(csv.headers['access-control-allow-origin'], '*');
      // A write to the OPD's data raises its revision: the ETag changes.
      const admin = await h.masuk('admin.paser', pemda);
      const pengaturan = (await admin.req('GET', `/api/pemda/${pemda.slug}/pengaturan`)).json<{ version: number }>();
      const ubah = await admin.req('PUT', `/api/pemda/${pemda.slug}/pengaturan`, { version: pengaturan.version, rumusNegatif: 'rasio-terbalik' });
      assert.equal(ubah.statusCode, 200, ubah.body);
      const c = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      assert.equal(c.statusCode, 200);
      assert.notEqual(c.headers.etag, etag);
      // Reopening the year (a removed sign-off) unpublishes it, whatever the client holds.
      await h.db.delete(t.pengesahanTahun).where(and(eq(t.pengesahanTahun.pemdaId, pemda.id), eq(t.pengesahanTahun.tahun, 2023)));
      const d = await h.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(c.headers.etag) } });
      assert.equal(d.statusCode, 404);
      const [u] = await h.db.select({ id: t.pengguna.id }).from(t.pengguna).where(eq(t.pengguna.pemdaId, pemda.id)).limit(1);
      assert.ok(u);
      await h.db.insert(t.pengesahanTahun).values({ pemdaId: pemda.id, id: newId(), opdSlug: OPD, tahun: 2023, penggunaId: u.id, pada: new Date('2024-02-15T03:00:00Z') });
    });

    it('unknown pemda, OPD, year or table: 404; malformed: 400', async () => {
      for (const u of [
        '/publik/tidak-ada-pemda',
        `/publik/tidak-ada-pemda/opd/${OPD}/2023`,
        `/publik/${pemda.slug}/opd/tidak-ada/2023`,
        `/publik/${pemda.slug}/opd/${OPD}/2022`,
        '/data/tidak-ada-pemda/katalog.jsonld',
        `/data/tidak-ada-pemda/${OPD}/2023/capaian-iku.csv`,
        `/data/${pemda.slug}/${OPD}/2022/capaian-iku.csv`,
      ]) {
        assert.equal((await h.app.inject({ method: 'GET', url: u })).statusCode, 404, u);
      }
      for (const u of [`/data/${pemda.slug}/${OPD}/2023/rahasia.csv`, `/data/${pemda.slug}/${OPD}/2023/capaian-iku.xml`, `/publik/${pemda.slug}/opd/${OPD}/20x3`, '/publik/Paser']) {
        assert.equal((await h.app.inject({ method: 'GET', url: u })).statusCode, 400, u);
      }
    });

    it('the catalogue is DCAT in JSON-LD: a Dataset per table with a CSV and a JSON Distribution that resolve', async () => {
      const r = await h.app.inject({ method: 'GET', url: `/data/${pemda.slug}/katalog.jsonld`, headers: { host: 'data.contoh.go.id' } });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /^application\/ld\+json/);
      type Distribusi = { '@type': string; 'dcat:downloadURL': { '@id': string }; 'dcat:mediaType': { '@id': string }; 'dct:license': { '@id': string } };
      type DatasetLd = { '@type': string; 'dct:identifier': string; 'dct:issued': { '@value': string }; 'dct:license': { '@id': string }; 'dct:publisher': unknown; 'dcat:distribution': Distribusi[] };
      const k = r.json<{ '@context': Record<string, string>; '@type': string; 'dcat:dataset': DatasetLd[] }>();
      assert.equal(k['@context'].dcat, 'http://www.w3.org/ns/dcat#');
      assert.equal(k['@context'].dct, 'http://purl.org/dc/terms/');
      assert.equal(k['@type'], 'dcat:Catalog');
      assert.deepEqual(
        k['dcat:dataset'].map((d) => d['dct:identifier']).sort(),
        ['anggaran-program', 'capaian-iku', 'capaian-sasaran', 'iku-kabupaten'].map((x) => `${pemda.slug}/${OPD}/2023/${x}`),
      );
      for (const d of k['dcat:dataset']) {
        assert.equal(d['@type'], 'dcat:Dataset');
        assert.equal(d['dct:issued']['@value'], '2024-02-15T03:00:00.000Z');
        assert.equal(d['dct:license']['@id'], 'https://creativecommons.org/licenses/by/4.0/');
        assert.ok(d['dct:publisher']);
        assert.equal(d['dcat:distribution'].length, 2);
        for (const x of d['dcat:distribution']) {
          assert.equal(x['@type'], 'dcat:Distribution');
          assert.match(x['dcat:mediaType']['@id'], /media-types\/(text\/csv|application\/json)$/);
          const u = new URL(x['dcat:downloadURL']['@id']);
          assert.equal(u.host, 'data.contoh.go.id');
          const f = await h.app.inject({ method: 'GET', url: u.pathname });
          assert.equal(f.statusCode, 200, u.pathname);
          assert.ok(String(f.headers['content-type']).startsWith(u.pathname.endsWith('.csv') ? 'text/csv' : 'application/json'));
        }
      }
    });

    it('the admin sets the licence in the settings (audited, validated); catalogue and tables follow', async () => {
      const admin = await h.masuk('admin.paser', pemda);
      const base = `/api/pemda/${pemda.slug}/pengaturan`;
      const awal = (await admin.req('GET', base)).json<{ version: number; lisensi: { nama: string; url: string } }>();
      assert.deepEqual(awal.lisensi, { nama: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
      const salah = await admin.req('PUT', base, { version: awal.version, lisensi: { nama: 'ODbL', url: 'javascript:alert(1)' } });
      assert.equal(salah.statusCode, 400, salah.body);
      const perencana = await h.masuk('perencana.disnakertrans', pemda);
      assert.equal((await perencana.req('PUT', base, { version: awal.version, lisensi: { nama: 'X', url: 'https://x.test/' } })).statusCode, 403);
      const lisensi = { nama: 'Open Data Commons Open Database License (ODbL)', url: 'https://opendatacommons.org/licenses/odbl/1-0/' };
      const ok = await admin.req('PUT', base, { version: awal.version, lisensi });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual(ok.json<{ lisensi: unknown }>().lisensi, lisensi);
      const [a] = await h.db.select().from(t.auditLog).where(and(eq(t.auditLog.pemdaId, pemda.id), eq(t.auditLog.entity, 'pengaturan'), eq(t.auditLog.field, 'lisensi')));
      assert.ok(a);
      const k = (await h.app.inject({ method: 'GET', url: `/data/${pemda.slug}/katalog.jsonld` })).json<{ 'dct:license': { '@id': string; 'dct:title': string } }>();
      assert.deepEqual(k['dct:license'], { '@id': lisensi.url, 'dct:title': lisensi.nama });
      const j = (await h.app.inject({ method: 'GET', url: `/data/${pemda.slug}/${OPD}/2023/capaian-sasaran.json` })).json<{ lisensi: unknown }>();
      assert.deepEqual(j.lisensi, lisensi);
      assert.match((await h.app.inject({ method: 'GET', url: `/publik/${pemda.slug}` })).body, /rel="license"[^>]*>Open Data Commons|Open Data Commons Open Database License/);
    });
  });

  describe(`public rate limit [${kind.name}]`, () => {
    let h: Harness;
    before(async () => {
      h = await siapkan(kind, { batasPublik: { max: 3, timeWindow: 60_000, maxDokumen: 1 } });
    });
    after(() => h.close());

    it('per client address: the fourth request within the window is 429, another address still 200', async () => {
      const url = `/publik/${h.pemda.slug}`;
      const kode: number[] = [];
      for (let i = 0; i < 4; i++) kode.push((await h.app.inject({ method: 'GET', url, remoteAddress: '10.0.0.1' })).statusCode);
      assert.deepEqual(kode, [200, 200, 200, 429]);
      assert.equal((await h.app.inject({ method: 'GET', url, remoteAddress: '10.0.0.2' })).statusCode, 200);
    });
  });
}
