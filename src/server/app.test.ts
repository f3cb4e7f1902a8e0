import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadDataset as readDatasetFiles } from '../dataset/load.ts';
import { saveDataset } from '../db/dataset-repository.ts';
import { randomSlug, testDatabases } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import { buildApp } from './app.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

for (const kind of testDatabases()) {
  describe(`HTTP API [${kind.name}]`, () => {
    let app: ReturnType<typeof buildApp>;
    let close: () => Promise<void>;
    let slug: string;
    before(async () => {
      const opened = await kind.open();
      close = opened.close;
      slug = randomSlug('paser');
      const files = await readDatasetFiles(FIXTURE);
      await saveDataset(opened.db, { ...files, pemda: { ...files.pemda, slug } });
      app = buildApp({ db: opened.db, kind: kind.name } as unknown as Database);
    });
    after(async () => {
      await app.close();
      await close();
    });

    it('health names the database', async () => {
      const r = await app.inject('/api/health');
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), { status: 'ok', database: { kind: kind.name, status: 'ok' } });
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    });

    it('capaian and anggaran as JSON percent values', async () => {
      const c = await app.inject(`/api/pemda/${slug}/opd/disnakertrans/tahun/2023/capaian`);
      assert.equal(c.statusCode, 200);
      const body = c.json<{ sasaran: Array<{ capaian: number }>; rataRata: { capaian: number } }>();
      assert.deepEqual(body.sasaran.map((s) => s.capaian), [87.17, 153.85, 101.6, 100]);
      assert.equal(body.rataRata.capaian, 110.66);
      const a = await app.inject(`/api/pemda/${slug}/opd/disnakertrans/tahun/2023/anggaran`);
      assert.equal(a.json<{ total: { serapan: number } }>().total.serapan, 95.4);
      const k = await app.inject(`/api/pemda/${slug}/opd/disnakertrans/tahun/2023/check`);
      assert.equal(k.json<{ jumlah: number }>().jumlah, 7);
    });

    it('bad params are 400, unknown pemda or OPD 404, never 500', async () => {
      for (const [url, code] of [
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/abc/capaian`, 400],
        [`/api/pemda/${slug}/opd/DROP%20TABLE/tahun/2023/capaian`, 400],
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/1800/anggaran`, 400],
        [`/api/pemda/tidak-ada/opd/disnakertrans/tahun/2023/capaian`, 404],
        [`/api/pemda/${slug}/opd/tidak-ada/tahun/2023/capaian`, 404],
        [`/api/pemda/${slug}/opd/disnakertrans/tahun/2019/capaian`, 404],
      ] as const) {
        const r = await app.inject(url);
        assert.equal(r.statusCode, code, url);
      }
    });

    it('the summary page renders the figures in Indonesian format', async () => {
      const r = await app.inject('/');
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /text\/html/);
      assert.ok(r.body.includes('<html lang="id">'));
      // Other test files may have stored other pemda first; the page shows the first one.
      assert.ok(r.body.includes('SIKIPER'));
    });
  });
}
