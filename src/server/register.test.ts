/**
 * Registers over HTTP on the reference data: IKU-2 follows a changed register row through the
 * explanation, the dashboard and the LKJIP, with the change in the audit log; personal columns
 * are masked per role and in exports; an import with errors is refused whole, with located
 * errors, and writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadDataset } from '../db/dataset-repository.ts';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { susunLkjip } from '../report/lkjip.ts';
import { type Harness, jejak, multipart } from './testing.ts';

interface Baris {
  id: string;
  nilai: Record<string, string | number | boolean | null>;
  version: number;
}

for (const kind of testDatabases()) {
  describe(`registers over HTTP [${kind.name}]`, () => {
    let h: Harness;
    let base: string;
    before(async () => {
      h = await siapkanHarness(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
    });
    after(() => h.close());

    const iku2Dasbor = async () => {
      const k = await h.masuk('kepala.disnakertrans');
      const r = await k.req('GET', `${base}/tahun/2023/dashboard`);
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json<{ capaian: { sasaran: Array<{ indikator: Array<{ kode: string; realisasi: number }> }> } }>();
      return body.capaian.sasaran.flatMap((s) => s.indikator).find((i) => i.kode === 'IKU-2')?.realisasi;
    };

    it('IKU-2 comes from the register; changing a row changes explanation, dashboard and report, and is audited', async () => {
      const perencana = await h.masuk('perencana.disnakertrans');
      const p0 = await perencana.req('GET', `${base}/tahun/2023/indikator/IKU-2/penjelasan`);
      assert.equal(p0.statusCode, 200, p0.body);
      assert.equal(p0.json<{ realisasi: { nilai: number } }>().realisasi.nilai, 61.54);
      assert.equal(await iku2Dasbor(), 61.54);

      const rows = await perencana.req('GET', `${base}/register/kasus_hi/baris`);
      assert.equal(rows.statusCode, 200, rows.body);
      const row = rows.json<{ baris: Baris[] }>().baris.find((b) => b.id === 'hi-2023-10-1');
      assert.ok(row);
      assert.equal(row.nilai.hasil, 'Anjuran');
      const put = await perencana.req('PUT', `${base}/register/kasus_hi/baris/hi-2023-10-1`, { nilai: { ...row.nilai, hasil: 'PB' }, version: row.version });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json<Baris>().version, row.version + 1);

      const p1 = await perencana.req('GET', `${base}/tahun/2023/indikator/IKU-2/penjelasan`);
      const pj = p1.json<{ triwulan: Array<{ pembilang: number; penyebut: number }>; realisasi: { nilai: number } }>();
      assert.deepEqual([pj.triwulan[0]?.pembilang, pj.triwulan[0]?.penyebut], [9, 13]);
      assert.equal(pj.realisasi.nilai, 69.23);
      assert.equal(await iku2Dasbor(), 69.23);
      const d = await loadDataset(h.db, h.pemda.slug);
      assert.ok(d);
      const report = JSON.stringify(susunLkjip(d, 'disnakertrans', 2023));
      assert.ok(report.includes('9/13 × 100 = 69,23%'), 'LKJIP Tabel 3.2 shows the new figure');
      assert.ok(!report.includes('8/13 × 100 = 61,54%'));

      const audit = await h.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entity, 'register_baris'), eq(t.auditLog.entityKey, 'disnakertrans/kasus_hi/hi-2023-10-1')));
      assert.equal(audit.length, 1);
      assert.equal((audit[0]?.oldValue as { hasil?: string }).hasil, 'Anjuran');
      assert.equal((audit[0]?.newValue as { hasil?: string }).hasil, 'PB');
      assert.ok(audit[0]?.penggunaId);

      // A stale version is refused and changes nothing.
      const stale = await perencana.req('PUT', `${base}/register/kasus_hi/baris/hi-2023-10-1`, { nilai: row.nilai, version: row.version });
      assert.equal(stale.statusCode, 409);
      // Adding and deleting a row are audited too.
      const add = await perencana.req('POST', `${base}/register/kasus_hi/baris`, { id: 'hi-baru', nilai: { bulan: 9, tahun: 2023, perusahaan: 'PT. Uji', hasil: 'PB' } });
      assert.equal(add.statusCode, 200, add.body);
      assert.equal((await perencana.req('GET', `${base}/tahun/2023/indikator/IKU-2/penjelasan`)).json<{ realisasi: { nilai: number } }>().realisasi.nilai, 71.43);
      const del = await perencana.req('DELETE', `${base}/register/kasus_hi/baris/hi-baru?version=1`);
      assert.equal(del.statusCode, 204, del.body);
      const trail = await h.db.select().from(t.auditLog).where(and(eq(t.auditLog.pemdaId, h.pemda.id), eq(t.auditLog.entityKey, 'disnakertrans/kasus_hi/hi-baru')));
      assert.deepEqual(trail.map((x) => [x.oldValue === null, x.newValue === null]).sort(), [[false, true], [true, false]]);
    });

    it("a unit head reads the explanation of its own unit's indicator only, like its capaian and history", async () => {
      // IKU-1 belongs to bidang-p2k and uptd-blk (kabid.p2k), IKU-2 to bidang-hi (kabid.hi).
      const p2k = await h.masuk('kabid.p2k');
      const hi = await h.masuk('kabid.hi');
      const jelaskan = (k: typeof p2k, kode: string) => k.req('GET', `${base}/tahun/2023/indikator/${kode}/penjelasan`);
      const own = await jelaskan(p2k, 'IKU-1');
      assert.equal(own.statusCode, 200, own.body);
      assert.equal((await jelaskan(hi, 'IKU-2')).statusCode, 200);
      for (const [k, kode] of [[hi, 'IKU-1'], [p2k, 'IKU-2']] as const) {
        const r = await jelaskan(k, kode);
        assert.equal(r.statusCode, 403, `${k.username} ${kode}: ${r.body}`);
        assert.ok(!r.body.includes('pembilang') && !r.body.includes('penyebut'));
        // The same refusal as the history of that indicator's entry.
        assert.equal((await k.req('GET', `${base}/tahun/2023/triwulan/1/entri/${kode}/riwayat`)).statusCode, 403);
      }
      // Whoever reads the whole OPD reads every indicator's explanation.
      for (const n of ['kepala.disnakertrans', 'inspektorat.paser', 'pimpinan.paser'] as const) {
        assert.equal((await jelaskan(await h.masuk(n), 'IKU-1')).statusCode, 200, n);
      }
    });

    it('a row that does not fit its columns is refused with the column named', async () => {
      const perencana = await h.masuk('perencana.disnakertrans');
      const r = await perencana.req('POST', `${base}/register/kasus_hi/baris`, { nilai: { bulan: 13, tahun: 2023, perusahaan: 'PT', hasil: 'pb' } });
      assert.equal(r.statusCode, 400);
      const issues = r.json<{ issues: Array<{ path: string; message: string }> }>().issues;
      assert.ok(issues.some((i) => i.path === 'nilai.hasil' && /bukan pilihan/.test(i.message)), r.body);
      const earlier = await perencana.req('POST', `${base}/register/kasus_hi/baris`, { nilai: { bulan: 3, tahun: 2023, perusahaan: 'PT', hasil: 'PB' } });
      assert.equal(earlier.statusCode, 400);
      assert.match(earlier.body, /sudah diwakili total impor/);
    });

    it('personal columns are masked unless the actor manages the register, in rows and in exports', async () => {
      const perencana = await h.masuk('perencana.disnakertrans');
      const kepala = await h.masuk('kepala.disnakertrans');
      const kabid = await h.masuk('kabid.p2k');
      // The seed already masks the other personal columns; a real name shows the difference.
      const first = (await perencana.req('GET', `${base}/register/penempatan_alumni/baris`)).json<{ baris: Baris[] }>().baris[0];
      assert.ok(first);
      const ubah = await perencana.req('PUT', `${base}/register/penempatan_alumni/baris/${first.id}`, { nilai: { ...first.nilai, nama: 'Siti Aminah', telepon: '0812 5501' }, version: first.version });
      assert.equal(ubah.statusCode, 200, ubah.body);

      const lihat = async (k: typeof perencana) => {
        const r = await k.req('GET', `${base}/register/penempatan_alumni/baris`);
        assert.equal(r.statusCode, 200, r.body);
        const b = r.json<{ kelola: boolean; baris: Baris[] }>();
        return { kelola: b.kelola, row: b.baris.find((x) => x.id === first.id) };
      };
      const asPerencana = await lihat(perencana);
      assert.equal(asPerencana.kelola, true);
      assert.equal(asPerencana.row?.nilai.nama, 'Siti Aminah');
      for (const k of [kepala, kabid]) {
        const x = await lihat(k);
        assert.equal(x.kelola, false);
        assert.equal(x.row?.nilai.nama, '(disamarkan)');
        assert.equal(x.row?.nilai.telepon, '(disamarkan)');
        assert.equal(x.row?.nilai.program, first.nilai.program);
      }
      const refused = await kepala.req('PUT', `${base}/register/penempatan_alumni/baris/${first.id}`, { nilai: first.nilai, version: 2 });
      assert.equal(refused.statusCode, 403);

      const sel = async (k: typeof perencana, q: string) => {
        const r = await k.req('GET', `${base}/register/penempatan_alumni/ekspor.xlsx${q}`);
        if (r.statusCode !== 200) return r.statusCode;
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
        const ws = wb.worksheets[0];
        assert.ok(ws);
        return JSON.stringify(ws.getSheetValues());
      };
      const masked = await sel(perencana, '');
      assert.ok(typeof masked === 'string' && !masked.includes('Siti Aminah') && masked.includes('(disamarkan)'));
      const full = await sel(perencana, '?pribadi=1');
      assert.ok(typeof full === 'string' && full.includes('Siti Aminah'));
      assert.equal(await sel(kepala, '?pribadi=1'), 403);
      const penjelasan = await perencana.req('GET', `${base}/tahun/2023/indikator/IKU-1/penjelasan`);
      assert.ok(!penjelasan.body.includes('Siti Aminah') && !penjelasan.body.includes('0812'));
    });

    it('an import with errors is refused whole, errors located by row and column; a clean one lands', async () => {
      const perencana = await h.masuk('perencana.disnakertrans');
      const csv = ['Skema;TUK / kejuruan;Tanggal mulai;Jumlah asesi;Jumlah kompeten', 'Las;Teknik Las;02/10/2023;16;10', 'Roti;Processing;2023-11-05;enam belas;12', 'Jahit;Garmen;;16;8'].join('\n');
      const before = await jejak(h.db, h.pemda.id);
      const rowsBefore = (await perencana.req('GET', `${base}/register/uji_kompetensi/baris`)).json<{ baris: Baris[] }>().baris.length;
      const m = multipart('uji.csv', Buffer.from(csv), 'text/csv');
      const bad = await perencana.req('POST', `${base}/register/uji_kompetensi/impor`, m.body, m.headers);
      assert.equal(bad.statusCode, 400, bad.body);
      const issues = bad.json<{ issues: Array<{ path: string; message: string }> }>().issues;
      assert.deepEqual(
        issues.map((i) => i.path),
        ['baris 3, kolom asesi', 'baris 4, kolom tanggal_mulai'],
      );
      assert.equal(await jejak(h.db, h.pemda.id), before);
      assert.equal((await perencana.req('GET', `${base}/register/uji_kompetensi/baris`)).json<{ baris: Baris[] }>().baris.length, rowsBefore);

      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('uji');
      ws.addRow(['id', 'skema', 'tanggal_mulai', 'asesi', 'kompeten']);
      ws.addRow(['uk-2023-9', 'Las', new Date(Date.UTC(2023, 9, 2)), 16, 10]);
      const ok = multipart('uji.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      const good = await perencana.req('POST', `${base}/register/uji_kompetensi/impor`, ok.body, ok.headers);
      assert.equal(good.statusCode, 200, good.body);
      assert.deepEqual(good.json(), { ditambah: 1, diubah: 0 });
      // IKU-1 TW4 = 22 / (58 + 10).
      const p = (await perencana.req('GET', `${base}/tahun/2023/indikator/IKU-1/penjelasan`)).json<{ triwulan: Array<{ penyebut: number | null }> }>();
      assert.equal(p.triwulan[3]?.penyebut, 68);
      const kepala = await h.masuk('kepala.disnakertrans');
      const again = multipart('uji.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      assert.equal((await kepala.req('POST', `${base}/register/uji_kompetensi/impor`, again.body, again.headers)).statusCode, 403);
    });

    it('an import takes time linear in its rows (counted operations, not a clock) and refuses more than 50.000 rows', async () => {
      const perencana = await h.masuk('perencana.disnakertrans');
      const url = `${base}/register/uji_kompetensi/impor`;
      // Every row has a problem (asesi is not a number): the case where each cell searched the whole list of problems.
      const csv = (n: number) => ['Skema;Tanggal mulai;Jumlah asesi;Jumlah kompeten', ...Array.from({ length: n }, (_, i) => `S${i};02/10/2031;x${i};1`)].join('\n');
      const asli = Array.prototype.some;
      const hitungSome = async (n: number) => {
        let panggilan = 0;
        Array.prototype.some = function <T>(this: T[], f: (v: T, i: number, a: T[]) => unknown, t?: unknown) {
          return asli.call(this, (v: T, i: number, a: T[]) => {
            panggilan++;
            return f.call(t, v, i, a);
          });
        };
        try {
          const m = multipart('uji.csv', Buffer.from(csv(n)), 'text/csv');
          const r = await perencana.req('POST', url, m.body, m.headers);
          assert.equal(r.statusCode, 400, r.body);
          assert.equal(r.json<{ issues: unknown[] }>().issues.length, n);
        } finally {
          Array.prototype.some = asli;
        }
        return panggilan;
      };
      const kecil = await hitungSome(500);
      const besar = await hitungSome(2000);
      // Four times the rows: about four times the work when linear, sixteen when quadratic.
      assert.ok(besar < 6 * kecil, `500 rows: ${kecil} predicate calls, 2.000 rows: ${besar}`);

      // The column count of a sheet walks every row: it is read once per file, not once per row.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('uji');
      ws.addRow(['skema', 'tanggal_mulai', 'asesi', 'kompeten']);
      for (let i = 0; i < 300; i++) ws.addRow([`S${i}`, '2031-10-02', `x${i}`, 1]);
      const xlsx = multipart('uji.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      const proto = Object.getPrototypeOf(ws) as object;
      const columnCount = Object.getOwnPropertyDescriptor(proto, 'columnCount');
      // eslint-disable-next-line @typescript-eslint/unbound-method -- the getter is called with the worksheet as `this`
      const ambil = columnCount?.get;
      assert.ok(columnCount && ambil);
      let bacaan = 0;
      Object.defineProperty(proto, 'columnCount', {
        ...columnCount,
        get(this: ExcelJS.Worksheet) {
          bacaan++;
          return ambil.call(this) as number;
        },
      });
      try {
        const r = await perencana.req('POST', url, xlsx.body, xlsx.headers);
        assert.equal(r.statusCode, 400, r.body);
      } finally {
        Object.defineProperty(proto, 'columnCount', columnCount);
      }
      assert.ok(bacaan <= 2, `columnCount read ${bacaan} times for 300 rows`);

      // 50.001 rows: refused with the limit named, nothing written.
      const before = await jejak(h.db, h.pemda.id);
      const panjang = ['Skema;Tanggal mulai;Jumlah asesi;Jumlah kompeten', ...Array.from({ length: 50_001 }, (_, i) => `S${i};02/10/2031;16;1`)].join('\n');
      const m = multipart('panjang.csv', Buffer.from(panjang), 'text/csv');
      const r = await perencana.req('POST', url, m.body, m.headers);
      assert.equal(r.statusCode, 413, r.body.slice(0, 300));
      assert.deepEqual(r.json(), {
        error: 'berkas-terlalu-besar',
        message: 'berkas berisi lebih dari 50.000 baris data, melebihi batas 50.000 baris per impor; bagi menjadi beberapa berkas',
      });
      assert.equal(await jejak(h.db, h.pemda.id), before);
    });
  });
}

async function siapkanHarness(kind: Parameters<typeof import('./testing.ts').siapkan>[0]) {
  const { siapkan } = await import('./testing.ts');
  return siapkan(kind);
}
