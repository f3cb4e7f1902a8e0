import { periksaDataset } from '../../src/check/rules.ts';
import { row, timeRuns, UKURAN_KABUPATEN, type Measurement } from '../harness.ts';

/** `sikiper check` over a whole kabupaten: every rule, every OPD-year. */
export const cekKabupaten: Measurement = {
  id: 'check',
  run(ctx) {
    const d = ctx.kabupaten();
    const opdTahun = ctx.ringkasanKabupaten().opdTahun;
    ctx.memory.start();
    const times = timeRuns(() => periksaDataset(d), { warmup: 2, minRuns: 20, maxRuns: 40, budgetMs: 8_000 }, ctx.memory);
    ctx.memory.stop();
    return Promise.resolve([row('periksaDataset (semua aturan)', UKURAN_KABUPATEN, times, { amount: opdTahun, unit: 'OPD-tahun' }, ctx.memory)]);
  },
};
