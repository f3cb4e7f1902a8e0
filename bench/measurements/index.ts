/**
 * The measurements `npm run bench` runs, in this order. To add one: write a `Measurement` in this
 * folder (see harness.ts) and list it here; it gets its own process and its own table row(s).
 */
import type { Measurement } from '../harness.ts';
import { cekKabupaten } from './check.ts';
import { citus } from './citus.ts';
import { cliHelp } from './cli.ts';
import { generateKabupaten } from './generate.ts';
import { parseKabupaten } from './parse.ts';
import { importRenja } from './import.ts';
import { recomputeSatuTahun, recomputeSemuaTahun } from './recompute.ts';
import { imporRegister } from './register.ts';
import { layarEntri } from './layar-entri.ts';
import { lkjipReferensi, lkjipSintetis, pratinjauLkjip } from './report.ts';
import { coldStart, dashboard, pdfSerentak, savePglite, savePostgres } from './server.ts';

export const MEASUREMENTS: readonly Measurement[] = [generateKabupaten, recomputeSatuTahun, recomputeSemuaTahun, cekKabupaten, parseKabupaten, lkjipReferensi, lkjipSintetis, pratinjauLkjip, importRenja, imporRegister, dashboard, savePglite, savePostgres, pdfSerentak, coldStart, cliHelp, layarEntri, citus];
