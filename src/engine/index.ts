/** The calculation engine: pure functions, no I/O, shared by server, CLI, UI and benchmarks. */
export * from './decimal.ts';
export * from './nilai.ts';
export * from './capaian.ts';
export * from './skala.ts';
export * from './anggaran.ts';
export * from './format.ts';
export * from './evaluasi.ts';
