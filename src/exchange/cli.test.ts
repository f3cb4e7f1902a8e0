/** The exchange commands as the CLI runs them, on a test database. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Command } from 'commander';
import { registerExchangeCommands } from '../cli/exchange-commands.ts';
import type { Db } from '../db/client.ts';
import { loadDataset, saveDataset } from '../db/dataset-repository.ts';
import { randomSlug, testDatabases } from '../db/testing.ts';
import { formatGalat, ImporError } from './galat.ts';
import { bacaBerkasImpor } from './impor.ts';
import { bukuSederhana, datasetReferensi } from './testing.ts';
import { DISAMARKAN, isPribadi, samarkanDataset } from '../dataset/register.ts';

class SalahPakai extends Error {}

const dir = mkdtempSync(join(tmpdir(), 'sikiper-exchange-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const kind of testDatabases()) {
  void describe(`exchange commands [${kind.name}]`, () => {
    let db: Db;
    let close: (() => Promise<void>) | undefined;
    const slug = randomSlug('cli');
    let out: string[] = [];

    before(async () => {
      const opened = await kind.open();
      db = opened.db;
      close = opened.close;
      await saveDataset(db, await datasetReferensi(slug));
    });
    after(async () => close?.());

    async function sikiper(...args: string[]): Promise<string> {
      out = [];
      const program = new Command('sikiper').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
      registerExchangeCommands(program, { withDatabase: (f) => f({ db, kind: kind.kind }), usageError: (m) => new SalahPakai(m), print: (s) => out.push(s) });
      await program.parseAsync(args, { from: 'user' });
      return out.join('\n');
    }
    const file = (name: string) => join(dir, `${kind.name}-${name}`);

    void test('export writes JSON and .xlsx that import reads back identically; export-tabel and the templates write workbooks', async () => {
      const original = await loadDataset(db, slug);
      assert.match(
        await sikiper('export', '--pemda', slug, '--format', 'xlsx', '--out', file('d.xlsx'), '--dengan-data-pribadi'),
        /diekspor ke .*d\.xlsx \(xlsx, [\d.]+ KB\)/,
      );
      await sikiper('export', '--pemda', slug, '--out', file('d.json'), '--dengan-data-pribadi');
      assert.deepStrictEqual(await bacaBerkasImpor(file('d.xlsx')), original);
      assert.deepStrictEqual(await bacaBerkasImpor(file('d.json')), original);
      assert.deepStrictEqual(JSON.parse(readFileSync(file('d.json'), 'utf8')), original);

      // Without the flag, the registers' personal columns are masked, and nothing else changes.
      assert.ok(original);
      await sikiper('export', '--pemda', slug, '--out', file('samar.json'));
      const samar = await bacaBerkasImpor(file('samar.json'));
      assert.deepStrictEqual(samar, samarkanDataset(original));
      const pribadi = original.opd.flatMap((o) =>
        o.register.flatMap((r) => r.baris.flatMap((b) => r.kolom.filter(isPribadi).map((k) => b.nilai[k.kode]))),
      );
      const nama = pribadi.filter((v): v is string => typeof v === 'string' && v !== DISAMARKAN && v.length > 2);
      assert.ok(nama.length > 0, 'the reference registers hold personal data');
      const teks = readFileSync(file('samar.json'), 'utf8');
      for (const v of nama) assert.ok(!teks.includes(JSON.stringify(v)), `personal value ${v} in the default export`);
      assert.deepStrictEqual(samar.opd.map((o) => o.register.map((r) => r.baris.length)), original.opd.map((o) => o.register.map((r) => r.baris.length)));

      assert.match(await sikiper('export-tabel', '--pemda', slug, '--opd', 'disnakertrans', '--tahun', '2023', '--out', file('t.xlsx')), /tabel disnakertrans 2023 ditulis/);
      await sikiper('template', 'renja', '--out', file('renja.xlsx'));
      await sikiper('template', 'realisasi', '--out', file('realisasi.xlsx'));
      assert.ok(existsSync(file('t.xlsx')) && existsSync(file('realisasi.xlsx')));
      await assert.rejects(sikiper('export', '--pemda', slug, '--format', 'xlsx'), /ekspor \.xlsx memerlukan --out/);
      await assert.rejects(sikiper('export', '--pemda', 'tidak-ada', '--out', file('x.json')), SalahPakai);
    });

    void test('import-renja previews without --commit, writes with it; errors are thrown located, after the preview', async () => {
      await sikiper('template', 'renja', '--out', file('renja.xlsx'));
      const preview = await sikiper('import-renja', file('renja.xlsx'), '--pemda', slug, '--opd', 'disnakertrans', '--tahun', '2025');
      assert.match(preview, /Renja murni \(baru\): 5 ditambah, 0 diubah, 0 dihapus, 0 tetap/);
      assert.match(preview, /pratinjau saja, tidak ada yang disimpan/);
      assert.equal((await loadDataset(db, slug))?.opd[0]?.tahun.some((t) => t.tahun === 2025), false);
      assert.match(await sikiper('import-renja', file('renja.xlsx'), '--pemda', slug, '--opd', 'disnakertrans', '--tahun', '2025', '--commit'), /disimpan\./);
      assert.equal((await loadDataset(db, slug))?.opd[0]?.tahun.find((t) => t.tahun === 2025)?.renja[0]?.node.length, 5);

      writeFileSync(file('salah.xlsx'), await bukuSederhana({ Renja: [['Kode', 'Uraian', 'Pagu'], ['2', 'Urusan', null], ['2.07', 'Bidang', 'satu juta']] }));
      const err = await sikiper('import-renja', file('salah.xlsx'), '--pemda', slug, '--opd', 'disnakertrans', '--tahun', '2025', '--commit').catch((e: unknown) => e);
      assert.ok(err instanceof ImporError);
      assert.deepEqual(err.galat.map(formatGalat), ['Renja!C3 (Pagu): "satu juta" bukan angka rupiah']);
      assert.match(err.message, /salah\.xlsx: Renja!C3 \(Pagu\): "satu juta" bukan angka rupiah/);
      assert.match(out.join('\n'), /Pratinjau impor Renja murni 2025/);

      // The template's example rows are approved entries of 2023: the preview says they stay locked, as the web app does.
      const kunci = await sikiper('import-realisasi', file('realisasi.xlsx'), '--pemda', slug, '--opd', 'disnakertrans', '--tahun', '2023', '--json').catch((e: unknown) => e);
      assert.ok(kunci instanceof ImporError);
      assert.ok(kunci.galat.length > 0 && kunci.galat.every((g) => /sudah disetujui dan terkunci/.test(g.pesan)), kunci.message);
      const json = JSON.parse(out.join('\n')) as { ditulis: boolean; galat: unknown[]; pratinjau: { status: string } };
      assert.deepEqual([json.ditulis, json.galat.length, json.pratinjau.status], [false, kunci.galat.length, 'diajukan']);
    });

    void test('backup and restore through the commands', async () => {
      const before = await loadDataset(db, slug);
      assert.match(await sikiper('backup', '--out', file('b.gz'), '--pemda', slug), new RegExp(`cadangan 1 pemda \\(${slug}\\)`));
      const changed = structuredClone(before!);
      changed.pemda.nama = 'Berubah';
      await saveDataset(db, changed);
      assert.match(await sikiper('restore', file('b.gz')), new RegExp(`dipulihkan ke ${kind.kind}: 1 pemda \\(${slug}\\)`));
      assert.deepStrictEqual(await loadDataset(db, slug), before);
      writeFileSync(file('bukan.gz'), 'halo');
      await assert.rejects(sikiper('restore', file('bukan.gz')), /bukan berkas cadangan SIKIPER \(bukan gzip\)/);
    });
  });
}
