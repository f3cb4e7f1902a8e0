import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/client.ts';
import { testDatabases } from '../db/testing.ts';
import { buildApp } from './app.ts';
import { type Harness, type Klien, siapkan } from './testing.ts';

for (const kind of testDatabases()) {
  describe(`HTTP API [${kind.name}]`, () => {
    let h: Harness;
    let perencana: Klien;
    let slug: string;
    before(async () => {
      h = await siapkan(kind);
      slug = h.pemda.slug;
      perencana = await h.masuk('perencana.disnakertrans');
    });
    after(() => h.close());

    it('health names the database, without a session, with the security headers', async () => {
      const r = await h.app.inject('/api/health');
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), { status: 'ok', database: { kind: kind.name, status: 'ok' } });
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
      assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    });

    it('capaian and anggaran as JSON percent values', async () => {
      const c = await perencana.req('GET', `/api/pemda/${slug}/opd/disnakertrans/tahun/2023/capaian`);
      assert.equal(c.statusCode, 200);
      const body = c.json<{ sasaran: Array<{ capaian: number }>; rataRata: { capaian: number } }>();
      assert.deepEqual(body.sasaran.map((s) => s.capaian), [87.17, 153.85, 101.6, 100]);
      assert.equal(body.rataRata.capaian, 110.66);
      const a = await perencana.req('GET', `/api/pemda/${slug}/opd/disnakertrans/tahun/2023/anggaran`);
      assert.equal(a.json<{ total: { serapan: number } }>().total.serapan, 95.4);
      const k = await perencana.req('GET', `/api/pemda/${slug}/opd/disnakertrans/tahun/2023/check`);
      assert.equal(k.json<{ jumlah: number }>().jumlah, 7);
    });

    it('bad params are 400 with Indonesian issues, unknown pemda or OPD 404, never 500', async () => {
      for (const [url, code] of [
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/abc/capaian`, 400],
        [`/api/pemda/${slug}/opd/DROP%20TABLE/tahun/2023/capaian`, 400],
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/1800/anggaran`, 400],
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/2023/triwulan/5/entri`, 400],
        [`/api/pemda/tidak-ada/opd/disnakertrans/tahun/2023/capaian`, 404],
        [`/api/pemda/${slug}/opd/tidak-ada/tahun/2023/capaian`, 404],
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/2019/capaian`, 404],
        [`/api/pemda/${slug}/opd/tidak-ada/tahun/2023/triwulan/1/entri`, 404],
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/2019/triwulan/1/entri`, 404],
        ['/api/tidak-ada', 404],
      ] as const) {
        const r = await perencana.req('GET', url);
        assert.equal(r.statusCode, code, url);
      }
      const r = await perencana.req('GET', `/api/pemda/${slug}/opd/disnakertrans/tahun/1800/anggaran`);
      const issues = r.json<{ error: string; issues: Array<{ path: string; message: string }> }>();
      assert.equal(issues.error, 'masukan-tidak-sah');
      assert.deepEqual(issues.issues.map((i) => i.path), ['tahun']);
      assert.match(issues.issues[0]?.message ?? '', /Terlalu kecil/);
    });

    it('JSON bodies are limited to 1 MB', async () => {
      const r = await perencana.req('PUT', `/api/pemda/${slug}/opd/disnakertrans/tahun/2024/triwulan/1/entri/IKU-1`, {
        keterangan: 'x'.repeat(1024 * 1024 + 10),
        version: 0,
      });
      assert.equal(r.statusCode, 413);
    });

    it('Renja codes with # travel URL-encoded', async () => {
      const r = await perencana.req('GET', `/api/pemda/${slug}/opd/disnakertrans/tahun/2023/triwulan/1/entri/${encodeURIComponent('2.07.03#1')}/riwayat`);
      assert.equal(r.statusCode, 200, r.body);
    });

    it('the OpenAPI document describes every route, and /api/docs serves its UI', async () => {
      const r = await h.app.inject('/api/openapi.json');
      assert.equal(r.statusCode, 200);
      const doc = r.json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; parameters?: unknown[] }>> }>();
      assert.equal(doc.openapi, '3.1.0');
      const entri = '/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/triwulan/{tw}/entri/{kode}';
      for (const [path, method] of [
        ['/api/auth/login', 'post'],
        ['/api/auth/logout', 'post'],
        ['/api/auth/logout-all', 'post'],
        ['/api/me', 'get'],
        ['/api/pemda/{pemda}/opd', 'get'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/triwulan/{tw}/entri', 'get'],
        [entri, 'put'],
        [`${entri}/ajukan`, 'post'],
        [`${entri}/verifikasi`, 'post'],
        [`${entri}/setujui`, 'post'],
        [`${entri}/tolak`, 'post'],
        [`${entri}/riwayat`, 'get'],
        [`${entri}/bukti`, 'post'],
        ['/api/bukti/{id}', 'get'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/dashboard', 'get'],
        ['/api/pemda/{pemda}/tenggat/{tahun}/{tw}', 'put'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/capaian', 'get'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/anggaran', 'get'],
        ['/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/check', 'get'],
      ] as const) {
        assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
      }
      assert.ok(doc.paths[entri]?.put?.requestBody);
      assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/api/docs')));
      const ui = await h.app.inject('/api/docs/');
      assert.equal(ui.statusCode, 200);
      assert.match(ui.body, /swagger-ui/i);
    });

    it('the summary page asks to sign in, then shows the figures of the signed-in pemda', async () => {
      let r = await h.app.inject('/');
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /text\/html/);
      assert.ok(r.body.includes('<html lang="id">'));
      assert.ok(r.body.includes('/api/auth/login'));
      assert.ok(!r.body.includes('Disnakertrans') && !r.body.includes('Tenaga Kerja'));
      r = await perencana.req('GET', '/');
      assert.ok(r.body.includes('Dinas Tenaga Kerja dan Transmigrasi'));
      const unit = await h.masuk('kabid.hi');
      r = await unit.req('GET', '/');
      assert.ok(!r.body.includes('Dinas Tenaga Kerja dan Transmigrasi'), 'a unit head does not read OPD-wide tables');
    });

    it('serves the built web UI and its index.html for client routes when web/dist exists', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sikiper-web-'));
      await mkdir(join(dir, 'assets'));
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>SIKIPER web</title><div id="root"></div>');
      await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
      const web = buildApp({ db: h.db, kind: kind.name } as unknown as Database, { webDist: dir });
      try {
        for (const url of ['/', '/opd/disnakertrans/2024/entri']) {
          const r = await web.inject(url);
          assert.equal(r.statusCode, 200, url);
          assert.ok(r.body.includes('SIKIPER web'), url);
          assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
        }
        assert.equal((await web.inject('/assets/app.js')).body, 'console.log(1)');
        const api = await web.inject('/api/tidak-ada');
        assert.equal(api.statusCode, 404);
        assert.equal(api.json<{ error: string }>().error, 'tidak-ditemukan');
        assert.equal((await web.inject('/api/me')).statusCode, 401);
      } finally {
        await web.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
