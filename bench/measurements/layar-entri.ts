/**
 * The planner's entry screen in a real browser (issue #13): `sikiper serve` on a fresh PGlite
 * folder with the Paser demo data (as the browser tests start it), Debian's Chromium driven by
 * playwright-core, signed in as perencana.disnakertrans. Each run loads
 * /entri?opd=disnakertrans&tahun=2023&tw=4 as a new document (assets from the browser's cache
 * after the warm-up) and reads, in the page, from navigation start (`performance.timeOrigin`):
 *
 * - the arrival of the entry list (`responseEnd` of its request, Resource Timing);
 * - the first frame in which the cards of the first viewport are there: at least one card, and
 *   the cards reach the bottom of the window (or every card of the list is there);
 * - the first frame in which every card of the list is in the document;
 * - the longest main-thread task (Long Tasks API) up to then.
 *
 * web/dist is built first when missing or older than web/src. `BENCH_RUNS` sets the timed runs
 * (default 20). `BENCH_TRACE=<file.json>` records one more run as a Chromium performance trace
 * (open it in the DevTools Performance panel) and prints where the main thread's time went
 * (trace events and the sampled CPU profile's self time per function); for readable names build
 * the web app unminified first (`npx vite build web --minify false`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { barisDariWaktu, formatNumber, median, type Measurement } from '../harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'sikiper.js');
const DIST = join(ROOT, 'web', 'dist');
const CHROMIUM = '/usr/bin/chromium';
const SANDI = 'demo-bench-sandi-2023';
const PEMDA = 'paser';
const OPD = 'disnakertrans';
const TAHUN = 2023;
const TW = 4;
const JALUR = `/entri?opd=${OPD}&tahun=${TAHUN}&tw=${TW}`;
const VIEWPORT = { width: 1366, height: 768 };
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 2;

function portBebas(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('tidak ada port'))));
    });
  });
}

function terbaru(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? terbaru(p) : statSync(p).mtimeMs);
  }
  return t;
}

async function mulaiServe(): Promise<{ url: string; stop: () => Promise<void> }> {
  // The UI of this tree, as scripts/run-tests.mjs makes sure for the browser tests.
  const index = join(DIST, 'index.html');
  if (!existsSync(index) || terbaru(join(ROOT, 'web', 'src')) > statSync(index).mtimeMs) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (build.status !== 0) throw new Error('vite build web gagal');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'sikiper-bench-entri-'));
  const port = await portBebas();
  const env: NodeJS.ProcessEnv = { ...process.env, SIKIPER_DATA_DIR: dataDir, SIKIPER_DEMO_PASSWORD: SANDI, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.SIKIPER_COOKIE_SECURE;
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const batas = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve berhenti (exit ${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${url}/api/health`);
      await r.text();
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > batas) {
      child.kill('SIGKILL');
      throw new Error(`serve tidak menjawab /api/health dalam 120 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const keluar = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await keluar;
        clearTimeout(t);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface HasilRun {
  data: number;
  viewport: number;
  semua: number;
  /** Longest main-thread task up to `semua`, ms. */
  taskTerpanjang: number;
  kartuViewport: number;
}

/**
 * Runs in every document of the context (as source text, so no transpiler helper is needed in
 * the page). On /entri it checks once per frame and records the times; `__benchEntri.n` is the
 * number of cards the list holds, set by the measurement before the runs.
 */
const PENGAMAT = `(() => {
  if (location.pathname !== '/entri') return;
  const n = Number(sessionStorage.getItem('bench:n') || '0');
  const h = { data: null, viewport: null, semua: null, tasks: [], kartuViewport: 0 };
  window.__benchEntri = h;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) h.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const langkah = () => {
    if (h.data === null) {
      const r = performance.getEntriesByType('resource').find((e) => /\\/triwulan\\/\\d\\/entri(\\?|$)/.test(e.name));
      if (r && r.responseEnd > 0) h.data = r.responseEnd;
    }
    const kartu = document.querySelectorAll('article.kartu-entri');
    if (kartu.length > 0 && h.viewport === null) {
      const tinggi = window.innerHeight;
      let penuh = kartu.length >= n;
      let terlihat = 0;
      for (const k of kartu) {
        const r = k.getBoundingClientRect();
        if (r.height === 0) continue;
        if (r.top < tinggi && r.bottom > 0) {
          if (!k.querySelector('form')) { penuh = false; break; }
          terlihat++;
        }
        if (r.bottom >= tinggi) { penuh = true; break; }
      }
      if (penuh && terlihat > 0) { h.viewport = performance.now(); h.kartuViewport = terlihat; }
    }
    if (h.viewport !== null && kartu.length >= n) h.semua = performance.now();
    if (h.semua === null) requestAnimationFrame(langkah);
  };
  requestAnimationFrame(langkah);
})()`;

/** Uncaught errors and console errors of the page, for the message when a run times out. */
const galatHalaman: string[] = [];

async function satuRun(page: Page, url: string): Promise<HasilRun> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForFunction(() => (window as unknown as { __benchEntri?: { semua: number | null } }).__benchEntri?.semua != null, undefined, { timeout: 60_000, polling: 100 });
  } catch (e) {
    const teks = await page.evaluate(() => document.body.innerText.slice(0, 400)).catch(() => '');
    throw new Error(`kartu tidak muncul dalam 60 s (${(e as Error).message.split('\n')[0]}); halaman: ${JSON.stringify(teks)}; galat halaman: ${galatHalaman.join(' | ')}`, { cause: e });
  }
  // The long-task observer reports after the task; let it deliver.
  await page.waitForTimeout(50);
  const h = await page.evaluate(() => (window as unknown as { __benchEntri: { data: number | null; viewport: number; semua: number; tasks: [number, number][]; kartuViewport: number } }).__benchEntri);
  if (h.data === null) throw new Error('respons daftar entri tidak terlihat di Resource Timing');
  const taskTerpanjang = Math.max(0, ...h.tasks.filter(([mulai]) => mulai < h.semua).map(([, lama]) => lama));
  return { data: h.data, viewport: h.viewport, semua: h.semua, taskTerpanjang, kartuViewport: h.kartuViewport };
}


// ------------------------------------------------------------------ trace summary (BENCH_TRACE)

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: { name?: string; data?: { cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName?: string; url?: string; lineNumber?: number } }[]; samples?: number[] }; timeDeltas?: number[] } };
}

/** Where the renderer's main thread spent the traced run: top-level tasks, event kinds, functions by self time. */
export function ringkasJejak(events: readonly TraceEvent[]): string {
  const utama = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === 'FunctionCall'));
  if (!utama) return 'jejak: utas utama renderer tidak ditemukan';
  const di = events.filter((e) => e.pid === utama.pid && e.tid === utama.tid && e.ph === 'X' && typeof e.dur === 'number');
  const tugas = di.filter((e) => e.name === 'RunTask').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const perNama = new Map<string, number>();
  for (const e of di) perNama.set(e.name, (perNama.get(e.name) ?? 0) + (e.dur ?? 0));
  const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;
  const baris: string[] = [];
  baris.push(`tugas utas utama: ${tugas.length}, total ${ms(tugas.reduce((s, e) => s + (e.dur ?? 0), 0))}, terpanjang ${tugas.slice(0, 5).map((e) => ms(e.dur ?? 0)).join(', ')}`);
  const jenis = ['FunctionCall', 'EvaluateScript', 'v8.compile', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'ParseHTML', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR'];
  baris.push(`per jenis (inklusif, bisa bertumpuk): ${jenis.filter((n) => perNama.has(n)).map((n) => `${n} ${ms(perNama.get(n) ?? 0)}`).join(', ')}`);
  // The sampled CPU profile of the renderer: self time per function.
  const simpul = new Map<number, { fn: string; url: string; line: number }>();
  const diri = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== utama.pid) continue;
    const p = e.args?.data?.cpuProfile;
    for (const n of p?.nodes ?? []) simpul.set(n.id, { fn: n.callFrame.functionName || '(anonim)', url: (n.callFrame.url ?? '').replace(/^.*\//, ''), line: (n.callFrame.lineNumber ?? 0) + 1 });
    const sampel = p?.samples ?? [];
    const delta = e.args?.data?.timeDeltas ?? [];
    for (let i = 0; i < sampel.length; i++) {
      const s = simpul.get(sampel[i] ?? -1);
      if (!s) continue;
      const kunci = s.url ? `${s.fn} ${s.url}:${s.line}` : s.fn;
      diri.set(kunci, (diri.get(kunci) ?? 0) + Math.max(0, delta[i] ?? 0));
    }
  }
  const total = [...diri.values()].reduce((a, b) => a + b, 0);
  const atas = [...diri.entries()].filter(([k]) => k !== '(idle)' && k !== '(program)').sort((a, b) => b[1] - a[1]).slice(0, 25);
  baris.push(`profil CPU (self), total sampel ${ms(total)}:`);
  for (const [k, v] of atas) baris.push(`  ${ms(v).padStart(10)}  ${k}`);
  return baris.join('\n');
}

export const layarEntri: Measurement = {
  id: 'layar-entri',
  async run(ctx) {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} tidak ada (apt-get install -y chromium)`);
    const server = await mulaiServe();
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'id-ID', timezoneId: 'Asia/Makassar', baseURL: server.url });
      const page = await context.newPage();
      page.on('pageerror', (e) => galatHalaman.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') galatHalaman.push(m.text());
      });
      await page.goto('/masuk');
      await page.getByLabel('Nama pengguna').fill('perencana.disnakertrans');
      await page.getByLabel('Kata sandi').fill(SANDI);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
      const n = await page.evaluate(async (p) => {
        const r = await fetch(p, { credentials: 'same-origin', headers: { accept: 'application/json' } });
        return ((await r.json()) as { indikator: unknown[] }).indikator.length;
      }, `/api/pemda/${PEMDA}/opd/${OPD}/tahun/${TAHUN}/triwulan/${TW}/entri`);
      await page.evaluate((x) => sessionStorage.setItem('bench:n', String(x)), n);
      await context.addInitScript(PENGAMAT);
      ctx.log(`layar entri: ${n} kartu, ${WARMUP} pemanasan + ${RUNS} run`);

      for (let i = 0; i < WARMUP; i++) await satuRun(page, JALUR);
      const hasil: HasilRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const h = await satuRun(page, JALUR);
        hasil.push(h);
        ctx.log(`  run ${i + 1}: data ${h.data.toFixed(0)} ms, viewport ${h.viewport.toFixed(0)} ms (${h.kartuViewport} kartu), semua ${h.semua.toFixed(0)} ms, task terpanjang ${h.taskTerpanjang.toFixed(0)} ms`);
      }

      const jejak = process.env.BENCH_TRACE;
      if (jejak) {
        await page.goto('about:blank');
        await browser.startTracing(page, { path: jejak, screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading'] });
        const h = await satuRun(page, JALUR);
        await browser.stopTracing();
        ctx.log(`jejak ${jejak}: data ${h.data.toFixed(0)} ms, viewport ${h.viewport.toFixed(0)} ms, semua ${h.semua.toFixed(0)} ms`);
        const isi = JSON.parse(readFileSync(jejak, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
        ctx.log(ringkasJejak(Array.isArray(isi) ? isi : (isi.traceEvents ?? [])));
      }

      const ukuran = `Paser ${TAHUN} TW${TW}, ${n} kartu, ${VIEWPORT.width}×${VIEWPORT.height}`;
      const task = median(hasil.map((h) => h.taskTerpanjang).sort((a, b) => a - b));
      const kartuVp = median(hasil.map((h) => h.kartuViewport).sort((a, b) => a - b));
      return [
        barisDariWaktu('layar entri perencana: navigasi → respons data entri (Chromium)', ukuran, hasil.map((h) => h.data), ' '),
        barisDariWaktu('layar entri perencana: navigasi → kartu viewport pertama terlihat (Chromium)', ukuran, hasil.map((h) => h.viewport), `${formatNumber(kartuVp)} kartu di viewport; task terpanjang ${formatNumber(task)} ms`),
        barisDariWaktu('layar entri perencana: navigasi → semua kartu di DOM (Chromium)', ukuran, hasil.map((h) => h.semua), ' '),
      ];
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
