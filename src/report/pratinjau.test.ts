/**
 * The LKJIP preview of the reference dataset: every figure of its tables is printed, with the
 * same text, in the same table of the generated .docx; every figure names a source; the sources
 * carry the formula, the aggregation and the capaian rule of the indicator.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { bacaBerkasDataset } from '../dataset/load.ts';
import type { Dataset } from '../dataset/schema.ts';
import { hitungCapaian } from '../measure/capaian.ts';
import { renderDocx } from './docx.ts';
import { daftarPlaceholder, susunLkjip } from './lkjip.ts';
import { kunciJejak, type Pratinjau, type Sumber, susunPratinjau } from './pratinjau.ts';
import { pct } from './teks.ts';
import { bacaDocx } from './testing.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

describe('LKJIP preview of Paser 2023', () => {
  let d: Dataset;
  let pv: Pratinjau;
  let paragraf: string[];
  before(async () => {
    d = await bacaBerkasDataset(FIXTURE);
    pv = susunPratinjau(d, 'disnakertrans', 2023, new Map([[kunciJejak('IKU-1', 4), [{ aksi: 'verifikasi', oleh: 'perencana.x', pada: '2024-01-10T02:00:00.000Z' }]]]));
    paragraf = (await bacaDocx(await renderDocx(susunLkjip(d, 'disnakertrans', 2023)))).paragraf;
  });

  it('has Tabel 3.3, the analysis table of each sasaran and Tabel 3.16–3.18, in document order', () => {
    assert.deepEqual(
      pv.tabel.map((t) => t.id),
      ['tabel-3.3', 'tabel-3.4', 'tabel-3.7', 'tabel-3.10', 'tabel-3.13', 'tabel-3.16', 'tabel-3.17', 'tabel-3.18'],
    );
  });

  it('every figure reads as in the same table of the .docx', () => {
    for (const t of pv.tabel) {
      const nomor = t.judul.split(' ').slice(0, 2).join(' ') + ' ';
      const start = paragraf.findIndex((p) => p.startsWith(nomor));
      assert.ok(start >= 0, `${nomor} not in the .docx`);
      const end = paragraf.findIndex((p, i) => i > start && /^Tabel \d\.\d+ /.test(p));
      const isi = paragraf.slice(start, end < 0 ? undefined : end);
      let n = 0;
      for (const row of t.baris) {
        for (const c of row) {
          if (!c.ref) continue;
          n++;
          assert.ok(isi.includes(c.teks), `${t.id}: "${c.teks}" (${c.ref}) not in the document's table`);
          assert.ok(pv.sumber[c.ref], `${t.id}: no source for ${c.ref}`);
        }
      }
      assert.ok(n > 0, `${t.id} has figures`);
    }
  });

  it("an indicator's source: its figures from the measure table, formula, aggregation, polarity, quarters and trail", () => {
    const ind = hitungCapaian(d, 'disnakertrans', 2023).sasaran.flatMap((s) => s.indikator).find((i) => i.kode === 'IKU-1');
    assert.ok(ind);
    const s = pv.sumber['indikator:IKU-1'] as Extract<Sumber, { jenis: 'indikator' }>;
    assert.equal(s.jenis, 'indikator');
    assert.equal(s.tahunIni.capaian, pct(ind.capaian));
    // Seed Tabel 3.2: TW3 18/27, TW4 22/58, mean 26,15%.
    assert.equal(s.agregasi, 'rata-rata');
    const tw = s.entri.filter((e) => e.pembilang !== null).map((e) => [e.triwulan, e.pembilang, e.penyebut, e.hasil]);
    assert.deepEqual(tw, [
      [3, 18, 27, '66,67%'],
      [4, 22, 58, '37,93%'],
    ]);
    assert.deepEqual(s.entri.find((e) => e.triwulan === 4)?.jejak.map((j) => j.oleh), ['perencana.x']);
    assert.ok(s.formula?.pembilang && s.formula.penyebut);
    assert.match(s.aturanCapaian, /Realisasi \/ Rencana/);
  });

  it('a lower-is-better indicator names the pemda rule', () => {
    const negatif = d.opd.flatMap((o) => o.renstra.flatMap((r) => r.sasaran.flatMap((x) => x.indikator))).find((i) => i.polaritas === 'negatif');
    const withRule = { ...d, opd: d.opd.map((o) => ({ ...o, renstra: o.renstra.map((r) => ({ ...r, sasaran: r.sasaran.map((x) => ({ ...x, indikator: x.indikator.map((i) => (i.kode === 'IKU-2' ? { ...i, polaritas: 'negatif' as const } : i)) })) })) })) };
    const s = susunPratinjau(negatif ? d : withRule, 'disnakertrans', 2023).sumber[`indikator:${negatif?.kode ?? 'IKU-2'}`] as Extract<Sumber, { jenis: 'indikator' }>;
    assert.equal(s.polaritas, 'negatif');
    assert.match(s.aturanCapaian, /^Semakin kecil realisasi semakin baik: Capaian = \(Rencana - \(Realisasi - Rencana\)\) \/ Rencana/);
  });

  it('lists the same empty narratives as the draft, each with its section', () => {
    const draft = daftarPlaceholder(susunLkjip(d, 'disnakertrans', 2023));
    assert.deepEqual(pv.belumDiisi.map((b) => b.teks), draft);
    assert.ok(pv.belumDiisi.every((b) => b.bagian.length > 0));
    // "Sasaran 4: solusi dan upaya" is empty in the preview exactly when the draft marks "solusi dan upaya sasaran 4".
    for (const n of pv.narasi) {
      const [, nomor, apa] = /^Sasaran (\d+): (.+)$/.exec(n.judul) ?? [];
      assert.equal(n.isi.length === 0, draft.includes(`${apa ?? ''} sasaran ${nomor ?? ''}`), n.judul);
    }
    assert.ok(pv.narasi.some((n) => n.isi.length === 0), 'the reference dataset leaves one sasaran narrative empty');
  });
});
