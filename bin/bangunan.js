// Whether the compiled build in dist/ is current: used by bin/sikiper.js to choose between the
// build and the TypeScript sources, and by the benchmarks to say which one they measured.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const STEMPEL = fileURLToPath(new URL('../dist/.dibangun', import.meta.url));

/** Modification time of the build stamp, or -1 without a build. */
function waktuBangun() {
  try {
    return statSync(STEMPEL).mtimeMs;
  } catch {
    return -1;
  }
}

/** Whether a source file that the build compiles changed after the build. */
function sumberLebihBaru(batas) {
  for (const e of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(ts|mjs)$/.test(e.name) || e.name.endsWith('.test.ts') || e.name === 'testing.ts') continue;
    if (statSync(`${e.parentPath ?? e.path}/${e.name}`).mtimeMs > batas) return true;
  }
  return false;
}

/** True when dist/ holds a build newer than every source file it was built from. */
export function bangunanTerkini() {
  const bangun = waktuBangun();
  return bangun >= 0 && !sumberLebihBaru(bangun);
}
