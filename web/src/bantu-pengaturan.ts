/** Pure helpers of the settings and budget screens (tested in web/unit). */
import type { Band, RumusNegatif } from '@kontrak/pengaturan.ts';
import { parseAngka } from './format.ts';

/**
 * The year a page opens on when the address names none: the one last chosen if the OPD has
 * data for it, else the latest year with data, else the year being reported.
 */
export function pilihTahunAwal(tahunData: readonly number[], tersimpan: number | undefined, bawaan: number): number {
  if (tersimpan !== undefined && tahunData.includes(tersimpan)) return tersimpan;
  return tahunData.length > 0 ? Math.max(...tahunData) : bawaan;
}

/** Whole rupiah typed the Indonesian way ("1.234.567"); undefined when it is not one. */
export function parseRupiah(s: string): number | undefined {
  const n = parseAngka(s);
  if (n === null || Number.isNaN(n) || !Number.isSafeInteger(n)) return undefined;
  return n;
}

/** Capaian of a lower-is-better indicator under each rule; display only (the server computes exactly). */
export function capaianNegatif(rumus: RumusNegatif, target: number, realisasi: number): number | null {
  if (rumus === 'rasio-terbalik') return realisasi === 0 ? null : (target / realisasi) * 100;
  if (target === 0) return null;
  const c = ((2 * target - realisasi) / target) * 100;
  return rumus === 'selisih-min-nol' && c < 0 ? 0 : c;
}

/** A band as typed in the form: each field of the contract's Band as text ('' for no colour). */
export type BandIsian = Record<keyof Band, string>;

export type GalatBand = Partial<Record<'min' | 'label', 'galatAngka' | 'galatUrut' | 'galatNol' | 'galatLabel'>>;

/** Problems per band field (keys of pengaturan.skala.*), the same rule the server checks. */
export function periksaBands(bands: readonly BandIsian[]): GalatBand[] {
  return bands.map((b, i) => {
    const e: GalatBand = {};
    const min = parseAngka(b.min);
    if (min === null || Number.isNaN(min) || min < 0 || min > 1000) e.min = 'galatAngka';
    else {
      const prev = i > 0 ? parseAngka(bands[i - 1]?.min ?? '') : null;
      if (prev !== null && !Number.isNaN(prev) && !(min < prev)) e.min = 'galatUrut';
      else if (i === bands.length - 1 && min !== 0) e.min = 'galatNol';
    }
    if (b.label.trim() === '') e.label = 'galatLabel';
    return e;
  });
}
