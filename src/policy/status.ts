import type { z } from 'zod';
import type { StatusRealisasi } from '../dataset/schema.ts';

/** Status of a realisasi entry as users see it: 'kosong' is an entry nobody has saved yet. */
export type StatusEntri = 'kosong' | z.infer<typeof StatusRealisasi>;

/** Statuses that count toward capaian (the measure code applies the same rule to the dataset). */
export const STATUS_FINAL: ReadonlySet<StatusEntri> = new Set(['diverifikasi', 'disetujui']);

/** A status a stored row can have. */
export type StatusTersimpan = Exclude<StatusEntri, 'kosong'>;
