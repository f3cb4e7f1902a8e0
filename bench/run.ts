/**
 * `npm run bench`: runs every registered measurement and prints one table to stdout.
 *
 *   npm run bench                       all measurements
 *   npm run bench -- --only recompute-1,check
 *   npm run bench -- --list             the measurement ids
 *
 * Each measurement runs in a child process of its own (see harness.ts for why); the machine
 * description and progress go to stderr, so `npm run bench > out.md` keeps only the table.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext, MemoryTracker, renderTable, type BenchRow } from './harness.ts';
import { MEASUREMENTS } from './measurements/index.ts';

const RESULT_MARKER = '@@bench-rows ';

export function describeMachine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() already gave the model.
  }
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu}, ${os.availableParallelism()} cores, ${ram} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`;
}

async function runChild(id: string): Promise<void> {
  const m = MEASUREMENTS.find((x) => x.id === id);
  if (!m) throw new Error(`no measurement "${id}"`);
  const memory = new MemoryTracker();
  const rows = await m.run(createContext(memory));
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(rows)}\n`);
}

function spawnChild(id: string): Promise<BenchRow[]> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--child', id], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || !line) {
        reject(new Error(`measurement "${id}" failed (exit ${String(code)})`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as BenchRow[]);
    });
  });
}

async function runAll(only: readonly string[]): Promise<void> {
  const selected = only.length > 0 ? MEASUREMENTS.filter((m) => only.includes(m.id)) : MEASUREMENTS;
  const unknown = only.filter((id) => !MEASUREMENTS.some((m) => m.id === id));
  if (unknown.length > 0) throw new Error(`unknown measurement(s): ${unknown.join(', ')}; known: ${MEASUREMENTS.map((m) => m.id).join(', ')}`);
  process.stderr.write(`# machine: ${describeMachine()}\n`);
  // Other processes on the machine make wall-clock medians drift; the load average tells the reader.
  process.stderr.write(`# load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  const started = performance.now();
  const rows: BenchRow[] = [];
  for (const m of selected) {
    process.stderr.write(`# ${m.id}\n`);
    try {
      rows.push(...(await spawnChild(m.id)));
    } catch (e) {
      // One failed measurement must not lose the others' rows: it shows as a row of its own.
      process.stderr.write(`# ${(e as Error).message}\n`);
      rows.push({ operation: `${m.id}: GAGAL (lihat stderr)`, size: '', runs: 0, median: Number.NaN, throughput: '', peakRss: Number.NaN, peakHeap: Number.NaN });
    }
  }
  process.stderr.write(`# done in ${((performance.now() - started) / 1000).toFixed(1)} s; load average at end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  process.stdout.write(`${renderTable(rows)}\n`);
}

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    child: { type: 'string' },
    list: { type: 'boolean' },
  },
});

if (values.list) {
  process.stdout.write(`${MEASUREMENTS.map((m) => m.id).join('\n')}\n`);
} else if (values.child) {
  await runChild(values.child);
} else {
  await runAll(
    (values.only ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
}
