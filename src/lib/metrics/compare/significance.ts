/**
 * Is the change between two periods larger than chance? Two-sided tests at the 5 % level, normal
 * approximations throughout (periods hold tens to thousands of tickets).
 */
export type TestKind =
  'two-proportion' | 'mann-whitney' | 'welch' | 'poisson' | 'gap' | 'backlog' | 'censored' | 'none';

export interface TestResult {
  kind: TestKind;
  z: number | null;
  /** Two-sided p-value; null when the test cannot be run (an empty period, no spread). */
  p: number | null;
  significant: boolean;
}

export const ALPHA = 0.05;
/** Below these sizes per period the normal approximation is not trusted and no p-value is given. */
export const MIN_RANK_SAMPLE = 8;
export const MIN_MEAN_SAMPLE = 30;

/** erfc, Numerical Recipes' Chebyshev fit (relative error below 1.2e-7 everywhere). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    );
  return x >= 0 ? r : 2 - r;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

function fromZ(kind: TestKind, z: number | null): TestResult {
  if (z === null || !Number.isFinite(z)) return { kind, z: null, p: null, significant: false };
  const p = twoSidedP(z);
  return { kind, z, p, significant: p < ALPHA };
}

export const NO_TEST: TestResult = { kind: 'none', z: null, p: null, significant: false };

/** Pooled two-proportion z-test: x1 of n1 against x2 of n2. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  if (n1 <= 0 || n2 <= 0) return fromZ('two-proportion', null);
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return fromZ('two-proportion', se > 0 ? (x1 / n1 - x2 / n2) / se : null);
}

/**
 * A difference of two proportions (the resolution gap) between periods: z of the change of the
 * gap, with the unpooled variances of the four proportions summed.
 */
export function gapTest(
  current: { a: [number, number]; b: [number, number] },
  previous: { a: [number, number]; b: [number, number] }
): TestResult {
  const parts = [current.a, current.b, previous.a, previous.b];
  if (parts.some(([, n]) => n <= 0)) return fromZ('gap', null);
  const rate = ([x, n]: [number, number]) => x / n;
  const variance = parts.reduce((sum, part) => sum + (rate(part) * (1 - rate(part))) / part[1], 0);
  const change = rate(current.a) - rate(current.b) - (rate(previous.a) - rate(previous.b));
  return fromZ('gap', variance > 0 ? change / Math.sqrt(variance) : null);
}

/** Rank sums of two samples, as SQL returns them: sizes, rank sum of sample 1, Σ(t³ − t) over ties. */
export interface RankSums {
  n1: number;
  n2: number;
  rankSum1: number;
  tieTerm: number;
}

/** Mann–Whitney U, normal approximation with tie correction and continuity correction. */
export function mannWhitneyFromRanks({ n1, n2, rankSum1, tieTerm }: RankSums): TestResult {
  if (n1 < MIN_RANK_SAMPLE || n2 < MIN_RANK_SAMPLE) return fromZ('mann-whitney', null);
  const n = n1 + n2;
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return fromZ('mann-whitney', null);
  const distance = Math.max(0, Math.abs(u1 - mean) - 0.5);
  return fromZ('mann-whitney', (Math.sign(u1 - mean) * distance) / Math.sqrt(variance));
}

/** Rank sums of two samples in memory (midranks for ties). */
export function rankSums(sample1: readonly number[], sample2: readonly number[]): RankSums {
  const all = [
    ...sample1.map((x) => ({ x, first: true })),
    ...sample2.map((x) => ({ x, first: false }))
  ].sort((a, b) => a.x - b.x);
  let rankSum1 = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j < all.length && all[j]!.x === all[i]!.x) j += 1;
    const midrank = (i + 1 + j) / 2;
    for (let k = i; k < j; k += 1) if (all[k]!.first) rankSum1 += midrank;
    const t = j - i;
    tieTerm += t ** 3 - t;
    i = j;
  }
  return { n1: sample1.length, n2: sample2.length, rankSum1, tieTerm };
}

export interface MeanSummary {
  mean: number;
  /** Sample variance (n − 1). */
  variance: number;
  n: number;
}

/** Welch's unequal-variance test of two means, its statistic read against the normal. */
export function welchTest(a: MeanSummary, b: MeanSummary): TestResult {
  if (a.n < MIN_MEAN_SAMPLE || b.n < MIN_MEAN_SAMPLE) return fromZ('welch', null);
  const se = Math.sqrt(a.variance / a.n + b.variance / b.n);
  return fromZ('welch', se > 0 ? (a.mean - b.mean) / se : null);
}

/**
 * Two counts over periods of the same length, each a Poisson count: conditional on their sum the
 * first is binomial(a + b, ½); normal approximation z = (a − b) / √(a + b).
 */
export function poissonTest(a: number, b: number): TestResult {
  return fromZ('poisson', a + b > 0 ? (a - b) / Math.sqrt(a + b) : null);
}
