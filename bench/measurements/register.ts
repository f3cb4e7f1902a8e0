import ExcelJS from 'exceljs';
import { bacaBerkasRegister } from '../../src/exchange/register-xlsx.ts';
import { PRESET_DISNAKER } from '../../src/dataset/register-preset.ts';
import type { RegisterData } from '../../src/dataset/schema.ts';
import { collectGarbage, keep, row, type Measurement } from '../harness.ts';

const UKURAN = [8_000, 40_000];

/**
 * Reading a register import of 8.000 and 40.000 rows (.xlsx and .csv) into checked rows: the
 * ZIP bounds, ExcelJS and the per-cell checks. It used to grow with the square of the rows
 * (8.000 rows 57 s); linear now, so 40.000 rows should take about five times 8.000.
 */
export const imporRegister: Measurement = {
  id: 'register',
  async run(ctx) {
    const preset = PRESET_DISNAKER.find((p) => p.kode === 'uji_kompetensi');
    if (!preset) throw new Error('preset uji_kompetensi');
    const reg: RegisterData = { ...preset, kolom: preset.kolom.map((k) => ({ ...k, pribadi: k.pribadi ?? false, wajib: k.wajib ?? false })), baris: [], totalImpor: [] };
    const rows = [];
    ctx.memory.start();
    for (const n of UKURAN) {
      const csv = Buffer.from(['Skema;TUK / kejuruan;Tanggal mulai;Jumlah asesi;Jumlah kompeten', ...Array.from({ length: n }, (_, i) => `Skema ${i};Teknik ${i % 13};02/10/2031;${16 + (i % 5)};${i % 10}`)].join('\n'));
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('uji');
      ws.addRow(['skema', 'tuk', 'tanggal_mulai', 'asesi', 'kompeten']);
      for (let i = 0; i < n; i++) ws.addRow([`Skema ${i}`, `Teknik ${i % 13}`, '2031-10-02', 16 + (i % 5), i % 10]);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      for (const [jenis, isi] of [['xlsx', xlsx], ['csv', csv]] as const) {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          collectGarbage();
          const t0 = performance.now();
          const r = await bacaBerkasRegister(reg, `uji.${jenis}`, isi);
          times.push(performance.now() - t0);
          if (r.masalah.length > 0 || r.baris.length !== n) throw new Error(`impor register gagal: ${r.masalah[0]?.pesan ?? r.baris.length}`);
          ctx.memory.sample();
          keep(r);
        }
        keep(undefined);
        rows.push(row(`import-register .${jenis}: baca + periksa`, `${n.toLocaleString('id-ID')} baris (${Math.round(isi.length / 1024)} KB)`, times, { amount: n, unit: 'baris' }, ctx.memory));
      }
    }
    ctx.memory.stop();
    return rows;
  },
};
