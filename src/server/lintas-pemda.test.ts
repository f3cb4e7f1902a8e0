/**
 * Tenant isolation over the whole route table: every route that names a pemda is called by the
 * users of pemda A with the ids of pemda B. The routes come from the app's own table, so a route
 * added later is covered too. The same request against A's own pemda tells whether it is a valid
 * request at all: when it is answered 2xx there, B's must be answered 403 or 404. No answer about
 * B may be 2xx, nor 409 (a stale-version answer carries the stored value), and every row of B
 * (all tables with pemda_id, the audit log included) stays as it was.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../db/testing.ts';
import { daftarRute } from './app.ts';
import { contohUntuk, isiUrl, PARAM_SAH } from './contoh-rute.ts';
import { type Harness, type Klien, type NamaDemo, type Pemda, siapkan, sidikJari } from './testing.ts';

/** Path values that make a read route's request a valid one in the reference dataset. */
const PARAM_BACA: Array<[RegExp, Record<string, string>]> = [
  [/\/dokumen\/:jenis$/, { jenis: 'triwulan' }],
  [/\/register\/:kode\//, { kode: 'kasus_hi' }],
  [/\/indikator\/:indikator\/penjelasan$/, { indikator: 'IKU-2' }],
  [/\/rencana\/pk\/:versi$/, { versi: '2' }],
  [/\/entri\/:kode\/riwayat$/, { kode: 'IKU-3' }],
];

/** Users of pemda A who try: the pemda-wide roles and whoever each route's example names. */
const PENCOBA: readonly NamaDemo[] = ['admin.paser', 'inspektorat.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans'];

for (const kind of testDatabases()) {
  describe(`tenant isolation on every route [${kind.name}]`, () => {
    let h: Harness;
    let b: Pemda;
    const klien = new Map<NamaDemo, Klien>();

    before(async () => {
      h = await siapkan(kind);
      b = await h.pemdaBaru();
      for (const n of PENCOBA) klien.set(n, await h.masuk(n));
    });
    after(() => h.close());

    it("no route gives pemda A's users anything of pemda B, and B is left as it was", async () => {
      await h.app.ready();
      // The public pages and open data (/publik/…, /data/…) answer every pemda to anyone, by
      // design: what they may show is tested in publik.test.ts.
      const rute = daftarRute(h.app).filter((r) => r.url.includes(':pemda') && r.method !== 'HEAD' && r.url.startsWith('/api/'));
      assert.ok(rute.length >= 40, `only ${rute.length} routes name a pemda`);
      const sebelumB = await sidikJari(h.db, b.id);
      const gagal: string[] = [];
      let sahDiA = 0;
      for (const r of rute) {
        const contoh = contohUntuk(r.method, r.url);
        const penguji = contoh ? [contoh.oleh] : PENCOBA;
        const baca: Record<string, string> = r.method === 'GET' ? Object.fromEntries(PARAM_BACA.filter(([re]) => re.test(r.url)).flatMap(([, p]) => Object.entries(p))) : {};
        const params: Record<string, string> = { ...Object.fromEntries(Object.entries(PARAM_SAH).map(([n, f]) => [n, f()])), tahun: '2023', ...baca, ...contoh?.param };
        for (const nama of penguji) {
          const k = klien.get(nama);
          if (!k) throw new Error(`${nama} is not signed in`);
          // B first, so that a write to A cannot change what B's request meets.
          const keB = await k.req(r.method, isiUrl(r.url, { ...params, pemda: b.slug }), contoh?.body);
          const keA = await k.req(r.method, isiUrl(r.url, { ...params, pemda: h.pemda.slug }), contoh?.body);
          const sah = keA.statusCode >= 200 && keA.statusCode < 300;
          if (sah) sahDiA++;
          const boleh = sah ? [403, 404] : [400, 401, 403, 404, 405, 406, 413, 415, 422, 423];
          if (!boleh.includes(keB.statusCode)) gagal.push(`${nama} ${r.method} ${r.url}: pemda B answered ${keB.statusCode} (own pemda ${keA.statusCode}) ${keB.body.slice(0, 160)}`);
        }
      }
      assert.deepEqual(gagal, []);
      // The check means something only if most requests are valid ones on A's own pemda.
      assert.ok(sahDiA >= 40, `only ${sahDiA} requests were valid on the own pemda`);
      assert.equal(await sidikJari(h.db, b.id), sebelumB, "pemda B's data changed");
    });
  });
}
