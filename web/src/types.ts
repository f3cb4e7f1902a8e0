/**
 * Types of the browser that the API does not define. The API's shapes are the contract's
 * (src/kontrak/), imported as types: `import type { Entri } from '@kontrak/entri.ts'`. Me and
 * Peran are re-exported here for the modules that import them from this file.
 */
import type { DaftarOpd } from '@kontrak/laporan.ts';

export type { Me, Peran } from '@kontrak/umum.ts';

/** An OPD in the pickers: its slug and name. */
export type Opd = DaftarOpd['opd'][number];

export type Triwulan = 1 | 2 | 3 | 4;
