/**
 * The changes feed (GET /api/pemda/:pemda/perubahan): events in commit order, grouped per
 * record and transaction, resumable with the cursor without losing or repeating an event, never
 * another pemda's, never administrative records; and, on PostgreSQL, lossless when a
 * transaction that started first commits last.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../db/testing.ts';
import { catatAudit } from '../workflow/audit.ts';
import { type Harness, type Klien, siapkan } from './testing.ts';
import type { HalamanUmpan, Peristiwa, TokenBaru } from '../kontrak/token.ts';

const TUNGGU_MS = 10_000;

for (const kind of testDatabases()) {
  describe(`changes feed [${kind.name}]`, () => {
    let h: Harness;
    let admin: Klien;
    let perencana: Klien;
    let unit: Klien;
    let kepala: Klien;
    let rahasia: string;
    let base: string;

    before(async () => {
      h = await siapkan(kind);
      admin = await h.masuk('admin.paser');
      perencana = await h.masuk('perencana.disnakertrans');
      unit = await h.masuk('kabid.p2k');
      kepala = await h.masuk('kepala.disnakertrans');
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024`;
      const r = await admin.req('POST', `/api/pemda/${h.pemda.slug}/token`, { nama: 'Umpan', cakupan: ['baca'], berlakuHari: 30 });
      assert.equal(r.statusCode, 201, r.body);
      rahasia = r.json<TokenBaru>().rahasia;
    });
    after(() => h.close());

    const baca = async (q: string, token = rahasia, pemda = h.pemda.slug) => {
      const r = await h.app.inject({ method: 'GET', url: `/api/pemda/${pemda}/perubahan${q}`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<HalamanUmpan>();
    };
    /** Reads from the cursor to the end, page by page. */
    const bacaSemua = async (setelah: string | undefined, batas = 3) => {
      const semua: Peristiwa[] = [];
      let kursor = setelah;
      for (let i = 0; i < 1000; i++) {
        const p = await baca(`?batas=${batas}${kursor === undefined ? '' : `&setelah=${kursor}`}`);
        assert.ok(p.peristiwa.length <= batas);
        semua.push(...p.peristiwa);
        kursor = p.berikutnya;
        if (!p.lebih) return { semua, kursor };
      }
      throw new Error('umpan tidak berakhir');
    };
    /**
     * Reads from the cursor until `cukup` holds. On PostgreSQL a transaction of another test file
     * running at the same moment holds the feed back (by design) for that moment.
     */
    const bacaSampai = async (setelah: string | undefined, cukup: (p: Peristiwa[]) => boolean) => {
      const awal = Date.now();
      for (;;) {
        const hasil = await bacaSemua(setelah);
        if (cukup(hasil.semua) || Date.now() - awal > TUNGGU_MS) return hasil;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const simpan = async (k: Klien, tw: number, version: number, pembilang: number) => {
      const r = await k.req('PUT', `${base}/triwulan/${tw}/entri/IKU-1`, { version, pembilang, penyebut: 100 });
      assert.equal(r.statusCode, 200, r.body);
    };

    it('pages in order, resumes from the cursor without losing or repeating an event, and names the workflow moves', async () => {
      const { kursor: awal } = await bacaSemua(undefined, 1000);
      await simpan(unit, 1, 0, 10);
      await simpan(unit, 2, 0, 20);
      const satu = await bacaSampai(awal, (p) => p.length >= 3);
      // The first entry of the year creates the OPD-year, in the same transaction.
      assert.deepEqual(
        satu.semua.map((p) => [p.jenis, p.kunci, p.opd, p.tahun]),
        [
          ['tahun.dibuat', 'disnakertrans/2024', 'disnakertrans', 2024],
          ['entri.diubah', 'disnakertrans/2024/1/IKU-1', 'disnakertrans', 2024],
          ['entri.diubah', 'disnakertrans/2024/2/IKU-1', 'disnakertrans', 2024],
        ],
      );
      assert.ok(satu.semua[1]?.medan.includes('pembilang'));
      // Nothing new: the same cursor comes back, with no events.
      const kosong = await baca(`?setelah=${satu.kursor}`);
      assert.deepEqual([kosong.peristiwa, kosong.berikutnya, kosong.lebih], [[], satu.kursor, false]);

      // More writes, then resume in pages of 1 and 2 from the cursor.
      await simpan(unit, 3, 0, 30);
      for (const [k, path, version] of [
        [unit, 'ajukan', 1],
        [perencana, 'verifikasi', 2],
        [kepala, 'setujui', 3],
      ] as const) {
        const r = await k.req('POST', `${base}/triwulan/1/entri/IKU-1/${path}`, { version });
        assert.equal(r.statusCode, 200, r.body);
      }
      const harap = ['entri.diubah 3', 'entri.diajukan 1', 'entri.diverifikasi 1', 'entri.disetujui 1'];
      const tampil = (p: Peristiwa[]) => p.map((x) => `${x.jenis} ${x.kunci.split('/')[2]}`);
      for (const batas of [1, 2, 1000]) {
        const dua = await bacaSampai(satu.kursor, (p) => p.length >= 4);
        assert.deepEqual(tampil(dua.semua), harap, `batas ${batas}`);
        const sekaligus = await bacaSemua(satu.kursor, batas);
        assert.deepEqual(tampil(sekaligus.semua), harap, `batas ${batas}`);
        assert.equal(sekaligus.kursor, dua.kursor);
      }
      // From the start, every event comes once, in the same order.
      const dariAwal = await bacaSemua(undefined, 7);
      const kunci = dariAwal.semua.map((p) => JSON.stringify(p));
      const akhir = kunci.slice(-6);
      assert.deepEqual(akhir.map((k) => JSON.parse(k) as Peristiwa).map((p) => p.jenis), ['entri.diubah', 'entri.diubah', 'entri.diubah', 'entri.diajukan', 'entri.diverifikasi', 'entri.disetujui']);
    });

    it('shows sign-off and reopening of a year, never accounts or tokens, and never another pemda', async () => {
      const { kursor } = await bacaSemua(undefined, 1000);
      // Administrative changes: a user and a token.
      assert.equal((await admin.req('POST', `/api/pemda/${h.pemda.slug}/token`, { nama: 'Lain', cakupan: ['baca'], berlakuHari: 1 })).statusCode, 201);
      const b = await h.pemdaBaru();
      const unitB = await h.masuk('kabid.p2k', b);
      const r = await unitB.req('PUT', `/api/pemda/${b.slug}/opd/disnakertrans/tahun/2024/triwulan/4/entri/IKU-1`, { version: 0, pembilang: 1, penyebut: 2 });
      assert.equal(r.statusCode, 200, r.body);
      const k = { pemdaId: h.pemda.id, penggunaId: null, requestId: null, at: h.jam.now() };
      await h.db.transaction(async (tx) => {
        await catatAudit(tx, k, [{ entity: 'pengesahan_tahun', entityKey: 'disnakertrans/2023', field: 'disahkan', lama: null, baru: k.at.toISOString() }]);
      });
      await h.db.transaction(async (tx) => {
        await catatAudit(tx, k, [
          { entity: 'pengesahan_tahun', entityKey: 'disnakertrans/2023', field: 'disahkan', lama: k.at.toISOString(), baru: null },
          { entity: 'pengesahan_tahun', entityKey: 'disnakertrans/2023', field: 'alasanBuka', lama: null, baru: 'koreksi' },
        ]);
      });
      const hasil = await bacaSampai(kursor, (p) => p.length >= 2);
      assert.deepEqual(
        hasil.semua.map((p) => [p.jenis, p.kunci, p.tahun, p.medan]),
        [
          ['tahun.disahkan', 'disnakertrans/2023', 2023, ['disahkan']],
          ['tahun.dibuka', 'disnakertrans/2023', 2023, ['disahkan', 'alasanBuka']],
        ],
      );
      // Pemda B's feed has B's entry, and nothing of A's.
      const tokenB = await (await h.masuk('admin.paser', b)).req('POST', `/api/pemda/${b.slug}/token`, { nama: 'B', cakupan: ['baca'], berlakuHari: 1 });
      const feedB = await baca('?batas=1000', tokenB.json<TokenBaru>().rahasia, b.slug);
      assert.ok(feedB.peristiwa.some((p) => p.kunci === 'disnakertrans/2024/4/IKU-1'));
      assert.ok(!feedB.peristiwa.some((p) => p.entitas === 'pengesahan_tahun'));
      const feedA = await bacaSemua(undefined, 1000);
      assert.ok(!feedA.semua.some((p) => p.kunci === 'disnakertrans/2024/4/IKU-1'), "another pemda's event in the feed");
    });

    it('who may read it: read tokens and pemda-wide roles; a bad cursor is 400', async () => {
      assert.equal((await admin.req('GET', `/api/pemda/${h.pemda.slug}/perubahan`)).statusCode, 200);
      assert.equal((await (await h.masuk('pimpinan.paser')).req('GET', `/api/pemda/${h.pemda.slug}/perubahan`)).statusCode, 200);
      assert.equal((await perencana.req('GET', `/api/pemda/${h.pemda.slug}/perubahan`)).statusCode, 403);
      assert.equal((await unit.req('GET', `/api/pemda/${h.pemda.slug}/perubahan`)).statusCode, 403);
      for (const q of ['?setelah=bukan-kursor', '?setelah=MTIz', '?batas=0', '?batas=1001', '?lain=1']) {
        const r = await h.app.inject({ method: 'GET', url: `/api/pemda/${h.pemda.slug}/perubahan${q}`, headers: { authorization: `Bearer ${rahasia}` } });
        assert.equal(r.statusCode, 400, `${q}: ${r.body}`);
      }
    });

    it('a transaction that started first and commits last is not skipped by the cursor', { skip: kind.name === 'pglite' ? 'PGlite runs one transaction at a time' : false }, async () => {
      const { kursor } = await bacaSemua(undefined, 1000);
      let lepas = () => {};
      const tahan = new Promise<void>((r) => {
        lepas = r;
      });
      let mulai = () => {};
      const sudahMulai = new Promise<void>((r) => {
        mulai = r;
      });
      const k = { pemdaId: h.pemda.id, penggunaId: null, requestId: null, at: h.jam.now() };
      // T1 writes its audit row (taking its transaction id) and stays open.
      const t1 = h.db.transaction(async (tx) => {
        await catatAudit(tx, k, [{ entity: 'narasi', entityKey: 'disnakertrans/2024/lambat', field: 'teks', lama: null, baru: ['lambat'] }]);
        mulai();
        await tahan;
      });
      let selama: Awaited<ReturnType<typeof bacaSemua>>;
      try {
        await sudahMulai;
        // T2 starts later and commits first.
        await simpan(unit, 4, 0, 40);
        selama = await bacaSemua(kursor, 1000);
      } finally {
        lepas();
        await t1;
      }
      assert.ok(!selama.semua.some((p) => p.kunci === 'disnakertrans/2024/4/IKU-1'), 'an event behind a running transaction was handed out');
      const sesudah = await bacaSampai(selama.kursor, (p) => p.length >= 2);
      assert.deepEqual(
        sesudah.semua.map((p) => p.kunci),
        ['disnakertrans/2024/lambat', 'disnakertrans/2024/4/IKU-1'],
      );
    });
  });
}
