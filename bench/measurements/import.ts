import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodeRenjaData } from '../../src/dataset/schema.ts';
import { migrate, openDatabase } from '../../src/db/client.ts';
import { saveDataset } from '../../src/db/dataset-repository.ts';
import { imporOpdTahun } from '../../src/exchange/impor-opd-tahun.ts';
import { barisPertama, bukuRenja, datasetReferensi, indikatorKe } from '../../src/exchange/testing.ts';
import { collectGarbage, formatMs, keep, median, row, type BenchContext, type Measurement } from '../harness.ts';

const BARIS = 5000;

/**
 * A Renja of exactly `BARIS` rows: urusan, bidang urusan, 20 programs of 8 kegiatan of 30 sub
 * kegiatan (4.982 codes), and a second indicator on the first sub kegiatan to fill the rest.
 */
export function renjaBesar(): NodeRenjaData[] {
  const nodes: NodeRenjaData[] = [
    { kode: '2', level: 'urusan', nama: 'Urusan Pemerintahan Wajib yang Tidak Berkaitan dengan Pelayanan Dasar', indikator: [], sasaran: [] },
    { kode: '2.07', level: 'bidang-urusan', induk: '2', nama: 'Urusan Pemerintahan Bidang Tenaga Kerja', indikator: [], sasaran: [] },
  ];
  const ind = (kode: string, n: number) => ({ kode: `${kode}#${n}`, nama: `Jumlah keluaran ${kode} nomor ${n}`, target: 10 + n, satuan: 'Dokumen', polaritas: 'positif' as const });
  let extra = BARIS - (2 + 20 + 20 * 8 + 20 * 8 * 30);
  for (let p = 1; p <= 20; p++) {
    const prog = `2.07.${String(p).padStart(2, '0')}`;
    nodes.push({ kode: prog, level: 'program', induk: '2.07', nama: `Program nomor ${p}`, indikator: [ind(prog, 1)], pagu: 2_400_000_000, sumberDana: 'APBD', unit: 'sekretariat', sasaran: [] });
    for (let k = 1; k <= 8; k++) {
      const keg = `${prog}.2.${String(k).padStart(2, '0')}`;
      nodes.push({ kode: keg, level: 'kegiatan', induk: prog, nama: `Kegiatan ${k} program ${p}`, indikator: [ind(keg, 1)], pagu: 300_000_000, sumberDana: 'APBD', unit: 'sekretariat', sasaran: [] });
      for (let s = 1; s <= 30; s++) {
        const sub = `${keg}.${String(s).padStart(4, '0')}`;
        const indikator = [ind(sub, 1)];
        if (extra > 0) {
          indikator.push(ind(sub, 2));
          extra--;
        }
        nodes.push({ kode: sub, level: 'sub-kegiatan', induk: keg, nama: `Sub kegiatan ${s} kegiatan ${k} program ${p}`, lokasi: 'Kab. Paser', indikator, pagu: 10_000_000, sumberDana: 'APBD', unit: 'sekretariat', sasaran: [] });
      }
    }
  }
  return nodes;
}

/** The workbook as a planning export has it: one row per code and indicator, DPA realisasi included. */
export function bukuRenjaBesar(nodes: readonly NodeRenjaData[]): Promise<Buffer> {
  return bukuRenja(nodes, {
    kolom: [
      { judul: 'Kode', isi: (n, i) => barisPertama(i, n.kode) },
      { judul: 'Uraian', isi: (n, i) => barisPertama(i, n.nama) },
      { judul: 'Indikator', isi: (n, i) => indikatorKe(n, i)?.nama ?? null },
      { judul: 'Target', isi: (n, i) => indikatorKe(n, i)?.target ?? null },
      { judul: 'Satuan', isi: (n, i) => indikatorKe(n, i)?.satuan ?? null },
      { judul: 'Pagu', isi: (n, i) => barisPertama(i, n.pagu ?? null) },
      { judul: 'Sumber Dana', isi: (n, i) => barisPertama(i, n.sumberDana ?? null) },
      { judul: 'Lokasi', isi: (n, i) => barisPertama(i, n.lokasi ?? null) },
      { judul: 'Penanggung Jawab', isi: (n, i) => barisPertama(i, n.unit ?? null) },
      { judul: 'Realisasi', isi: (n, i) => barisPertama(i, n.pagu === undefined ? null : Math.round(n.pagu * 0.9)) },
    ],
  });
}

/** Like `timeRuns` for an async operation; each run's process CPU time goes to `cpu` (the machine may be shared). */
async function timeAsync(f: () => Promise<unknown>, runs: number, ctx: BenchContext, cpu: number[], before: () => Promise<unknown>): Promise<number[]> {
  keep(await f());
  ctx.memory.sample();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    keep(undefined);
    await before();
    collectGarbage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await f();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    ctx.memory.sample();
    keep(out);
  }
  keep(undefined);
  return times;
}

/**
 * Import of a 5.000-row Renja/DPA workbook into an OPD-year of the reference pemda on PGlite in a
 * temporary folder: ZIP checks, ExcelJS parse, reading and validating every row, the preview
 * against the stored Renja, the check of the whole changed dataset and, for the second row, the
 * commit (the pemda's dataset rewritten in one transaction). Target: under 3 s with commit.
 */
export const importRenja: Measurement = {
  id: 'import',
  async run(ctx) {
    const nodes = renjaBesar();
    const buf = await bukuRenjaBesar(nodes);
    ctx.log(`buku kerja Renja ${BARIS} baris: ${(buf.length / 1024).toFixed(0)} KB`);
    const dir = mkdtempSync(join(tmpdir(), 'sikiper-bench-import-'));
    const database = await openDatabase({ url: `file://${dir}` });
    try {
      await migrate(database);
      await saveDataset(database.db, await datasetReferensi('bench-import'));
      const opsi = { pemda: 'bench-import', opd: 'disnakertrans', tahun: 2024, versi: 'murni' as const };
      const once = async (commit: boolean) => {
        const r = await imporOpdTahun(database.db, { jenis: 'renja', ...opsi, berkas: { nama: 'renja-5000.xlsx', isi: buf }, commit, sekarang: new Date() });
        if (r.galat.length > 0) throw new Error(`impor gagal: ${r.galat[0]?.pesan ?? ''}`);
        return r;
      };
      ctx.memory.start();
      const cpuCommit: number[] = [];
      const cpuDry: number[] = [];
      // PGlite has no autovacuum: without this, every replaced Renja leaves 15.000 dead rows and each run reads more than the last.
      const vacuum = () => database.db.execute(sql`vacuum analyze`);
      // Measured as a re-import: the year already holds a Renja of the same size, so the preview compares 5.000 codes.
      const t0 = performance.now();
      await once(true);
      ctx.log(`impor pertama (Renja tahun itu masih kosong) ${formatMs(performance.now() - t0)}`);
      const dry = await timeAsync(() => once(false), 5, ctx, cpuDry, vacuum);
      const commit = await timeAsync(() => once(true), 5, ctx, cpuCommit, vacuum);
      ctx.memory.stop();
      const med = (xs: number[]) => formatMs(median([...xs].sort((a, b) => a - b)));
      ctx.log(`median dengan commit ${med(commit)} (CPU ${med(cpuCommit)}), pratinjau saja ${med(dry)} (CPU ${med(cpuDry)})`);
      const size = `${BARIS.toLocaleString('id-ID')} baris (${nodes.length.toLocaleString('id-ID')} kode)`;
      return [
        row('import-renja .xlsx: baca + validasi + pratinjau', size, dry, { amount: BARIS, unit: 'baris' }, ctx.memory),
        row('import-renja .xlsx: … + commit (PGlite, folder)', size, commit, { amount: BARIS, unit: 'baris' }, ctx.memory),
      ];
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
