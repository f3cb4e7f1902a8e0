import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import { periksaDataset } from '../check/rules.ts';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Database } from '../db/client.ts';
import { loadDataset, loadDatasetOpd, saveDataset } from '../db/dataset-repository.ts';
import { bacaRevisi } from '../db/revisi.ts';
import { randomSlug, testDatabases } from '../db/testing.ts';
import { hitungAnggaran } from '../measure/anggaran.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { anggaranJson, capaianJson } from '../measure/present.ts';
import { generatePemda, UKURAN } from '../../bench/synth/generate.ts';
import { bacaKatalogTersimpan } from '../workflow/katalog.ts';
import { buildApp } from './app.ts';
import { FIXTURE, type Harness, type Klien, siapkan } from './testing.ts';

interface Dasbor {
  capaian: { sasaran: Array<{ indikator: Array<{ kode: string; realisasi: number | null; capaian: number | null }> }> };
  progres: Array<{ triwulan: number; unit: Array<{ kode: string; terisi: number; diajukan: number; diverifikasi: number }> }>;
}

const iku1 = (d: Dasbor) => d.capaian.sasaran[0]?.indikator.find((i) => i.kode === 'IKU-1');
const indikator = (d: Dasbor, kode: string) => d.capaian.sasaran.flatMap((s) => s.indikator).find((i) => i.kode === kode);
const terisi = (d: Dasbor, tw: number, unit: string) => d.progres.find((p) => p.triwulan === tw)?.unit.find((u) => u.kode === unit);

for (const kind of testDatabases()) {
  describe(`dashboard cache and data revisions [${kind.name}]`, () => {
    let h: Harness;
    /** A second server process on the same database, with its own cache. */
    let lain: ReturnType<typeof buildApp>;
    let unit: Klien;
    let perencana: Klien;
    let base: string;

    before(async () => {
      h = await siapkan(kind);
      lain = buildApp({ db: h.db, kind: kind.name } as unknown as Database, { clock: h.jam.now, webDist: false });
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
      unit = await h.masuk('kabid.p2k');
      perencana = await h.masuk('perencana.disnakertrans');
    });
    after(async () => {
      await lain.close();
      await h.close();
    });

    const dasbor = async (app: ReturnType<typeof buildApp>, who: Klien, tahun = 2024): Promise<Dasbor> => {
      const r = await app.inject({ method: 'GET', url: `${base}/tahun/${tahun}/dashboard`, cookies: { sikiper_sesi: who.cookie } });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<Dasbor>();
    };

    it('a write through one server is in the next dashboard of both servers, though both had it cached', async () => {
      const a0 = await dasbor(h.app, perencana);
      const b0 = await dasbor(lain, perencana);
      assert.equal(iku1(a0)?.capaian, null);
      assert.equal(terisi(b0, 1, 'bidang-p2k')?.terisi, 0);
      // Asked again: now served from each server's cache, and still the same.
      assert.deepEqual(await dasbor(lain, perencana), b0);
      const rev0 = await bacaRevisi(h.db, h.pemda.id, 'disnakertrans');

      const entri = `${base}/tahun/2024/triwulan/1/entri/IKU-1`;
      let r = await unit.req('PUT', entri, { pembilang: 18, penyebut: 27, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      assert.notEqual(await bacaRevisi(h.db, h.pemda.id, 'disnakertrans'), rev0);
      // The draft shows in the progress of the other server at once; capaian counts verified entries only.
      const b1 = await dasbor(lain, perencana);
      assert.equal(terisi(b1, 1, 'bidang-p2k')?.terisi, 1);
      assert.equal(iku1(b1)?.capaian, null);

      r = await unit.req('POST', `${entri}/ajukan`, { version: 1 });
      assert.equal(r.statusCode, 200, r.body);
      // Verified through the OTHER server: the first one must not keep its cached figures.
      r = await lain.inject({ method: 'POST', url: `${entri}/verifikasi`, cookies: { sikiper_sesi: perencana.cookie }, headers: { 'x-csrf-token': perencana.csrf }, payload: { version: 2 } });
      assert.equal(r.statusCode, 200, r.body);
      for (const app of [h.app, lain]) {
        const d = await dasbor(app, perencana);
        // 18/27 = 66,67 % against the 2024 target of 30 % (positive polarity): 222,22 %.
        assert.equal(iku1(d)?.realisasi, 66.67);
        assert.notEqual(iku1(d)?.capaian, null);
        assert.equal(terisi(d, 1, 'bidang-p2k')?.diverifikasi, 1);
      }
    });

    it('a dataset import (saveDataset) is in the next dashboard', async () => {
      const before = await dasbor(h.app, perencana, 2023);
      const d = await loadDataset(h.db, h.pemda.slug);
      assert.ok(d);
      // The same dataset with every 2023 realisasi of IKU-3 gone (IKU-1 and IKU-2 of 2023 are
      // computed from registers, not from entered realisasi).
      const ubah = structuredClone(d);
      for (const opd of ubah.opd) for (const th of opd.tahun) if (th.tahun === 2023) th.realisasi = th.realisasi.filter((x) => x.indikator !== 'IKU-3');
      await saveDataset(h.db, ubah);
      const after = await dasbor(h.app, perencana, 2023);
      assert.notEqual(indikator(before, 'IKU-3')?.realisasi, null);
      assert.equal(indikator(after, 'IKU-3')?.realisasi, null);
    });
  });

  describe(`catalogue cache [${kind.name}]`, () => {
    it('keeps a catalogue until a dataset import, then reads the new plan', async () => {
      const database = await kind.open();
      try {
        const ds = generatePemda({ seed: 11, slug: randomSlug('katalog'), ...UKURAN.tiny });
        await saveDataset(database.db, ds);
        const whole = await loadDataset(database.db, ds.pemda.slug);
        assert.ok(whole);
        const [pemdaRow] = await database.db.select({ id: t.pemda.id }).from(t.pemda).where(eq(t.pemda.slug, ds.pemda.slug));
        assert.ok(pemdaRow);
        const pemdaId = pemdaRow.id;
        const opd = ds.opd[0];
        const tahun = opd?.tahun[0]?.tahun;
        assert.ok(opd && tahun);
        const k1 = await bacaKatalogTersimpan(database.db, pemdaId, opd.slug, tahun);
        assert.ok(k1);
        assert.equal(await bacaKatalogTersimpan(database.db, pemdaId, opd.slug, tahun), k1, 'served from the cache');
        const ind = whole.opd[0]?.renstra[0]?.sasaran[0]?.indikator[0];
        assert.ok(ind);
        ind.nama = `${ind.nama} (diubah)`;
        await saveDataset(database.db, whole);
        const k2 = await bacaKatalogTersimpan(database.db, pemdaId, opd.slug, tahun);
        assert.notEqual(k2, k1);
        assert.equal(k2?.indikator.find((i) => i.kode === ind.kode)?.nama, ind.nama);
      } finally {
        await database.close();
      }
    });
  });

  describe(`loadDatasetOpd gives the same figures as the whole dataset [${kind.name}]`, () => {
    it('for every OPD and year of a small synthetic pemda, and for the reference dataset', async () => {
      const database = await kind.open();
      try {
        const synth = generatePemda({ seed: 7, slug: randomSlug('sintetis'), ...UKURAN.kecil });
        const ref = await bacaBerkasDataset(FIXTURE);
        const paser = { ...ref, pemda: { ...ref.pemda, slug: randomSlug('paser') } };
        for (const src of [synth, paser]) {
          await saveDataset(database.db, src);
          const whole = await loadDataset(database.db, src.pemda.slug);
          assert.ok(whole);
          for (const opd of src.opd) {
            const part = await loadDatasetOpd(database.db, src.pemda.slug, opd.slug);
            assert.ok(part);
            assert.deepEqual(
              part.opd.map((o) => o.slug),
              [opd.slug],
            );
            for (const { tahun } of opd.tahun) {
              const c1 = hitungCapaian(whole, opd.slug, tahun);
              const c2 = hitungCapaian(part, opd.slug, tahun);
              assert.deepEqual(capaianJson(c2), capaianJson(c1), `${opd.slug} ${tahun}`);
              assert.deepEqual(anggaranJson(hitungAnggaran(part, opd.slug, tahun, c2)), anggaranJson(hitungAnggaran(whole, opd.slug, tahun, c1)));
              assert.deepEqual(periksaDataset(part, { opd: opd.slug, tahun }), periksaDataset(whole, { opd: opd.slug, tahun }));
            }
          }
          assert.equal(await loadDatasetOpd(database.db, src.pemda.slug, 'tidak-ada'), undefined);
        }
      } finally {
        await database.close();
      }
    });
  });
}
