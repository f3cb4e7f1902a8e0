/**
 * The audit log over HTTP: the pemda-wide list for admin-pemda and inspektorat, its filters,
 * masking of personal data, and that nothing can change it (no write route, and the database
 * refuses UPDATE, DELETE and TRUNCATE).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { testDatabases } from '../db/testing.ts';
import { daftarRute } from './app.ts';
import { type Harness, type Klien, siapkan } from './testing.ts';

interface Baris {
  id: string;
  pada: string;
  oleh: string;
  entity: string;
  entityKey: string;
  field: string;
  lama: unknown;
  baru: unknown;
  requestId: string | null;
}

for (const kind of testDatabases()) {
  describe(`audit log over HTTP [${kind.name}]`, () => {
    let h: Harness;
    let admin: Klien;
    let inspektorat: Klien;
    let perencana: Klien;
    let unit: Klien;
    let url: string;
    const entri = (tw: number) => `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/triwulan/${tw}/entri/IKU-1`;
    const daftar = async (k: Klien, q = '') => {
      const r = await k.req('GET', `${url}${q}`);
      assert.equal(r.statusCode, 200, r.body);
      return r.json<{ baris: Baris[]; lebih: boolean }>();
    };

    before(async () => {
      h = await siapkan(kind);
      url = `/api/pemda/${h.pemda.slug}/audit`;
      admin = await h.masuk('admin.paser');
      inspektorat = await h.masuk('inspektorat.paser');
      perencana = await h.masuk('perencana.disnakertrans');
      unit = await h.masuk('sekretaris.disnakertrans');
      h.jam.maju(60 * 60_000);
      assert.equal((await perencana.req('PUT', entri(1), { version: 0, nilai: 10 })).statusCode, 200);
      h.jam.maju(60 * 60_000);
      assert.equal((await perencana.req('PUT', entri(2), { version: 0, nilai: 20, keterangan: 'kedua' })).statusCode, 200);
    });
    after(() => h.close());

    it('no route writes to the audit log', async () => {
      await h.app.ready();
      const rute = daftarRute(h.app);
      assert.ok(rute.some((r) => r.url === '/api/pemda/:pemda/audit' && r.method === 'GET'));
      const tulis = rute.filter((r) => /audit/i.test(r.url) && r.method !== 'GET' && r.method !== 'HEAD');
      assert.deepEqual(tulis.map((r) => `${r.method} ${r.url}`), []);
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
        const r = await admin.req(method, url, {});
        assert.equal(r.statusCode, 404, `${method} ${url}`);
      }
    });

    it('the database refuses UPDATE, DELETE and TRUNCATE of audit_log', async () => {
      const before = await daftar(admin, '?batas=500');
      await assert.rejects(h.db.execute(sql`update audit_log set new_value = '"dipalsukan"'::jsonb where pemda_id = ${h.pemda.id}`));
      await assert.rejects(h.db.execute(sql`delete from audit_log where pemda_id = ${h.pemda.id}`));
      await assert.rejects(h.db.execute(sql`truncate audit_log`));
      assert.deepEqual(await daftar(admin, '?batas=500'), before);
    });

    it('admin-pemda and inspektorat read it; everyone else is refused, another pemda is 404', async () => {
      assert.ok((await daftar(inspektorat)).baris.length > 0);
      for (const k of [perencana, unit, await h.masuk('kepala.disnakertrans'), await h.masuk('pimpinan.paser')]) {
        const r = await k.req('GET', url);
        assert.equal(r.statusCode, 403, k.username);
      }
      const lain = await h.pemdaBaru();
      assert.equal((await admin.req('GET', `/api/pemda/${lain.slug}/audit`)).statusCode, 404);
      const adminLain = await h.masuk('admin.paser', lain);
      const r = await adminLain.req('GET', `/api/pemda/${lain.slug}/audit?pengguna=${perencana.username}`);
      assert.deepEqual(r.json<{ baris: Baris[] }>().baris, [], "another pemda's log does not show this pemda's users");
    });

    it('filters by person, entity, record and time; newest first; pages', async () => {
      const semua = await daftar(admin, '?batas=500');
      const waktu = semua.baris.map((b) => b.pada);
      assert.deepEqual(waktu, [...waktu].sort().reverse(), 'newest first');

      const olehPerencana = await daftar(admin, `?pengguna=${perencana.username}`);
      assert.ok(olehPerencana.baris.length >= 3);
      assert.ok(olehPerencana.baris.every((b) => b.oleh === perencana.username));
      assert.ok(olehPerencana.baris.some((b) => b.field === 'nilai' && b.baru === 20 && b.entityKey === 'disnakertrans/2024/2/IKU-1'));
      assert.ok(olehPerencana.baris.every((b) => typeof b.requestId === 'string'));

      const satuNilai = await daftar(admin, '?entity=realisasi&entityKey=disnakertrans/2024/1/IKU-1');
      assert.deepEqual(
        satuNilai.baris.map((b) => [b.field, b.lama, b.baru]).sort(),
        [['nilai', null, 10], ['status', null, 'draf']],
      );
      const setahun = await daftar(admin, '?entity=realisasi&entityKey=disnakertrans/2024');
      assert.deepEqual(new Set(setahun.baris.map((b) => b.entityKey)), new Set(['disnakertrans/2024/1/IKU-1', 'disnakertrans/2024/2/IKU-1']));

      const t2 = olehPerencana.baris.find((b) => b.entityKey.endsWith('/2/IKU-1'))?.pada ?? '';
      const sejak = await daftar(admin, `?pengguna=${perencana.username}&dari=${encodeURIComponent(t2)}`);
      assert.ok(sejak.baris.length > 0 && sejak.baris.every((b) => b.pada >= t2));
      const sebelum = await daftar(admin, `?pengguna=${perencana.username}&sampai=${encodeURIComponent(t2)}`);
      assert.ok(sebelum.baris.length > 0 && sebelum.baris.every((b) => b.pada < t2));
      assert.equal(sejak.baris.length + sebelum.baris.length, olehPerencana.baris.length);

      const hal1 = await daftar(admin, '?batas=2');
      const hal2 = await daftar(admin, '?batas=2&lewati=2');
      assert.equal(hal1.lebih, true);
      assert.deepEqual([...hal1.baris, ...hal2.baris].map((b) => b.id), semua.baris.slice(0, 4).map((b) => b.id));

      for (const q of ['?entity=sesi', '?pengguna=%27%20OR%201%3D1', '?dari=kemarin', '?batas=0', '?batas=501', '?lain=1']) {
        assert.equal((await admin.req('GET', `${url}${q}`)).statusCode, 400, q);
      }
    });

    it('names of people are shown to the account administrator only', async () => {
      const a = await daftar(admin, '?entity=pengguna&batas=500');
      const i = await daftar(inspektorat, '?entity=pengguna&batas=500');
      const nama = (d: { baris: Baris[] }) => d.baris.filter((b) => b.field === 'nama').map((b) => b.baru);
      assert.ok(nama(a).length > 0);
      assert.ok(nama(a).every((n) => typeof n === 'string' && n !== '•••'));
      assert.deepEqual(nama(i), nama(a).map(() => '•••'));
    });

    it("register rows' personal columns are masked for whoever may not manage the register, as in the register's own rows", async () => {
      const reg = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/register/penempatan_alumni/baris`;
      const pertama = (await perencana.req('GET', reg)).json<{ baris: Array<{ id: string; nilai: Record<string, unknown>; version: number }> }>().baris[0];
      assert.ok(pertama);
      const r = await perencana.req('PUT', `${reg}/${pertama.id}`, { nilai: { ...pertama.nilai, nama: 'Ratna Wulandari', telepon: '0813 7788 9900' }, version: pertama.version });
      assert.equal(r.statusCode, 200, r.body);
      const q = `?entityKey=${encodeURIComponent(`disnakertrans/penempatan_alumni/${pertama.id}`)}`;
      const lihat = async (k: Klien) => {
        const d = await daftar(k, q);
        const b = d.baris.find((x) => x.field === 'nilai');
        assert.ok(b, JSON.stringify(d));
        return { b, teks: JSON.stringify(d) };
      };
      // The register's managers (admin-pemda here) see what was stored, as in the register's rows.
      const a = await lihat(admin);
      assert.equal((a.b.baru as Record<string, unknown>).nama, 'Ratna Wulandari');
      assert.equal((a.b.baru as Record<string, unknown>).telepon, '0813 7788 9900');
      // The inspektorat reads the log but does not manage registers: names and phones masked, the rest shown.
      const i = await lihat(inspektorat);
      assert.ok(!i.teks.includes('Ratna') && !i.teks.includes('0813'), i.teks);
      const baru = i.b.baru as Record<string, unknown>;
      assert.equal(baru.nama, '(disamarkan)');
      assert.equal(baru.telepon, '(disamarkan)');
      assert.equal(baru.program, pertama.nilai.program);
      assert.equal(JSON.stringify(Object.keys(baru).sort()), JSON.stringify(Object.keys(a.b.baru as object).sort()));
    });
  });
}
