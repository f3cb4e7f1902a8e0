/**
 * Standard Indonesian sentences written from the figures, and small builders of report blocks.
 */
import { formatAngka, formatNilai, formatRupiah, isAda, type Nilai } from '../engine/index.ts';
import type { Block, Cell, Inline, TableBlock, TableColumn } from './model.ts';

export const pct = (n: Nilai): string => (isAda(n) ? `${formatNilai(n)}%` : formatNilai(n));
export const angka = (n: Nilai): string => formatNilai(n);
export const rupiah = (x: number): string => formatRupiah(x);
export const rp = (x: number): string => formatAngka(x, 0);

export const h = (level: 1 | 2 | 3, text: string): Block => ({ type: 'heading', level, text });
export const p = (content: Inline, firstLineIndent = true): Block => ({ type: 'paragraph', content, firstLineIndent });
export const ol = (items: readonly Inline[]): Block => ({ type: 'list', ordered: true, items });
export const ul = (items: readonly Inline[]): Block => ({ type: 'list', ordered: false, items });

/** Narrative entered by staff, or a visible placeholder naming what is still to be written. */
export function narasi(items: readonly string[] | undefined, kosong: string, bentuk: 'list' | 'paragraf' = 'list'): Block[] {
  const list = (items ?? []).flatMap((s) => s.split(/\n+/)).map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) return [{ type: 'placeholder', text: kosong }];
  if (bentuk === 'paragraf') return list.map((s) => p(s));
  return [ol(list.map((s) => s.replace(/^(\d+|[a-z])[.)]\s+/, '')))];
}

export const c = (content: Inline, opts: Omit<Cell, 'content'> = {}): Cell => ({ content, ...opts });
export const num = (content: string, opts: Omit<Cell, 'content'> = {}): Cell => ({ content, align: 'right', ...opts });

export function tabel(caption: string, columns: TableColumn[], header: Cell[][], body: Cell[][], opts: { source?: string; small?: boolean } = {}): TableBlock {
  return { type: 'table', caption, columns, header, body, ...(opts.source ? { source: opts.source } : {}), ...(opts.small ? { small: true } : {}) };
}

/** "lebih tinggi" / "lebih rendah" / "sama dengan" comparing two figures as displayed. */
export function banding(a: Nilai, b: Nilai): string | undefined {
  if (!isAda(a) || !isAda(b)) return undefined;
  const cmp = a.value.round(2).cmp(b.value.round(2));
  return cmp > 0 ? 'lebih tinggi dibandingkan' : cmp < 0 ? 'lebih rendah dibandingkan' : 'sama dengan';
}

export function kalimatCapaianSasaran(nomor: number, capaian: Nilai, predikat: string | undefined): string {
  if (!isAda(capaian)) return `Capaian sasaran strategis ${nomor} ${formatNilai(capaian)}.`;
  return `Capaian sasaran strategis ${nomor} mencapai ${pct(capaian)} atau bermakna ${predikat ?? '-'}.`;
}

export function kalimatTahunLalu(tahun: number, now: Nilai, lalu: Nilai): string | undefined {
  const b = banding(now, lalu);
  if (!b) return undefined;
  return `Capaian tahun ${tahun} sebesar ${pct(now)} ${b} capaian tahun ${tahun - 1} sebesar ${pct(lalu)}.`;
}

export function jumlahPerPredikat(predikat: readonly (string | undefined)[], urutan: readonly string[]): string {
  const counts = urutan.map((label) => ({ label, n: predikat.filter((x) => x === label).length })).filter((x) => x.n > 0);
  const belum = predikat.filter((x) => x === undefined).length;
  const parts = counts.map((x) => `${x.n} (${terbilang(x.n)}) sasaran berpredikat ${x.label}`);
  if (belum > 0) parts.push(`${belum} (${terbilang(belum)}) sasaran belum dapat diukur`);
  return `Dari ${predikat.length} (${terbilang(predikat.length)}) sasaran strategis, ${gabung(parts)}.`;
}

export function gabung(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} dan ${parts[parts.length - 1] ?? ''}`;
}

const SATUAN = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];
/** Indonesian number words for small counts ("empat"), as official prose writes "4 (empat)". */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 12) return SATUAN[n] ?? String(n);
  if (n < 20) return `${terbilang(n - 10)} belas`;
  if (n < 100) return `${terbilang(Math.floor(n / 10))} puluh${n % 10 ? ` ${terbilang(n % 10)}` : ''}`;
  if (n < 200) return `seratus${n % 100 ? ` ${terbilang(n % 100)}` : ''}`;
  if (n < 1000) return `${terbilang(Math.floor(n / 100))} ratus${n % 100 ? ` ${terbilang(n % 100)}` : ''}`;
  return formatAngka(n, 0);
}
