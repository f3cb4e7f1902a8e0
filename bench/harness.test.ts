import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { median, MemoryTracker, percentile, renderTable, row, timeRuns } from './harness.ts';

void describe('bench harness', () => {
  void it('percentiles are nearest-rank, the median of an even count is the mean of the middle two', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(xs, 0.95), 95);
    assert.equal(percentile(xs, 0.99), 99);
    assert.equal(percentile([7], 0.99), 7);
    assert.equal(median([1, 2, 3, 4]), 2.5);
    assert.equal(median([3, 1, 2].sort()), 2);
  });

  void it('reports p95 from 20 runs and p99 from 100, and stays within the run limits', () => {
    const memory = new MemoryTracker();
    const times = timeRuns(() => [1, 2, 3].map((x) => x * 2), { warmup: 1, minRuns: 20, maxRuns: 25, budgetMs: 0 }, memory);
    assert.equal(times.length, 20);
    const r = row('op', 'size', times, { amount: 1, unit: 'x' }, memory);
    assert.ok(r.p95 !== undefined && r.p99 === undefined);
    assert.ok(r.peakRss > 0 && r.peakHeap > 0);
    assert.ok(row('op', 'size', Array.from({ length: 100 }, () => 1), { amount: 1, unit: 'x' }, memory).p99 !== undefined);
  });

  void it('renders one aligned Markdown table', () => {
    const memory = new MemoryTracker();
    memory.sample();
    const lines = renderTable([row('a', 'b', [1, 2, 3], { amount: 10, unit: 'OPD-tahun' }, memory)]).split('\n');
    assert.equal(lines.length, 3);
    assert.ok(lines.every((l) => l.length === lines[0]?.length && l.startsWith('|') && l.endsWith('|')));
    assert.match(lines[2] ?? '', /\| +— \|/);
  });
});
