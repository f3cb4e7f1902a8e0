/**
 * The LKJIP narrative API: readers of the OPD read, the perencana and kepala of the OPD edit,
 * refusals change nothing, another pemda gets 404, a stale write gets 409 with the current
 * narrative, each changed field leaves an audit row with before and after, and a saved
 * paragraph appears in the generated LKJIP where the placeholder was.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import * as t from '../db/schema.ts';
import { loadDataset } from '../db/dataset-repository.ts';
import { testDatabases } from '../db/testing.ts';
import { renderDocx } from '../report/docx.ts';
import { daftarPlaceholder, susunLkjip } from '../report/lkjip.ts';
import { bacaDocx } from '../report/testing.ts';
import { type Harness, type Klien, type NamaDemo, siapkan } from './testing.ts';

const PEMBACA = ['admin.paser', 'perencana.disnakertrans', 'kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser'] as const;
const KEPALA_UNIT = ['kabid.p2k', 'kabid.hi', 'sekretaris.disnakertrans', 'kabid.transmigrasi', 'kabid.p2k2'] as const;
const SEMUA: readonly NamaDemo[] = [...PEMBACA, ...KEPALA_UNIT];
const PENGUBAH: readonly NamaDemo[] = ['perencana.disnakertrans', 'kepala.disnakertrans'];

interface NarasiOpd {
  bagian: Array<{ kunci: string; teks: string[]; kosong: boolean; wajib: boolean }>;
  sasaran: Array<{ kode: string; nomor: number; isian: Record<string, string[]>; kosong: string[] }>;
  version: number;
  bolehUbah: boolean;
}

async function jejakNarasi(h: Harness, pemdaId: string): Promise<string> {
  const audit = await h.db.select().from(t.auditLog).where(eq(t.auditLog.pemdaId, pemdaId)).orderBy(asc(t.auditLog.id));
  const tahun = await h.db.select().from(t.tahunOpd).where(eq(t.tahunOpd.pemdaId, pemdaId)).orderBy(asc(t.tahunOpd.id));
  return JSON.stringify({ audit, tahun });
}

const kosongSasaran = { output: [], outcome: [], sebab: [], solusi: [], kekuatan: [], upaya: [] };

for (const kind of testDatabases()) {
  describe(`LKJIP narrative API [${kind.name}]`, () => {
    let h: Harness;
    const klien = new Map<NamaDemo, Klien>();
    const as = (n: NamaDemo) => {
      const k = klien.get(n);
      if (!k) throw new Error(n);
      return k;
    };
    let base: string;
    let lain: Klien;
    const baca = async (n: NamaDemo = 'perencana.disnakertrans') => (await as(n).req('GET', base)).json<NarasiOpd>();

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun/2023/narasi`;
      for (const n of SEMUA) klien.set(n, await h.masuk(n));
      lain = await h.masuk('perencana.disnakertrans', await h.pemdaBaru());
    });
    after(() => h.close());

    it('reads: readers of the OPD see every section and sasaran; unit heads 403; another pemda 404', async () => {
      for (const n of SEMUA) {
        const r = await as(n).req('GET', base);
        assert.equal(r.statusCode, (PEMBACA as readonly string[]).includes(n) ? 200 : 403, `${n}: ${r.body}`);
      }
      assert.equal((await lain.req('GET', base)).statusCode, 404);
      const n = await baca();
      assert.deepEqual(
        n.bagian.map((b) => b.kunci),
        ['latarBelakang', 'maksudTujuan', 'kendala', 'langkahMengatasi', 'faktorKeberhasilan', 'permasalahan', 'langkahKedepan', 'penutup'],
      );
      // The reference LKJIP writes every section and the narrative of its four sasaran.
      assert.ok(n.bagian.every((b) => !b.kosong));
      assert.equal(n.sasaran.length, 4);
      assert.ok(n.version >= 1);
      assert.equal(n.bolehUbah, true);
      assert.equal((await baca('pimpinan.paser')).bolehUbah, false);
    });

    it('every narrative route is in the OpenAPI document', async () => {
      const doc = (await h.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      const r = '/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}/narasi';
      assert.ok(doc.paths[r]?.['get']);
      assert.ok(doc.paths[`${r}/bagian/{bagian}`]?.['put']);
      assert.ok(doc.paths[`${r}/sasaran/{kode}`]?.['put']);
    });

    it('a section: refused for others without change, 404 elsewhere, 400 on bad input, 409 when stale, audited', async () => {
      const n0 = await baca();
      const url = `${base}/bagian/kendala`;
      const body = { version: n0.version, teks: ['Jaringan internet di kantor UPT belum stabil.', '  ', 'Data perusahaan belum lengkap.'] };
      for (const n of SEMUA.filter((x) => !PENGUBAH.includes(x))) {
        const sebelum = await jejakNarasi(h, h.pemda.id);
        const r = await as(n).req('PUT', url, body);
        assert.equal(r.statusCode, 403, `${n}: ${r.body}`);
        assert.equal(await jejakNarasi(h, h.pemda.id), sebelum);
      }
      const sebelum = await jejakNarasi(h, h.pemda.id);
      assert.equal((await lain.req('PUT', url, body)).statusCode, 404);
      assert.equal((await as('perencana.disnakertrans').req('PUT', `${base}/bagian/bukanBagian`, body)).statusCode, 400);
      const panjang = await as('perencana.disnakertrans').req('PUT', url, { version: n0.version, teks: ['x'.repeat(5001)] });
      assert.equal(panjang.statusCode, 400, panjang.body);
      assert.equal(await jejakNarasi(h, h.pemda.id), sebelum);

      const lamaKendala = n0.bagian.find((b) => b.kunci === 'kendala')?.teks;
      const r = await as('perencana.disnakertrans').req('PUT', url, body);
      assert.equal(r.statusCode, 200, r.body);
      const n1 = r.json<NarasiOpd>();
      assert.equal(n1.version, n0.version + 1);
      assert.deepEqual(n1.bagian.find((b) => b.kunci === 'kendala')?.teks, ['Jaringan internet di kantor UPT belum stabil.', 'Data perusahaan belum lengkap.']);

      const audit = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'narasi'), eq(t.auditLog.field, 'kendala')));
      assert.equal(audit.length, 1);
      assert.deepEqual(audit[0]?.oldValue, lamaKendala);
      assert.deepEqual(audit[0]?.newValue, n1.bagian.find((b) => b.kunci === 'kendala')?.teks);

      // The kepala edits another section with the version read before the perencana's save: 409 with the current narrative.
      const stale = await as('kepala.disnakertrans').req('PUT', `${base}/bagian/permasalahan`, { version: n0.version, teks: ['lama'] });
      assert.equal(stale.statusCode, 409, stale.body);
      const cur = stale.json<{ error: string; current: NarasiOpd }>();
      assert.equal(cur.error, 'versi-usang');
      assert.equal(cur.current.version, n1.version);
      assert.deepEqual(cur.current.bagian.find((b) => b.kunci === 'kendala')?.teks, n1.bagian.find((b) => b.kunci === 'kendala')?.teks);
      const ok = await as('kepala.disnakertrans').req('PUT', `${base}/bagian/permasalahan`, { version: n1.version, teks: ['Anggaran pelatihan terbatas.'] });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    it('a sasaran: emptied fields are flagged and become placeholders; a saved paragraph replaces the placeholder in the .docx', async () => {
      const n0 = await baca();
      const s = n0.sasaran[0];
      assert.ok(s);
      const urlS = `${base}/sasaran/${encodeURIComponent(s.kode)}`;
      assert.equal((await as('perencana.disnakertrans').req('PUT', `${base}/sasaran/TIDAK-ADA`, { version: n0.version, ...kosongSasaran })).statusCode, 404);
      const r1 = await as('perencana.disnakertrans').req('PUT', urlS, { version: n0.version, ...kosongSasaran });
      assert.equal(r1.statusCode, 200, r1.body);
      const n1 = r1.json<NarasiOpd>();
      assert.deepEqual(n1.sasaran[0]?.kosong, ['sebab', 'solusi', 'upaya']);
      const r2 = await as('perencana.disnakertrans').req('PUT', `${base}/bagian/latarBelakang`, { version: n1.version, teks: [] });
      assert.equal(r2.statusCode, 200);
      const n2 = r2.json<NarasiOpd>();
      assert.equal(n2.bagian.find((b) => b.kunci === 'latarBelakang')?.kosong, true);

      const lkjip = async () => {
        const d = await loadDataset(h.db, h.pemda.slug);
        assert.ok(d);
        const model = susunLkjip(d, 'disnakertrans', 2023, { lampiranPk: false });
        return { placeholders: daftarPlaceholder(model), teks: (await bacaDocx(await renderDocx(model))).paragraf.join('\n') };
      };
      const kosong = await lkjip();
      assert.ok(kosong.placeholders.includes(`penyebab capaian sasaran ${s.nomor}`), kosong.placeholders.join(' | '));
      assert.ok(kosong.placeholders.includes('latar belakang'));
      assert.match(kosong.teks, new RegExp(`\\[Belum diisi: penyebab capaian sasaran ${s.nomor}\\]`));

      const sebab = 'Pelatihan berbasis kompetensi diikuti 240 pencari kerja pada tahun 2023.';
      const r3 = await as('kepala.disnakertrans').req('PUT', urlS, { version: n2.version, ...kosongSasaran, sebab: [sebab], upaya: ['Menambah kelas pelatihan.'] });
      assert.equal(r3.statusCode, 200, r3.body);
      assert.deepEqual(r3.json<NarasiOpd>().sasaran[0]?.kosong, []);
      const latar = 'Laporan ini disusun sebagai wujud akuntabilitas kinerja tahun 2023.';
      const r4 = await as('perencana.disnakertrans').req('PUT', `${base}/bagian/latarBelakang`, { version: r3.json<NarasiOpd>().version, teks: [latar] });
      assert.equal(r4.statusCode, 200);

      const isi = await lkjip();
      assert.ok(!isi.placeholders.includes(`penyebab capaian sasaran ${s.nomor}`));
      assert.ok(!isi.placeholders.includes(`solusi dan upaya sasaran ${s.nomor}`));
      assert.ok(!isi.placeholders.includes('latar belakang'));
      assert.ok(!isi.teks.includes(`[Belum diisi: penyebab capaian sasaran ${s.nomor}]`));
      assert.ok(isi.teks.includes(sebab));
      assert.ok(isi.teks.includes(latar));

      const audit = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'narasi'), eq(t.auditLog.entityKey, `disnakertrans/2023/sasaran/${s.kode}`)))
        .orderBy(asc(t.auditLog.at), asc(t.auditLog.id));
      assert.ok(audit.some((a) => a.field === 'sebab' && JSON.stringify(a.oldValue) === '[]' && JSON.stringify(a.newValue) === JSON.stringify([sebab])));
      assert.ok(audit.some((a) => a.field === 'upaya' && JSON.stringify(a.newValue) === JSON.stringify(['Menambah kelas pelatihan.'])));
      assert.ok(audit.some((a) => a.field === 'sebab' && JSON.stringify(a.oldValue) === JSON.stringify(s.isian['sebab'])));
    });
  });
}
