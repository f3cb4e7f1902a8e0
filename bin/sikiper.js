#!/usr/bin/env node
// Entry point of the `sikiper` command, and the only place that hands the environment to the
// program (src/config/config.ts reads it).
//
// It runs the compiled JavaScript in dist/ (`npm run build:server`, run by `npm install` and
// `npm start`) when that build is newer than every source file it was built from, and otherwise
// the TypeScript sources through tsx, so that an edited source is never run from a stale build.
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

const bangun = waktuBangun();
let main;
if (bangun >= 0 && !sumberLebihBaru(bangun)) {
  process.setSourceMapsEnabled(true);
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { tsImport } = await import('tsx/esm/api');
  ({ main } = await tsImport('../src/cli/main.ts', import.meta.url));
}
process.exitCode = await main(process.argv.slice(2), process.env);
