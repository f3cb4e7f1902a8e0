/**
 * Exact rational arithmetic on bigints.
 *
 * Capaian, serapan and their means are ratios of decimal inputs. Doing them in binary floating
 * point turns exact halves into 0.4999… and rounds them the wrong way (442.62 / 4 is
 * 110.65499999999999 as a double), so every figure is computed exactly and rounded once, for
 * display, half away from zero.
 */
export class Rational {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly HUNDRED = new Rational(100n, 1n);

  static of(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) throw new RangeError('penyebut nol');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return g > 1n ? new Rational(n / g, d / g) : new Rational(n, d);
  }

  /**
   * The decimal a person wrote: 26.15 is 2615/100, not the binary double nearest to it.
   * JavaScript's shortest round-trip representation gives back exactly the digits typed.
   */
  static from(x: number | string | Rational): Rational {
    if (x instanceof Rational) return x;
    const s = typeof x === 'number' ? numberToDecimalString(x) : x.trim();
    const m = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`bukan angka: ${s}`);
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] ?? '';
    const frac = m[3] ?? '';
    const exp = Number(m[4] ?? '0');
    let n = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0') * sign;
    let d = 10n ** BigInt(frac.length);
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d *= 10n ** BigInt(-exp);
    return Rational.of(n, d);
  }

  add(o: Rational): Rational {
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    if (o.n === 0n) throw new RangeError('pembagian dengan nol');
    return Rational.of(this.n * o.d, this.d * o.n);
  }
  neg(): Rational {
    return new Rational(-this.n, this.d);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isNegative(): boolean {
    return this.n < 0n;
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  equals(o: Rational): boolean {
    return this.cmp(o) === 0;
  }

  /** Rounds to `decimals` places, halves away from zero (the way people round by hand). */
  round(decimals: number): Rational {
    const scale = 10n ** BigInt(decimals);
    const scaled = this.n * scale;
    const abs = scaled < 0n ? -scaled : scaled;
    let q = abs / this.d;
    const r = abs % this.d;
    if (r * 2n >= this.d) q += 1n;
    return Rational.of(scaled < 0n ? -q : q, scale);
  }

  /** Cuts to `decimals` places toward zero. */
  truncate(decimals: number): Rational {
    const scale = 10n ** BigInt(decimals);
    return Rational.of((this.n * scale) / this.d, scale);
  }

  /** Exact decimal text with `decimals` places after rounding ("87.17"). */
  toFixed(decimals: number): string {
    const r = this.round(decimals);
    const scale = 10n ** BigInt(decimals);
    const scaled = (r.n * scale) / r.d;
    const neg = scaled < 0n;
    const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const int = digits.slice(0, digits.length - decimals);
    const frac = digits.slice(digits.length - decimals);
    return `${neg ? '-' : ''}${int}${decimals > 0 ? `.${frac}` : ''}`;
  }

  /** Nearest double; for output only. */
  toNumber(decimals?: number): number {
    if (decimals !== undefined) return Number(this.toFixed(decimals));
    return Number(this.n) / Number(this.d);
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function numberToDecimalString(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`bukan angka berhingga: ${x}`);
  return String(x);
}

/** Adds without reducing at every step: equal denominators add directly, one reduction at the end. */
export function sum(values: readonly Rational[]): Rational {
  let n = 0n;
  let d = 1n;
  for (const v of values) {
    if (v.d === d) n += v.n;
    else {
      n = n * v.d + v.n * d;
      d *= v.d;
    }
  }
  return Rational.of(n, d);
}

/** Mean of a non-empty list. */
export function mean(values: readonly Rational[]): Rational {
  if (values.length === 0) throw new RangeError('rata-rata dari daftar kosong');
  return sum(values).div(Rational.of(BigInt(values.length)));
}
