import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { Dataset } from '../dataset/schema.ts';
import { contohInput } from '../dataset/testing.ts';
import { migrate, openDatabase } from './client.ts';
import { DatabaseConfigError, resolveTarget } from './target.ts';
import { listPemda, loadDataset, saveDataset } from './dataset-repository.ts';

void describe('database configuration', () => {
  void test('the URL picks the driver; no URL means PGlite in the data folder or ./data', () => {
    assert.deepStrictEqual(resolveTarget({}), { kind: 'pglite', dataDir: resolve('./data') });
    assert.deepStrictEqual(resolveTarget({ dataDir: '/srv/sikiper' }), { kind: 'pglite', dataDir: '/srv/sikiper' });
    assert.deepStrictEqual(resolveTarget({ url: ' ', dataDir: 'x' }), { kind: 'pglite', dataDir: resolve('x') });
    assert.deepStrictEqual(resolveTarget({ url: 'memory://', dataDir: 'x' }), { kind: 'pglite', dataDir: undefined });
    assert.deepStrictEqual(resolveTarget({ url: 'file://./db' }), { kind: 'pglite', dataDir: resolve('./db') });
    const url = 'postgres://sikiper:rahasia@db.internal:5432/sikiper';
    assert.deepStrictEqual(resolveTarget({ url }), { kind: 'postgres', url });
    assert.deepStrictEqual(resolveTarget({ url: 'postgresql://localhost/x' }), { kind: 'postgres', url: 'postgresql://localhost/x' });
  });

  void test('a bad URL is refused with a message that names it without its password', () => {
    assert.throws(() => resolveTarget({ url: 'mysql://root:rahasia@localhost/db' }), (e: unknown) => {
      assert.ok(e instanceof DatabaseConfigError);
      assert.match(e.message, /tidak dikenali: mysql:\/\/root:\*\*\*@localhost\/db/);
      assert.doesNotMatch(e.message, /rahasia/);
      return true;
    });
    assert.throws(() => resolveTarget({ url: 'postgres://' }), /tidak menyebut host/);
    assert.throws(() => resolveTarget({ url: 'postgres://a:b@[::1' }), /bukan URL PostgreSQL yang sah/);
    assert.throws(() => resolveTarget({ url: 'file://' }), /harus menyebut folder/);
  });

  void test('an unreachable PostgreSQL server is reported when opening, not at the first query', async () => {
    await assert.rejects(openDatabase({ url: 'postgres://sikiper:rahasia@127.0.0.1:1/sikiper' }), (e: unknown) => {
      assert.ok(e instanceof DatabaseConfigError);
      assert.match(e.message, /tidak dapat terhubung ke postgres postgres:\/\/sikiper:\*\*\*@127\.0\.0\.1:1\/sikiper/);
      return true;
    });
  });

  void test('embedded PGlite in a folder keeps the data after closing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sikiper-db-'));
    try {
      const dataset = Dataset.parse(contohInput('berkas'));
      const first = await openDatabase({ url: `file://${dir}` });
      assert.equal(first.kind, 'pglite');
      await migrate(first);
      await saveDataset(first.db, dataset);
      await first.close();

      const second = await openDatabase({ dataDir: dir, url: '' });
      await migrate(second);
      assert.deepStrictEqual(
        (await listPemda(second.db)).map((p) => p.slug),
        ['berkas'],
      );
      assert.deepStrictEqual(await loadDataset(second.db, 'berkas'), dataset);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
