/**
 * The HTTP server under load, with the server in a second process and the load generated here:
 * the dashboard (one OPD, the whole pemda), save-realisasi with 200 connections on PGlite and on
 * PostgreSQL (on Citus: citus.ts), and the cold start to the first page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon, { type RequestSpec } from 'autocannon';
import { bacaBerkasDataset as readDatasetFiles } from '../../src/dataset/load.ts';
import { migrate, openDatabase } from '../../src/db/client.ts';
import { loadDataset, saveDataset } from '../../src/db/dataset-repository.ts';
import { barisDariWaktu, formatNumber, keep, median, type BenchContext, type BenchRow, type Measurement, UKURAN_KABUPATEN } from '../harness.ts';
import { buatDb, type DataBench, type DbBench, isiDb, mulaiServer, type Server, versiTersimpan } from '../server/siapkan.ts';

/** Seconds of load per run; BENCH_DURASI shortens it for a quick look. */
export const DURASI = Number(process.env.BENCH_DURASI ?? 15);

const cookieOf = (data: DataBench, akun: number) => {
  const a = data.akun[akun];
  if (!a) throw new Error(`akun ${akun} tidak ada`);
  return { cookie: `sikiper_sesi=${a.cookie}`, csrf: a.csrf };
};

const entriPath = (data: DataBench, e: { opd: string; kode: string; triwulan: number }) =>
  `/api/pemda/${data.pemda}/opd/${e.opd}/tahun/${data.tahun}/triwulan/${e.triwulan}/entri/${encodeURIComponent(e.kode)}`;
const dasborPath = (data: DataBench, opd: string) => `/api/pemda/${data.pemda}/opd/${opd}/tahun/${data.tahun}/dashboard`;

/** A row from latencies in ms that a server answered (not timed in this process's loop). */
export function barisLatensi(operation: string, size: string, lat: number[], perDetik: number, catatan: string, rss: number): BenchRow {
  return barisDariWaktu(operation, size, lat, `${formatNumber(perDetik)} req/s${catatan}`, { peakRss: rss, peakHeap: Number.NaN });
}

export interface HasilBeban {
  lat: number[];
  perDetik: number;
  status: Map<number, number>;
  galat: number;
  /** Server CPU ms per answered request. */
  cpuPerReq: number;
}

/** Load duration (s) when a load runs until something else settles: only a bound, never reached in practice. */
const BEBAN_TANPA_BATAS = 3600;

/**
 * autocannon against the server; every response's latency is kept, so percentiles are exact.
 * With `berhenti` the load stops when that settles (or after `durasi` seconds, whichever is first).
 */
async function beban(server: Server, connections: number, durasi: number, requests: RequestSpec[], berhenti?: Promise<unknown>): Promise<HasilBeban> {
  const url = server.url;
  const cpu0 = server.cpuMs();
  const lat: number[] = [];
  const status = new Map<number, number>();
  const inst = autocannon({ url, connections, duration: durasi, requests, timeout: 30 });
  inst.on('response', (_client: unknown, code: number, _bytes: number, ms: number) => {
    lat.push(ms);
    status.set(code, (status.get(code) ?? 0) + 1);
  });
  const stop = () => inst.stop();
  if (berhenti) berhenti.then(stop, stop);
  const r = await inst;
  return { lat, perDetik: r.requests.total / r.duration, status, galat: r.errors + r.timeouts, cpuPerReq: (server.cpuMs() - cpu0) / Math.max(1, lat.length) };
}

const ringkasStatus = (h: HasilBeban) =>
  `CPU server ${h.cpuPerReq.toFixed(1)} ms/req; ` +
  [...h.status.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}×${v}`)
    .join(' ');

async function get(server: Server, path: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
  const body = await r.text();
  const ms = performance.now() - t0;
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${body.slice(0, 200)}`);
  keep(body);
  return ms;
}

/**
 * Dashboard on PostgreSQL: one OPD's dashboard asked again and again (served from the cache
 * after the first), the same right after a write to that OPD (recomputed), and the whole pemda:
 * every OPD's dashboard the first time (recomputed) and then in a loop (cached). The old path,
 * loading the whole pemda's dataset per request, is timed in-process for comparison.
 */
export const dashboard: Measurement = {
  id: 'dashboard',
  async run(ctx) {
    const dbb = await buatDb('postgres');
    const database = await openDatabase({ url: dbb.url });
    let server: Server | undefined;
    try {
      const data = await isiDb(database, ctx.kabupaten(), ctx);
      const rows: BenchRow[] = [];
      server = await mulaiServer(dbb.url);
      const opd0 = data.opd[0] ?? '';
      const perencana = cookieOf(data, data.akun.findIndex((a) => a.peran === 'perencana' && a.opd === opd0)).cookie;
      const admin = cookieOf(data, data.akun.findIndex((a) => a.peran === 'admin-pemda')).cookie;

      // Whole pemda, first time: every OPD's figures computed from its own dataset.
      const pertama: number[] = [];
      for (const opd of data.opd) pertama.push(await get(server, dasborPath(data, opd), admin));
      rows.push(barisLatensi('dashboard API, seluruh pemda, pertama (hitung)', `${data.opd.length} OPD, PostgreSQL`, pertama, 1000 / median([...pertama].sort((a, b) => a - b)), '', server.puncakRss()));

      // One OPD after a write: the write moves the revision, the next dashboard recomputes.
      const entriOpd = data.entri.filter((e) => e.opd === opd0);
      const sesudahTulis: number[] = [];
      for (let i = 0; i < 30; i++) {
        const e = entriOpd[i % entriOpd.length];
        if (!e) break;
        const { cookie, csrf } = cookieOf(data, e.akun);
        const r = await fetch(`${server.url}${entriPath(data, e)}`, {
          method: 'PUT',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ nilai: i + 1, version: e.version }),
        });
        if (r.status !== 200) throw new Error(`simpan: ${r.status} ${await r.text()}`);
        e.version = ((await r.json()) as { version: number }).version;
        sesudahTulis.push(await get(server, dasborPath(data, opd0), perencana));
      }
      rows.push(barisLatensi('dashboard API, 1 OPD, sesudah tulis (hitung)', `1 OPD-tahun, PostgreSQL`, sesudahTulis, 1000 / median([...sesudahTulis].sort((a, b) => a - b)), '', server.puncakRss()));

      await beban(server, 10, 2, [{ method: 'GET', path: dasborPath(data, opd0), headers: { cookie: perencana } }]);
      const satu = await beban(server, 10, DURASI, [{ method: 'GET', path: dasborPath(data, opd0), headers: { cookie: perencana } }]);
      rows.push(barisLatensi('dashboard API, 1 OPD (cache), 10 koneksi', `1 OPD-tahun, PostgreSQL`, satu.lat, satu.perDetik, ` (${ringkasStatus(satu)})`, server.puncakRss()));

      let k = 0;
      const semua = await beban(server, 10, DURASI, [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: dasborPath(data, data.opd[k++ % data.opd.length] ?? opd0), headers: { cookie: admin } }),
        },
      ]);
      rows.push(barisLatensi('dashboard API, seluruh pemda (cache), 10 koneksi', `${data.opd.length} OPD, PostgreSQL`, semua.lat, semua.perDetik, ` (${ringkasStatus(semua)})`, server.puncakRss()));
      ctx.log(`dasbor: ${ringkasStatus(satu)} / ${ringkasStatus(semua)}`);
      await server.stop();
      server = undefined;

      // The path before the cache: the whole pemda's dataset read for every request.
      const lama: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        keep(await loadDataset(database.db, data.pemda));
        lama.push(performance.now() - t0);
      }
      rows.push(barisLatensi('loadDataset seluruh pemda (jalur lama per permintaan)', UKURAN_KABUPATEN, lama, 1000 / median([...lama].sort((a, b) => a - b)), ' ', Number.NaN));
      return rows;
    } finally {
      if (server) await server.stop();
      await database.close();
      await dbb.hapus();
    }
  },
};

/** How a database kind is named in the table. */
export const NAMA_DB: Record<DbBench['kind'], string> = { pglite: 'PGlite', postgres: 'PostgreSQL', citus: 'Citus' };

/** Connections of the save load. */
export const KONEKSI_SIMPAN = 200;
/** Longest warm-up of the save load, s. */
const PEMANASAN_MAKS = 60;

export interface OpsiSimpan {
  /**
   * Seconds of untimed load first (JIT, caches, pool connections), and longer until every
   * connection has had an answer, at most PEMANASAN_MAKS; its saves are checked too. Default 3.
   */
  pemanasan?: number;
  /**
   * Runs once the timed load has started; the load then lasts until it settles instead of
   * BENCH_DURASI seconds. When it fails, the load stops, the saves are still checked, and its
   * error is thrown after that.
   */
  selama?: () => Promise<void>;
}

export interface HasilSimpan {
  hasil: HasilBeban;
  /** Peak RSS of the server process. */
  rss: number;
  /** Saves answered 200. */
  diakui: number;
  /** Saves stored beyond the acknowledged ones: in flight when the load stopped, committed without a counted answer. */
  tanpaJawaban: number;
  non200: number;
  /** The slowest answer, ms. */
  maks: number;
}

const kunciEntri = (e: { opd: string; kode: string; triwulan: number }) => `${e.opd}/${e.kode}/${e.triwulan}`;

/**
 * save-realisasi: 200 connections, each request a real signed-in head of unit (session cookie +
 * CSRF token) saving a draft of an entry of their own unit, spread over every OPD; no two requests
 * in flight save the same entry, so versions do not conflict. The server runs on `url`, which
 * already holds `data` (isiDb). Afterwards every acknowledged save must be in the database: each
 * entry's stored version is at least its version before the load plus its saves answered 200;
 * else this throws. May run again on the same database: the starting versions are read from it
 * each time.
 */
export async function bebanSimpan(ctx: BenchContext, url: string, data: DataBench, nama: string, opsi: OpsiSimpan = {}): Promise<HasilSimpan> {
  // The stored versions are the start: an earlier load on this database may have committed saves whose answer it did not count.
  let database = await openDatabase({ url });
  const awal = await versiTersimpan(database.db, data);
  await database.close();
  for (const e of data.entri) e.version = awal.get(kunciEntri(e)) ?? 0;
  const diakui = new Map<string, number>();
  /** The first answer of every status other than 200, for the log. */
  const contoh = new Map<number, string>();
  // The entries, shuffled across OPDs and units, wait in a queue: a request takes the one at its
  // head and the answer puts it back at the tail, so no two requests in flight save the same entry
  // and every entry comes round again. (autocannon clears a connection's context after every
  // request of a one-request list, so entries cannot be bound to connections through it.) An entry
  // whose answer never came (the load stopped, a timeout) does not come back: its save may still
  // have been committed.
  const antrian = [...data.entri.keys()].sort((a, b) => ((a * 2654435761) % 4294967296) - ((b * 2654435761) % 4294967296));
  let kepala = 0;
  let nilai = 0;
  let dijawab = 0;
  const spec: RequestSpec[] = [
    {
      method: 'PUT',
      setupRequest: (req, c) => {
        if (kepala >= antrian.length) throw new Error('antrian entri habis');
        const ei = antrian[kepala++] ?? 0;
        // Keep the queue from growing without end: drop the part already taken now and then.
        if (kepala > 4096) {
          antrian.splice(0, kepala);
          kepala = 0;
        }
        c.entri = ei;
        const e = data.entri[ei];
        if (!e) throw new Error('entri tidak ada');
        const { cookie, csrf } = cookieOf(data, e.akun);
        return {
          ...req,
          path: entriPath(data, e),
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ nilai: (nilai++ % 997) + 1, keterangan: 'beban uji', version: e.version }),
        };
      },
      onResponse: (status, body, c) => {
        dijawab++;
        if (status !== 200 && !contoh.has(status)) contoh.set(status, body.slice(0, 300));
        const e = data.entri[c.entri as number];
        if (!e) return;
        antrian.push(c.entri as number);
        if (status === 409) {
          // A save whose answer a previous load did not wait for moved the version: take the stored one.
          try {
            const v = (JSON.parse(body) as { current?: { version?: number } }).current?.version;
            if (typeof v === 'number') e.version = v;
          } catch {
            // Not JSON: leave the version.
          }
        }
        if (status !== 200) return;
        e.version++;
        const key = kunciEntri(e);
        diakui.set(key, (diakui.get(key) ?? 0) + 1);
      },
    },
  ];
  const server = await mulaiServer(url);
  let hasil: HasilBeban;
  let rss: number;
  let gagal: Error | undefined;
  try {
    const detikPemanasan = opsi.pemanasan ?? 3;
    if (detikPemanasan > 0) {
      // On a loaded machine a cold server may not answer at all within the first seconds.
      const mulai = performance.now();
      let cek: NodeJS.Timeout | undefined;
      const cukup = new Promise<void>((res) => {
        cek = setInterval(() => {
          if (performance.now() - mulai >= detikPemanasan * 1000 && dijawab >= KONEKSI_SIMPAN) res();
        }, 100);
      });
      const pemanasan = await beban(server, KONEKSI_SIMPAN, PEMANASAN_MAKS, spec, cukup).finally(() => clearInterval(cek));
      ctx.log(`${nama}, pemanasan ${((performance.now() - mulai) / 1000).toFixed(1)} s: ${ringkasStatus(pemanasan)}`);
    }
    if (opsi.selama) {
      const jalan = opsi.selama();
      // Settled either way; the load stops then and the error, if any, waits for the check below.
      const selesai = jalan.then(
        () => undefined,
        (e: unknown) => {
          gagal = e instanceof Error ? e : new Error(`${nama}: gagal selama beban`, { cause: e });
        },
      );
      hasil = await beban(server, KONEKSI_SIMPAN, BEBAN_TANPA_BATAS, spec, selesai);
    } else {
      hasil = await beban(server, KONEKSI_SIMPAN, DURASI, spec);
    }
    rss = server.puncakRss();
  } finally {
    await server.stop();
  }
  // Every acknowledged write is in the database, and nothing else was written.
  database = await openDatabase({ url });
  const tersimpan = await versiTersimpan(database.db, data);
  await database.close();
  // A save answered 200 must be stored: the stored version is at least the start plus the
  // acknowledged saves. It may be more: saves still in flight when a load phase ended were
  // committed without their answer being counted.
  let hilang = 0;
  let total = 0;
  let tanpaJawaban = 0;
  for (const [key, n] of diakui) {
    total += n;
    const lebih = (tersimpan.get(key) ?? 0) - ((awal.get(key) ?? 0) + n);
    if (lebih < 0) hilang++;
    else tanpaJawaban += lebih;
  }
  ctx.log(
    `${nama}: ${ringkasStatus(hasil)}, galat koneksi ${hasil.galat}; ${total} simpan diakui, ${hilang} entri kehilangan simpan yang diakui, ${tanpaJawaban} simpan tersimpan tanpa jawaban terhitung`,
  );
  for (const [k, body] of contoh) ctx.log(`${nama}: contoh jawaban ${k}: ${body}`);
  if (hilang > 0) throw new Error(`${nama}: ${hilang} entri di basis data kehilangan simpan yang diakui`);
  if (gagal) throw gagal;
  // Only refusals (a session the server does not accept, an error on every save) would measure nothing.
  if (total === 0) throw new Error(`${nama}: tidak satu pun simpan dijawab 200 (${ringkasStatus(hasil)})`);
  const non200 = [...hasil.status.entries()].filter(([k]) => k !== 200).reduce((s, [, v]) => s + v, 0);
  return { hasil, rss, diakui: total, tanpaJawaban, non200, maks: hasil.lat.reduce((m, x) => Math.max(m, x), 0) };
}

/** The table row of a save load. */
export function barisSimpan(operation: string, data: DataBench, h: HasilSimpan, catatan = ''): BenchRow {
  return barisLatensi(
    operation,
    `${data.akun.length} akun, ${data.entri.length} entri`,
    h.hasil.lat,
    h.hasil.perDetik,
    `, non-200 ${h.non200}, galat ${h.hasil.galat}, CPU server ${h.hasil.cpuPerReq.toFixed(1)} ms/req${catatan}`,
    h.rss,
  );
}

/** The save load on a fresh database of one kind, holding the synthetic kabupaten. */
function simpanBeban(kind: 'pglite' | 'postgres'): Measurement {
  return {
    id: `save-${kind}`,
    async run(ctx: BenchContext) {
      const dbb = await buatDb(kind);
      try {
        const database = await openDatabase({ url: dbb.url });
        const data = await isiDb(database, ctx.kabupaten(), ctx);
        await database.close();
        const h = await bebanSimpan(ctx, dbb.url, data, `save-${kind}`);
        return [barisSimpan(`save-realisasi API, ${KONEKSI_SIMPAN} koneksi, ${NAMA_DB[kind]}`, data, h)];
      } finally {
        await dbb.hapus();
      }
    },
  };
}

export const savePglite = simpanBeban('pglite');
export const savePostgres = simpanBeban('postgres');

const BIN = fileURLToPath(new URL('../../bin/sikiper.js', import.meta.url));

function portBebas(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('tidak ada port'))));
    });
  });
}

/**
 * Cold start: `sikiper serve` spawned on a PGlite folder that already holds the kabupaten, until
 * GET / answers 200 (the server-rendered page when web/dist is not built, else index.html).
 */
export const coldStart: Measurement = {
  id: 'cold-start',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'sikiper-bench-cold-'));
    try {
      const database = await openDatabase({ url: `file://${dir}` });
      await migrate(database);
      await saveDataset(database.db, ctx.kabupaten());
      await database.close();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const port = await portBebas();
        const t0 = performance.now();
        const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env: { ...process.env, DATABASE_URL: `file://${dir}` }, stdio: 'ignore' });
        try {
          for (;;) {
            try {
              const r = await fetch(`http://127.0.0.1:${port}/`);
              await r.text();
              if (r.status === 200) break;
            } catch {
              // Not listening yet.
            }
            if (child.exitCode !== null) throw new Error(`serve berhenti (exit ${child.exitCode})`);
            await new Promise((r) => setTimeout(r, 10));
          }
          times.push(performance.now() - t0);
        } finally {
          await new Promise<void>((res) => {
            child.once('exit', () => res());
            child.kill('SIGTERM');
          });
        }
      }
      return [barisLatensi('cold start → GET / 200 (sikiper serve, PGlite berisi)', UKURAN_KABUPATEN, times, 1000 / median([...times].sort((a, b) => a - b)), ' ', Number.NaN)];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Documents under load (security finding F5): one reader asks for 20 PDFs of the reference LKJIP
 * at once while /api/health is asked every 50 ms, on a PGlite folder. The PDFs are built in the
 * worker pool behind the queue (src/server/beban.ts, its default limits); the health check's
 * latency shows whether the main thread stays free. BENCH_PEKERJA sets the pool size.
 */
export const pdfSerentak: Measurement = {
  id: 'pdf-serentak',
  async run(ctx) {
    const dbb = await buatDb('pglite');
    let server: Server | undefined;
    try {
      const database = await openDatabase({ url: dbb.url });
      const d = await readDatasetFiles(fileURLToPath(new URL('../../fixtures/paser-2023', import.meta.url)));
      const data = await isiDb(database, d, ctx);
      await database.close();
      server = await mulaiServer(dbb.url, process.env.BENCH_PEKERJA ? { SIKIPER_PEKERJA: process.env.BENCH_PEKERJA } : {});
      const s = server;
      const opd = data.opd[0] ?? '';
      const { cookie } = cookieOf(data, data.akun.findIndex((a) => a.peran === 'perencana' && a.opd === opd));
      const pdfPath = `/api/pemda/${data.pemda}/opd/${opd}/tahun/${data.tahun}/dokumen/lkjip?format=pdf`;
      // Warm up: the first document also starts the worker thread.
      const hangat = await fetch(`${s.url}${pdfPath}`, { headers: { cookie } });
      if (hangat.status !== 200) throw new Error(`PDF: ${hangat.status} ${await hangat.text()}`);
      keep(await hangat.arrayBuffer());

      const sehat: number[] = [];
      let selesai = false;
      const pantau = (async () => {
        while (!selesai) {
          const t0 = performance.now();
          const r = await fetch(`${s.url}/api/health`);
          await r.text();
          sehat.push(performance.now() - t0);
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      const status = new Map<number, number>();
      const t0 = performance.now();
      const pdf = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const a = performance.now();
          const r = await fetch(`${s.url}${pdfPath}`, { headers: { cookie } });
          keep(await r.arrayBuffer());
          status.set(r.status, (status.get(r.status) ?? 0) + 1);
          return performance.now() - a;
        }),
      );
      const total = performance.now() - t0;
      selesai = true;
      await pantau;
      const ringkas = [...status.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}×${v}`).join(' ');
      ctx.log(`pdf serentak: ${ringkas}, ${sehat.length} health checks, max ${Math.round(Math.max(...sehat))} ms`);
      return [
        barisLatensi('health selama 20 unduhan PDF LKJIP serentak', 'LKJIP referensi, PGlite', sehat, 1000 / median([...sehat].sort((a, b) => a - b)), ` (maks ${formatNumber(Math.max(...sehat))} ms)`, s.puncakRss()),
        barisLatensi('20 unduhan PDF LKJIP serentak, 1 pembaca', 'LKJIP referensi, PGlite', pdf, (20 * 1000) / total, ` (${ringkas})`, s.puncakRss()),
      ];
    } finally {
      await server?.stop();
      await dbb.hapus();
    }
  },
};
