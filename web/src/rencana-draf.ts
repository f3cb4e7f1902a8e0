/**
 * Input helpers of the plan editor: exact rupiah parsing (bigint-safe, as a decimal string) and
 * unsent input kept in localStorage per field, so that nothing typed is lost to a reload, a
 * closed tab or a failed save. A draft is removed once the server confirmed that value.
 */
import { parseAngka } from './format.ts';

/**
 * Reads whole rupiah typed the Indonesian way: "1.234.567", "Rp 1.234.567", "1234567".
 * Returns the digits as a string (exact, whatever the size), null for an empty field and
 * undefined for text that is not whole rupiah.
 */
export function parseRupiah(input: string): string | null | undefined {
  const s = input.replace(/[\s\u00a0]/g, '').replace(/^Rp\.?/i, '');
  if (s === '') return null;
  if (/^\d+$/.test(s)) return s.replace(/^0+(?=\d)/, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return s.replace(/\./g, '').replace(/^0+(?=\d)/, '');
  if (/^\d{1,3}(\.\d{3})*,0*$/.test(s)) return s.replace(/,0*$/, '').replace(/\./g, '').replace(/^0+(?=\d)/, '');
  return undefined;
}

/** "155565000" → "155.565.000" (exact: grouping the digits, no conversion to a number). */
export function formatRupiahTeks(digits: string | null): string {
  if (digits === null) return '';
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export type HasilAngka = { ok: true; nilai: number | null } | { ok: false; kode: 'bukanAngka' | 'negatif' };

/** A planned value typed the Indonesian way (12,5 · 1.234): a number, empty, or why not. */
export function bacaTarget(input: string): HasilAngka {
  const n = parseAngka(input);
  if (n === null) return { ok: true, nilai: null };
  if (Number.isNaN(n)) return { ok: false, kode: 'bukanAngka' };
  if (n < 0) return { ok: false, kode: 'negatif' };
  return { ok: true, nilai: n };
}

const PREFIX = 'sikiper:rencana:v1:';

export interface DrafRencana<T> {
  isi: T;
  /** The server version the input was typed against. */
  version: number;
}

export function kunciRencana(parts: ReadonlyArray<string | number>): string {
  return PREFIX + parts.map((p) => encodeURIComponent(String(p))).join('/');
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function bacaDrafRencana<T>(key: string, cek: (v: unknown) => v is T): DrafRencana<T> | undefined {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (typeof v.version !== 'number' || !cek(v.isi)) return undefined;
    return { isi: v.isi, version: v.version };
  } catch {
    return undefined;
  }
}

export function simpanDrafRencana<T>(key: string, d: DrafRencana<T>): void {
  try {
    storage()?.setItem(key, JSON.stringify(d));
  } catch {
    // A full or disabled storage must not stop typing.
  }
}

export function hapusDrafRencana(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to remove
  }
}

export const isString = (v: unknown): v is string => typeof v === 'string';
