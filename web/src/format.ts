/**
 * Numbers and dates the Indonesian way (1.234.567,89 · Rp · 31 Januari 2024), whatever the UI
 * language: these figures end up in official documents, where the id-ID form is the norm.
 */

const angkaFormat = new Map<string, Intl.NumberFormat>();

function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = angkaFormat.get(key);
  if (!f) {
    f = new Intl.NumberFormat('id-ID', { minimumFractionDigits: min, maximumFractionDigits: max });
    angkaFormat.set(key, f);
  }
  return f;
}

/** 1234567.891 → "1.234.567,89"; up to `max` decimals, trailing zeros dropped. */
export function formatAngka(n: number | null | undefined, max = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return nf(0, max).format(n);
}

/** 87.17 → "87,17%" (the value is already a percent number). */
export function formatPersen(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return `${nf(2, 2).format(n)}%`;
}

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 });

/** 18820531793 → "Rp 18.820.531.793". */
export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return rupiah.format(n);
}

const tanggal = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric' });
const tanggalJam = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const jam = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function toDate(v: string | number | Date): Date | undefined {
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "2024-01-31" → "31 Januari 2024". */
export function formatTanggal(v: string | number | Date | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const d = toDate(v);
  return d ? tanggal.format(d) : String(v);
}

export function formatTanggalJam(v: string | number | Date | null | undefined): string {
  if (v === null || v === undefined) return '–';
  const d = toDate(v);
  return d ? tanggalJam.format(d) : String(v);
}

export function formatJam(v: Date): string {
  return jam.format(v);
}

/**
 * Reads a number typed the Indonesian way. Returns null for an empty field and NaN for text
 * that is not a number. "1.234,5" → 1234.5; "1.234" → 1234 (a dot between groups of three is a
 * thousands separator in id-ID); "26.15" → 26.15 (not a valid grouping, so the dot can only be
 * meant as a decimal point — people paste figures from English-locale spreadsheets).
 */
export function parseAngka(input: string): number | null {
  const s = input.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (!/^[-+]?[\d.,]+$/.test(s)) return Number.NaN;
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '');
  let normal: string;
  if (body.includes(',')) {
    const parts = body.split(',');
    if (parts.length !== 2) return Number.NaN;
    const [whole = '', frac = ''] = parts;
    if (!/^\d*$/.test(frac)) return Number.NaN;
    if (/^\d+$/.test(whole) || whole === '') normal = `${whole || '0'}.${frac || '0'}`;
    else if (/^\d{1,3}(\.\d{3})+$/.test(whole)) normal = `${whole.replace(/\./g, '')}.${frac || '0'}`;
    else return Number.NaN;
  } else if (body.includes('.')) {
    if (/^\d{1,3}(\.\d{3})+$/.test(body)) normal = body.replace(/\./g, '');
    else if (/^\d*\.\d+$/.test(body)) normal = body;
    else return Number.NaN;
  } else {
    if (!/^\d+$/.test(body)) return Number.NaN;
    normal = body;
  }
  const n = Number(normal);
  return Number.isFinite(n) ? sign * n : Number.NaN;
}

/** A value with its unit: "80%" for percent, "12 Perusahaan" otherwise; "–" when there is none. */
export function denganSatuan(n: number | null | undefined, satuan: string | null | undefined, max = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const u = (satuan ?? '').trim();
  if (u === '%') return `${formatAngka(n, max)}%`;
  return u ? `${formatAngka(n, max)} ${u}` : formatAngka(n, max);
}

/** A number as the user would type it back in an input: "1234,5" (no grouping, so it round-trips). */
export function angkaUntukInput(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  return String(n).replace('.', ',');
}
