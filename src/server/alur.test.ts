import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from '../db/testing.ts';
import type { Entri } from '../workflow/entri.ts';
import { type Harness, jejak, type Klien, multipart, PDF, PNG, siapkan } from './testing.ts';

interface Capaian {
  sasaran: Array<{ kode: string; capaian: number | null; indikator: Array<{ kode: string; realisasi: number | null; capaian: number | null }> }>;
}
interface Dasbor {
  capaian: Capaian;
  anggaran: unknown;
  progres: Array<{ triwulan: number; unit: Array<{ kode: string; total: number; terisi: number; diajukan: number; diverifikasi: number; disetujui: number; kepala?: string }> }>;
}

for (const kind of testDatabases()) {
  describe(`realisasi workflow [${kind.name}]`, () => {
    let h: Harness;
    let unit: Klien;
    let perencana: Klien;
    let kepala: Klien;
    let admin: Klien;
    let kabidHi: Klien;
    let base: string;
    const entri = (tahun: number, tw: number, kode = 'IKU-1') => `${base}/tahun/${tahun}/triwulan/${tw}/entri/${encodeURIComponent(kode)}`;

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
      unit = await h.masuk('kabid.p2k');
      perencana = await h.masuk('perencana.disnakertrans');
      kepala = await h.masuk('kepala.disnakertrans');
      admin = await h.masuk('admin.paser');
      kabidHi = await h.masuk('kabid.hi');
    });
    after(() => h.close());

    const iku1 = async (who: Klien, tahun: number) => {
      const r = await who.req('GET', `${base}/tahun/${tahun}/dashboard`);
      assert.equal(r.statusCode, 200, r.body);
      const d = r.json<Dasbor>();
      const ind = d.capaian.sasaran[0]?.indikator.find((i) => i.kode === 'IKU-1');
      assert.ok(ind);
      return { ind, dasbor: d };
    };

    it('submit, reject with a comment, resubmit, verify, approve: then locked, and capaian counts it', async () => {
      const before2024 = await iku1(perencana, 2024);
      assert.equal(before2024.ind.capaian, null);

      let r = await unit.req('PUT', entri(2024, 1), { pembilang: 18, penyebut: 27, keterangan: '  18 dari 27 ditempatkan ', version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      let e = r.json<Entri>();
      assert.equal(e.status, 'draf');
      assert.equal(e.version, 1);
      assert.equal(e.keterangan, '18 dari 27 ditempatkan');
      assert.equal(e.target, 30);

      r = await unit.req('POST', `${entri(2024, 1)}/ajukan`, { version: 1 });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<Entri>().status, 'diajukan');

      r = await unit.req('PUT', entri(2024, 1), { nilai: 50, version: 2 });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json<{ error: string }>().error, 'status-tidak-sesuai');

      r = await perencana.req('POST', `${entri(2024, 1)}/tolak`, { version: 2 });
      assert.equal(r.statusCode, 400);
      r = await perencana.req('POST', `${entri(2024, 1)}/tolak`, { version: 2, komentar: 'x' });
      assert.equal(r.statusCode, 400);
      assert.equal(r.json<{ error: string }>().error, 'masukan-tidak-sah');
      r = await perencana.req('POST', `${entri(2024, 1)}/tolak`, { version: 2, komentar: 'Penyebut tidak sesuai daftar peserta uji kompetensi' });
      assert.equal(r.statusCode, 200, r.body);
      e = r.json<Entri>();
      assert.equal(e.status, 'ditolak');
      assert.deepEqual(
        e.komentar.map((k) => [k.oleh, k.aksi, k.teks]),
        [
          [unit.username, 'ajukan', ''],
          [perencana.username, 'tolak', 'Penyebut tidak sesuai daftar peserta uji kompetensi'],
        ],
      );

      r = await kepala.req('POST', `${entri(2024, 1)}/setujui`, { version: 3 });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json<{ error: string }>().error, 'status-tidak-sesuai');

      r = await unit.req('PUT', entri(2024, 1), { penyebut: 24, version: 3 });
      assert.equal(r.statusCode, 200, r.body);
      e = r.json<Entri>();
      assert.deepEqual([e.status, e.version, e.pembilang, e.penyebut], ['draf', 4, 18, 24]);
      r = await unit.req('POST', `${entri(2024, 1)}/ajukan`, { version: 4 });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await iku1(perencana, 2024)).ind.capaian, null, 'a submitted entry does not count yet');

      r = await kepala.req('POST', `${entri(2024, 1)}/verifikasi`, { version: 5 });
      assert.equal(r.statusCode, 403, 'the head approves, the planner verifies');
      r = await perencana.req('POST', `${entri(2024, 1)}/verifikasi`, { version: 5 });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json<Entri>().bolehSetujui, false, 'the planner cannot approve');

      r = await kepala.req('GET', `${base}/tahun/2024/triwulan/1/entri`);
      const forHead = r.json<{ indikator: Entri[] }>().indikator.find((i) => i.kode === 'IKU-1');
      assert.equal(forHead?.bolehSetujui, true);
      assert.equal(forHead?.bolehTolak, true);
      r = await kepala.req('POST', `${entri(2024, 1)}/setujui`, { version: 6 });
      assert.equal(r.statusCode, 200, r.body);
      e = r.json<Entri>();
      assert.deepEqual([e.status, e.version, e.bolehUbah, e.bolehTolak], ['disetujui', 7, false, false]);

      const { ind, dasbor } = await iku1(perencana, 2024);
      // 18 / 24 = 75% against the Renstra's 30% for 2024.
      assert.equal(ind.realisasi, 75);
      assert.equal(ind.capaian, 250);
      const p2k = dasbor.progres.find((p) => p.triwulan === 1)?.unit.find((u) => u.kode === 'bidang-p2k');
      assert.deepEqual(p2k && [p2k.terisi, p2k.diajukan, p2k.diverifikasi, p2k.disetujui], [1, 1, 1, 1]);
      assert.equal(p2k?.kepala, 'Ahmad Reyad, S.STP, M.Si');

      for (const [who, method, url, body] of [
        [unit, 'PUT', entri(2024, 1), { nilai: 1, version: 7 }],
        [perencana, 'PUT', entri(2024, 1), { nilai: 1, version: 7 }],
        [unit, 'POST', `${entri(2024, 1)}/ajukan`, { version: 7 }],
        [kepala, 'POST', `${entri(2024, 1)}/tolak`, { version: 7, komentar: 'buka lagi' }],
        [perencana, 'POST', `${entri(2024, 1)}/verifikasi`, { version: 7 }],
      ] as const) {
        const locked = await who.req(method, url, body);
        assert.equal(locked.statusCode, 423, `${who.username} ${method} ${url}`);
        assert.equal(locked.json<{ error: string }>().error, 'terkunci');
      }
      const upload = multipart('bukti.png', PNG);
      r = await unit.req('POST', `${entri(2024, 1)}/bukti`, upload.body, upload.headers);
      assert.equal(r.statusCode, 423);

      r = await unit.req('GET', `${entri(2024, 1)}/riwayat`);
      assert.equal(r.statusCode, 200);
      const riwayat = r.json<{ riwayat: Array<{ oleh: string; field: string; lama: unknown; baru: unknown }> }>().riwayat;
      assert.deepEqual(
        riwayat.filter((x) => x.field === 'status').map((x) => [x.oleh, x.lama, x.baru]),
        [
          [unit.username, null, 'draf'],
          [unit.username, 'draf', 'diajukan'],
          [perencana.username, 'diajukan', 'ditolak'],
          [unit.username, 'ditolak', 'draf'],
          [unit.username, 'draf', 'diajukan'],
          [perencana.username, 'diajukan', 'diverifikasi'],
          [kepala.username, 'diverifikasi', 'disetujui'],
        ],
      );
      assert.ok(riwayat.some((x) => x.field === 'penyebut' && x.lama === 27 && x.baru === 24));
    });

    it('a stale version is 409 with the stored entry, and changes nothing', async () => {
      let r = await unit.req('PUT', entri(2024, 2), { nilai: 10, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      r = await perencana.req('PUT', entri(2024, 2), { nilai: 12, version: 1 });
      assert.equal(r.statusCode, 200, r.body);
      r = await unit.req('PUT', entri(2024, 2), { nilai: 11, version: 1 });
      assert.equal(r.statusCode, 409);
      const body = r.json<{ error: string; current: Entri }>();
      assert.equal(body.error, 'versi-usang');
      assert.deepEqual([body.current.nilai, body.current.version], [12, 2]);
      r = await unit.req('POST', `${entri(2024, 2)}/ajukan`, { version: 1 });
      assert.equal(r.statusCode, 409);
      assert.equal(r.json<{ error: string }>().error, 'versi-usang');
    });

    it('two first saves of one entry at once: one wins, the other is told the version moved', async () => {
      const [a, b] = await Promise.all([
        unit.req('PUT', entri(2023, 1, '2.07.03#1'), { nilai: 20, version: 0 }),
        perencana.req('PUT', entri(2023, 1, '2.07.03#1'), { nilai: 21, version: 0 }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `${a.body} ${b.body}`);
    });

    it('values are validated with Indonesian messages', async () => {
      const cases: Array<[unknown, string]> = [
        [{ pembilang: 30, penyebut: 27, version: 0 }, 'pembilang'],
        [{ penyebut: 0, version: 0 }, 'penyebut'],
        [{ nilai: 1500, version: 0 }, 'nilai'],
        [{ nilai: -3, version: 0 }, 'nilai'],
        [{ nilai: 'sepuluh', version: 0 }, 'nilai'],
        [{ nilai: 10 }, 'version'],
      ];
      for (const [body, path] of cases) {
        const r = await unit.req('PUT', entri(2024, 3), body);
        assert.equal(r.statusCode, 400, JSON.stringify(body));
        const j = r.json<{ error: string; issues: Array<{ path: string; message: string }> }>();
        assert.equal(j.error, 'masukan-tidak-sah');
        assert.ok(j.issues.some((i) => i.path === path), JSON.stringify(j));
      }
      const r = await unit.req('PUT', entri(2024, 3), '{"nilai":1e999,"version":0}', { 'content-type': 'application/json' });
      assert.equal(r.statusCode, 400, 'a number that overflows to Infinity is refused');
      assert.match(r.json<{ issues: Array<{ message: string }> }>().issues[0]?.message ?? '', /[a-z]/);
      const list = await unit.req('GET', `${base}/tahun/2024/triwulan/3/entri`);
      assert.equal(list.json<{ indikator: Entri[] }>().indikator.find((i) => i.kode === 'IKU-1')?.status, 'kosong');
    });

    it('evidence is accepted by content, stored, listed and downloaded', async () => {
      let up = multipart('Daftar hadir.pdf', PDF, 'application/pdf');
      let r = await unit.req('POST', `${entri(2024, 4)}/bukti`, up.body, up.headers);
      assert.equal(r.statusCode, 201, r.body);
      const pdf = r.json<{ id: string; nama: string }>();
      assert.equal(pdf.nama, 'Daftar hadir.pdf');

      up = multipart('foto.pdf', PNG, 'application/pdf');
      r = await unit.req('POST', `${entri(2024, 4)}/bukti`, up.body, up.headers);
      assert.equal(r.statusCode, 201, r.body);
      const png = r.json<{ id: string; nama: string }>();
      assert.equal(png.nama, 'foto.png', 'the type comes from the content, not the name');

      up = multipart('laporan.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
      r = await unit.req('POST', `${entri(2024, 4)}/bukti`, up.body, up.headers);
      assert.equal(r.statusCode, 400);
      assert.equal(r.json<{ issues: Array<{ path: string }> }>().issues[0]?.path, 'berkas');

      up = multipart('besar.pdf', Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf');
      r = await unit.req('POST', `${entri(2024, 4)}/bukti`, up.body, up.headers);
      assert.equal(r.statusCode, 413);

      r = await unit.req('PUT', entri(2024, 4), { nilai: 40, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json<Entri>().bukti, [pdf, png]);

      r = await perencana.req('GET', `/api/bukti/${png.id}`);
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['content-type'], 'image/png');
      assert.match(String(r.headers['content-disposition']), /^attachment;.*filename\*=UTF-8''foto\.png/);
      assert.match(String(r.headers['content-security-policy']), /sandbox/);
      assert.ok(r.rawPayload.equals(PNG));

      r = await kabidHi.req('GET', `/api/bukti/${png.id}`);
      assert.equal(r.statusCode, 403, 'evidence of another unit');
      r = await unit.req('GET', '/api/bukti/01900000-0000-7000-8000-000000000000');
      assert.equal(r.statusCode, 404);
    });

    it('a deadline locks entry and submission, except for units with a later deadline', async () => {
      const now = h.jam.now().getTime();
      const iso = (ms: number) => new Date(now + ms).toISOString();
      let r = await admin.req('PUT', `/api/pemda/${h.pemda.slug}/tenggat/2025/1`, {
        version: 0,
        batas: iso(60 * 60_000),
        pengecualian: [{ opd: 'disnakertrans', unit: 'bidang-hi', batas: iso(3 * 60 * 60_000) }],
      });
      assert.equal(r.statusCode, 200, r.body);
      r = await admin.req('PUT', `/api/pemda/${h.pemda.slug}/tenggat/2025/1`, {
        version: 0,
        batas: iso(60 * 60_000),
        pengecualian: [{ opd: 'disnakertrans', unit: 'tidak-ada', batas: iso(3 * 60 * 60_000) }],
      });
      assert.equal(r.statusCode, 400, 'an exception for an unknown unit');
      r = await admin.req('PUT', `/api/pemda/${h.pemda.slug}/tenggat/2025/1`, {
        version: 0,
        batas: iso(60 * 60_000),
        pengecualian: [{ opd: 'disnakertrans', unit: 'bidang-hi', batas: iso(30 * 60_000) }],
      });
      assert.equal(r.statusCode, 400, 'an exception earlier than the deadline');
      const stale = await jejak(h.db, h.pemda.id);
      r = await admin.req('PUT', `/api/pemda/${h.pemda.slug}/tenggat/2025/1`, { version: 0, batas: iso(5 * 60 * 60_000) });
      assert.equal(r.statusCode, 409, 'a deadline edited from a stale read');
      const konflik = r.json<{ error: string; current: { version: number; batas: string; pengecualian: unknown[] } }>();
      assert.equal(konflik.error, 'versi-usang');
      assert.deepEqual([konflik.current.version, konflik.current.batas, konflik.current.pengecualian.length], [1, iso(60 * 60_000), 1]);
      assert.equal(await jejak(h.db, h.pemda.id), stale, 'a stale deadline write changed data');
      r = await admin.req('GET', `/api/pemda/${h.pemda.slug}/tenggat/2025/1`);
      assert.equal(r.json<{ version: number }>().version, 1);

      r = await unit.req('PUT', entri(2025, 1), { nilai: 5, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      h.jam.maju(2 * 60 * 60_000);

      r = await unit.req('GET', `${base}/tahun/2025/triwulan/1/entri`);
      const list = r.json<{ terkunci: boolean; alasan?: string; tenggat?: string; indikator: Entri[] }>();
      assert.equal(list.terkunci, true);
      assert.match(list.alasan ?? '', /tenggat/);
      assert.equal(list.indikator.find((i) => i.kode === 'IKU-1')?.bolehUbah, false);
      for (const [who, method, url, body] of [
        [unit, 'PUT', entri(2025, 1), { nilai: 6, version: 1 }],
        [perencana, 'PUT', entri(2025, 1), { nilai: 6, version: 1 }],
        [unit, 'POST', `${entri(2025, 1)}/ajukan`, { version: 1 }],
      ] as const) {
        r = await who.req(method, url, body);
        assert.equal(r.statusCode, 423, `${who.username} ${url}`);
        assert.equal(r.json<{ error: string; alasan: string }>().error, 'terkunci');
      }
      r = await kabidHi.req('PUT', entri(2025, 1, 'IKU-2'), { pembilang: 3, penyebut: 4, version: 0 });
      assert.equal(r.statusCode, 200, 'bidang-hi has until its own deadline');
      r = await kabidHi.req('GET', `${base}/tahun/2025/triwulan/1/entri`);
      assert.equal(r.json<{ terkunci: boolean }>().terkunci, false);
      h.jam.maju(2 * 60 * 60_000);
      r = await kabidHi.req('PUT', entri(2025, 1, 'IKU-2'), { pembilang: 4, penyebut: 4, version: 1 });
      assert.equal(r.statusCode, 423);
    });

    it('Renja indicators are entered by the unit of their node', async () => {
      const kode = '2.07.03.2.01.0001#1';
      let r = await unit.req('PUT', entri(2023, 2, kode), { nilai: 40, version: 0 });
      assert.equal(r.statusCode, 200, r.body);
      const e = r.json<Entri>();
      assert.deepEqual([e.jenis, e.unit, e.satuan, e.target], ['renja', ['uptd-blk'], 'Orang', 76]);
      r = await kabidHi.req('PUT', entri(2023, 2, kode), { nilai: 41, version: 1 });
      assert.equal(r.statusCode, 403);
      r = await unit.req('PUT', entri(2023, 2, 'TIDAK-ADA'), { nilai: 41, version: 0 });
      assert.equal(r.statusCode, 404);
    });
  });
}
