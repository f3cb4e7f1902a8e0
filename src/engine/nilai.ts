/**
 * A computed figure is either a value or an explicit reason why there is none. Missing input
 * never becomes NaN or a silent 0.
 */
import { Rational } from './decimal.ts';

export type Nilai =
  | { readonly status: 'ada'; readonly value: Rational }
  | { readonly status: 'belum-diisi' }
  | { readonly status: 'tidak-dapat-dihitung'; readonly alasan: string };

export const ada = (value: Rational): Nilai => ({ status: 'ada', value });
export const BELUM_DIISI: Nilai = { status: 'belum-diisi' };
export const tidakDapatDihitung = (alasan: string): Nilai => ({ status: 'tidak-dapat-dihitung', alasan });

export function isAda(n: Nilai): n is { status: 'ada'; value: Rational } {
  return n.status === 'ada';
}

/** Applies `f` to a present value; passes a missing one through unchanged. */
export function map(n: Nilai, f: (v: Rational) => Nilai | Rational): Nilai {
  if (n.status !== 'ada') return n;
  const r = f(n.value);
  return r instanceof Rational ? ada(r) : r;
}

/** Combines several figures; the first missing one is the result's reason. */
export function all(values: readonly Nilai[], f: (vs: Rational[]) => Nilai | Rational): Nilai {
  const out: Rational[] = [];
  for (const v of values) {
    if (v.status !== 'ada') return v;
    out.push(v.value);
  }
  const r = f(out);
  return r instanceof Rational ? ada(r) : r;
}

/** The JSON form: a number rounded for display, or null with the reason beside it. */
export function toJson(n: Nilai, decimals = 2): number | null {
  return n.status === 'ada' ? n.value.toNumber(decimals) : null;
}

export function statusText(n: Nilai): string | undefined {
  switch (n.status) {
    case 'ada':
      return undefined;
    case 'belum-diisi':
      return 'belum diisi';
    case 'tidak-dapat-dihitung':
      return `tidak dapat dihitung: ${n.alasan}`;
  }
}
