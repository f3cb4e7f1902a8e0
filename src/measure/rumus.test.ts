/**
 * IKU 1 and IKU 2 of the Paser LKJIP 2023 computed from the reference dataset's registers
 * (Lampiran V dispute cases, competency tests, alumni placements), and what changes when a
 * register row changes. Expected figures are the seed's (Tabel 3.2).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError, bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset, IndikatorData, OpdData } from '../dataset/schema.ts';
import { toJson } from '../engine/index.ts';
import { hitungCapaian } from './capaian.ts';
import { barisDipakai, hitungRumus } from './rumus.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

function ind(opd: OpdData, kode: string): IndikatorData {
  const i = opd.renstra.flatMap((r) => r.sasaran.flatMap((s) => s.indikator)).find((x) => x.kode === kode);
  assert.ok(i, kode);
  return i;
}
function realisasi(d: Dataset, kode: string) {
  const i = hitungCapaian(d, 'disnakertrans', 2023).sasaran.flatMap((s) => s.indikator).find((x) => x.kode === kode);
  assert.ok(i, kode);
  return i;
}
/** A deep copy with one change, so each test starts from the fixture. */
function ubah(d: Dataset, f: (opd: OpdData) => void): Dataset {
  const copy = structuredClone(d);
  const opd = copy.opd[0];
  assert.ok(opd);
  f(opd);
  return copy;
}

describe('indicators computed from registers (Paser 2023)', () => {
  let d: Dataset;
  let opd: OpdData;
  before(async () => {
    d = await bacaBerkasDataset(FIXTURE);
    const o = d.opd[0];
    assert.ok(o);
    opd = o;
  });

  it('IKU-2 = cases settled by PB / registered cases = 8/13 = 61,54 (Aug–Dec rows + imported Jan–Jul total)', () => {
    const h = hitungRumus(opd, ind(opd, 'IKU-2'), 2023);
    assert.ok(h);
    assert.equal(h.galat, undefined);
    assert.equal(h.slot.length, 1);
    const [s] = h.slot;
    assert.ok(s?.entri);
    assert.equal(s.sumber, 'register');
    assert.deepEqual([s.entri.pembilang, s.entri.penyebut], [8, 13]);
    const used = barisDipakai(s);
    assert.deepEqual(used.map((u) => u.register), ['kasus_hi']);
    // All 7 listed cases plus the imported January–July total.
    assert.equal(used[0]?.rowIds.length, 7);
    assert.deepEqual(used[0]?.totalIds, ['hi-2023-01-07']);
    const pb = s.bagian[0]?.hasil.trace[0];
    assert.deepEqual(pb?.rowIds, ['hi-2023-08-1', 'hi-2023-08-2', 'hi-2023-12-1', 'hi-2023-12-3']);
    const r = realisasi(d, 'IKU-2');
    assert.equal(toJson(r.realisasi.nilai), 61.54);
    assert.equal(toJson(r.capaian), 153.85);
    assert.ok(r.realisasi.entri.every((e) => e.keterangan === 'dihitung dari register'));
  });

  it('IKU-1 per quarter, cumulative: 0; 0/28; 18/27 (imported, not derivable); 22/58; mean 26,15', () => {
    const h = hitungRumus(opd, ind(opd, 'IKU-1'), 2023);
    assert.ok(h);
    assert.equal(h.galat, undefined);
    assert.deepEqual(
      h.slot.map((s) => [s.triwulan, s.sumber, s.entri?.nilai, s.entri?.pembilang, s.entri?.penyebut]),
      [
        [1, 'register', 0, undefined, undefined],
        [2, 'register', undefined, 0, 28],
        [3, 'impor', undefined, 18, 27],
        [4, 'register', undefined, 22, 58],
      ],
    );
    const tw4 = h.slot[3];
    assert.ok(tw4);
    const used = barisDipakai(tw4);
    assert.equal(used.find((u) => u.register === 'penempatan_alumni')?.rowIds.length, 22);
    assert.equal(used.find((u) => u.register === 'uji_kompetensi')?.rowIds.length, 6);
    const r = realisasi(d, 'IKU-1');
    assert.equal(toJson(r.realisasi.nilai), 26.15);
    assert.equal(toJson(r.capaian), 87.17);
  });

  it('a changed register row changes the indicator', () => {
    const lain = ubah(d, (o) => {
      const row = o.register.find((r) => r.kode === 'kasus_hi')?.baris.find((b) => b.id === 'hi-2023-10-1');
      assert.ok(row);
      row.nilai.hasil = 'PB';
    });
    // 9 / 13 = 69,2307...
    assert.equal(toJson(realisasi(lain, 'IKU-2').realisasi.nilai), 69.23);
    const tanpa = ubah(d, (o) => {
      const reg = o.register.find((r) => r.kode === 'penempatan_alumni');
      assert.ok(reg);
      reg.baris = reg.baris.slice(0, 11);
    });
    // TW4 = 11/58 = 18,97; (0 + 0 + 66,67 + 18,97) / 4 = 21,41
    assert.equal(toJson(realisasi(tanpa, 'IKU-1').realisasi.nilai), 21.41);
  });

  it('last year keeps its entered realisasi (the binding starts in 2023)', () => {
    assert.equal(hitungRumus(opd, ind(opd, 'IKU-2'), 2022), undefined);
    assert.equal(toJson(realisasi(d, 'IKU-2').lalu.realisasi.nilai), 57.14);
  });

  it('a quarter cut through an imported total cannot be computed, and says why', () => {
    const q = ubah(d, (o) => {
      const i = ind(o, 'IKU-2');
      assert.ok(i.rumus);
      i.rumus.periode = 'kumulatif';
      i.agregasi = 'akhir';
    });
    const o = q.opd[0];
    assert.ok(o);
    const h = hitungRumus(o, ind(o, 'IKU-2'), 2023);
    assert.ok(h);
    assert.match(h.galat ?? '', /triwulan 1: .*total impor "hi-2023-01-07" \(bulan 1–7 2023\) hanya sebagian di dalam periode/);
    assert.equal(realisasi(q, 'IKU-2').realisasi.nilai.status, 'tidak-dapat-dihitung');
    // Cumulative to September: 4 + 2 PB of 6 + 2 cases = 75.
    assert.deepEqual([h.slot[2]?.entri?.pembilang, h.slot[2]?.entri?.penyebut], [6, 8]);
  });
});

describe('register files are validated with located errors', () => {
  it('a wrong cell type, an unknown choice and a bad total aggregate name file, row and column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sikiper-register-'));
    try {
      await cp(FIXTURE, dir, { recursive: true });
      const file = join(dir, 'opd/disnakertrans/register-kasus-hi.json');
      const reg = JSON.parse(await readFile(file, 'utf8')) as {
        baris: Array<{ nilai: Record<string, unknown> }>;
        totalImpor: Array<{ nilai: Record<string, number> }>;
      };
      const b2 = reg.baris[2];
      const b4 = reg.baris[4];
      const t0 = reg.totalImpor[0];
      assert.ok(b2 && b4 && t0);
      b2.nilai.pekerja = 'satu';
      b4.nilai.hasil = 'pb';
      t0.nilai['hitung(kasus_hi, hasill = "PB")'] = 1;
      await writeFile(file, JSON.stringify(reg));
      await assert.rejects(bacaBerkasDataset(dir), (e: unknown) => {
        assert.ok(e instanceof DatasetError);
        const at = e.problems.map((p) => `${p.file ?? ''} ${p.path}`);
        assert.ok(at.includes('opd/disnakertrans/register-kasus-hi.json opd[0].register[0].baris[2].nilai.pekerja'), at.join('\n'));
        assert.ok(at.includes('opd/disnakertrans/register-kasus-hi.json opd[0].register[0].baris[4].nilai.hasil'), at.join('\n'));
        assert.ok(e.problems.some((p) => p.path.startsWith('opd[0].register[0].totalImpor[0].nilai') && /hasill/.test(p.message)));
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('binding years', () => {
  it('applies from dariTahun to sampaiTahun only', async () => {
    const d = await bacaBerkasDataset(FIXTURE);
    const o = d.opd[0];
    assert.ok(o);
    const i = ind(o, 'IKU-1');
    assert.ok(hitungRumus(o, i, 2023));
    assert.equal(hitungRumus(o, i, 2024), undefined);
    assert.equal(hitungRumus(o, i, 2022), undefined);
    assert.ok(i.rumus);
    const open = { ...i, rumus: { ...i.rumus, sampaiTahun: undefined } };
    // Without an end year, 2024 is computed from the (empty) 2024 registers: 0 every quarter.
    assert.deepEqual(hitungRumus(o, open, 2024)?.slot.map((s) => s.entri?.nilai), [0, 0, 0, 0]);
  });
});
