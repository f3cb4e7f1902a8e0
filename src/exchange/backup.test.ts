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
import { gunzipTerbatas } from './arsip.ts';
import {
  BACKUP_FORMAT,
  BATAS_CADANGAN_TERURAI,
  bukaCadangan,
  bungkusCadangan,
  buatCadangan,
  checksum,
  jsonKanonik,
  KEDALAMAN_CADANGAN,
  kedalamanJson,
  migrasiTerakhir,
  pulihkan,
  RASIO_CADANGAN,
} from './backup.ts';
import { BatasTerlampaui, formatGalat, ImporError } from './galat.ts';
import { bomGzip, cadanganBersarang, datasetReferensi } from './testing.ts';

const bungkusCadanganMentah = (d: Dataset) => gunzipSync(bungkusCadangan([d], new Date('2024-02-01T00:00:00Z'), '0000_init'));

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

void test('a gzip bomb is refused while it inflates, naming the limit; the whole is never held', async () => {
  // 300 MB of zeros in 300 KB: refused once 16 MB came out at more than 200 times the input read.
  const bom = await bomGzip(300);
  assert.ok(bom.length < 400 * 1024, `${bom.length}`);
  const e = await bukaCadangan(bom, 'bom.sikiper.gz').then(
    () => undefined,
    (x: unknown) => x,
  );
  assert.ok(e instanceof BatasTerlampaui, String(e));
  assert.match(e.galat[0]?.pesan ?? '', /^isi cadangan mengembang lebih dari 200 kali \([\d,]+ MB menjadi [\d,]+ MB\+\), melebihi batas 200 kali/);
  // The size limit itself, on a stream that compresses like a real backup (limits made small for the test).
  const json = gzipSync(JSON.stringify(await datasetReferensi('paser')));
  const batas = { terurai: 100_000, rasio: RASIO_CADANGAN, rasioMulai: 16 * 1024 * 1024 };
  await assert.rejects(gunzipTerbatas(json, 'x.gz', batas, 'isi cadangan'), (x: unknown) => x instanceof BatasTerlampaui && /^isi cadangan [\d,]+ MB\+ setelah diurai, melebihi batas 0,1 MB$/.test(x.galat[0]?.pesan ?? ''));
  assert.equal(BATAS_CADANGAN_TERURAI, 256 * 1024 * 1024);
});

void test('a backup nested deeper than the limit is refused before it is parsed or walked, without a stack overflow', async () => {
  // 200.000 levels in a few hundred bytes: JSON.stringify's replacer (the checksum) used to overflow the stack.
  const dalam = cadanganBersarang(200_000);
  assert.ok(dalam.length < 1024, `${dalam.length}`);
  assert.deepEqual(await galat(() => bukaCadangan(dalam)), [`berkas cadangan rusak: larik dan objek bersarang lebih dari ${KEDALAMAN_CADANGAN} tingkat (batas ${KEDALAMAN_CADANGAN}); cadangan SIKIPER tidak sedalam itu`]);
  // Brackets inside strings do not count; a real backup is far from the limit.
  assert.equal(kedalamanJson(Buffer.from('{"a":"[[[[\\"[[","b":[[1]]}'), 64), 3);
  const nyata = kedalamanJson(bungkusCadanganMentah(await datasetReferensi('paser')), 64);
  assert.ok(nyata <= 20, `a real backup is ${nyata} levels deep`);
});

void test('a backup opens back to the same datasets; damaged and foreign files are refused with a clear message', async () => {
  const d = await datasetReferensi('paser');
  const file = bungkusCadangan([d], new Date('2024-02-01T00:00:00Z'), '0000_init');
  const c = await bukaCadangan(file);
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

  const server = kinds.some((k) => k.name === 'pglite') ? kinds.filter((k) => k.name !== 'pglite') : [];
  if (server.length === 0) void test('PGlite → PostgreSQL and back', { skip: 'needs PGlite and a server database (SIKIPER_TEST_POSTGRES)' }, () => undefined);
  for (const k of server) void test(`PGlite → ${k.name} and back`, async () => {
    const lite = dbOf('pglite');
    const pg = dbOf(k.name);
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
