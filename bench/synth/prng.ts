/**
 * A small seeded PRNG for the synthetic data generator.
 *
 * Math.random cannot be seeded, and generated data must be reproducible from its seed alone
 * (tests compare two runs, benchmarks compare machines). sfc32 is fast, passes PractRand at the
 * sizes used here and needs only 32-bit integer arithmetic; its four words are filled by
 * splitmix32 so that neighbouring seeds (pemda i uses seed + i) give unrelated streams.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Mixes several integers into one 32-bit seed, so a child stream depends on all of them. */
export function deriveSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    // Both halves of the number count, so seeds above 2^32 do not collide with small ones.
    h = splitmix32(h ^ (p >>> 0))();
    h = splitmix32(h ^ (Math.floor(p / 0x100000000) >>> 0))();
  }
  return h;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    // The first outputs of sfc32 still echo the seed words; the reference implementation discards them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * An independent stream for one part of the data (an OPD, a year). Deriving it from the seed
   * and a label, not from this stream's position, keeps every other part unchanged when one
   * part draws more or fewer numbers.
   */
  fork(...label: number[]): Prng {
    return new Prng(deriveSeed(this.seed, ...label));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick dari daftar kosong');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; `weights[i]` belongs to `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return items[i] as T;
    }
    return this.pick(items);
  }

  /** `count` distinct items in random order (partial Fisher-Yates). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (pool.length - i));
      const tmp = pool[i] as T;
      pool[i] = pool[j] as T;
      pool[j] = tmp;
    }
    return pool.slice(0, n);
  }

  /** Log-uniform in [min, max): budgets and counts spread over orders of magnitude this way. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }
}

/**
 * Splits `total` into `parts` integers of at least `min` each, in random proportions
 * (largest remainder, so the parts always add up exactly).
 */
export function splitInteger(rng: Prng, total: number, parts: number, min = 0, weights?: readonly number[]): number[] {
  if (parts <= 0) return [];
  const spare = total - parts * min;
  if (spare < 0) throw new RangeError(`tidak dapat membagi ${total} menjadi ${parts} bagian minimal ${min}`);
  const w = weights ?? Array.from({ length: parts }, () => rng.float(0.2, 1));
  const wsum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (wsum > 0 ? (spare * x) / wsum : spare / parts));
  const out = exact.map((x) => Math.floor(x));
  let left = spare - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % parts, left--) {
    const idx = order[k]?.i ?? 0;
    out[idx] = (out[idx] ?? 0) + 1;
  }
  return out.map((x) => x + min);
}
