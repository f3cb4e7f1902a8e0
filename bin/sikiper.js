#!/usr/bin/env node
// Entry point of the `sikiper` command, and the only place that hands the environment to the
// program (src/config/config.ts reads it).
//
// It runs the compiled JavaScript in dist/ (`npm run build:server`, run by `npm install` and
// `npm start`) when that build is newer than every source file it was built from, and otherwise
// the TypeScript sources through tsx, so that an edited source is never run from a stale build.
import { bangunanTerkini } from './bangunan.js';

let main;
if (bangunanTerkini()) {
  process.setSourceMapsEnabled(true);
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { tsImport } = await import('tsx/esm/api');
  ({ main } = await tsImport('../src/cli/main.ts', import.meta.url));
}
process.exitCode = await main(process.argv.slice(2), process.env);
