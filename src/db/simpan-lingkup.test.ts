/**
 * Writes scoped to what changed: saving one OPD-year touches only that OPD-year's rows, rows
 * that are saved again keep their id, version and updated_at, and only the scope's revision rises.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { and, eq, getTableName, sql } from 'drizzle-orm';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import type { Db } from './client.ts';
import { loadDataset, loadDatasetOpd, saveDataset } from './dataset-repository.ts';
import * as t from './schema.ts';
import { revisiData } from './schema.ts';
import { randomSlug, testDatabases } from './testing.ts';

const PASER = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

/** The reference pemda (its OPD holds 2021, 2022 and 2023) with a second OPD, a copy under another slug. */
async function duaOpd(slug: string): Promise<Dataset> {
  const d = structuredClone(await bacaBerkasDataset(PASER));
  d.pemda.slug = slug;
  d.opd.push({ ...structuredClone(d.opd[0]!), slug: 'dinas-lain', nama: 'Dinas Lain' });
  return d;
}

/** Every stored row of the pemda as JSON (ids, versions and updated_at included), per table and row key. */
async function potret(db: Db, pemdaId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of t.tenantTables) {
    const name = getTableName(table);
    const res = await db.execute<{ j: string }>(sql`select row_to_json(x)::text as j from ${table} x where x.pemda_id = ${pemdaId}`);
    const rows = (res as { rows: Array<{ j: string }> }).rows;
    for (const { j } of rows) {
      const r = JSON.parse(j) as Record<string, unknown>;
      const key = typeof r.id === 'string' ? r.id : JSON.stringify([r.renja_node_id ?? r.indikator_daerah_id, r.urutan]);
      out.set(`${name}/${key}`, j);
    }
  }
  return out;
}

async function idPemda(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, slug));
  assert.ok(row);
  return row.id;
}

async function revisi(db: Db, pemdaId: string): Promise<Record<string, number>> {
  const rows = await db.select({ lingkup: revisiData.lingkup, revisi: revisiData.revisi }).from(revisiData).where(eq(revisiData.pemdaId, pemdaId));
  return Object.fromEntries(rows.map((r) => [r.lingkup, r.revisi]));
}

/** The ids of the rows of one OPD-year: tahun_opd and every row under it. */
async function barisTahun(db: Db, pemdaId: string, opd: string, tahun: number): Promise<Set<string>> {
  const res = await db.execute<{ id: string }>(sql`
    with y as (select ty.id from ${t.tahunOpd} ty join ${t.opd} o on o.pemda_id = ty.pemda_id and o.id = ty.opd_id
               where ty.pemda_id = ${pemdaId} and o.slug = ${opd} and ty.tahun = ${tahun}),
         rv as (select id from ${t.renjaVersi} where pemda_id = ${pemdaId} and tahun_opd_id in (select id from y)),
         av as (select id from ${t.anggaranVersi} where pemda_id = ${pemdaId} and tahun_opd_id in (select id from y)),
         pk as (select id from ${t.pk} where pemda_id = ${pemdaId} and tahun_opd_id in (select id from y))
    select id from y union all select id from rv union all select id from av union all select id from pk
    union all select id from ${t.renjaNode} where pemda_id = ${pemdaId} and renja_versi_id in (select id from rv)
    union all select id from ${t.renjaIndikator} where pemda_id = ${pemdaId} and renja_versi_id in (select id from rv)
    union all select id from ${t.anggaranBaris} where pemda_id = ${pemdaId} and anggaran_versi_id in (select id from av)
    union all select id from ${t.anggaranKelompok} where pemda_id = ${pemdaId} and anggaran_versi_id in (select id from av)
    union all select id from ${t.pkKinerja} where pemda_id = ${pemdaId} and pk_id in (select id from pk)
    union all select id from ${t.pkAnggaran} where pemda_id = ${pemdaId} and pk_id in (select id from pk)
    union all select id from ${t.pkPenjelasan} where pemda_id = ${pemdaId} and pk_id in (select id from pk)
    union all select id from ${t.rencanaAksi} where pemda_id = ${pemdaId} and tahun_opd_id in (select id from y)
    union all select id from ${t.realisasi} where pemda_id = ${pemdaId} and tahun_opd_id in (select id from y)`);
  return new Set((res as { rows: Array<{ id: string }> }).rows.map((r) => r.id));
}

for (const target of testDatabases()) {
  void describe(`writes scoped to what changed [${target.name}]`, () => {
    let db: Db;
    let close: () => Promise<void>;
    before(async () => {
      ({ db, close } = await target.open());
    });
    after(async () => close());

    void test('saving one OPD-year changes only its own changed rows and raises only that OPD’s revision', async () => {
      const slug = randomSlug('lingkup');
      await saveDataset(db, await duaOpd(slug));
      const pemdaId = await idPemda(db, slug);
      const sebelum = await potret(db, pemdaId);
      const revSebelum = await revisi(db, pemdaId);
      const tahunIni = await barisTahun(db, pemdaId, 'disnakertrans', 2023);

      // The read model of one OPD-year: the year and the one before.
      const d = await loadDatasetOpd(db, slug, 'disnakertrans', [2022, 2023]);
      assert.ok(d);
      assert.deepStrictEqual(
        d.opd.map((o) => [o.slug, o.tahun.map((y) => y.tahun)]),
        [['disnakertrans', [2022, 2023]]],
      );
      const y = d.opd[0]!.tahun.find((x) => x.tahun === 2023)!;
      const diubah = y.realisasi.find((r) => r.triwulan !== undefined && r.nilai !== undefined)!;
      diubah.nilai = (diubah.nilai ?? 0) + 1;
      const dihapus = y.realisasi.find((r) => r !== diubah)!;
      y.realisasi = y.realisasi.filter((r) => r !== dihapus);
      const hasil = await saveDataset(db, d, { opd: 'disnakertrans', tahun: 2023 });
      const { pindah, ...tanpaPindah } = hasil.perTabel.realisasi ?? { pindah: 0 };
      assert.deepStrictEqual({ ...hasil.perTabel, realisasi: tanpaPindah }, { realisasi: { tambah: 0, ubah: 1, hapus: 1 } });

      // Rows after the deleted one move up a place (urutan) and keep their version and updated_at.
      const sesudah = await potret(db, pemdaId);
      const tanpaUrutan = (j: string | undefined) => (j === undefined ? undefined : JSON.stringify({ ...(JSON.parse(j) as object), urutan: null }));
      const berubah = [...sebelum].filter(([k, v]) => sesudah.get(k) !== v).map(([k]) => k);
      assert.equal(berubah.length, 2 + pindah, `the changed row, the deleted row and the rows that moved: ${berubah.join(', ')}`);
      for (const k of berubah) assert.ok(tahunIni.has(k.split('/')[1]!), `${k} is a row of disnakertrans 2023`);
      const isiBerubah = [...sebelum].filter(([k, v]) => tanpaUrutan(sesudah.get(k)) !== tanpaUrutan(v)).map(([k]) => k);
      assert.equal(isiBerubah.length, 2, `only the changed and the deleted row differ in more than their place: ${isiBerubah.join(', ')}`);
      assert.equal(sesudah.size, sebelum.size - 1, 'one row deleted, none added');

      const [baris] = await db
        .select({ nilai: t.realisasi.nilai, version: t.realisasi.version })
        .from(t.realisasi)
        .where(and(eq(t.realisasi.pemdaId, pemdaId), eq(t.realisasi.indikatorKode, diubah.indikator), eq(t.realisasi.triwulan, diubah.triwulan!)))
        .innerJoin(t.tahunOpd, and(eq(t.tahunOpd.pemdaId, t.realisasi.pemdaId), eq(t.tahunOpd.id, t.realisasi.tahunOpdId), eq(t.tahunOpd.tahun, 2023)))
        .innerJoin(t.opd, and(eq(t.opd.pemdaId, t.tahunOpd.pemdaId), eq(t.opd.id, t.tahunOpd.opdId), eq(t.opd.slug, 'disnakertrans')));
      assert.deepStrictEqual(baris, { nilai: diubah.nilai, version: 2 }, 'updated in place: same row, version + 1');

      const revSesudah = await revisi(db, pemdaId);
      assert.deepStrictEqual(
        revSesudah,
        { ...revSebelum, disnakertrans: (revSebelum.disnakertrans ?? 0) + 1, 'disnakertrans#rencana': (revSebelum['disnakertrans#rencana'] ?? 0) + 1 },
        'only the OPD’s revisions rose',
      );
    });

    void test('saving the same data again writes nothing: ids, versions and updated_at stay', async () => {
      const slug = randomSlug('sama');
      await saveDataset(db, await duaOpd(slug));
      const pemdaId = await idPemda(db, slug);
      const sebelum = await potret(db, pemdaId);
      const d = await loadDataset(db, slug);
      assert.ok(d);
      const hasil = await saveDataset(db, d);
      assert.deepStrictEqual(hasil.perTabel, {});
      assert.deepStrictEqual(await potret(db, pemdaId), sebelum);
      const opd = await loadDatasetOpd(db, slug, 'dinas-lain');
      assert.ok(opd);
      const revSebelum = await revisi(db, pemdaId);
      assert.deepStrictEqual((await saveDataset(db, opd, { opd: 'dinas-lain' })).perTabel, {});
      assert.deepStrictEqual(await potret(db, pemdaId), sebelum);
      assert.deepStrictEqual(await revisi(db, pemdaId), revSebelum, 'nothing changed, no revision raised');
    });

    void test('reordering, moving and replacing rows keeps every kept row and all constraints', async () => {
      const slug = randomSlug('susun');
      await saveDataset(db, await duaOpd(slug));
      const d = await loadDataset(db, slug);
      assert.ok(d);
      const o = d.opd[0]!;
      const y = o.tahun.find((x) => x.tahun === 2023)!;
      // Reverse every list whose order is stored: positions swap under unique (scope, urutan).
      y.realisasi.reverse();
      y.rencanaAksi.reverse();
      for (const r of y.renja) r.node.reverse();
      o.unit.reverse();
      const renstra = o.renstra[0]!;
      renstra.sasaran.reverse();
      // Move the first indicator of the first sasaran to the last sasaran.
      const dari = renstra.sasaran[0]!;
      const ke = renstra.sasaran[renstra.sasaran.length - 1]!;
      if (dari !== ke && dari.indikator.length > 0) ke.indikator.push(dari.indikator.shift()!);
      await saveDataset(db, d);
      assert.deepStrictEqual(await loadDataset(db, slug), d);
      // And back: the original order is restored exactly.
      const asli = await duaOpd(slug);
      await saveDataset(db, asli);
      assert.deepStrictEqual(await loadDataset(db, slug), asli);
    });

    void test('a scope names an OPD-year the dataset holds', async () => {
      const slug = randomSlug('tanpa');
      const d = await duaOpd(slug);
      await saveDataset(db, d);
      await assert.rejects(saveDataset(db, d, { opd: 'tidak-ada' }), /OPD "tidak-ada" tidak ada di dataset/);
      await assert.rejects(saveDataset(db, d, { opd: 'disnakertrans', tahun: 2030 }), /tahun 2030 OPD "disnakertrans" tidak ada/);
    });
  });
}
