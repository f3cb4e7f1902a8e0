import { checkReferences } from '../../src/dataset/load.ts';
import { Dataset } from '../../src/dataset/schema.ts';
import { row, timeRuns, UKURAN_KABUPATEN, type Measurement } from '../harness.ts';

/** What an import pays before anything is stored: schema validation and reference checks of a whole kabupaten. */
export const parseKabupaten: Measurement = {
  id: 'parse',
  run(ctx) {
    // Through JSON, as an import sees it: plain objects, not the generator's.
    const json: unknown = JSON.parse(JSON.stringify(ctx.kabupaten()));
    const opdTahun = ctx.ringkasanKabupaten().opdTahun;
    ctx.memory.start();
    const times = timeRuns(
      () => {
        const d = Dataset.parse(json);
        return checkReferences(d);
      },
      { warmup: 1, minRuns: 4, maxRuns: 4, budgetMs: 0, gcBetweenRuns: true },
      ctx.memory,
    );
    ctx.memory.stop();
    return Promise.resolve([row('Dataset.parse + checkReferences', UKURAN_KABUPATEN, times, { amount: opdTahun, unit: 'OPD-tahun' }, ctx.memory)]);
  },
};
