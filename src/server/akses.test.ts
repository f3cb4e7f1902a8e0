/**
 * Every role against every route: what is allowed answers 2xx, what is not answers 403 (404
 * for another pemda) and changes nothing, proven by comparing the audit log, realisasi,
 * evidence, deadlines and comments before and after.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { testDatabases } from '../db/testing.ts';
import type { Entri } from '../workflow/entri.ts';
import { type Harness, jejak, type Klien, multipart, type NamaDemo, PDF, siapkan } from './testing.ts';

const PEMBACA = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser'] as const;
const KEPALA_UNIT = ['kabid.p2k', 'kabid.hi', 'sekretaris.disnakertrans', 'kabid.transmigrasi', 'kabid.p2k2'] as const;
const SEMUA: readonly NamaDemo[] = [...PEMBACA, ...KEPALA_UNIT];

for (const kind of testDatabases()) {
  describe(`access: role x route [${kind.name}]`, () => {
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
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
      for (const n of SEMUA) klien.set(n, await h.masuk(n));
    });
    after(() => h.close());

    /** Calls the route as every role outside `allowed` and expects 403 and no change at all. */
    async function refusedForOthers(allowed: readonly NamaDemo[], method: InjectOptions['method'], url: string, body?: () => { body: unknown; headers?: Record<string, string> }) {
      for (const n of SEMUA.filter((x) => !allowed.includes(x))) {
        const before = await jejak(h.db, h.pemda.id);
        const b = body?.();
        const r = await as(n).req(method, url, b?.body, b?.headers);
        assert.equal(r.statusCode, 403, `${n} ${method} ${url}: ${r.body}`);
        assert.equal(r.json<{ error: string }>().error, 'dilarang');
        assert.equal(await jejak(h.db, h.pemda.id), before, `${n} ${method} ${url} changed data`);
      }
    }

    async function allowedFor(allowed: readonly NamaDemo[], url: string) {
      for (const n of SEMUA) {
        const r = await as(n).req('GET', url);
        assert.equal(r.statusCode, allowed.includes(n) ? 200 : 403, `${n} GET ${url}`);
      }
    }

    it('everyone signed in reads who they are, their pemda and their OPDs', async () => {
      for (const n of SEMUA) {
        for (const url of ['/api/me', '/api/pemda', `/api/pemda/${h.pemda.slug}/opd`]) assert.equal((await as(n).req('GET', url)).statusCode, 200, `${n} ${url}`);
        const opd = await as(n).req('GET', `/api/pemda/${h.pemda.slug}/opd`);
        assert.deepEqual(opd.json<{ opd: Array<{ slug: string }> }>().opd.map((o) => o.slug), ['disnakertrans']);
      }
    });

    it('OPD-wide tables: the readers of the OPD, not unit heads', async () => {
      for (const table of ['capaian', 'anggaran', 'check', 'dashboard']) await allowedFor(PEMBACA, `${base}/tahun/2023/${table}`);
      await allowedFor(PEMBACA, `${base}/pejabat`);
    });

    it('API tokens: only admin-pemda manages them; the changes feed is for pemda-wide readers', async () => {
      await allowedFor(['admin.paser'], `/api/pemda/${h.pemda.slug}/token`);
      await allowedFor(['admin.paser', 'inspektorat.paser', 'pimpinan.paser'], `/api/pemda/${h.pemda.slug}/perubahan`);
      await refusedForOthers(['admin.paser'], 'POST', `/api/pemda/${h.pemda.slug}/token`, () => ({ body: { nama: 'Integrasi', cakupan: ['baca'], berlakuHari: 1 } }));
    });

    it('official NIPs only for admin-pemda, perencana and kepala-opd', async () => {
      for (const n of PEMBACA) {
        const r = await as(n).req('GET', `${base}/pejabat`);
        const kadis = r.json<{ pejabat: Array<{ unit?: string; nip?: string }> }>().pejabat.find((p) => p.unit === 'kadis');
        const sees = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans'].includes(n);
        assert.equal(kadis?.nip, sees ? '196407311990031007' : undefined, n);
      }
    });

    it('entry lists: readers see every indicator, a unit head only its own', async () => {
      const all = await as('perencana.disnakertrans').req('GET', `${base}/tahun/2023/triwulan/3/entri`);
      const every = all.json<{ indikator: Entri[] }>().indikator;
      assert.ok(every.length > 40);
      for (const n of PEMBACA) {
        const r = await as(n).req('GET', `${base}/tahun/2023/triwulan/3/entri`);
        assert.equal(r.json<{ indikator: Entri[] }>().indikator.length, every.length, n);
      }
      const units: Record<(typeof KEPALA_UNIT)[number], string[]> = {
        'kabid.p2k': ['bidang-p2k', 'uptd-blk'],
        'kabid.hi': ['bidang-hi'],
        'sekretaris.disnakertrans': ['sekretariat'],
        'kabid.transmigrasi': ['bidang-transmigrasi'],
        'kabid.p2k2': ['bidang-p2k2'],
      };
      for (const n of KEPALA_UNIT) {
        const r = await as(n).req('GET', `${base}/tahun/2023/triwulan/3/entri`);
        const mine = r.json<{ indikator: Entri[] }>().indikator;
        const expected = every.filter((e) => e.unit.some((u) => units[n].includes(u))).map((e) => e.kode);
        assert.deepEqual(
          mine.map((e) => e.kode),
          expected,
          n,
        );
        assert.ok(expected.length > 0, n);
      }
      const iku = (n: NamaDemo) => as(n).req('GET', `${base}/tahun/2023/triwulan/3/entri`);
      assert.deepEqual(
        (await iku('kabid.hi')).json<{ indikator: Entri[] }>().indikator.filter((e) => e.jenis === 'renstra').map((e) => e.kode),
        ['IKU-2'],
      );
      await allowedFor([...PEMBACA, 'kabid.p2k'], `${base}/tahun/2023/triwulan/3/entri/IKU-1/riwayat`);
    });

    it('the workflow: each move by its role only, refusals change nothing', async () => {
      const url = `${base}/tahun/2024/triwulan/2/entri/IKU-2`;
      await refusedForOthers(['kabid.hi', 'perencana.disnakertrans'], 'PUT', url, () => ({ body: { pembilang: 4, penyebut: 8, version: 0 } }));
      let r = await as('kabid.hi').req('PUT', url, { pembilang: 4, penyebut: 8, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      r = await as('perencana.disnakertrans').req('PUT', url, { pembilang: 5, version: 1 });
      assert.equal(r.statusCode, 200, r.body);

      await refusedForOthers(['kabid.hi'], 'POST', `${url}/ajukan`, () => ({ body: { version: 2 } }));
      assert.equal((await as('kabid.hi').req('POST', `${url}/ajukan`, { version: 2 })).statusCode, 200);

      await refusedForOthers(['perencana.disnakertrans', 'kepala.disnakertrans'], 'POST', `${url}/tolak`, () => ({ body: { version: 3, komentar: 'tidak sah' } }));
      await refusedForOthers(['perencana.disnakertrans'], 'POST', `${url}/verifikasi`, () => ({ body: { version: 3 } }));
      assert.equal((await as('perencana.disnakertrans').req('POST', `${url}/verifikasi`, { version: 3 })).statusCode, 200);

      await refusedForOthers(['kepala.disnakertrans'], 'POST', `${url}/setujui`, () => ({ body: { version: 4 } }));
      assert.equal((await as('kepala.disnakertrans').req('POST', `${url}/setujui`, { version: 4 })).statusCode, 200);
    });

    it('evidence: uploaded by the owning unit or the planner, read by whoever reads the entry', async () => {
      const url = `${base}/tahun/2024/triwulan/2/entri/IKU-3/bukti`;
      const file = () => multipart('nilai-sakip.pdf', PDF);
      await refusedForOthers(['sekretaris.disnakertrans', 'perencana.disnakertrans'], 'POST', url, file);
      for (const n of ['sekretaris.disnakertrans', 'perencana.disnakertrans'] as const) {
        const f = file();
        const r = await as(n).req('POST', url, f.body, f.headers);
        assert.equal(r.statusCode, 201, `${n}: ${r.body}`);
      }
      const list = await as('sekretaris.disnakertrans').req('GET', `${base}/tahun/2024/triwulan/2/entri`);
      const bukti = list.json<{ indikator: Entri[] }>().indikator.find((e) => e.kode === 'IKU-3')?.bukti ?? [];
      assert.equal(bukti.length, 2);
      await allowedFor([...PEMBACA, 'sekretaris.disnakertrans'], `/api/bukti/${bukti[0]?.id ?? ''}`);
    });

    it('deadlines: admin-pemda only', async () => {
      const url = `/api/pemda/${h.pemda.slug}/tenggat/2030/4`;
      const body = { version: 0, batas: '2031-01-15T23:59:59+08:00', pengecualian: [{ opd: 'disnakertrans', unit: 'bidang-hi', batas: '2031-01-31T23:59:59+08:00' }] };
      await refusedForOthers(['admin.paser'], 'PUT', url, () => ({ body }));
      const r = await as('admin.paser').req('PUT', url, body);
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json(), {
        tahun: 2030,
        triwulan: 4,
        version: 1,
        batas: '2031-01-15T15:59:59.000Z',
        pengecualian: [{ opd: 'disnakertrans', unit: 'bidang-hi', batas: '2031-01-31T15:59:59.000Z' }],
      });
    });

    it("a unit head can neither read nor change another unit's indicator", async () => {
      const hi = as('kabid.hi');
      const url = `${base}/tahun/2024/triwulan/3/entri/IKU-1`;
      const before = await jejak(h.db, h.pemda.id);
      const upload = multipart('x.pdf', PDF);
      for (const [method, path, body, headers] of [
        ['GET', `${url}/riwayat`, undefined, undefined],
        ['PUT', url, { nilai: 1, version: 0 }, undefined],
        ['POST', `${url}/ajukan`, { version: 0 }, undefined],
        ['POST', `${url}/bukti`, upload.body, upload.headers],
      ] as const) {
        const r = await hi.req(method, path, body, headers);
        assert.equal(r.statusCode, 403, `${method} ${path}`);
      }
      assert.equal(await jejak(h.db, h.pemda.id), before);
    });

    it("another pemda's data is not found, whatever the role, and nothing changes", async () => {
      const b = await h.pemdaBaru();
      const adminB = await h.masuk('admin.paser', b);
      const unitB = await h.masuk('kabid.p2k', b);
      const upload = multipart('b.pdf', PDF);
      let r = await unitB.req('POST', `/api/pemda/${b.slug}/opd/disnakertrans/tahun/2024/triwulan/1/entri/IKU-1/bukti`, upload.body, upload.headers);
      assert.equal(r.statusCode, 201, r.body);
      const buktiB = r.json<{ id: string }>().id;

      const otherBase = `/api/pemda/${b.slug}/opd/disnakertrans`;
      const entri = `${otherBase}/tahun/2024/triwulan/1/entri/IKU-1`;
      const beforeB = await jejak(h.db, b.id);
      for (const n of SEMUA) {
        for (const [method, url, body] of [
          ['GET', `/api/pemda/${b.slug}/opd`, undefined],
          ['GET', `${otherBase}/tahun/2023/capaian`, undefined],
          ['GET', `${otherBase}/tahun/2023/anggaran`, undefined],
          ['GET', `${otherBase}/tahun/2023/check`, undefined],
          ['GET', `${otherBase}/tahun/2023/dashboard`, undefined],
          ['GET', `${otherBase}/pejabat`, undefined],
          ['GET', `${otherBase}/tahun/2024/triwulan/1/entri`, undefined],
          ['GET', `${entri}/riwayat`, undefined],
          ['PUT', entri, { nilai: 1, version: 0 }],
          ['POST', `${entri}/ajukan`, { version: 0 }],
          ['POST', `${entri}/verifikasi`, { version: 0 }],
          ['POST', `${entri}/setujui`, { version: 0 }],
          ['POST', `${entri}/tolak`, { version: 0, komentar: 'bukan milikmu' }],
          ['PUT', `/api/pemda/${b.slug}/tenggat/2024/1`, { version: 0, batas: '2024-04-10T00:00:00Z' }],
          ['GET', `/api/pemda/${b.slug}/tenggat/2024/1`, undefined],
          ['GET', `/api/bukti/${buktiB}`, undefined],
        ] as const) {
          const res = await as(n).req(method, url, body);
          assert.equal(res.statusCode, 404, `${n} ${method} ${url}: ${res.body}`);
        }
      }
      assert.equal(await jejak(h.db, b.id), beforeB);

      r = await adminB.req('GET', '/api/pemda');
      assert.deepEqual(r.json<{ pemda: Array<{ slug: string }> }>().pemda.map((p) => p.slug), [b.slug]);
      r = await adminB.req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/capaian`);
      assert.equal(r.statusCode, 404);
    });
  });
}
