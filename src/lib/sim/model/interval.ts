/** A reported figure: the mean over replications and its 95% t-interval. */
export interface Estimate {
  mean: number;
  lo: number;
  hi: number;
}

const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042
];

/** Two-sided 95% Student t quantile for `df` degrees of freedom. */
export function t975(df: number): number {
  if (df < 1) return NaN;
  if (df <= 30) return T975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/** Mean and 95% t-interval of per-replication values (NaN values are skipped). */
export function estimate(values: ArrayLike<number>): Estimate {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) continue;
    n++;
    sum += values[i]!;
  }
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN };
  const mean = sum / n;
  if (n === 1) return { mean, lo: mean, hi: mean };
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i]!)) ss += (values[i]! - mean) ** 2;
  }
  const half = t975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, lo: mean - half, hi: mean + half };
}
