/**
 * The benchmark harness: what a measurement is, how it is timed, and how memory is tracked.
 *
 * A measurement is a small object registered in `measurements/index.ts`; `run.ts` runs each one
 * in its own child process, because the operating system's peak-RSS figure only ever grows
 * within a process and one measurement's garbage would otherwise inflate the next one's numbers.
 */
import { generatePemda, ringkasan, UKURAN, type RingkasanDataset } from './synth/generate.ts';
import type { Dataset } from '../src/dataset/schema.ts';

/** One line of the results table. Times in milliseconds, memory in bytes. */
export interface BenchRow {
  operation: string;
  size: string;
  runs: number;
  median: number;
  /** Only when there are enough runs for the percentile to mean something. */
  p95?: number | undefined;
  p99?: number | undefined;
  /** Work per second at the median, with its unit ("OPD-tahun/s"). */
  throughput: string;
  peakRss: number;
  peakHeap: number;
}

export interface BenchContext {
  /** The reference synthetic kabupaten (seed fixed), generated once per process. */
  kabupaten(): Dataset;
  ringkasanKabupaten(): RingkasanDataset;
  memory: MemoryTracker;
  /** Progress for the person watching; goes to stderr so stdout keeps only the table. */
  log(message: string): void;
}

export interface Measurement {
  /** Used with `npm run bench -- --only <id>`. */
  id: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export const SEED_KABUPATEN = 20230101;

/**
 * Samples `process.memoryUsage()` between runs and on a timer (the timer only fires while the
 * event loop is free, so long synchronous operations are covered by the between-run samples and,
 * for RSS, by the kernel's own high-water mark).
 */
export class MemoryTracker {
  private rss = 0;
  private heap = 0;
  private timer: NodeJS.Timeout | undefined;

  start(intervalMs = 10): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }

  get peakRss(): number {
    // maxRSS is in kilobytes; it also sees peaks inside synchronous code, between samples.
    return Math.max(this.rss, process.resourceUsage().maxRSS * 1024);
  }

  get peakHeap(): number {
    return this.heap;
  }
}

export interface TimingOptions {
  warmup: number;
  minRuns: number;
  maxRuns: number;
  /** Stop adding runs past minRuns once this much time has been spent. */
  budgetMs: number;
  /**
   * Collect garbage before every run, outside the timed part. For operations that build large
   * structures, so that each run's peak heap is its own and not the previous runs' leftovers.
   */
  gcBetweenRuns?: boolean;
}

/** A place to keep each run's result so the engine cannot drop the work as unused. */
export const sink: { value: unknown } = { value: undefined };
export function keep(value: unknown): void {
  sink.value = value;
}

/**
 * Runs `fn` after warm-up until the run count or time budget is reached; returns each run's
 * wall-clock milliseconds. When `cpu` is given, each run's process CPU time (user + system, all
 * threads) is appended to it: on a shared machine it shows how much of the wall time was waiting.
 */
export function timeRuns(fn: () => unknown, opts: TimingOptions, memory: MemoryTracker, cpu?: number[]): number[] {
  for (let i = 0; i < opts.warmup; i++) {
    keep(fn());
    memory.sample();
  }
  collectGarbage();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < opts.maxRuns && (times.length < opts.minRuns || performance.now() - start < opts.budgetMs)) {
    if (opts.gcBetweenRuns) {
      keep(undefined);
      collectGarbage();
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = fn();
    const t1 = performance.now();
    if (cpu) {
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    // Sampled while the result is still referenced, so the peak includes it.
    memory.sample();
    keep(out);
    times.push(t1 - t0);
  }
  keep(undefined);
  return times;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * A table row from times in ms measured anywhere (this process, a server's answers, a browser, a
 * child process): p95 from 20 runs on, p99 from 100 (below that they are just the maximum). The
 * throughput column is given as text; memory is the measured process's when known.
 */
export function barisDariWaktu(operation: string, size: string, times: readonly number[], throughput: string, peak: { peakRss: number; peakHeap: number } = { peakRss: Number.NaN, peakHeap: Number.NaN }): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    operation,
    size,
    runs: sorted.length,
    median: median(sorted),
    p95: sorted.length >= 20 ? percentile(sorted, 0.95) : undefined,
    p99: sorted.length >= 100 ? percentile(sorted, 0.99) : undefined,
    throughput,
    peakRss: peak.peakRss,
    peakHeap: peak.peakHeap,
  };
}

/** A table row from run times in this process, with the work per second at the median. */
export function row(operation: string, size: string, times: readonly number[], work: { amount: number; unit: string }, memory: MemoryTracker): BenchRow {
  const med = median([...times].sort((a, b) => a - b));
  return barisDariWaktu(operation, size, times, `${formatNumber((work.amount * 1000) / med)} ${work.unit}/s`, memory);
}

/** Runs a full collection when node was started with --expose-gc (run.ts starts children so). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export function createContext(memory: MemoryTracker): BenchContext {
  let kabupaten: Dataset | undefined;
  let ringkas: RingkasanDataset | undefined;
  const log = (message: string) => process.stderr.write(`  ${message}\n`);
  return {
    kabupaten() {
      if (!kabupaten) {
        const t0 = performance.now();
        kabupaten = generatePemda({ seed: SEED_KABUPATEN, slug: 'kabupaten-bench', ...UKURAN.kabupaten });
        log(`kabupaten sintetis dibuat dalam ${(performance.now() - t0).toFixed(0)} ms`);
      }
      return kabupaten;
    },
    ringkasanKabupaten() {
      ringkas ??= ringkasan(this.kabupaten());
      return ringkas;
    },
    memory,
    log,
  };
}

export const UKURAN_KABUPATEN = `${UKURAN.kabupaten.opd} OPD × ${UKURAN.kabupaten.tahun} th × ${UKURAN.kabupaten.indikatorPerOpdTahun} ind`;

// ---------------------------------------------------------------- formatting

const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return x >= 100 ? nf.format(x) : x.toPrecision(3);
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}

export function formatBytes(b: number): string {
  if (!Number.isFinite(b)) return '—';
  return `${(b / (1024 * 1024)).toFixed(0)} MiB`;
}

/** The results as a Markdown table: readable in a terminal and pasteable into docs/performance.md. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['operation', 'size', 'runs', 'median', 'p95', 'p99', 'throughput', 'peak RSS', 'peak heap'];
  const body = rows.map((r) => [r.operation, r.size, String(r.runs), formatMs(r.median), formatMs(r.p95), formatMs(r.p99), r.throughput, formatBytes(r.peakRss), formatBytes(r.peakHeap)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const right = new Set([2, 3, 4, 5, 6, 7, 8]);
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
