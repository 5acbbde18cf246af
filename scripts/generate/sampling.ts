import type { Rng } from '../../src/lib/random/rng';

/** Lognormal draw with the given median and log-scale sigma. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

/** Lognormal draw with the given mean and log-scale sigma. */
export function lognormalMean(rng: Rng, mean: number, sigma: number): number {
  return mean * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
}

/** Poisson draw (Knuth), for small means. */
export function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Uniform in [a, b). */
export function uniform(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

/** Logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Systematic (dithered) Bernoulli sampler: each call selects with marginal probability p,
 * and the number selected over a run stays within one of the sum of the p's.
 */
export class SystematicSampler {
  private acc: number;

  constructor(rng: Rng) {
    this.acc = rng.next();
  }

  /** Returns true with probability p (clamped to [0, 1]). */
  take(p: number): boolean {
    this.acc += p <= 0 ? 0 : p >= 1 ? 1 : p;
    if (this.acc >= 1) {
      this.acc -= 1;
      return true;
    }
    return false;
  }
}

/** A categorical distribution with O(log n) draws. */
export class Categorical<T> {
  private readonly cumulative: number[];

  constructor(
    readonly values: readonly T[],
    weights: readonly number[]
  ) {
    let sum = 0;
    this.cumulative = weights.map((w) => (sum += w));
  }

  /** Draws one value. */
  pick(rng: Rng): T {
    const c = this.cumulative;
    const r = rng.next() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }
}

/** Builds a categorical from a record of value → weight. */
export function categorical<K extends string>(table: Readonly<Record<K, number>>): Categorical<K> {
  const keys = Object.keys(table) as K[];
  return new Categorical(
    keys,
    keys.map((k) => table[k])
  );
}

/** Continuous median (DuckDB `median`) of a list of numbers. */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const mid = (s.length - 1) / 2;
  const lo = Math.floor(mid);
  const hi = Math.ceil(mid);
  return (s[lo]! + s[hi]!) / 2;
}
