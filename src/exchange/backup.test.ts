import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Dataset } from '../dataset/schema.ts';
import type { Db } from '../db/client.ts';
import { loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { randomSlug, testDatabases, type TestDatabase } from '../db/testing.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { anggaranJson, capaianJson } from '../measure/present.ts';
import { BACKUP_FORMAT, bukaCadangan, bungkusCadangan, buatCadangan, checksum, jsonKanonik, migrasiTerakhir, pulihkan } from './backup.ts';
import { formatGalat, ImporError } from './galat.ts';
import { datasetReferensi } from './testing.ts';

async function galat(p: Promise<unknown> | (() => unknown)): Promise<string[]> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    assert.ok(e instanceof ImporError, String(e));
    return e.galat.map(formatGalat);
  }
  assert.fail('expected an ImporError');
}

/** Re-wraps an envelope changed by `f`, recomputing the checksum unless `keepSum`. */
function ubahAmplop(file: Buffer, f: (v: Record<string, unknown>) => void, keepSum = false): Buffer {
  const v = JSON.parse(gunzipSync(file).toString('utf8')) as Record<string, unknown>;
  f(v);
  if (!keepSum) v.sha256 = checksum(v as unknown as Parameters<typeof checksum>[0]);
  return gzipSync(JSON.stringify(v));
}

void test('canonical JSON sorts keys at every level, so the checksum does not depend on key order', () => {
  assert.equal(jsonKanonik({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }), '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  assert.match(migrasiTerakhir(), /^\d{4}_/);
});

void test('a backup opens back to the same datasets; damaged and foreign files are refused with a clear message', async () => {
  const d = await datasetReferensi('paser');
  const file = bungkusCadangan([d], new Date('2024-02-01T00:00:00Z'), '0000_init');
  const c = bukaCadangan(file);
  assert.equal(c.format, BACKUP_FORMAT);
  assert.equal(c.schemaMigration, '0000_init');
  assert.deepStrictEqual(c.pemda, [d]);

  assert.deepEqual(await galat(() => bukaCadangan(Buffer.from('{"format":"sikiper-backup"}'))), ['bukan berkas cadangan SIKIPER (bukan gzip); buat cadangan dengan `sikiper backup`']);
  assert.match((await galat(() => bukaCadangan(file.subarray(0, file.length - 40))))[0] ?? '', /^berkas cadangan rusak atau terpotong \(gzip: /);
  const flipped = Buffer.from(file);
  flipped[Math.floor(flipped.length / 2)] = (flipped[Math.floor(flipped.length / 2)] ?? 0) ^ 0xff;
  assert.match((await galat(() => bukaCadangan(flipped)))[0] ?? '', /^berkas cadangan rusak/);
  const edited = ubahAmplop(file, (v) => ((v.pemda as Dataset[])[0]!.pemda.nama = 'Kabupaten Lain'), true);
  assert.match((await galat(() => bukaCadangan(edited)))[0] ?? '', /^checksum cadangan tidak cocok \(tercatat [0-9a-f]{12}…, dihitung [0-9a-f]{12}…\): berkas berubah atau rusak$/);
  assert.deepEqual(await galat(() => bukaCadangan(ubahAmplop(file, (v) => (v.version = 2)))), ['versi cadangan 2 tidak didukung; versi yang dapat dipulihkan: 1']);
  assert.deepEqual(await galat(() => bukaCadangan(ubahAmplop(file, (v) => (v.format = 'other-backup')))), ['bukan berkas cadangan SIKIPER (format "other-backup", seharusnya "sikiper-backup")']);
  assert.deepEqual(await galat(() => bukaCadangan(gzipSync('not json'))), ['berkas cadangan rusak: isinya bukan JSON yang sah (Unexpected token \'o\', "not json" is not valid JSON)']);
  const invalid = ubahAmplop(file, (v) => ((v.pemda as Array<{ opd: Array<{ tahun: Array<{ anggaran: Array<{ baris: Array<{ pagu: number }> }> }> }> }>)[0]!.opd[0]!.tahun[2]!.anggaran[0]!.baris[0]!.pagu = 1.5));
  assert.deepEqual(await galat(() => bukaCadangan(invalid)), ['pemda[0]: opd[0].tahun[2].anggaran[0].baris[0].pagu: rupiah harus bilangan bulat']);
  assert.deepEqual(await galat(() => bukaCadangan(bungkusCadangan([d, d]))), ['pemda[1]: pemda "paser" sudah ada di pemda[0]']);
});

const tables = (d: Dataset) => {
  const c = hitungCapaian(d, 'disnakertrans', 2023);
  return { capaian: capaianJson(c), anggaran: anggaranJson(hitungAnggaran(d, 'disnakertrans', 2023, c)) };
};

void describe('backup and restore', () => {
  const kinds = testDatabases();
  const open = new Map<TestDatabase['name'], { db: Db; close: () => Promise<void> }>();
  before(async () => {
    for (const k of kinds) open.set(k.name, await k.open());
  });
  after(async () => {
    for (const o of open.values()) await o.close();
  });
  const dbOf = (name: TestDatabase['name']) => {
    const o = open.get(name);
    assert.ok(o);
    return o.db;
  };

  for (const kind of kinds) {
    void test(`[${kind.name}] restore puts back exactly what the backup held, and leaves other pemda alone`, async () => {
      const db = dbOf(kind.name);
      const slug = randomSlug('cadangan');
      const other = randomSlug('lain');
      const d = await datasetReferensi(slug);
      await saveDataset(db, d);
      await saveDataset(db, await datasetReferensi(other));
      const { isi, pemda } = await buatCadangan(db, { pemda: [slug] });
      assert.deepEqual(pemda, [slug]);

      const changed = structuredClone(d);
      changed.opd[0]!.tahun = [];
      await saveDataset(db, changed);
      const otherBefore = await loadDataset(db, other);
      const r = await pulihkan(db, isi, 'cadangan.gz');
      assert.deepEqual(r.pemda, [slug]);
      assert.equal(r.migrasiBerbeda, false);
      assert.deepStrictEqual(await loadDataset(db, slug), d);
      assert.deepStrictEqual(await loadDataset(db, other), otherBefore);
    });

    void test(`[${kind.name}] a corrupted or foreign-version backup is refused and changes nothing`, async () => {
      const db = dbOf(kind.name);
      const slug = randomSlug('rusak');
      const d = await datasetReferensi(slug);
      await saveDataset(db, d);
      const good = bungkusCadangan([{ ...d, pemda: { ...d.pemda, nama: 'Nama dari cadangan' } }]);
      const truncated = good.subarray(0, good.length - 100);
      const foreign = ubahAmplop(good, (v) => (v.version = 99));
      const tampered = ubahAmplop(good, (v) => (v.createdAt = '2000-01-01T00:00:00.000Z'), true);
      for (const [file, re] of [
        [truncated, /terpotong/],
        [foreign, /versi cadangan 99 tidak didukung/],
        [tampered, /checksum cadangan tidak cocok/],
      ] as const) {
        const lines = await galat(pulihkan(db, file, 'x.gz'));
        assert.match(lines.join('\n'), re);
        assert.deepStrictEqual(await loadDataset(db, slug), d);
      }
    });

    void test(`[${kind.name}] all pemda of a backup are restored in one transaction: a failure in the last leaves the first unchanged`, async () => {
      const db = dbOf(kind.name);
      const a = randomSlug('satu');
      const b = randomSlug('dua');
      const da = await datasetReferensi(a);
      await saveDataset(db, da);
      const newA = { ...da, pemda: { ...da.pemda, nama: 'Diganti oleh cadangan' } };
      // The schema accepts the date, the database refuses it: the failure comes only at the second write.
      const badB = await datasetReferensi(b);
      badB.opd[0]!.tahun[2]!.pk[0]!.tanggal = '2023-02-30';
      await assert.rejects(pulihkan(db, bungkusCadangan([newA, badB]), 'x.gz'), /basis data menolak/);
      assert.deepStrictEqual(await loadDataset(db, a), da);
      assert.equal(await loadDataset(db, b), undefined);
    });
  }

  void test('PGlite → PostgreSQL and back', { skip: kinds.length < 2 ? 'PostgreSQL not configured (SIKIPER_TEST_POSTGRES)' : false }, async () => {
    const lite = dbOf('pglite');
    const pg = dbOf('postgres');
    const slug = randomSlug('pindah');
    const d = await datasetReferensi(slug);
    await saveDataset(lite, d);
    const fromLite = await buatCadangan(lite, { pemda: [slug] });
    await pulihkan(pg, fromLite.isi);
    const onPg = await loadDataset(pg, slug);
    assert.deepStrictEqual(onPg, await loadDataset(lite, slug));
    assert.ok(onPg);
    assert.deepStrictEqual(tables(onPg), tables(d));

    const edited = structuredClone(onPg);
    edited.opd[0]!.tahun[2]!.anggaran[0]!.baris[0]!.realisasi = 1;
    await saveDataset(pg, edited);
    await pulihkan(lite, (await buatCadangan(pg, { pemda: [slug] })).isi);
    assert.deepStrictEqual(await loadDataset(lite, slug), edited);
  });
});
