import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset, DatasetInput } from '../dataset/schema.ts';
import { contohDataset } from '../dataset/testing.ts';
import { periksaDataset, type Temuan } from './rules.ts';

type Year = NonNullable<NonNullable<DatasetInput['opd']>[number]['tahun']>[number];
const year = (d: DatasetInput): Year => d.opd![0]!.tahun![0]!;
const rules = (t: Temuan[]) => t.map((x) => x.aturan).sort();

describe('check rules on a consistent dataset', () => {
  it('finds nothing', () => {
    assert.deepEqual(periksaDataset(contohDataset()), []);
  });
});

describe('check rules, one fault at a time', () => {
  it('a kegiatan that is not the sum of its sub kegiatan (DPA) names the line and the difference', () => {
    const t = periksaDataset(contohDataset((d) => void (year(d).anggaran![0]!.baris[1]!.realisasi = 275)));
    const f = t.filter((x) => x.aturan === 'anak-tidak-sama-induk');
    // kegiatan 275 vs 90 + 180, and program 270 vs kegiatan 275.
    assert.equal(f.length, 2);
    assert.match(f[0]!.lokasi, /dinas \/ 2023 \/ dpa-perubahan \/ 2\.07\.02/);
    assert.ok(f.some((x) => x.nilai.selisih === 5 && x.lokasi.endsWith('2.07.02.2.01')));
  });
  it('Renja pagu tree', () => {
    const t = periksaDataset(contohDataset((d) => void (year(d).renja![0]!.node[4]!.pagu = 150)));
    assert.ok(t.some((x) => x.aturan === 'anak-tidak-sama-induk' && x.lokasi.includes('/ renja /')));
    assert.ok(t.some((x) => x.aturan === 'anggaran-beda-dokumen' && x.nilai.renja === 150));
  });
  it('the same kegiatan with another amount in the PK', () => {
    const t = periksaDataset(contohDataset((d) => void (year(d).pk![0]!.anggaran![0]!.pagu = 250)));
    assert.deepEqual(rules(t), ['anggaran-beda-dokumen']);
    assert.equal(t[0]!.nilai.selisih, -50);
  });
  it('account groups that do not add up', () => {
    const t = periksaDataset(contohDataset((d) => void (year(d).anggaran![0]!.kelompok![1]!.pagu = 299)));
    assert.deepEqual(rules(t), ['kelompok-belanja']);
  });
  it('realisasi above pagu', () => {
    const t = periksaDataset(
      contohDataset((d) => {
        const b = year(d).anggaran![0]!.baris;
        b[2]!.realisasi = 110;
        b[1]!.realisasi = 290;
        b[0]!.realisasi = 290;
        year(d).anggaran![0]!.kelompok![0]!.realisasi = 290;
        year(d).anggaran![0]!.kelompok![1]!.realisasi = 290;
      }),
    );
    assert.deepEqual(rules(t), ['realisasi-melebihi-pagu']);
  });
  it('a PK target that differs from the Renstra target of the year', () => {
    const t = periksaDataset(contohDataset((d) => void (year(d).pk![0]!.kinerja[0]!.target = 35)));
    assert.deepEqual(rules(t), ['target-pk-beda-renstra']);
    assert.deepEqual(t[0]!.nilai, { pk: 35, renstra: 30 });
  });
  it('a numerator above its denominator', () => {
    const t = periksaDataset(contohDataset((d) => void (year(d).realisasi![2]!.pembilang = 28)));
    assert.deepEqual(rules(t), ['pembilang-melebihi-penyebut']);
    assert.match(t[0]!.lokasi, /IKU-1 TW3$/);
  });
  it('missing quarters', () => {
    const t = periksaDataset(contohDataset((d) => void year(d).realisasi!.splice(1, 1)));
    assert.deepEqual(rules(t), ['triwulan-hilang']);
    assert.match(t[0]!.pesan, /triwulan 2/);
  });
  it('approved values without evidence; drafts are not held to it', () => {
    assert.deepEqual(rules(periksaDataset(contohDataset((d) => void (year(d).realisasi![4]!.bukti = [])))), ['bukti-kosong']);
    assert.deepEqual(
      periksaDataset(
        contohDataset((d) => {
          const r = year(d).realisasi![4]!;
          r.bukti = [];
          r.status = 'draf';
        }),
      ),
      [],
    );
  });
  it('filters by OPD and year', () => {
    const d = contohDataset((x) => void (year(x).pk![0]!.kinerja[0]!.target = 35));
    assert.equal(periksaDataset(d, { opd: 'lain' }).length, 0);
    assert.equal(periksaDataset(d, { tahun: 2022 }).length, 0);
    assert.equal(periksaDataset(d, { opd: 'dinas', tahun: 2023 }).length, 1);
  });
});

describe('check rules on the Paser 2023 reference dataset', () => {
  let paser: Dataset;
  before(async () => {
    paser = await bacaBerkasDataset(fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url)));
  });
  it('reports the conflicts the data carries', () => {
    const t = periksaDataset(paser, { opd: 'disnakertrans', tahun: 2023 });
    // The signed PK prints Pemeliharaan BMD at Rp58.451.520; the DPA has Rp83.451.520.
    assert.ok(t.some((x) => x.aturan === 'anggaran-beda-dokumen' && x.nilai.pk === 58_451_520 && x.nilai['dpa-perubahan'] === 83_451_520));
    // The PK sets the SAKIP score target at 77,92; the Renstra's 2023 target is 62.
    assert.ok(t.some((x) => x.aturan === 'target-pk-beda-renstra' && x.nilai.pk === 77.92 && x.nilai.renstra === 62));
    // Kegiatan Pelaksanaan Pelatihan berdasarkan Unit Kompetensi: Rp1.620.354.264, its one printed
    // sub kegiatan Rp1.225.354.264; a sub kegiatan of Rp395.000.000 is missing from the seed.
    assert.ok(t.some((x) => x.aturan === 'anak-tidak-sama-induk' && x.lokasi.endsWith('renja / 2.07.03.2.01') && x.nilai.selisih === 395_000_000));
    assert.ok(t.some((x) => x.aturan === 'anak-tidak-sama-induk' && x.lokasi.endsWith('dpa-perubahan / 2.07.03.2.01') && x.nilai.selisih === 390_176_000));
  });
});
