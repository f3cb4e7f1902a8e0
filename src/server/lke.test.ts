/**
 * The criterion-level SAKIP evaluation through the API: the OPD answers with evidence, the
 * evaluator changes an answer with a comment, the supervisor approves; each tier's score and the
 * grade against a hand computation; who may do what at which stage (refusals change nothing);
 * stale writes 409; audit rows; the criteria versions; the recap; the LHE.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import type { HasilJawaban, LembarLke, RekapLke } from '../kontrak/lke.ts';
import { bacaDocx } from '../report/testing.ts';
import { type Harness, type Klien, multipart, type NamaDemo, PDF, sidikJari, siapkan } from './testing.ts';

const PEMBACA = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser', 'pengendali.paser'] as const;
const KEPALA_UNIT = ['kabid.p2k', 'kabid.hi', 'sekretaris.disnakertrans', 'kabid.transmigrasi', 'kabid.p2k2'] as const;
const SEMUA: readonly NamaDemo[] = [...PEMBACA, ...KEPALA_UNIT];

for (const kind of testDatabases()) {
  describe(`criterion-level SAKIP evaluation API [${kind.name}]`, () => {
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
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/evaluasi/lke`;
      for (const n of SEMUA) klien.set(n, await h.masuk(n));
      lain = await h.masuk('inspektorat.paser', await h.pemdaBaru());
    });
    after(() => h.close());

    /** Every user outside `allowed` gets `status` (403 unless given) and nothing of the pemda changes; another pemda gets 404. */
    async function ditolak(allowed: readonly NamaDemo[], method: 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown, status = 403) {
      for (const n of SEMUA.filter((x) => !allowed.includes(x))) {
        const sebelum = await sidikJari(h.db, h.pemda.id);
        const r = await as(n).req(method, url, body);
        assert.equal(r.statusCode, status, `${n} ${method} ${url}: ${r.body}`);
        assert.equal(await sidikJari(h.db, h.pemda.id), sebelum, `${n} changed data`);
      }
      const sebelum = await sidikJari(h.db, h.pemda.id);
      assert.equal((await lain.req(method, url, body)).statusCode, 404);
      assert.equal(await sidikJari(h.db, h.pemda.id), sebelum);
    }

    const jawab = (n: NamaDemo, kode: string, body: Record<string, unknown>) =>
      as(n).req('PUT', `${base}/jawaban/${kode}`, { catatan: null, tautan: [], fakta: false, version: 0, ...body });

    it('before the start: readers of the OPD see the criteria that would be used, unit heads and another pemda do not', async () => {
      for (const n of SEMUA) {
        const r = await as(n).req('GET', base);
        assert.equal(r.statusCode, (PEMBACA as readonly string[]).includes(n) ? 200 : 403, `${n}: ${r.body}`);
      }
      assert.equal((await lain.req('GET', base)).statusCode, 404);
      const l = (await as('perencana.disnakertrans').req('GET', base)).json<LembarLke>();
      assert.equal(l.ada, false);
      assert.equal(l.kriteria?.kode, 'permenpanrb-88-2021-pd');
      assert.equal(l.komponen.length, 4);
      assert.deepEqual(l.boleh, { mulai: true, mandiri: false, evaluator: false, supervisor: false, ajukan: false, kirim: false, setujui: false, kembalikan: false });
      assert.equal((await as('pimpinan.paser').req('GET', base)).json<LembarLke>().boleh.mulai, false);
    });

    it('start: the OPD or the inspektorat; the shipped criteria are loaded for the pemda once', async () => {
      await ditolak(['perencana.disnakertrans', 'kepala.disnakertrans', 'inspektorat.paser'], 'POST', `${base}/mulai`, { version: 0 });
      const r = await as('perencana.disnakertrans').req('POST', `${base}/mulai`, { version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      const l = r.json<LembarLke>();
      assert.equal(l.ada, true);
      assert.equal(l.tahap, 'mandiri');
      assert.equal(l.nilai?.akhir.total, 0);
      assert.equal(l.nilai?.akhir.predikat, 'D');
      const versi = await h.db.select().from(t.kriteriaLke).where(eq(t.kriteriaLke.pemdaId, h.pemda.id));
      assert.equal(versi.length, 1);
      // Started twice: refused, the version is stale.
      assert.equal((await as('inspektorat.paser').req('POST', `${base}/mulai`, { version: 0 })).statusCode, 409);
      assert.equal((await as('inspektorat.paser').req('POST', `${base}/mulai`, { version: l.version })).statusCode, 409);
    });

    it('the OPD answers its tier with a link, a SIKIPER fact and a file; the others may not answer it; values outside the type are refused', async () => {
      const a1 = await jawab('perencana.disnakertrans', '1.a.1', { tingkat: 'mandiri', jawaban: 'Y', tautan: ['https://paserkab.go.id/pedoman-perencanaan.pdf'] });
      assert.equal(a1.statusCode, 200, a1.body);
      // 1.a.2 carries the fact "the Renstra covers the year": proposed from the fixture's Renstra 2021–2026.
      const l = (await as('perencana.disnakertrans').req('GET', base)).json<LembarLke>();
      const k2 = l.komponen[0]?.sub[0]?.kriteria.find((c) => c.kode === '1.a.2');
      assert.equal(k2?.usulan?.kode, 'renstra-ada');
      assert.match(k2?.usulan?.uraian ?? '', /^Renstra 2021–2026/);
      const a2 = await jawab('kepala.disnakertrans', '1.a.2', { tingkat: 'mandiri', jawaban: 'Y', fakta: true });
      assert.equal(a2.statusCode, 200, a2.body);
      assert.deepEqual(
        a2.json<HasilJawaban>().kriteria.jawaban.mandiri?.fakta.map((f) => f.kode),
        ['renstra-ada'],
      );
      const a3 = await jawab('perencana.disnakertrans', '1.b.3', { tingkat: 'mandiri', jawaban: 'B', catatan: 'Sebagian indikator sudah berorientasi hasil' });
      assert.equal(a3.statusCode, 200, a3.body);
      const up = multipart('reviu-iku.pdf', PDF, 'application/pdf');
      const f = await as('perencana.disnakertrans').req('POST', `${base}/jawaban/1.b.3/bukti`, up.body, up.headers);
      assert.equal(f.statusCode, 201, f.body);
      const berkas = f.json<{ id: string; tingkat: string }>();
      assert.equal(berkas.tingkat, 'mandiri');
      const unduh = await as('inspektorat.paser').req('GET', `/api/bukti-lke/${berkas.id}`);
      assert.equal(unduh.statusCode, 200);
      assert.equal(unduh.headers['content-type'], 'application/pdf');
      assert.equal((await lain.req('GET', `/api/bukti-lke/${berkas.id}`)).statusCode, 404);
      assert.equal((await as('kabid.hi').req('GET', `/api/bukti-lke/${berkas.id}`)).statusCode, 403);

      // Only the OPD's tier uploads and removes files now; a removed file leaves an audit row.
      for (const n of SEMUA.filter((x) => x !== 'perencana.disnakertrans' && x !== 'kepala.disnakertrans')) {
        const sebelum = await sidikJari(h.db, h.pemda.id);
        const u = multipart('lain.pdf', PDF, 'application/pdf');
        assert.equal((await as(n).req('POST', `${base}/jawaban/1.b.3/bukti`, u.body, u.headers)).statusCode, 403, n);
        assert.equal((await as(n).req('DELETE', `${base}/bukti/${berkas.id}`)).statusCode, 403, n);
        assert.equal(await sidikJari(h.db, h.pemda.id), sebelum, `${n} changed data`);
      }
      const kedua = await as('kepala.disnakertrans').req('POST', `${base}/jawaban/1.b.3/bukti`, up.body, up.headers);
      assert.equal(kedua.statusCode, 201, kedua.body);
      const idKedua = kedua.json<{ id: string }>().id;
      assert.equal((await lain.req('DELETE', `${base}/bukti/${idKedua}`)).statusCode, 404);
      assert.equal((await as('perencana.disnakertrans').req('DELETE', `${base}/bukti/${idKedua}`)).statusCode, 204);
      assert.equal((await as('perencana.disnakertrans').req('DELETE', `${base}/bukti/${idKedua}`)).statusCode, 404);
      const hapus = await h.db
        .select({ lama: t.auditLog.oldValue, baru: t.auditLog.newValue })
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'jawaban_lke'), eq(t.auditLog.field, 'berkas')));
      assert.deepEqual(
        hapus.map((x) => [x.lama === null ? null : (x.lama as { id: string }).id, x.baru === null ? null : (x.baru as { id: string }).id]).sort(),
        [
          [null, berkas.id],
          [null, idKedua],
          [idKedua, null],
        ].sort(),
      );

      // Y is not an answer of an A–E criterion; a file that is not PDF/PNG/JPEG is refused.
      assert.equal((await jawab('perencana.disnakertrans', '1.b.4', { tingkat: 'mandiri', jawaban: 'Y' })).statusCode, 400);
      const html = multipart('x.pdf', Buffer.from('<html>'), 'application/pdf');
      assert.equal((await as('perencana.disnakertrans').req('POST', `${base}/jawaban/1.b.4/bukti`, html.body, html.headers)).statusCode, 400);
      // Only the OPD answers the OPD's tier; the evaluator tier is not open yet (409), and not the OPD's (403).
      await ditolak(['perencana.disnakertrans', 'kepala.disnakertrans'], 'PUT', `${base}/jawaban/1.b.4`, { tingkat: 'mandiri', version: 0, jawaban: 'A', catatan: null, tautan: [], fakta: false });
      assert.equal((await jawab('inspektorat.paser', '1.b.4', { tingkat: 'evaluator', jawaban: 'A' })).statusCode, 409);
      assert.equal((await jawab('perencana.disnakertrans', '1.b.4', { tingkat: 'evaluator', jawaban: 'A' })).statusCode, 403);

      // A stale version: 409 with the stored answer.
      const basi = await jawab('perencana.disnakertrans', '1.a.1', { tingkat: 'mandiri', jawaban: 'T' });
      assert.equal(basi.statusCode, 409);
      assert.equal(basi.json<{ current: HasilJawaban }>().current.kriteria.jawaban.mandiri?.jawaban, 'Y');

      // Self-assessment by hand: 1.a (6 points, 5 criteria): Y, Y → 6 × 2/5 = 2.4;
      // 1.b (9 points, 11 criteria): B → 9 × 0.75/11 = 0.6136…; total 3.0136… → 3,01, D.
      const n = a3.json<HasilJawaban>().nilai;
      assert.equal(n.mandiri.total, 3.01);
      assert.equal(n.mandiri.totalTepat, '3.0136363636');
      assert.equal(n.mandiri.predikat, 'D');
      assert.equal(n.mandiri.terjawab, 3);
    });

    it('ajukan moves it to the evaluator; the OPD can no longer answer; the evaluator changes one answer with a comment', async () => {
      const v = (await as('perencana.disnakertrans').req('GET', base)).json<LembarLke>().version;
      await ditolak(['perencana.disnakertrans', 'kepala.disnakertrans'], 'POST', `${base}/ajukan`, { version: v });
      assert.equal((await as('inspektorat.paser').req('POST', `${base}/kirim`, { version: v })).statusCode, 409);
      const r = await as('perencana.disnakertrans').req('POST', `${base}/ajukan`, { version: v });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<LembarLke>().tahap, 'evaluator');
      assert.equal((await jawab('perencana.disnakertrans', '1.a.1', { tingkat: 'mandiri', version: 1, jawaban: 'T' })).statusCode, 409);

      await ditolak(['inspektorat.paser'], 'PUT', `${base}/jawaban/1.b.3`, { tingkat: 'evaluator', version: 0, jawaban: 'C', catatan: 'x', tautan: [], fakta: false }, 403);
      const e = await jawab('inspektorat.paser', '1.b.3', { tingkat: 'evaluator', jawaban: 'C', catatan: 'Indikator 2 dan 4 belum berorientasi hasil' });
      assert.equal(e.statusCode, 200, e.body);
      const k = e.json<HasilJawaban>();
      assert.equal(k.kriteria.jawaban.mandiri?.jawaban, 'B', 'the OPD answer is kept beside the evaluator one');
      assert.deepEqual(k.kriteria.berlaku, { mandiri: 'B', evaluator: 'C', akhir: 'C' });
      assert.equal(k.kriteria.beda, true);
      // Evaluator tier: 1.b → 9 × 0.5/11 = 0.4090…; total 2.8090… → 2,81.
      assert.equal(k.nilai.evaluator.totalTepat, '2.8090909091');
      assert.equal(k.nilai.mandiri.totalTepat, '3.0136363636');
      const audit = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'jawaban_lke'), eq(t.auditLog.entityKey, 'disnakertrans/2023/1.b.3/evaluator')));
      assert.deepEqual(audit.map((x) => [x.field, x.oldValue, x.newValue]).sort(), [
        ['catatan', null, 'Indikator 2 dan 4 belum berorientasi hasil'],
        ['jawaban', null, 'C'],
      ]);
    });

    it('kirim, then the supervisor approves; returning needs a comment; the final score is the hand computation', async () => {
      const v1 = (await as('inspektorat.paser').req('GET', base)).json<LembarLke>().version;
      const kirim = await as('inspektorat.paser').req('POST', `${base}/kirim`, { version: v1 });
      assert.equal(kirim.statusCode, 200, kirim.body);
      const v2 = kirim.json<LembarLke>().version;
      assert.equal((await as('pengendali.paser').req('POST', `${base}/kembalikan`, { version: v2 })).statusCode, 400);
      const kembali = await as('pengendali.paser').req('POST', `${base}/kembalikan`, { version: v2, komentar: 'Periksa lagi 1.b.3' });
      assert.equal(kembali.statusCode, 200, kembali.body);
      assert.equal(kembali.json<LembarLke>().tahap, 'evaluator');
      assert.equal(kembali.json<LembarLke>().catatanTahap, 'Periksa lagi 1.b.3');
      const v3 = (await as('inspektorat.paser').req('POST', `${base}/kirim`, { version: kembali.json<LembarLke>().version })).json<LembarLke>().version;
      await ditolak(['pengendali.paser'], 'POST', `${base}/setujui`, { version: v3 });
      const ok = await as('pengendali.paser').req('POST', `${base}/setujui`, { version: v3 });
      assert.equal(ok.statusCode, 200, ok.body);
      const l = ok.json<LembarLke>();
      assert.equal(l.tahap, 'final');
      assert.equal(l.nilai?.akhir.totalTepat, '2.8090909091');
      assert.equal(l.nilai?.akhir.total, 2.81);
      assert.equal(l.nilai?.akhir.predikat, 'D');
      assert.deepEqual(l.nilai?.akhir.komponen.map((c) => c.nilai), [2.81, 0, 0, 0]);
      assert.equal(l.catatanTahap, null, 'the return comment belongs to the return, not to the moves after it');
      // Returning is refused to who may not return before its comment is looked at.
      assert.equal((await as('perencana.disnakertrans').req('POST', `${base}/kembalikan`, { version: l.version })).statusCode, 403);
      // Nobody answers a final evaluation.
      assert.equal((await jawab('pengendali.paser', '1.a.1', { tingkat: 'supervisor', jawaban: 'T' })).statusCode, 409);
      // The summary of the evaluation reports the final score and knows it is criterion-level.
      const ev = (await as('pimpinan.paser').req('GET', base.replace(/\/lke$/, ''))).json<{ perKriteria: boolean; hasil: { total: number; predikat: string } }>();
      assert.deepEqual([ev.perKriteria, ev.hasil.total, ev.hasil.predikat], [true, 2.81, 'D']);
      const tahap = await h.db
        .select({ lama: t.auditLog.oldValue, baru: t.auditLog.newValue })
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'evaluasi_sakip'), eq(t.auditLog.field, 'tahap')));
      assert.deepEqual(
        tahap.map((x) => `${String(x.lama)}→${String(x.baru)}`),
        ['null→mandiri', 'mandiri→evaluator', 'evaluator→supervisor', 'supervisor→evaluator', 'evaluator→supervisor', 'supervisor→final'],
      );
    });

    it('the LHE prints the final figures; the recap ranks every OPD for pemda-wide readers', async () => {
      const doc = await as('inspektorat.paser').req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/dokumen/lhe?format=docx`);
      assert.equal(doc.statusCode, 200, doc.body);
      const teks = (await bacaDocx(doc.rawPayload)).paragraf.join("\n");
      assert.match(teks, /2,81/);
      assert.match(teks, /Indikator 2 dan 4 belum berorientasi hasil/);
      assert.doesNotMatch(teks, /Draf/);
      const url = `/api/pemda/${h.pemda.slug}/tahun/2023/evaluasi/rekap`;
      for (const n of SEMUA) {
        const r = await as(n).req('GET', url);
        assert.equal(r.statusCode, ['admin.paser', 'inspektorat.paser', 'pimpinan.paser', 'pengendali.paser'].includes(n) ? 200 : 403, n);
      }
      const rekap = (await as('pimpinan.paser').req('GET', url)).json<RekapLke>();
      assert.deepEqual(
        rekap.baris.map((b) => [b.opd, b.tahap, b.total, b.predikat, b.peringkat]),
        [['disnakertrans', 'final', 2.81, 'D', 1]],
      );
      const x = await as('pimpinan.paser').req('GET', `${url}.xlsx`);
      assert.equal(x.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
      const sel = wb.worksheets[0]?.getSheetValues().flat().filter((v) => typeof v === 'number');
      assert.ok(sel?.includes(2.81), JSON.stringify(sel));
    });

    it('criteria versions: the admin loads a new one; a broken file is refused with its path; others may not', async () => {
      const daftar = await as('admin.paser').req('GET', `/api/pemda/${h.pemda.slug}/lke/kriteria`);
      assert.equal(daftar.statusCode, 200);
      assert.deepEqual(daftar.json<{ versi: Array<{ kode: string }> }>().versi.map((v) => v.kode), ['permenpanrb-88-2021-pd']);
      const baru = {
        kode: 'uji-2027',
        nama: 'Kriteria uji',
        regulasi: 'Peraturan uji',
        sumber: 'Disusun untuk pengujian',
        berlakuMulai: 2027,
        komponen: [{ kode: '1', nama: 'Satu', bobot: 100, sub: [{ kode: '1.a', nama: 'Pemenuhan', bobot: 100, kriteria: [{ kode: '1.a.1', teks: 'Ada dokumen.', jenis: 'YT' }] }] }],
      };
      const url = `/api/pemda/${h.pemda.slug}/lke/kriteria`;
      await ditolak(['admin.paser'], 'POST', url, baru);
      const kurang = await as('admin.paser').req('POST', url, { kode: 'tanpa-nama', komponen: [] });
      assert.equal(kurang.statusCode, 400);
      assert.ok(
        kurang.json<{ issues: Array<{ path: string; message: string }> }>().issues.some((i) => i.path === 'kriteria: nama' && /^Input tidak valid/.test(i.message)),
        kurang.body,
      );
      const salah = await as('admin.paser').req('POST', url, { ...baru, komponen: [{ ...baru.komponen[0], bobot: 90 }] });
      assert.equal(salah.statusCode, 400);
      assert.deepEqual(salah.json<{ issues: Array<{ path: string; message: string }> }>().issues, [
        { path: 'kriteria: komponen', message: 'bobot komponen berjumlah 90, harus 100' },
        { path: 'kriteria: komponen', message: 'bobot sub komponen 1 berjumlah 100, harus 90' },
      ]);
      const ok = await as('admin.paser').req('POST', url, baru);
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json<{ jumlahKriteria: number }>().jumlahKriteria, 1);
      assert.equal((await as('admin.paser').req('POST', url, baru)).statusCode, 400, 'the same code twice');
      // The new version is in force from 2027: an evaluation of 2027 would use it, one of 2024 the shipped one.
      const l27 = (await as('inspektorat.paser').req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2027/evaluasi/lke`)).json<LembarLke>();
      assert.equal(l27.kriteria?.kode, 'uji-2027');
      const l24 = (await as('inspektorat.paser').req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/evaluasi/lke`)).json<LembarLke>();
      assert.equal(l24.kriteria?.kode, 'permenpanrb-88-2021-pd');
    });

    it("follow-ups are tracked to closure with evidence and shown in the next year's evaluation", async () => {
      const ev = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/evaluasi`;
      const cur = (await as('inspektorat.paser').req('GET', ev)).json<{ version: number; skor: unknown }>();
      const simpan = await as('inspektorat.paser').req('PUT', ev, { version: cur.version, skor: cur.skor, rekomendasi: [{ teks: 'Lengkapi reviu IKU' }] });
      assert.equal(simpan.statusCode, 200, simpan.body);
      const e = simpan.json<{ version: number; rekomendasi: Array<{ id: string; status: string }> }>();
      assert.equal(e.rekomendasi[0]?.status, 'belum');
      const id = e.rekomendasi[0]?.id ?? '';
      const tl = `${ev}/rekomendasi/${id}/tindak-lanjut`;
      const tanpaBukti = await as('perencana.disnakertrans').req('PUT', tl, { version: e.version, tindakLanjut: 'IKU direviu', status: 'selesai' });
      assert.equal(tanpaBukti.statusCode, 400);
      const selesai = await as('perencana.disnakertrans').req('PUT', tl, { version: e.version, tindakLanjut: 'IKU direviu', status: 'selesai', tautan: ['https://paserkab.go.id/reviu-iku-2024.pdf'] });
      assert.equal(selesai.statusCode, 200, selesai.body);
      assert.equal(selesai.json<{ rekomendasi: Array<{ status: string; selesaiPada: string | null }> }>().rekomendasi[0]?.status, 'selesai');
      // A changed score of a criterion-level evaluation is refused: its score comes from the answers.
      const skor = await as('inspektorat.paser').req('PUT', ev, {
        version: e.version + 1,
        skor: Object.fromEntries(['perencanaan', 'pengukuran', 'pelaporan', 'evaluasi'].map((k) => [k, { pemenuhan: '90', kualitas: '90', implementasi: '90' }])),
        rekomendasi: [{ id, teks: 'Lengkapi reviu IKU' }],
      });
      assert.equal(skor.statusCode, 400, skor.body);
      const lalu = (await as('inspektorat.paser').req('GET', `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2024/evaluasi/lke`)).json<LembarLke>().rekomendasiLalu;
      assert.deepEqual(lalu, [{ teks: 'Lengkapi reviu IKU', tindakLanjut: 'IKU direviu', status: 'selesai', tautan: ['https://paserkab.go.id/reviu-iku-2024.pdf'] }]);
    });
  });
}
