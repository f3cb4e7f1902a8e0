/**
 * Indonesian display formats: 1.234.567,89; Rp18.820.531.793; 87,17%; 31 Januari 2024.
 */
import { Rational } from './decimal.ts';
import type { Nilai } from './nilai.ts';

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234567.891 -> "1.234.567,89" (rounded half away from zero, exactly). */
export function formatAngka(x: number | Rational, desimal = 2, options: { buangNolBelakang?: boolean } = {}): string {
  const fixed = Rational.from(x).toFixed(desimal);
  const neg = fixed.startsWith('-');
  const [int = '0', frac = ''] = (neg ? fixed.slice(1) : fixed).split('.');
  let f = frac;
  if (options.buangNolBelakang) f = f.replace(/0+$/, '');
  const isZero = /^0*$/.test(int + frac);
  return `${neg && !isZero ? '-' : ''}${groupThousands(int)}${f ? `,${f}` : ''}`;
}

/** Whole rupiah: "Rp18.820.531.793". */
export function formatRupiah(x: number): string {
  return `Rp${formatAngka(x, 0)}`;
}

export function formatPersen(x: number | Rational, desimal = 2): string {
  return `${formatAngka(x, desimal)}%`;
}

/** A figure or its missing state, for tables. */
export function formatNilai(n: Nilai, desimal = 2, suffix = ''): string {
  switch (n.status) {
    case 'ada':
      return `${formatAngka(n.value, desimal)}${suffix}`;
    case 'belum-diisi':
      return 'belum diisi';
    case 'tidak-dapat-dihitung':
      return 'tidak dapat dihitung';
  }
}

/** "2024-01-31" or a Date -> "31 Januari 2024". */
export function formatTanggal(d: string | Date): string {
  const date = typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d;
  if (Number.isNaN(date.getTime())) throw new RangeError(`tanggal tidak sah: ${String(d)}`);
  return `${date.getUTCDate()} ${BULAN[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
