import { fileURLToPath } from 'node:url';
import { bacaBerkasDataset } from '../../src/dataset/load.ts';
import type { Dataset } from '../../src/dataset/schema.ts';
import { renderDocx } from '../../src/report/docx.ts';
import { susunLkjip } from '../../src/report/lkjip.ts';
import type { ReportDocument } from '../../src/report/model.ts';
import { renderPdf } from '../../src/report/pdf.ts';
import { susunPratinjau } from '../../src/report/pratinjau.ts';
import { row, type BenchRow, type Measurement, type MemoryTracker } from '../harness.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url));

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup: number, memory: MemoryTracker): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    memory.sample();
  }
  return times;
}

async function measure(label: string, size: string, build: () => ReportDocument, memory: MemoryTracker): Promise<BenchRow[]> {
  memory.start();
  // Building the model includes computing every table; the renderers get the finished model.
  const docx = await timeAsync(() => renderDocx(build()), 10, 2, memory);
  const pdf = await timeAsync(() => renderPdf(build()), 3, 1, memory);
  memory.stop();
  return [row(`LKJIP .docx (${label})`, size, docx, { amount: 1, unit: 'dokumen' }, memory), row(`LKJIP .pdf (${label})`, size, pdf, { amount: 1, unit: 'dokumen' }, memory)];
}

/** Target: the LKJIP as .docx in under 1 s. */
export const lkjipReferensi: Measurement = {
  id: 'lkjip',
  async run(ctx) {
    const d = await bacaBerkasDataset(FIXTURE);
    return measure('Paser 2023', '1 OPD, 77 node Renja', () => susunLkjip(d, 'disnakertrans', 2023), ctx.memory);
  },
};

export const lkjipSintetis: Measurement = {
  id: 'lkjip-sintetis',
  async run(ctx) {
    const k = ctx.kabupaten();
    const opd = k.opd[0];
    if (!opd) throw new Error('kabupaten tanpa OPD');
    const d: Dataset = { ...k, opd: [opd] };
    const tahun = Math.max(...opd.tahun.map((t) => t.tahun));
    const nodes = opd.tahun.find((t) => t.tahun === tahun)?.renja[0]?.node.length ?? 0;
    return measure('OPD sintetis', `1 OPD, ${nodes} node Renja`, () => susunLkjip(d, opd.slug, tahun), ctx.memory);
  },
};

/** The LKJIP preview the web app shows (every table figure with its source), without the database reads. */
export const pratinjauLkjip: Measurement = {
  id: 'pratinjau',
  async run(ctx) {
    const d = await bacaBerkasDataset(FIXTURE);
    const k = ctx.kabupaten();
    const opd = k.opd[0];
    if (!opd) throw new Error('kabupaten tanpa OPD');
    const sintetis: Dataset = { ...k, opd: [opd] };
    const tahun = Math.max(...opd.tahun.map((t) => t.tahun));
    const nodes = opd.tahun.find((t) => t.tahun === tahun)?.renja[0]?.node.length ?? 0;
    ctx.memory.start();
    const ref = await timeAsync(() => Promise.resolve(susunPratinjau(d, 'disnakertrans', 2023)), 10, 2, ctx.memory);
    const syn = await timeAsync(() => Promise.resolve(susunPratinjau(sintetis, opd.slug, tahun)), 10, 2, ctx.memory);
    ctx.memory.stop();
    return [
      row('Pratinjau LKJIP (Paser 2023)', '1 OPD, 77 node Renja', ref, { amount: 1, unit: 'pratinjau' }, ctx.memory),
      row('Pratinjau LKJIP (OPD sintetis)', `1 OPD, ${nodes} node Renja`, syn, { amount: 1, unit: 'pratinjau' }, ctx.memory),
    ];
  },
};
