/** The `sikiper` command as a user runs it, on an embedded database in a temporary folder. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

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

  it('paket-reviu writes the e-SAKIP review package: seven PDFs and a manifest whose hashes match', async () => {
    const out = join(dir, 'paket.zip');
    const r = sikiper('paket-reviu', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /PAKET-REVIU-ESAKIP-paser-disnakertrans-2023\.zip ditulis ke .* 7 dokumen/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const m = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '{}') as { berkas: Array<{ jenis: string; namaBerkas: string; sha256: string; ukuran: number }> };
    assert.deepEqual(m.berkas.map((b) => b.jenis), ['RENSTRA', 'IKU', 'RENJA', 'PK', 'RENCANA-AKSI', 'LKJIP', 'TINDAK-LANJUT-EVALUASI']);
    for (const b of m.berkas) {
      const isi = await zip.file(b.namaBerkas)?.async('nodebuffer');
      assert.ok(isi, b.namaBerkas);
      assert.equal(createHash('sha256').update(isi).digest('hex'), b.sha256, b.namaBerkas);
      assert.match(r.out, new RegExp(`${b.namaBerkas}  ${b.sha256}`));
    }
    assert.equal(sikiper('paket-reviu', '--pemda', 'paser', '--opd', 'dinkes', '--tahun', '2023', '--out', out).code, 1);
  });

  it('indikator explain prints the formula, the value per quarter and the rows behind it, without personal columns', () => {
    const r = sikiper('indikator', 'explain', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--indikator', 'IKU-2', '--json');
    assert.equal(r.code, 0, r.err);
    const p = JSON.parse(r.out) as {
      rumus: { pembilang: string; penyebut: string };
      triwulan: Array<{ pembilang: number; penyebut: number; nilai: number; agregat: Array<{ baris: string[]; totalImpor: string[] }> }>;
      kumulatif: Array<{ triwulan: number; nilai: number | null }>;
      register: Array<{ kode: string; baris: Array<{ id: string }> }>;
    };
    assert.equal(p.rumus.pembilang, 'hitung(kasus_hi, hasil = "PB")');
    assert.deepEqual([p.triwulan[0]?.pembilang, p.triwulan[0]?.penyebut, p.triwulan[0]?.nilai], [8, 13, 61.54]);
    assert.deepEqual(p.triwulan[0]?.agregat[0]?.totalImpor, ['hi-2023-01-07']);
    // Cumulative to September: 6 of 8; January–June cut through the imported January–July total.
    assert.deepEqual(p.kumulatif.map((k) => k.nilai), [null, null, 75, 61.54]);
    assert.equal(p.register[0]?.baris.length, 7);

    const iku1 = sikiper('indikator', 'explain', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--indikator', 'IKU-1', '--json');
    assert.equal(iku1.code, 0, iku1.err);
    assert.doesNotMatch(iku1.out, /PESERTA|disamarkan|"kode": "(nama|telepon|alamat|ttl)"/);
    assert.match(iku1.out, /"kode": "program"/);
    assert.match(iku1.out, /"penyebut": 58/);

    const text = sikiper('indikator', 'explain', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--indikator', 'IKU-1');
    assert.match(text.out, /TW3 \(bulan 1–9\) = 18\/27: 66,67 \[angka impor\]/);
    assert.match(text.out, /realisasi 2023: 26,15; capaian: 87,17/);
    const none = sikiper('indikator', 'explain', '--pemda', 'paser', '--opd', 'disnakertrans', '--tahun', '2023', '--indikator', 'IKU-3');
    assert.equal(none.code, 1);
    assert.match(none.err, /IKU-3" tidak dihitung dari register/);
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
