/**
 * Citus (docs/scaling.md): save-realisasi under the same load as `save-postgres` (200 signed-in
 * connections, BENCH_DURASI seconds, the synthetic kabupaten) on one PostgreSQL and on a Citus
 * cluster of a coordinator and 2 workers (scripts/citus.sh), in one run; pgbench on that
 * PostgreSQL first, as what this machine's database does at most. Then, on the cluster and under
 * the same load, a third worker joins and the shards are rebalanced onto it
 * (`rebalance_table_shards`): how long adding the worker and moving the shards take, which shards
 * moved, the saves answered meanwhile, and afterwards the check that no acknowledged save was lost
 * (the measurement fails if one was).
 *
 * The cluster keeps running afterwards (other sessions may use it); the benchmark's database
 * (`sikiper_bench_citus`) is dropped on every node and the third worker is stopped and its data
 * folder deleted (`scripts/citus.sh remove-worker 3`), so every run starts from 2 workers. A
 * third worker left running by an interrupted run is reused and its database made afresh.
 *
 * Shards move by logical replication (writes go on during the copy, `shard_transfer_mode` auto)
 * only when every node runs with `wal_level = logical`; cluster.sh's nodes run with the default
 * `replica`, and then the moves use `block_writes`: writes to a shard wait while it is copied.
 * The row says which mode ran.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { barisDariWaktu, formatMs, formatNumber, median, percentile, type BenchContext, type BenchRow, type Measurement } from '../harness.ts';
import { buatDb, CITUS_BENCH_DB, citusSh, type DataBench, type DbBench, isiDb } from '../server/siapkan.ts';
import { barisSimpan, bebanSimpan, DURASI, KONEKSI_SIMPAN, NAMA_DB } from './server.ts';

/** pgbench clients: the server's own PostgreSQL pool (SIKIPER_PG_POOL, default 20). */
const PGBENCH_KLIEN = 20;
const PGBENCH_SKALA = 10;
/** The worker that joins during the load: port 9700 + 3. */
const WORKER_BARU = 3;

const detik = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const tidur = (ms: number) => new Promise((r) => setTimeout(r, ms));

function jalankan(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { maxBuffer: 1 << 24 }, (e, stdout, stderr) => {
      if (e) reject(new Error(`${program} ${args.join(' ')}: ${e.message}\n${stderr}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}

/**
 * pgbench on a fresh database of the PostgreSQL server `dbb` names: select-only (-S) or the
 * simple update (-N: one account update, a select and a history insert per transaction), every
 * transaction's latency logged (-l), so the percentiles are exact like the HTTP rows'.
 */
async function pgbench(ctx: BenchContext, dbb: DbBench, mode: 'select-only' | 'simple-update', durasi: number): Promise<BenchRow> {
  const u = new URL(dbb.url);
  const sambung = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const nama = u.pathname.slice(1);
  const dir = mkdtempSync(join(tmpdir(), 'sikiper-bench-pgbench-'));
  try {
    const out = await jalankan('pgbench', [...sambung, mode === 'select-only' ? '-S' : '-N', '-c', String(PGBENCH_KLIEN), '-j', '2', '-T', String(durasi), '-l', `--log-prefix=${join(dir, 'tx')}`, nama]);
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
    const gagal = /number of failed transactions: (\d+)/.exec(out)?.[1] ?? '?';
    // One line per transaction: client, transaction number, latency in µs, script, epoch s, µs.
    const lat: number[] = [];
    for (const f of readdirSync(dir)) {
      for (const baris of readFileSync(join(dir, f), 'utf8').split('\n')) {
        const us = Number(baris.split(' ')[2]);
        if (baris.length > 0 && Number.isFinite(us)) lat.push(us / 1000);
      }
    }
    lat.sort((a, b) => a - b);
    ctx.log(`pgbench ${mode}: ${formatNumber(tps)} tps, ${lat.length} transaksi, ${gagal} gagal, p50 ${formatMs(median(lat))}, p99 ${formatMs(percentile(lat, 0.99))}`);
    return barisDariWaktu(
      `pgbench ${mode} (-${mode === 'select-only' ? 'S' : 'N'}), ${PGBENCH_KLIEN} klien, PostgreSQL`,
      `skala ${PGBENCH_SKALA}, ${durasi} s`,
      lat,
      `${formatNumber(tps)} tps, gagal ${gagal} (batas mesin)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every shard's placements on the cluster: shard id → its table and the ports of the nodes holding it (several for a reference table). */
async function petaShard(c: pg.Client): Promise<Map<string, { tabel: string; port: number[] }>> {
  const { rows } = await c.query<{ shardid: string; nodeport: number; tabel: string }>(
    `select p.shardid::text as shardid, n.nodeport, s.logicalrelid::regclass::text as tabel
       from pg_dist_placement p join pg_dist_node n using (groupid) join pg_dist_shard s using (shardid)
      order by n.nodeport`,
  );
  const peta = new Map<string, { tabel: string; port: number[] }>();
  for (const r of rows) {
    const x = peta.get(r.shardid);
    if (x) x.port.push(r.nodeport);
    else peta.set(r.shardid, { tabel: r.tabel, port: [r.nodeport] });
  }
  return peta;
}

/** Placements per node, as ":9701 864, :9702 866". */
function perNode(peta: Map<string, { port: number[] }>): string {
  const n = new Map<number, number>();
  for (const { port } of peta.values()) for (const p of port) n.set(p, (n.get(p) ?? 0) + 1);
  return [...n.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([p, k]) => `:${p} ${k}`)
    .join(', ');
}

interface HasilRebalance {
  mode: string;
  /** The new worker's PostgreSQL started (initdb on first use), its database made with Citus in it. */
  workerSiapMs: number;
  /** `citus_add_node` on the coordinator. */
  tambahNodeMs: number;
  /** `rebalance_table_shards`, start to end. */
  rebalanceMs: number;
  /** Shard placements that changed node, and of them those of `realisasi` (one per shard group moved). */
  pindah: number;
  grupPindah: number;
  /** Placements new on a node without leaving another one (copies of reference tables). */
  salinan: number;
  sebelum: string;
  sesudah: string;
  /** Whether the shard group of the pemda under load was among those moved. */
  shardBebanPindah: boolean;
}

/**
 * Adds worker WORKER_BARU to the cluster of `url` and rebalances onto it, while the caller's load
 * runs. Fills `h` as it goes.
 */
async function tambahWorkerDanRebalance(ctx: BenchContext, url: string, pemdaId: string, mode: string, h: HasilRebalance): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const shardBeban = async () =>
      String((await c.query<{ id: string }>(`select get_shard_id_for_distribution_column('realisasi', $1::uuid)::text as id`, [pemdaId])).rows[0]?.id);
    const idBeban = await shardBeban();
    const sebelum = await petaShard(c);
    h.sebelum = perNode(sebelum);
    const portBeban = sebelum.get(idBeban)?.port[0];

    const t0 = performance.now();
    const alamat = await citusSh('add-worker', String(WORKER_BARU), CITUS_BENCH_DB);
    h.workerSiapMs = performance.now() - t0;
    const [host = '127.0.0.1', port = ''] = alamat.split('\n').pop()?.split(' ') ?? [];
    ctx.log(`worker ${host}:${port} siap dalam ${detik(h.workerSiapMs)}`);
    const t1 = performance.now();
    await c.query('select citus_add_node($1, $2)', [host, Number(port)]);
    h.tambahNodeMs = performance.now() - t1;
    ctx.log(`citus_add_node dalam ${formatMs(h.tambahNodeMs)}`);

    // In this session, not as a background job (citus_rebalance_start): the job's monitor and
    // executor are background workers, and on a cluster shared by several databases each one's
    // Citus maintenance daemon takes one of the max_worker_processes (8) slots, so the job may
    // wait minutes for a free one (seen here: 9 minutes before the first move).
    const t2 = performance.now();
    let selesai = false;
    const pantau = (async () => {
      const p = new pg.Client({ connectionString: url });
      await p.connect();
      try {
        while (!selesai) {
          await tidur(5000);
          if (selesai) break;
          const { rows } = await p.query<{ status: number; n: number }>('select progress as status, count(*)::int as n from get_rebalance_progress() group by 1 order by 1');
          const nama = ['menunggu', 'dipindah', 'selesai'];
          ctx.log(`rebalance ${detik(performance.now() - t2)}: ${rows.map((r) => `${r.n} shard ${nama[r.status] ?? String(r.status)}`).join(', ') || 'menyiapkan'}`);
        }
      } finally {
        await p.end();
      }
    })();
    try {
      await c.query('select rebalance_table_shards(shard_transfer_mode => $1::citus.shard_transfer_mode)', [mode]);
    } finally {
      selesai = true;
      await pantau.catch((e: unknown) => ctx.log(`pemantauan rebalance: ${(e as Error).message}`));
    }
    h.rebalanceMs = performance.now() - t2;

    const sesudah = await petaShard(c);
    h.sesudah = perNode(sesudah);
    for (const [id, { port, tabel }] of sesudah) {
      const lama = sebelum.get(id)?.port ?? [];
      // A placement on a node that did not hold the shard: moved there when the shard left another node, else a new copy.
      const baru = port.filter((p) => !lama.includes(p)).length;
      const pergi = lama.filter((p) => !port.includes(p)).length;
      h.pindah += Math.min(baru, pergi);
      h.salinan += Math.max(0, baru - pergi);
      if (tabel === 'realisasi' && baru > 0 && pergi > 0) h.grupPindah++;
    }
    const idSesudah = await shardBeban();
    const portSesudah = sesudah.get(idSesudah)?.port[0];
    h.shardBebanPindah = portSesudah !== portBeban;
    ctx.log(
      `rebalance selesai dalam ${detik(h.rebalanceMs)} (${mode}): ${h.pindah} penempatan shard pindah (${h.grupPindah} grup), ${h.salinan} salinan baru; ` +
        `per node sebelum ${h.sebelum}; sesudah ${h.sesudah}; shard pemda beban ${idBeban} :${String(portBeban)} → :${String(portSesudah)}`,
    );
  } finally {
    await c.end();
  }
}

/** Moves by logical replication when every node can (wal_level = logical), else with writes blocked during each copy. */
async function modeTransfer(url: string): Promise<{ mode: string; walLevel: string }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ nodeport: number; result: string }>(
      `select n.nodeport, r.result from run_command_on_all_nodes('show wal_level') r join pg_dist_node n using (nodeid) order by n.nodeport`,
    );
    const walLevel = rows.map((r) => `:${r.nodeport} ${r.result}`).join(', ');
    return { mode: rows.length > 0 && rows.every((r) => r.result === 'logical') ? 'auto' : 'block_writes', walLevel };
  } finally {
    await c.end();
  }
}

async function isi(ctx: BenchContext, dbb: DbBench): Promise<DataBench> {
  const database = await openDatabase({ url: dbb.url });
  try {
    return await isiDb(database, ctx.kabupaten(), ctx);
  } finally {
    await database.close();
  }
}

export const citus: Measurement = {
  id: 'citus',
  async run(ctx) {
    const rows: BenchRow[] = [];
    const operasi = `save-realisasi API, ${KONEKSI_SIMPAN} koneksi`;

    // The machine's reference: pgbench on the plain PostgreSQL.
    const dbPgbench = await buatDb('postgres');
    try {
      const u = new URL(dbPgbench.url);
      await jalankan('pgbench', ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres'), '-i', '-q', '-s', String(PGBENCH_SKALA), u.pathname.slice(1)]);
      const durasi = Math.min(10, DURASI);
      rows.push(await pgbench(ctx, dbPgbench, 'select-only', durasi));
      rows.push(await pgbench(ctx, dbPgbench, 'simple-update', durasi));
    } finally {
      await dbPgbench.hapus();
    }

    const dbPg = await buatDb('postgres');
    try {
      const data = await isi(ctx, dbPg);
      rows.push(barisSimpan(`${operasi}, ${NAMA_DB.postgres}`, data, await bebanSimpan(ctx, dbPg.url, data, 'save PostgreSQL')));
    } finally {
      await dbPg.hapus();
    }

    const dbCitus = await buatDb('citus');
    try {
      ctx.log(`Citus: ${dbCitus.url}`);
      const data = await isi(ctx, dbCitus);
      rows.push(barisSimpan(`${operasi}, ${NAMA_DB.citus} 2 worker`, data, await bebanSimpan(ctx, dbCitus.url, data, 'save Citus 2 worker')));

      const { mode, walLevel } = await modeTransfer(dbCitus.url);
      ctx.log(`wal_level ${walLevel}: shard_transfer_mode ${mode}`);
      const r: HasilRebalance = { mode, workerSiapMs: Number.NaN, tambahNodeMs: Number.NaN, rebalanceMs: Number.NaN, pindah: 0, grupPindah: 0, salinan: 0, sebelum: '', sesudah: '', shardBebanPindah: false };
      // The load runs from the moment the new worker is started until the rebalance has finished.
      const h = await bebanSimpan(ctx, dbCitus.url, data, 'save Citus selama tambah worker + rebalance', {
        selama: () => tambahWorkerDanRebalance(ctx, dbCitus.url, data.pemdaId, mode, r),
      });
      rows.push(barisSimpan(`${operasi}, ${NAMA_DB.citus} selama tambah worker + rebalance 2→3`, data, h, `, lost writes 0 (${h.diakui} simpan diakui), maks ${formatMs(h.maks)}`));
      rows.push({
        operation: `${NAMA_DB.citus} tambah worker + rebalance 2→3, di bawah beban simpan`,
        size: `${data.akun.length} akun, ${data.entri.length} entri`,
        runs: 1,
        median: r.rebalanceMs,
        throughput:
          `${r.grupPindah} grup shard (${r.pindah} shard) pindah, ${r.salinan} salinan referensi, shard pemda beban ${r.shardBebanPindah ? 'ikut' : 'tidak ikut'} pindah, ${r.mode}; ` +
          `worker siap ${detik(r.workerSiapMs)}, citus_add_node ${formatMs(r.tambahNodeMs)}; shard per node ${r.sebelum} → ${r.sesudah}`,
        peakRss: Number.NaN,
        peakHeap: Number.NaN,
      });
    } finally {
      await dbCitus.hapus();
      await citusSh('remove-worker', String(WORKER_BARU)).catch((e: unknown) => ctx.log(`worker ${WORKER_BARU} tidak dihentikan: ${(e as Error).message}`));
    }
    return rows;
  },
};
