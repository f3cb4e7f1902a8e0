/**
 * SAKIP evaluation and the year's sign-off through the API: who reads and who writes, refusals
 * change nothing, another pemda gets 404, stale writes 409 with the current record, audit rows,
 * the grade computed from the scores, sign-off refused with the list of missing quarters, and
 * once signed off the year's realisasi is locked until the admin reopens it with a reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { and, asc, eq, max } from 'drizzle-orm';
import { newId } from '../db/ids.ts';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { loadDataset } from '../db/dataset-repository.ts';
import { renderDocx } from '../report/docx.ts';
import { susunLkjip } from '../report/lkjip.ts';
import { bacaDocx } from '../report/testing.ts';
import { opsiLkjip } from '../workflow/evaluasi.ts';
import { bacaKatalog } from '../workflow/katalog.ts';
import { type Harness, type Klien, type NamaDemo, siapkan } from './testing.ts';

const PEMBACA = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser'] as const;
const KEPALA_UNIT = ['kabid.p2k', 'kabid.hi', 'sekretaris.disnakertrans', 'kabid.transmigrasi', 'kabid.p2k2'] as const;
const SEMUA: readonly NamaDemo[] = [...PEMBACA, ...KEPALA_UNIT];

interface Evaluasi {
  ada: boolean;
  skor: Record<string, Record<string, string>>;
  rekomendasi: Array<{ id: string; teks: string; tindakLanjut: string | null }>;
  hasil: { komponen: Array<{ kode: string; nilai: number }>; total: number; predikat: string };
  version: number;
  pengesahan: { oleh: string; pada: string } | null;
  boleh: { isi: boolean; tindakLanjut: boolean; sahkan: boolean; buka: boolean };
}

const skorRata = (x: string) => {
  const s = { pemenuhan: x, kualitas: x, implementasi: x };
  return { perencanaan: s, pengukuran: s, pelaporan: s, evaluasi: s };
};

async function jejak(h: Harness, pemdaId: string): Promise<string> {
  const audit = await h.db.select().from(t.auditLog).where(eq(t.auditLog.pemdaId, pemdaId)).orderBy(asc(t.auditLog.id));
  const ev = await h.db.select().from(t.evaluasiSakip).where(eq(t.evaluasiSakip.pemdaId, pemdaId));
  const sah = await h.db.select().from(t.pengesahanTahun).where(eq(t.pengesahanTahun.pemdaId, pemdaId));
  const real = await h.db.select().from(t.realisasi).where(eq(t.realisasi.pemdaId, pemdaId)).orderBy(asc(t.realisasi.id));
  return JSON.stringify({ audit, ev, sah, real });
}

for (const kind of testDatabases()) {
  describe(`SAKIP evaluation and sign-off API [${kind.name}]`, () => {
    let h: Harness;
    const klien = new Map<NamaDemo, Klien>();
    const as = (n: NamaDemo) => {
      const k = klien.get(n);
      if (!k) throw new Error(n);
      return k;
    };
    let base: string;
    let lain: Klien;

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/evaluasi`;
      for (const n of SEMUA) klien.set(n, await h.masuk(n));
      lain = await h.masuk('inspektorat.paser', await h.pemdaBaru());
    });
    after(() => h.close());

    /** Every role outside `allowed` gets 403 and nothing changes. */
    async function ditolak(allowed: readonly NamaDemo[], method: 'PUT' | 'POST', url: string, body?: unknown) {
      for (const n of SEMUA.filter((x) => !allowed.includes(x))) {
        const sebelum = await jejak(h, h.pemda.id);
        const r = await as(n).req(method, url, body);
        assert.equal(r.statusCode, 403, `${n} ${method} ${url}: ${r.body}`);
        assert.equal(await jejak(h, h.pemda.id), sebelum, `${n} changed data`);
      }
      const sebelum = await jejak(h, h.pemda.id);
      assert.equal((await lain.req(method, url, body)).statusCode, 404);
      assert.equal(await jejak(h, h.pemda.id), sebelum);
    }

    it('reads: readers of the OPD, not unit heads; another pemda 404; every route in OpenAPI', async () => {
      for (const n of SEMUA) assert.equal((await as(n).req('GET', base)).statusCode, (PEMBACA as readonly string[]).includes(n) ? 200 : 403, n);
      assert.equal((await lain.req('GET', base)).statusCode, 404);
      const e = (await as('inspektorat.paser').req('GET', base)).json<Evaluasi>();
      assert.equal(e.ada, false);
      assert.equal(e.version, 0);
      assert.equal(e.hasil.predikat, 'D');
      assert.equal(e.boleh.isi, true);
      assert.equal((await as('pimpinan.paser').req('GET', base)).json<Evaluasi>().boleh.isi, false);
      const doc = (await h.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      const r = '/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/evaluasi';
      for (const [p, m] of [
        [r, 'get'],
        [r, 'put'],
        [`${r}/rekomendasi/{id}/tindak-lanjut`, 'put'],
        [`${r}/sahkan`, 'post'],
        [`${r}/buka`, 'post'],
      ] as const)
        assert.ok(doc.paths[p]?.[m], `${m} ${p}`);
    });

    it('inspektorat enters scores and recommendations; the grade follows; others refused; stale 409; audited', async () => {
      const body = { version: 0, skor: skorRata('80.01'), rekomendasi: [{ teks: 'Selaraskan IKU dengan Renstra' }, { teks: '  ' }, { teks: 'Lengkapi bukti dukung capaian' }] };
      await ditolak(['inspektorat.paser'], 'PUT', base, body);
      const bad = await as('inspektorat.paser').req('PUT', base, { ...body, skor: { ...skorRata('50'), pelaporan: { pemenuhan: '101', kualitas: '1', implementasi: '1' } } });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.match(bad.body, /pelaporan\.pemenuhan/);

      const r = await as('inspektorat.paser').req('PUT', base, body);
      assert.equal(r.statusCode, 200, r.body);
      const e = r.json<Evaluasi>();
      assert.equal(e.hasil.total, 80.01);
      assert.equal(e.hasil.predikat, 'A');
      assert.deepEqual(
        e.rekomendasi.map((x) => x.teks),
        ['Selaraskan IKU dengan Renstra', 'Lengkapi bukti dukung capaian'],
      );
      assert.equal(e.version, 1);

      // Exactly 80 is BB.
      const r2 = await as('inspektorat.paser').req('PUT', base, { version: 1, skor: skorRata('80'), rekomendasi: e.rekomendasi.map((x) => ({ id: x.id, teks: x.teks })) });
      assert.equal(r2.statusCode, 200, r2.body);
      assert.equal(r2.json<Evaluasi>().hasil.predikat, 'BB');

      const stale = await as('inspektorat.paser').req('PUT', base, body);
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<{ current: Evaluasi }>().current.version, 2);

      const audit = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'evaluasi_sakip'), eq(t.auditLog.field, 'skor')));
      assert.equal(audit.length, 2);
      // jsonb does not keep key order: compare structurally.
      assert.ok(audit.some((a) => a.oldValue === null && isDeepStrictEqual(a.newValue, skorRata('80.01'))));
      assert.ok(audit.some((a) => isDeepStrictEqual(a.oldValue, skorRata('80.01')) && isDeepStrictEqual(a.newValue, skorRata('80'))));
    });

    it('the perencana records follow-ups; others refused; stale 409; audited', async () => {
      const e = (await as('perencana.disnakertrans').req('GET', base)).json<Evaluasi>();
      assert.equal(e.boleh.tindakLanjut, true);
      const id = e.rekomendasi[0]?.id ?? '';
      const url = `${base}/rekomendasi/${id}/tindak-lanjut`;
      await ditolak(['perencana.disnakertrans'], 'PUT', url, { version: e.version, tindakLanjut: 'IKU telah direviu' });
      const r = await as('perencana.disnakertrans').req('PUT', url, { version: e.version, tindakLanjut: 'IKU telah direviu' });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<Evaluasi>().rekomendasi[0]?.tindakLanjut, 'IKU telah direviu');
      assert.equal((await as('perencana.disnakertrans').req('PUT', url, { version: e.version, tindakLanjut: 'x' })).statusCode, 409);
      assert.equal((await as('perencana.disnakertrans').req('PUT', `${base}/rekomendasi/tidak-ada/tindak-lanjut`, { version: e.version + 1, tindakLanjut: 'x' })).statusCode, 404);
      // The inspektorat edits the recommendations: the follow-up of a kept one stays.
      const cur = r.json<Evaluasi>();
      const r2 = await as('inspektorat.paser').req('PUT', base, { version: cur.version, skor: cur.skor, rekomendasi: [{ id, teks: 'Selaraskan IKU dengan Renstra 2021-2026' }] });
      assert.equal(r2.statusCode, 200, r2.body);
      assert.deepEqual(r2.json<Evaluasi>().rekomendasi.map((x) => [x.teks, x.tindakLanjut]), [['Selaraskan IKU dengan Renstra 2021-2026', 'IKU telah direviu']]);
      const [a] = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entityKey, `disnakertrans/2023/rekomendasi/${id}`)));
      assert.equal(a?.oldValue, null);
      assert.equal(a?.newValue, 'IKU telah direviu');
    });

    it('sign-off: refused with the missing quarters, then locks realisasi until the admin reopens with a reason', async () => {
      const url = `${base}/sahkan`;
      await ditolak(['kepala.disnakertrans'], 'POST', url);
      const belum = await as('kepala.disnakertrans').req('POST', url);
      assert.equal(belum.statusCode, 409, belum.body);
      const g = belum.json<{ error: string; kurang: Array<{ indikator: string; triwulan: number; status: string; unit: Array<{ kode: string; nama: string }> }> }>();
      assert.equal(g.error, 'belum-lengkap');
      const katalog = await bacaKatalog(h.db, h.pemda.id, 'disnakertrans', 2023);
      assert.ok(katalog?.tahunOpdId);
      const tahunOpdId = katalog.tahunOpdId;
      const rows = await h.db.select().from(t.realisasi).where(and(eq(t.realisasi.pemdaId, h.pemda.id), eq(t.realisasi.tahunOpdId, tahunOpdId)));
      const disetujui = new Set(rows.filter((r) => r.status === 'disetujui').map((r) => `${r.indikatorKode}/${r.triwulan}`));
      const harap = katalog.indikator.flatMap((i) => [1, 2, 3, 4].map((tw) => `${i.kode}/${tw}`)).filter((k) => !disetujui.has(k));
      assert.deepEqual(g.kurang.map((x) => `${x.indikator}/${x.triwulan}`).sort(), harap.sort());
      assert.ok(g.kurang.length > 0);
      // Each names the units that owe it, with their names, so the list can be read per unit.
      for (const x of g.kurang) {
        const owner: string[] = katalog.indikator.find((i) => i.kode === x.indikator)?.unit ?? [];
        assert.deepEqual(x.unit.map((u) => u.kode).sort(), [...owner].sort(), x.indikator);
        assert.deepEqual(x.unit.map((u) => u.nama), x.unit.map((u) => katalog.unit.find((k) => k.kode === u.kode)?.nama));
      }
      assert.ok(g.kurang.some((x) => x.unit.length > 0));

      // Every quarter of every indicator approved.
      await h.db.update(t.realisasi).set({ status: 'disetujui' }).where(and(eq(t.realisasi.pemdaId, h.pemda.id), eq(t.realisasi.tahunOpdId, tahunOpdId)));
      const ada = new Set(rows.map((r) => `${r.indikatorKode}/${r.triwulan}`));
      const [last] = await h.db.select({ u: max(t.realisasi.urutan) }).from(t.realisasi).where(and(eq(t.realisasi.pemdaId, h.pemda.id), eq(t.realisasi.tahunOpdId, tahunOpdId)));
      let urutan = (last?.u ?? 0) + 1;
      for (const i of katalog.indikator)
        for (const tw of [1, 2, 3, 4])
          if (!ada.has(`${i.kode}/${tw}`))
            await h.db.insert(t.realisasi).values({ pemdaId: h.pemda.id, id: newId(), urutan: urutan++, tahunOpdId, indikatorKode: i.kode, triwulan: tw, nilai: 1, bukti: [], status: 'disetujui' });

      const ok = await as('kepala.disnakertrans').req('POST', url);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json<Evaluasi>().pengesahan?.oleh, as('kepala.disnakertrans').username);
      assert.equal((await as('kepala.disnakertrans').req('POST', url)).statusCode, 409);

      // The LKJIP shows the signed state.
      const teksLkjip = async () => {
        const d = await loadDataset(h.db, h.pemda.slug);
        assert.ok(d);
        const model = susunLkjip(d, 'disnakertrans', 2023, { lampiranPk: false, ...(await opsiLkjip(h.db, h.pemda.slug, 'disnakertrans', 2023)) });
        return (await bacaDocx(await renderDocx(model))).paragraf.join('\n');
      };
      assert.match(await teksLkjip(), /telah disahkan oleh Kepala Dinas Tenaga Kerja dan Transmigrasi \(.+\) pada 1 Maret 2024\./);

      // An entry that would otherwise be editable is locked by the sign-off, for everyone.
      const [row] = await h.db
        .update(t.realisasi)
        .set({ status: 'draf' })
        .where(and(eq(t.realisasi.pemdaId, h.pemda.id), eq(t.realisasi.tahunOpdId, tahunOpdId), eq(t.realisasi.indikatorKode, 'IKU-1'), eq(t.realisasi.triwulan, 1)))
        .returning();
      assert.ok(row);
      const entri = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/triwulan/1/entri/IKU-1`;
      const terkunci = await as('perencana.disnakertrans').req('PUT', entri, { nilai: 2, version: row.version });
      assert.equal(terkunci.statusCode, 423, terkunci.body);
      assert.match(terkunci.body, /disahkan/);
      // The entry screen shows the year locked.
      const daftar = (await as('perencana.disnakertrans').req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/triwulan/1/entri`)).json<{ terkunci: boolean; alasan?: string }>();
      assert.equal(daftar.terkunci, true);
      assert.match(daftar.alasan ?? '', /disahkan/);

      const buka = `${base}/buka`;
      await ditolak(['admin.paser'], 'POST', buka, { alasan: 'Koreksi data TW1' });
      assert.equal((await as('admin.paser').req('POST', buka, { alasan: '  ' })).statusCode, 400);
      const dibuka = await as('admin.paser').req('POST', buka, { alasan: 'Koreksi data TW1' });
      assert.equal(dibuka.statusCode, 200, dibuka.body);
      assert.equal(dibuka.json<Evaluasi>().pengesahan, null);
      const alasan = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'pengesahan_tahun'), eq(t.auditLog.field, 'alasanBuka')));
      assert.deepEqual(
        alasan.map((a) => a.newValue),
        ['Koreksi data TW1'],
      );
      const bisa = await as('perencana.disnakertrans').req('PUT', entri, { nilai: 2, version: row.version });
      assert.equal(bisa.statusCode, 200, bisa.body);
      assert.doesNotMatch(await teksLkjip(), /telah disahkan oleh/);
    });

    it("the previous year's recommendations and their follow-ups fill the LKJIP's follow-up table", async () => {
      const b2022 = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2022/evaluasi`;
      const e = await as('inspektorat.paser').req('PUT', b2022, { version: 0, skor: skorRata('70'), rekomendasi: [{ teks: 'Susun rencana aksi triwulanan untuk setiap IKU' }] });
      assert.equal(e.statusCode, 200, e.body);
      const ev = e.json<Evaluasi>();
      const tl = await as('perencana.disnakertrans').req('PUT', `${b2022}/rekomendasi/${ev.rekomendasi[0]?.id ?? ''}/tindak-lanjut`, {
        version: ev.version,
        tindakLanjut: 'Rencana aksi 2023 ditetapkan untuk 4 IKU',
      });
      assert.equal(tl.statusCode, 200, tl.body);
      const d = await loadDataset(h.db, h.pemda.slug);
      assert.ok(d);
      const opsi = await opsiLkjip(h.db, h.pemda.slug, 'disnakertrans', 2023);
      assert.deepEqual(opsi.tindakLanjut, [{ rekomendasi: 'Susun rencana aksi triwulanan untuk setiap IKU', tindakLanjut: 'Rencana aksi 2023 ditetapkan untuk 4 IKU', tahunEvaluasi: 2022 }]);
      const teks = (await bacaDocx(await renderDocx(susunLkjip(d, 'disnakertrans', 2023, { lampiranPk: false, ...opsi })))).paragraf;
      const i = teks.indexOf('Susun rencana aksi triwulanan untuk setiap IKU');
      assert.ok(i > 0, 'recommendation in the LKJIP');
      assert.equal(teks[i + 1], 'Rencana aksi 2023 ditetapkan untuk 4 IKU');
    });
  });
}
