/**
 * `sikiper --help`, wall time of the whole process (spawned as a user would), beside a bare
 * `node -e 0` in the same run: the floor no command can go under on this machine. The row says
 * whether the compiled build (dist/) or the TypeScript sources ran; `npm run build:server`
 * makes the build current.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bangunanTerkini } from '../../bin/bangunan.js';
import { barisDariWaktu, type BenchRow, type Measurement } from '../harness.ts';

const BIN = fileURLToPath(new URL('../../bin/sikiper.js', import.meta.url));
const KALI = 20;

function waktu(args: string[]): number[] {
  const hasil: number[] = [];
  for (let i = 0; i < KALI + 2; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${args.join(' ')} keluar dengan ${r.status}`);
    if (i >= 2) hasil.push(performance.now() - t0);
  }
  return hasil.sort((a, b) => a - b);
}

const baris = (operation: string, lat: number[]): BenchRow => barisDariWaktu(operation, '-', lat, ' ');

export const cliHelp: Measurement = {
  id: 'cli-help',
  run() {
    const dist = bangunanTerkini();
    const sikiper = waktu([BIN, '--help']);
    const node = waktu(['-e', '0']);
    return Promise.resolve([baris(`sikiper --help (${dist ? 'dist/, terkompilasi' : 'sumber TypeScript lewat tsx'})`, sikiper), baris('node -e 0 (batas mesin)', node)]);
  },
};
