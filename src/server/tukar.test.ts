/**
 * Import, export and backup over HTTP: preview writes nothing, commit applies exactly the
 * previewed file and is audited, bad files and forbidden roles get 4xx and change nothing, and a
 * backup restores to identical capaian and anggaran figures.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadDataset } from '../db/dataset-repository.ts';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { bukuSederhana } from '../exchange/testing.ts';
import { type Harness, jejak, type Klien, multipart, type NamaDemo, PDF, siapkan } from './testing.ts';

const RENJA_2024 = [
  ['Kode', 'Uraian', 'Indikator', 'Target', 'Satuan', 'Pagu'],
  ['2', 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar', null, null, null, null],
  ['2.07', 'Urusan Pemerintahan Bidang Tenaga Kerja', null, null, null, null],
  ['2.07.03', 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', 'Persentase peserta pelatihan yang kompeten', 80, '%', 750_000_000],
  ['2.07.03.2.01', 'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi', 'Jumlah peserta pelatihan', 120, 'Orang', 750_000_000],
  ['2.07.03.2.01.0001', 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja', 'Jumlah paket pelatihan', 6, 'Paket', 750_000_000],
];

const KODE_DPA = '2.07.03.2.01.0001';

for (const kind of testDatabases()) {
  describe(`exchange over HTTP [${kind.name}]`, () => {
    let h: Harness;
    let base: string;
    const klien = new Map<NamaDemo, Klien>();
    const as = async (n: NamaDemo) => {
      let k = klien.get(n);
      if (!k) {
        k = await h.masuk(n);
        klien.set(n, k);
      }
      return k;
    };
    /** Everything an import or restore could change: the pemda's dataset and the application tables. */
    const keadaan = async () => JSON.stringify({ d: await loadDataset(h.db, h.pemda.slug), j: await jejak(h.db, h.pemda.id) });

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans/tahun`;
    });
    after(() => h.close());

    const unggah = async (n: NamaDemo, url: string, nama: string, isi: Buffer) => {
      const m = multipart(nama, isi);
      return (await as(n)).req('POST', url, m.body, m.headers);
    };

    it('Renja: the preview says what will be created and writes nothing; the commit applies that file, audited', async () => {
      const buku = await bukuSederhana({ Renja: RENJA_2024 });
      const sebelum = await keadaan();
      const p = await unggah('perencana.disnakertrans', `${base}/2024/impor/renja/pratinjau`, 'renja-2024.xlsx', buku);
      assert.equal(p.statusCode, 200, p.body);
      const pr = p.json<{ berkas: { sha256: string; nama: string }; pratinjau: { renja: { baru: boolean; tambah: Array<{ kode: string }>; hapus: unknown[] } }; ditulis: boolean }>();
      assert.equal(pr.ditulis, false);
      assert.equal(pr.berkas.nama, 'renja-2024.xlsx');
      assert.equal(pr.pratinjau.renja.baru, true);
      assert.deepEqual(
        pr.pratinjau.renja.tambah.map((x) => x.kode),
        RENJA_2024.slice(1).map((r) => r[0]),
      );
      assert.equal(await keadaan(), sebelum, 'a preview changed data');

      // Another file under the previewed checksum is refused.
      const lain = await bukuSederhana({ Renja: RENJA_2024.map((r, i) => (i === 5 ? [...r.slice(0, 5), 1] : r)) });
      const salah = await unggah('perencana.disnakertrans', `${base}/2024/impor/renja/simpan?sha256=${pr.berkas.sha256}`, 'renja-2024.xlsx', lain);
      assert.equal(salah.statusCode, 409, salah.body);
      assert.equal(salah.json<{ error: string }>().error, 'berkas-berbeda');
      assert.equal(await keadaan(), sebelum);

      const s = await unggah('perencana.disnakertrans', `${base}/2024/impor/renja/simpan?sha256=${pr.berkas.sha256}`, 'renja-2024.xlsx', buku);
      assert.equal(s.statusCode, 200, s.body);
      assert.equal(s.json<{ ditulis: boolean }>().ditulis, true);
      const d = await loadDataset(h.db, h.pemda.slug);
      const tahun = d?.opd.find((o) => o.slug === 'disnakertrans')?.tahun.find((x) => x.tahun === 2024);
      const sub = tahun?.renja.find((r) => r.versi === 'murni')?.node.find((n) => n.kode === KODE_DPA);
      assert.equal(sub?.pagu, 750_000_000);
      assert.equal(sub?.indikator[0]?.target, 6);

      const perencana = await as('perencana.disnakertrans');
      const audit = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'impor-renja')));
      assert.equal(audit.length, 1);
      const [row] = audit;
      assert.equal(row?.entityKey, 'disnakertrans/2024/murni');
      const [user] = await h.db.select({ id: t.pengguna.id }).from(t.pengguna).where(and(eq(t.pengguna.pemdaId, h.pemda.id), eq(t.pengguna.username, perencana.username)));
      assert.equal(row?.penggunaId, user?.id);
      const baru = row?.newValue as { sha256: string; renja: { tambah: string[] } };
      assert.equal(baru.sha256, pr.berkas.sha256);
      assert.equal(baru.renja.tambah.length, RENJA_2024.length - 1);
    });

    it('bad files get 4xx with located messages and write nothing', async () => {
      const url = `${base}/2024/impor/renja/pratinjau`;
      const sebelum = await keadaan();
      const galatDari = (r: { json: <T>() => T }) => r.json<{ galat: Array<{ lokasi: string; pesan: string; lembar?: string; baris?: number; kolom?: string }> }>().galat;

      const pdf = await unggah('perencana.disnakertrans', url, 'renja.xlsx', PDF);
      assert.equal(pdf.statusCode, 422, pdf.body);
      assert.match(galatDari(pdf)[0]?.pesan ?? '', /PDF/);

      const rumus = await bukuSederhana({ Renja: RENJA_2024.map((r, i) => (i === 4 ? [...r.slice(0, 5), { formula: 'F6*2', result: 1_500_000_000 }] : r)) });
      const rr = await unggah('perencana.disnakertrans', url, 'renja.xlsx', rumus);
      assert.equal(rr.statusCode, 422, rr.body);
      const g1 = galatDari(rr).find((g) => g.kolom === 'F');
      assert.equal(g1?.lembar, 'Renja');
      assert.equal(g1?.baris, 5);
      assert.match(g1?.pesan ?? '', /rumus/i);
      assert.match(g1?.lokasi ?? '', /^Renja!F5/);

      const ref = await bukuSederhana({ Renja: RENJA_2024.map((r, i) => (i === 3 ? [r[0], r[1], r[2], { error: '#REF!' }, r[4], r[5]] : r)) });
      const rf = await unggah('perencana.disnakertrans', url, 'renja.xlsx', ref);
      assert.equal(rf.statusCode, 422, rf.body);
      const g2 = galatDari(rf).find((g) => g.kolom === 'D');
      assert.equal(g2?.baris, 4);
      assert.match(g2?.pesan ?? '', /#REF!/);

      const besar = Buffer.concat([await bukuSederhana({ Renja: RENJA_2024 }), Buffer.alloc(10 * 1024 * 1024 + 1)]);
      const b = await unggah('perencana.disnakertrans', url, 'renja.xlsx', besar);
      assert.equal(b.statusCode, 413, b.body);
      assert.match(galatDari(b)[0]?.pesan ?? '', /10 MB/);

      const kosong = await bukuSederhana({ Renja: [...RENJA_2024, ['2.07.03.2.01.0002', null, 'Jumlah modul', 'banyak', 'Modul', 10]] });
      const k = await unggah('perencana.disnakertrans', url, 'renja.xlsx', kosong);
      assert.equal(k.statusCode, 422, k.body);
      assert.ok(galatDari(k).some((g) => g.baris === 7 && g.kolom === 'B'), k.body);
      assert.ok(galatDari(k).some((g) => g.baris === 7 && g.kolom === 'D'), k.body);

      assert.equal(await keadaan(), sebelum, 'a refused file changed data');
    });

    it('roles without the right get 403 and nothing changes; keuangan imports budget realisation only', async () => {
      const renja = await bukuSederhana({ Renja: RENJA_2024 });
      const sebelum = await keadaan();
      for (const n of ['kepala.disnakertrans', 'keuangan.disnakertrans', 'inspektorat.paser', 'pimpinan.paser', 'kabid.hi'] as const) {
        for (const tahap of ['pratinjau', `simpan?sha256=${'0'.repeat(64)}`]) {
          const r = await unggah(n, `${base}/2024/impor/renja/${tahap}`, 'renja.xlsx', renja);
          assert.equal(r.statusCode, 403, `${n} ${tahap}: ${r.body}`);
        }
      }
      const kinerja = await bukuSederhana({ 'Realisasi Kinerja': [['Kode Indikator', 'Triwulan', 'Pembilang', 'Penyebut'], ['IKU-1', 3, 18, 27]] });
      for (const n of ['keuangan.disnakertrans', 'kepala.disnakertrans', 'kabid.p2k', 'admin.paser'] as const) {
        const r = await unggah(n, `${base}/2023/impor/realisasi/pratinjau`, 'realisasi.xlsx', kinerja);
        assert.equal(r.statusCode, 403, `${n}: ${r.body}`);
      }
      for (const n of ['admin.paser', 'kepala.disnakertrans', 'perencana.disnakertrans'] as const) {
        const r = await (await as(n)).req('GET', `/api/pemda/${h.pemda.slug}/cadangan`);
        assert.equal(r.statusCode, n === 'admin.paser' ? 200 : 403, n);
      }
      assert.equal(await keadaan(), sebelum, 'a refused request changed data');

      const anggaran = await bukuSederhana({ 'Realisasi Anggaran': [['Kode', 'Realisasi (Rp)'], [KODE_DPA, 1_000_000]] });
      const p = await unggah('keuangan.disnakertrans', `${base}/2023/impor/realisasi/pratinjau`, 'anggaran.xlsx', anggaran);
      assert.equal(p.statusCode, 200, p.body);
      const pr = p.json<{ berkas: { sha256: string }; pratinjau: { anggaran: { ubah: Array<{ kode: string; medan: Array<{ medan: string; baru: string }> }> } } }>();
      assert.deepEqual(pr.pratinjau.anggaran.ubah.map((x) => [x.kode, x.medan[0]?.baru]), [[KODE_DPA, 'Rp1.000.000']]);
    });

    it('realisasi: the planner imports performance realisasi; approved entries stay locked', async () => {
      const buku = await bukuSederhana({ 'Realisasi Kinerja': [['Kode Indikator', 'Triwulan', 'Pembilang', 'Penyebut'], ['IKU-1', 3, 18, 27]] });
      const sebelum = await keadaan();
      // 2023 is approved in the reference dataset: the row is refused where it is.
      const kunci = await unggah('perencana.disnakertrans', `${base}/2023/impor/realisasi/pratinjau`, 'realisasi.xlsx', buku);
      assert.equal(kunci.statusCode, 422, kunci.body);
      const g = kunci.json<{ galat: Array<{ lokasi: string; pesan: string }> }>().galat;
      assert.ok(g.some((x) => x.lokasi.startsWith("'Realisasi Kinerja'!A2") && /terkunci/.test(x.pesan)), kunci.body);
      assert.equal(await keadaan(), sebelum);
      // 2024 has no realisasi yet: one new entry, submitted for verification.
      const p = await unggah('perencana.disnakertrans', `${base}/2024/impor/realisasi/pratinjau`, 'realisasi.xlsx', buku);
      assert.equal(p.statusCode, 200, p.body);
      const pr = p.json<{ berkas: { sha256: string }; pratinjau: { status: string; kinerja: { tambah: Array<{ kode: string }> } } }>();
      assert.equal(pr.pratinjau.status, 'diajukan');
      assert.deepEqual(pr.pratinjau.kinerja.tambah.map((x) => x.kode), ['IKU-1 TW3']);
      const s = await unggah('perencana.disnakertrans', `${base}/2024/impor/realisasi/simpan?sha256=${pr.berkas.sha256}`, 'realisasi.xlsx', buku);
      assert.equal(s.statusCode, 200, s.body);
      const d = await loadDataset(h.db, h.pemda.slug);
      const e = d?.opd[0]?.tahun.find((x) => x.tahun === 2024)?.realisasi.find((x) => x.indikator === 'IKU-1' && x.triwulan === 3);
      assert.deepEqual([e?.pembilang, e?.penyebut, e?.status], [18, 27, 'diajukan']);
    });

    it('the OpenAPI document describes the exchange routes', async () => {
      const doc = (await h.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
      const opd = '/api/pemda/{pemda}/opd/{opd}/tahun/{tahun}';
      for (const [path, method] of [
        [`${opd}/impor/{jenis}/pratinjau`, 'post'],
        [`${opd}/impor/{jenis}/simpan`, 'post'],
        [`${opd}/ekspor/{tabel}`, 'get'],
        ['/api/pemda/{pemda}/templat/{jenis}', 'get'],
        ['/api/pemda/{pemda}/cadangan', 'get'],
        ['/api/pemda/{pemda}/cadangan/pratinjau', 'post'],
        ['/api/pemda/{pemda}/cadangan/pulihkan', 'post'],
      ] as const) {
        assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
      }
    });

    it('backup: download, change, restore gives identical capaian and anggaran; into a fresh pemda too', async () => {
      const admin = await as('admin.paser');
      const tabel = async (k: Klien, slug: string) => {
        const out: unknown[] = [];
        for (const x of ['capaian', 'anggaran']) {
          const r = await k.req('GET', `/api/pemda/${slug}/opd/disnakertrans/tahun/2023/${x}`);
          assert.equal(r.statusCode, 200, r.body);
          // The same figures under another slug are the same figures.
          out.push({ ...r.json<object>(), pemda: '-' });
        }
        return out;
      };
      const awal = await tabel(admin, h.pemda.slug);
      const dl = await admin.req('GET', `/api/pemda/${h.pemda.slug}/cadangan`);
      assert.equal(dl.statusCode, 200);
      assert.equal(dl.headers['content-type'], 'application/gzip');
      const cadangan = dl.rawPayload;
      assert.equal(cadangan[0], 0x1f);

      // A change after the backup: budget realisation of 2023.
      const anggaran = await bukuSederhana({ 'Realisasi Anggaran': [['Kode', 'Realisasi (Rp)'], [KODE_DPA, 1_000_000]] });
      const p = await unggah('keuangan.disnakertrans', `${base}/2023/impor/realisasi/pratinjau`, 'anggaran.xlsx', anggaran);
      const sha = p.json<{ berkas: { sha256: string } }>().berkas.sha256;
      assert.equal((await unggah('keuangan.disnakertrans', `${base}/2023/impor/realisasi/simpan?sha256=${sha}`, 'anggaran.xlsx', anggaran)).statusCode, 200);
      const berubah = await tabel(admin, h.pemda.slug);
      assert.notDeepEqual(berubah, awal);
      const cadanganBerubah = (await admin.req('GET', `/api/pemda/${h.pemda.slug}/cadangan`)).rawPayload;
      const dataBerubah = await loadDataset(h.db, h.pemda.slug);

      const url = `/api/pemda/${h.pemda.slug}/cadangan`;
      const pv = await unggah('admin.paser', `${url}/pratinjau`, 'cadangan.sikiper.gz', cadangan);
      assert.equal(pv.statusCode, 200, pv.body);
      const info = pv.json<{ berkas: { sha256: string }; pemda: { slug: string }; asal: string; isi: { opd: number; nodeRenja: number }; dipulihkan: boolean }>();
      assert.equal(info.pemda.slug, h.pemda.slug);
      assert.equal(info.asal, h.pemda.slug);
      assert.equal(info.isi.opd, 1);
      assert.equal(info.dipulihkan, false);
      const pl = await unggah('admin.paser', `${url}/pulihkan?sha256=${info.berkas.sha256}`, 'cadangan.sikiper.gz', cadangan);
      assert.equal(pl.statusCode, 200, pl.body);
      assert.deepEqual(await tabel(admin, h.pemda.slug), awal);
      const audit = await h.db.select().from(t.auditLog).where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'cadangan')));
      assert.equal(audit.length, 1);

      // The changed state into a fresh pemda of a fresh database (PGlite) or another pemda (shared PostgreSQL).
      const h2 = await siapkan(kind);
      try {
        const admin2 = await h2.masuk('admin.paser');
        assert.notDeepEqual(await tabel(admin2, h2.pemda.slug), berubah);
        const lainSebelum = JSON.stringify(await loadDataset(h2.db, h2.pemda.slug));
        const pv2 = multipart('cadangan.sikiper.gz', cadanganBerubah);
        const info2 = (await admin2.req('POST', `/api/pemda/${h2.pemda.slug}/cadangan/pratinjau`, pv2.body, pv2.headers)).json<{ berkas: { sha256: string }; asal: string; pemda: { slug: string } }>();
        assert.equal(info2.asal, h.pemda.slug);
        assert.equal(info2.pemda.slug, h2.pemda.slug);
        const m = multipart('cadangan.sikiper.gz', cadanganBerubah);
        const tanpa = await admin2.req('POST', `/api/pemda/${h2.pemda.slug}/cadangan/pulihkan?sha256=${info2.berkas.sha256}`, m.body, m.headers);
        assert.equal(tanpa.statusCode, 422, tanpa.body);
        assert.equal(tanpa.json<{ error: string }>().error, 'cadangan-pemda-lain');
        assert.equal(JSON.stringify(await loadDataset(h2.db, h2.pemda.slug)), lainSebelum);
        const m2 = multipart('cadangan.sikiper.gz', cadanganBerubah);
        const ok = await admin2.req('POST', `/api/pemda/${h2.pemda.slug}/cadangan/pulihkan?sha256=${info2.berkas.sha256}&pemdaLain=true`, m2.body, m2.headers);
        assert.equal(ok.statusCode, 200, ok.body);
        assert.deepEqual(await tabel(admin2, h2.pemda.slug), berubah);
        const asli = dataBerubah;
        const pulih = await loadDataset(h2.db, h2.pemda.slug);
        assert.deepEqual({ ...pulih, pemda: { ...pulih?.pemda, slug: 'x' } }, { ...asli, pemda: { ...asli?.pemda, slug: 'x' } });
        assert.notEqual(JSON.stringify(pulih), lainSebelum);
        // The first pemda was not touched by the restore into the second.
        assert.deepEqual(await tabel(admin, h.pemda.slug), awal);
      } finally {
        await h2.close();
      }
    });

    it('a corrupted or foreign-version backup is refused with a clear message and changes nothing', async () => {
      const admin = await as('admin.paser');
      const dl = await admin.req('GET', `/api/pemda/${h.pemda.slug}/cadangan`);
      const rusak = Buffer.from(dl.rawPayload);
      rusak[Math.floor(rusak.length / 2)] = (rusak[Math.floor(rusak.length / 2)] ?? 0) ^ 0xff;
      const asing = gzipSync(JSON.stringify({ format: 'sikiper-backup', version: 99, createdAt: '2030-01-01T00:00:00Z', schemaMigration: 'x', pemda: [], sha256: '0' }));
      const sebelum = await keadaan();
      const url = `/api/pemda/${h.pemda.slug}/cadangan`;
      for (const [isi, pola] of [
        [rusak, /rusak|checksum/],
        [asing, /versi cadangan 99/],
        [PDF, /bukan berkas cadangan/],
      ] as const) {
        const r = await unggah('admin.paser', `${url}/pratinjau`, 'cadangan.sikiper.gz', isi);
        assert.equal(r.statusCode, 422, r.body);
        assert.match(r.json<{ message: string }>().message, pola);
        const sha = r.json<{ berkas: { sha256: string } }>().berkas.sha256;
        const p = await unggah('admin.paser', `${url}/pulihkan?sha256=${sha}`, 'cadangan.sikiper.gz', isi);
        assert.equal(p.statusCode, 422, p.body);
      }
      assert.equal(await keadaan(), sebelum);
    });

    it('table export: the groups the web app shows, Indonesian number formats, frozen headers', async () => {
      const k = await as('inspektorat.paser');
      const r = await k.req('GET', `${base}/2023/ekspor/anggaran`);
      assert.equal(r.statusCode, 200, r.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
      const names = wb.worksheets.map((w) => w.name);
      assert.ok(names.includes('Kelompok Belanja'), names.join());
      assert.ok(!names.includes('Renja') && !names.includes('Tabel 3.3'), names.join());
      const ws = wb.getWorksheet('Kelompok Belanja');
      assert.equal(ws?.views[0]?.state, 'frozen');
      const rupiah = ws?.getRow(4).values as unknown[] | undefined;
      assert.ok(rupiah?.some((v) => typeof v === 'number'));
      const cap = await k.req('GET', `${base}/2023/ekspor/capaian`);
      const wb2 = new ExcelJS.Workbook();
      await wb2.xlsx.load(cap.rawPayload as unknown as ExcelJS.Buffer);
      assert.equal(wb2.worksheets[0]?.name, 'Tabel 3.3');
      assert.ok(!wb2.worksheets.some((w) => w.name === 'Kelompok Belanja'));
      assert.equal((await (await as('kabid.hi')).req('GET', `${base}/2023/ekspor/capaian`)).statusCode, 403);
      const tpl = await k.req('GET', `/api/pemda/${h.pemda.slug}/templat/renja`);
      assert.equal(tpl.statusCode, 200);
      assert.equal(tpl.rawPayload.subarray(0, 2).toString(), 'PK');
    });
  });
}
