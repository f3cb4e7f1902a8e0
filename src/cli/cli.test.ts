/** The `sikiper` command as a user runs it, on an embedded database in a temporary folder. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sikiper-cli-'));
const env = { ...process.env, SIKIPER_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

function sikiper(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/sikiper.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('sikiper CLI [pglite folder]', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the reference dataset, then prints capaian, anggaran and check as JSON', () => {
    const imp = sikiper('import', 'fixtures/paser-2023');
    assert.equal(imp.code, 0, imp.err);
    assert.match(imp.out, /diimpor: pemda paser, 1 OPD, tahun 2021, 2022, 2023/);

    const cap = sikiper('capaian', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--json');
    assert.equal(cap.code, 0, cap.err);
    const c = JSON.parse(cap.out) as { sasaran: Array<{ capaian: number; indikator: Array<{ kode: string; capaian: number }> }>; rataRata: { capaian: number } };
    assert.deepEqual(c.sasaran.flatMap((s) => s.indikator.map((i) => [i.kode, i.capaian])), [['IKU-1', 87.17], ['IKU-2', 153.85], ['IKU-3', 101.6], ['IKU-4', 100]]);
    // Seed: 110,65 (see docs/seed-discrepancies.md K1).
    assert.equal(c.rataRata.capaian, 110.66);

    const ang = sikiper('anggaran', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--json');
    assert.equal(ang.code, 0, ang.err);
    assert.equal((JSON.parse(ang.out) as { total: { serapan: number } }).total.serapan, 95.4);

    const chk = sikiper('check', '--pemda', 'paser', '--json');
    assert.equal(chk.code, 0, chk.err);
    const k = JSON.parse(chk.out) as { jumlah: number; temuan: Array<{ aturan: string; lokasi: string }> };
    assert.equal(k.jumlah, 7);
    assert.ok(k.temuan.every((t) => t.lokasi.startsWith('disnakertrans / 2023')));

    const text = sikiper('capaian', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023');
    assert.match(text.out, /Rata-rata capaian kinerja .* 110,66/);
  });

  it('export writes what import reads back', () => {
    const file = join(dir, 'paser.json');
    const exp = sikiper('export', '--pemda', 'paser', '--out', file);
    assert.equal(exp.code, 0, exp.err);
    const again = sikiper('import', file);
    assert.equal(again.code, 0, again.err);
    const cap = sikiper('capaian', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--json');
    assert.equal((JSON.parse(cap.out) as { rataRata: { capaian: number } }).rataRata.capaian, 110.66);
  });

  it('a bad dataset is refused with its file and path, and changes nothing', () => {
    const file = join(dir, 'bad.json');
    const good = JSON.parse(readFileSync(join(dir, 'paser.json'), 'utf8')) as { opd: Array<{ tahun: Array<{ anggaran: Array<{ baris: Array<{ pagu: unknown }> }> }> }> };
    good.opd[0]!.tahun[2]!.anggaran[0]!.baris[0]!.pagu = 12.5;
    writeFileSync(file, JSON.stringify(good));
    const r = sikiper('import', file);
    assert.equal(r.code, 1);
    assert.match(r.err, /bad\.json: opd\[0\]\.tahun\[2\]\.anggaran\[0\]\.baris\[0\]\.pagu: rupiah harus bilangan bulat/);
    assert.match(r.err, /tidak ada yang diubah/);
    const ang = sikiper('anggaran', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--json');
    assert.equal((JSON.parse(ang.out) as { total: { pagu: number } }).total.pagu, 18_820_531_793);
  });

  it('unknown pemda and bad arguments are clear errors', () => {
    const r = sikiper('capaian', '--pemda', 'tidak-ada', '--opd', 'x', '--tahun', '2023');
    assert.equal(r.code, 1);
    assert.match(r.err, /pemda "tidak-ada" tidak ada di basis data \(yang ada: paser\)/);
    const y = sikiper('capaian', '--pemda', 'paser', '--opd', 'x', '--tahun', '23');
    assert.notEqual(y.code, 0);
    assert.match(y.err, /tahun harus empat angka/);
  });
});
