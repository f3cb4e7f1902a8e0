#!/usr/bin/env node
// Entry point of the `sikiper` command: runs the TypeScript sources through tsx. The only place
// that hands the environment to the program (src/config/config.ts reads it).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2), process.env);
