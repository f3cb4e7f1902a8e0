/**
 * Unsent input kept in localStorage, so that nothing typed is lost to a reload, a closed tab or a
 * dropped connection. A draft is removed only once the server has confirmed exactly that input.
 */
import type { Isian } from './validate.ts';

export interface Draf {
  isian: Isian;
  /** The server version the input was typed against; a newer one on the server means a conflict. */
  version: number;
  diubah: string;
}

const PREFIX = 'sikiper:draf:v1:';

export interface KunciDraf {
  username: string;
  pemda: string;
  opd: string;
  tahun: number;
  tw: number;
  kode: string;
}

export function kunciDraf(k: KunciDraf): string {
  return `${PREFIX}${[k.username, k.pemda, k.opd, k.tahun, k.tw, k.kode].map(encodeURIComponent).join('/')}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function isIsian(v: unknown): v is Isian {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return ['nilai', 'pembilang', 'penyebut', 'keterangan'].every((k) => typeof o[k] === 'string');
}

export function bacaDraf(key: string): Draf | undefined {
  const raw = storage()?.getItem(key);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (!isIsian(v.isian) || typeof v.version !== 'number') return undefined;
    return { isian: v.isian, version: v.version, diubah: typeof v.diubah === 'string' ? v.diubah : '' };
  } catch {
    return undefined;
  }
}

export function simpanDraf(key: string, draf: Draf): void {
  try {
    storage()?.setItem(key, JSON.stringify(draf));
  } catch {
    // A full or disabled storage must not stop typing; the autosave to the server still runs.
  }
}

export function hapusDraf(key: string): void {
  storage()?.removeItem(key);
}

export function samaIsian(a: Isian, b: Isian): boolean {
  return a.nilai === b.nilai && a.pembilang === b.pembilang && a.penyebut === b.penyebut && a.keterangan === b.keterangan;
}
