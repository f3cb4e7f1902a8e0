/**
 * Imported totals: months whose register rows are missing contribute their recorded aggregate
 * values; a total cut by the period, or lacking the aggregate, makes the figure not computable.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from '../engine/index.ts';
import { evaluate } from './evaluate.ts';
import { parse } from './parser.ts';
import type { ImportedTotal } from './schema.ts';
import { KASUS_HI, context } from './testing.ts';

// Only the August–December rows, as in the seed's annex, plus a January–July total.
const AUG_DEC = KASUS_HI.filter((r) => String(r.values.tanggal) >= '2023-08-01');
const TOTAL: ImportedTotal = { id: 'jan-jul', tahun: 2023, bulanDari: 1, bulanSampai: 7, values: { 'hitung(kasus_hi)': 6, 'hitung(kasus_hi, penyelesaian = "PB")': 4 } };

function run(src: string, period: Parameters<typeof context>[0], totals: readonly ImportedTotal[] = [TOTAL]) {
  const p = parse(src);
  assert.ok(p.ok);
  return evaluate(p.ast, { ...context(period, {}, { kasus_hi: AUG_DEC }), totals: { kasus_hi: totals } });
}

describe('imported totals', () => {
  it('add to the rows when the period covers them: 8/13 over the year', () => {
    const { nilai, trace } = run('hitung(kasus_hi, penyelesaian = "PB") / hitung(kasus_hi) * 100', { tahun: 2023 });
    assert.equal(toJson(nilai), 61.54);
    assert.deepEqual(trace.map((t) => [t.rowIds.length, t.totalIds]), [[4, ['jan-jul']], [7, ['jan-jul']]]);
  });

  it('are left out of periods they do not touch (Q4) and written in canonical form', () => {
    const { nilai, trace } = run('hitung( kasus_hi ,penyelesaian="PB")', { tahun: 2023, triwulan: 4 });
    assert.equal(toJson(nilai), 2);
    assert.deepEqual(trace[0]?.totalIds, []);
  });

  it('make a period they only partly cover not computable, naming the total', () => {
    const { nilai } = run('hitung(kasus_hi)', { tahun: 2023, triwulan: 2, kumulatif: true });
    assert.equal(nilai.status, 'tidak-dapat-dihitung');
    assert.match(nilai.status === 'tidak-dapat-dihitung' ? nilai.alasan : '', /total impor "jan-jul" \(bulan 1–7 2023\) hanya sebagian/);
  });

  it('without the aggregate asked for, the figure is not computable', () => {
    const { nilai } = run('jumlah(kasus_hi.pekerja)', { tahun: 2023 });
    assert.match(nilai.status === 'tidak-dapat-dihitung' ? nilai.alasan : '', /tidak memuat jumlah\(kasus_hi\.pekerja\)/);
    const u = run('unik(kasus_hi.perusahaan)', { tahun: 2023 });
    assert.match(u.nilai.status === 'tidak-dapat-dihitung' ? u.nilai.alasan : '', /unik\(\) tidak dapat dijumlahkan/);
  });

  it('of another year do not count', () => {
    const { nilai } = run('hitung(kasus_hi)', { tahun: 2023 }, [{ ...TOTAL, tahun: 2022 }]);
    assert.equal(toJson(nilai), 7);
  });
});
