/**
 * Imports and restores keep ids and versions (a stale edit stays stale after them), and the CLI
 * and the HTTP import are one service: they refuse the same things with the same words.
 */
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { and, eq } from 'drizzle-orm';
import { registerExchangeCommands } from '../cli/exchange-commands.ts';
import * as t from '../db/schema.ts';
import { testDatabases } from '../db/testing.ts';
import { ImporError } from '../exchange/galat.ts';
import { bukuSederhana } from '../exchange/testing.ts';
import { type Harness, type Klien, multipart, siapkan } from './testing.ts';

const RENJA_2024 = [
  ['Kode', 'Uraian', 'Indikator', 'Target', 'Satuan', 'Pagu'],
  ['2', 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar', null, null, null, null],
  ['2.07', 'Urusan Pemerintahan Bidang Tenaga Kerja', null, null, null, null],
  ['2.07.03', 'Program Pelatihan Kerja dan Produktivitas Tenaga Kerja', 'Persentase peserta pelatihan yang kompeten', 80, '%', 750_000_000],
  ['2.07.03.2.01', 'Pelaksanaan Pelatihan berdasarkan Unit Kompetensi', 'Jumlah peserta pelatihan', 120, 'Orang', 750_000_000],
  ['2.07.03.2.01.0001', 'Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan bagi Pencari Kerja', 'Jumlah paket pelatihan', 6, 'Paket', 750_000_000],
];

interface Entri {
  nilai: number | null;
  version: number;
}

for (const kind of testDatabases()) {
  describe(`imports keep versions; CLI and HTTP refuse alike [${kind.name}]`, () => {
    let h: Harness;
    let unit: Klien;
    let perencana: Klien;
    let admin: Klien;
    let base: string;
    const dir = mkdtempSync(join(tmpdir(), 'sikiper-impor-'));
    const entri = (tahun: number, tw: number) => `${base}/tahun/${tahun}/triwulan/${tw}/entri/IKU-1`;

    before(async () => {
      h = await siapkan(kind);
      base = `/api/pemda/${h.pemda.slug}/opd/disnakertrans`;
      unit = await h.masuk('kabid.p2k');
      perencana = await h.masuk('perencana.disnakertrans');
      admin = await h.masuk('admin.paser');
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const bacaEntri = async (tw: number): Promise<Entri> => {
      const r = await unit.req('GET', `${base}/tahun/2024/triwulan/${tw}/entri`);
      assert.equal(r.statusCode, 200, r.body);
      const e = r.json<{ indikator: Array<Entri & { kode: string }> }>().indikator.find((x) => x.kode === 'IKU-1');
      assert.ok(e, 'IKU-1 is in the list');
      return e;
    };

    const simpanEntri = async (tw: number, nilai: number, version: number) => {
      const r = await unit.req('PUT', entri(2024, tw), { nilai, version });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<Entri>();
    };

    /** Preview then commit of one workbook, as the web app does. */
    const impor = async (k: Klien, url: string, nama: string, isi: Buffer) => {
      const m = multipart(nama, isi);
      const p = await k.req('POST', `${url}/pratinjau`, m.body, m.headers);
      if (p.statusCode !== 200) return p;
      const sha = p.json<{ berkas: { sha256: string } }>().berkas.sha256;
      const m2 = multipart(nama, isi);
      return k.req('POST', `${url}/simpan?sha256=${sha}`, m2.body, m2.headers);
    };

    it('an entry saved three times keeps version 3 through an import of its year, and a stale save is still refused', async () => {
      let e = await simpanEntri(1, 10, 0);
      e = await simpanEntri(1, 11, e.version);
      e = await simpanEntri(1, 12, e.version);
      assert.equal(e.version, 3);

      const s = await impor(perencana, `${base}/tahun/2024/impor/renja`, 'renja-2024.xlsx', await bukuSederhana({ Renja: RENJA_2024 }));
      assert.equal(s.statusCode, 200, s.body);

      const sesudah = await bacaEntri(1);
      assert.deepEqual([sesudah.nilai, sesudah.version], [12, 3], 'the import left the entry as it was');
      const usang = await unit.req('PUT', entri(2024, 1), { nilai: 99, version: 1 });
      assert.equal(usang.statusCode, 409, usang.body);
      assert.equal((await bacaEntri(1)).nilai, 12);
    });

    it('saves made while an import of the same OPD-year commits answer 200 or 409, never 500, and none is lost', async () => {
      const buku = await bukuSederhana({ Renja: RENJA_2024.map((r, i) => (i === 3 ? [...r.slice(0, 5), 800_000_000] : r)) });
      const m = multipart('renja-2024b.xlsx', buku);
      const p = await perencana.req('POST', `${base}/tahun/2024/impor/renja/pratinjau`, m.body, m.headers);
      assert.equal(p.statusCode, 200, p.body);
      const sha = p.json<{ berkas: { sha256: string } }>().berkas.sha256;
      const m2 = multipart('renja-2024b.xlsx', buku);
      let version = (await bacaEntri(3)).version;
      const simpan = async () => {
        const r = await unit.req('PUT', entri(2024, 3), { nilai: version + 1, version });
        if (r.statusCode === 200) version = r.json<Entri>().version;
        return r.statusCode;
      };
      const [imporStatus, ...saves] = await Promise.all([
        perencana.req('POST', `${base}/tahun/2024/impor/renja/simpan?sha256=${sha}`, m2.body, m2.headers).then((r) => r.statusCode),
        ...Array.from({ length: 8 }, simpan),
      ]);
      assert.equal(imporStatus, 200);
      assert.ok(saves.every((s) => s === 200 || s === 409), `saves answered ${saves.join(', ')}`);
      const akhir = await bacaEntri(3);
      assert.equal(akhir.version, version, 'the last acknowledged save is the stored one');
    });

    it('a restore never moves a version back: an edit made before the restore is stale after it', async () => {
      let e = await simpanEntri(2, 20, 0);
      const cadangan = await admin.req('GET', `/api/pemda/${h.pemda.slug}/cadangan`);
      assert.equal(cadangan.statusCode, 200);
      e = await simpanEntri(2, 21, e.version);
      assert.equal(e.version, 2);

      const isi = cadangan.rawPayload;
      const m = multipart('cadangan.sikiper.gz', isi);
      const p = await admin.req('POST', `/api/pemda/${h.pemda.slug}/cadangan/pratinjau`, m.body, m.headers);
      assert.equal(p.statusCode, 200, p.body);
      const sha = p.json<{ berkas: { sha256: string } }>().berkas.sha256;
      const m2 = multipart('cadangan.sikiper.gz', isi);
      const r = await admin.req('POST', `/api/pemda/${h.pemda.slug}/cadangan/pulihkan?sha256=${sha}`, m2.body, m2.headers);
      assert.equal(r.statusCode, 200, r.body);

      const pulih = await bacaEntri(2);
      assert.equal(pulih.nilai, 20, 'the backup’s value is back');
      assert.equal(pulih.version, 3, 'as a new version of the row, not version 1 again');
      for (const stale of [1, 2]) {
        const usang = await unit.req('PUT', entri(2024, 2), { nilai: 99, version: stale });
        assert.equal(usang.statusCode, 409, `version ${stale}: ${usang.body}`);
      }
    });

    /** The CLI's import-realisasi command, run in this process on the test database. */
    const cli = async (file: string, tahun: number, commit: boolean): Promise<{ keluar: string[]; galat: string[] }> => {
      const keluar: string[] = [];
      const program = new Command().exitOverride();
      registerExchangeCommands(program, {
        withDatabase: (f) => f({ db: h.db, kind: kind.kind }),
        usageError: (m) => new Error(m),
        print: (s) => keluar.push(s),
      });
      try {
        await program.parseAsync(['import-realisasi', file, '--pemda', h.pemda.slug, '--opd', 'disnakertrans', '--tahun', String(tahun), ...(commit ? ['--commit'] : [])], { from: 'user' });
        return { keluar, galat: [] };
      } catch (e) {
        if (e instanceof ImporError) return { keluar, galat: e.galat.map((g) => g.pesan) };
        throw e;
      }
    };

    const http = async (tahun: number, nama: string, isi: Buffer): Promise<{ status: number; galat: string[] }> => {
      const r = await impor(perencana, `${base}/tahun/${tahun}/impor/realisasi`, nama, isi);
      return { status: r.statusCode, galat: r.statusCode === 422 ? r.json<{ galat: Array<{ pesan: string }> }>().galat.map((g) => g.pesan) : [] };
    };

    it('an approved entry and a signed-off year are refused by the CLI and over HTTP with the same message', async () => {
      // 2023 of the reference data is approved.
      const buku = await bukuSederhana({ 'Realisasi Kinerja': [['Kode Indikator', 'Triwulan', 'Pembilang', 'Penyebut'], ['IKU-1', 3, 18, 27]] });
      const file = join(dir, 'realisasi.xlsx');
      await writeFile(file, buku);
      const lewatHttp = await http(2023, 'realisasi.xlsx', buku);
      const lewatCli = await cli(file, 2023, true);
      assert.equal(lewatHttp.status, 422);
      assert.ok(lewatHttp.galat.some((g) => /sudah disetujui dan terkunci/.test(g)), lewatHttp.galat.join('; '));
      assert.deepEqual(lewatCli.galat, lewatHttp.galat);

      // 2025 signed off by the head of the OPD: every import of it is refused, by both.
      const [kepala] = await h.db
        .select({ id: t.pengguna.id })
        .from(t.pengguna)
        .where(and(eq(t.pengguna.pemdaId, h.pemda.id), eq(t.pengguna.username, `kepala.disnakertrans${h.pemda.akhiran}`)));
      assert.ok(kepala);
      await h.db.insert(t.pengesahanTahun).values({ pemdaId: h.pemda.id, id: crypto.randomUUID(), opdSlug: 'disnakertrans', tahun: 2025, penggunaId: kepala.id, pada: new Date('2026-01-31T00:00:00Z') });
      const sahHttp = await http(2025, 'realisasi.xlsx', buku);
      const sahCli = await cli(file, 2025, true);
      assert.equal(sahHttp.status, 422);
      assert.equal(sahHttp.galat.length, 1);
      assert.match(sahHttp.galat[0] ?? '', /tahun 2025 OPD "disnakertrans" telah disahkan kepala OPD/);
      assert.deepEqual(sahCli.galat, sahHttp.galat);
      // The preview (no --commit) says it too.
      assert.deepEqual((await cli(file, 2025, false)).galat, sahHttp.galat);
    });

    it('a quarter past its deadline takes no realisasi import, from the CLI or over HTTP', async () => {
      const r = await admin.req('PUT', `/api/pemda/${h.pemda.slug}/tenggat/2026/1`, { batas: '2026-01-15T00:00:00.000Z', pengecualian: [], version: 0 });
      assert.ok(r.statusCode === 200 || r.statusCode === 201, r.body);
      const buku = await bukuSederhana({ 'Realisasi Kinerja': [['Kode Indikator', 'Triwulan', 'Nilai'], ['IKU-1', 1, 5]] });
      const file = join(dir, 'tw1.xlsx');
      await writeFile(file, buku);
      // The harness clock stands at 1 March 2024; the CLI uses the real clock, later than both.
      h.jam.maju(Date.parse('2026-02-01T00:00:00Z') - h.jam.now().getTime());
      perencana = await h.masuk('perencana.disnakertrans');
      const lewatHttp = await http(2026, 'tw1.xlsx', buku);
      const lewatCli = await cli(file, 2026, true);
      assert.equal(lewatHttp.status, 422, lewatHttp.galat.join('; '));
      assert.match(lewatHttp.galat[0] ?? '', /tenggat pengisian triwulan 1 telah lewat/);
      assert.deepEqual(lewatCli.galat, lewatHttp.galat);
    });
  });
}
