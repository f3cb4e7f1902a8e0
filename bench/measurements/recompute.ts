import { hitungAnggaran } from '../../src/measure/anggaran.ts';
import { hitungCapaian } from '../../src/measure/capaian.ts';
import type { Dataset } from '../../src/dataset/schema.ts';
import { formatMs, median, row, timeRuns, type BenchContext, type Measurement } from '../harness.ts';

/** Every LKJIP table of every OPD for the given years, the way the server builds them (capaian passed on to anggaran). */
function recompute(d: Dataset, years: readonly number[]): number {
  let tables = 0;
  for (const opd of d.opd) {
    for (const tahun of years) {
      const cap = hitungCapaian(d, opd.slug, tahun);
      const ang = hitungAnggaran(d, opd.slug, tahun, cap);
      tables += cap.sasaran.length + ang.baris.length;
    }
  }
  return tables;
}

function logCpu(ctx: BenchContext, cpu: number[]): void {
  ctx.log(`CPU proses per run: median ${formatMs(median([...cpu].sort((a, b) => a - b)))}`);
}

function tahunData(d: Dataset): number[] {
  return [...new Set(d.opd.flatMap((o) => o.tahun.map((t) => t.tahun)))].sort((a, b) => a - b);
}

/** Target: under 200 ms for one kabupaten-year. The last year is the one an LKJIP reports, with the year before for comparison. */
export const recomputeSatuTahun: Measurement = {
  id: 'recompute-1',
  run(ctx) {
    const d = ctx.kabupaten();
    const tahun = tahunData(d).at(-1) ?? 0;
    ctx.memory.start();
    const cpu: number[] = [];
    const times = timeRuns(() => recompute(d, [tahun]), { warmup: 5, minRuns: 100, maxRuns: 200, budgetMs: 20_000 }, ctx.memory, cpu);
    ctx.memory.stop();
    logCpu(ctx, cpu);
    return Promise.resolve([
      row(`recompute 1 tahun (${tahun}): capaian + anggaran`, `${d.opd.length} OPD`, times, { amount: d.opd.length, unit: 'OPD-tahun' }, ctx.memory),
    ]);
  },
};

export const recomputeSemuaTahun: Measurement = {
  id: 'recompute-5',
  run(ctx) {
    const d = ctx.kabupaten();
    const years = tahunData(d);
    ctx.memory.start();
    const cpu: number[] = [];
    const times = timeRuns(() => recompute(d, years), { warmup: 1, minRuns: 20, maxRuns: 20, budgetMs: 0 }, ctx.memory, cpu);
    ctx.memory.stop();
    logCpu(ctx, cpu);
    return Promise.resolve([
      row(`recompute ${years.length} tahun: capaian + anggaran`, `${d.opd.length} OPD × ${years.length} th`, times, { amount: d.opd.length * years.length, unit: 'OPD-tahun' }, ctx.memory),
    ]);
  },
};
