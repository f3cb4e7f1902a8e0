import { generatePemda, UKURAN } from '../synth/generate.ts';
import { collectGarbage, formatBytes, keep, row, SEED_KABUPATEN, timeRuns, UKURAN_KABUPATEN, type Measurement } from '../harness.ts';

/** Generating one synthetic kabupaten in memory: the cost of every later fixture. */
export const generateKabupaten: Measurement = {
  id: 'generate',
  run(ctx) {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const retained = generatePemda({ seed: SEED_KABUPATEN, ...UKURAN.kabupaten });
    collectGarbage();
    ctx.log(`satu kabupaten menempati ${formatBytes(process.memoryUsage().heapUsed - before)} heap setelah GC`);
    keep(retained);
    keep(undefined);

    ctx.memory.start();
    let seed = SEED_KABUPATEN;
    // A new seed each run, so no run can reuse shapes the previous one left in caches.
    const times = timeRuns(() => generatePemda({ seed: seed++, ...UKURAN.kabupaten }), { warmup: 1, minRuns: 5, maxRuns: 5, budgetMs: 0, gcBetweenRuns: true }, ctx.memory);
    ctx.memory.stop();
    const opdTahun = UKURAN.kabupaten.opd * UKURAN.kabupaten.tahun;
    return Promise.resolve([row('generatePemda (kabupaten)', UKURAN_KABUPATEN, times, { amount: opdTahun, unit: 'OPD-tahun' }, ctx.memory)]);
  },
};
