import { describe, expect, it } from 'vitest';
import {
  gapTest,
  mannWhitneyFromRanks,
  poissonTest,
  rankSums,
  twoProportionTest,
  twoSidedP,
  welchTest
} from '../../src/lib/metrics/compare/significance';

describe('significance tests (hand-computed)', () => {
  it('normal tail: |z| = 1.959964 is the 5 % two-sided point, 0 gives 1', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(0)).toBeCloseTo(1, 6);
    expect(twoSidedP(3)).toBeCloseTo(0.0026998, 6);
  });

  it('two proportions: 45/100 against 30/100', () => {
    // pooled 75/200 = 0.375; se = √(0.375 · 0.625 · (1/100 + 1/100)) = 0.0684653
    // z = 0.15 / 0.0684653 = 2.190890 ; p = 0.028460
    const test = twoProportionTest(45, 100, 30, 100);
    expect(test.z).toBeCloseTo(2.19089, 5);
    expect(test.p).toBeCloseTo(0.02846, 5);
    expect(test.significant).toBe(true);
    const close = twoProportionTest(52, 100, 48, 100);
    // pooled 0.5; se = √(0.25 · 0.02) = 0.0707107 ; z = 0.04 / 0.0707107 = 0.565685
    expect(close.z).toBeCloseTo(0.565685, 5);
    expect(close.significant).toBe(false);
  });

  it('two proportions with an empty period or no spread: no p-value', () => {
    expect(twoProportionTest(3, 10, 0, 0).p).toBeNull();
    expect(twoProportionTest(10, 10, 20, 20).p).toBeNull();
  });

  it('Mann–Whitney with ties: 1…8 against 3, 5, 7, 9, 11, 13, 15, 15', () => {
    const a = [1, 2, 3, 4, 5, 6, 7, 8];
    const b = [3, 5, 7, 9, 11, 13, 15, 15];
    // midranks of a: 1, 2, 3.5, 5, 6.5, 8, 9.5, 11 → 46.5 ; four tied pairs → Σ(t³ − t) = 24
    const sums = rankSums(a, b);
    expect(sums).toEqual({ n1: 8, n2: 8, rankSum1: 46.5, tieTerm: 24 });
    // U1 = 46.5 − 36 = 10.5 ; mean 32 ; var = 64/12 · (17 − 24/240) = 90.1333
    // z = −(21.5 − 0.5) / √90.1333 = −21 / 9.493858 = −2.211956 ; p = 0.026970
    const test = mannWhitneyFromRanks(sums);
    expect(test.z).toBeCloseTo(-2.211956, 5);
    expect(test.p).toBeCloseTo(0.02697, 5);
    expect(test.significant).toBe(true);
  });

  it('Mann–Whitney needs eight values per period', () => {
    expect(mannWhitneyFromRanks(rankSums([1, 2, 3], [4, 5, 6])).p).toBeNull();
  });

  it('Welch: two means with their sample variances', () => {
    // se = √(2200/40 + 537.5/50) = √(55 + 10.75) = 8.108637 ; z = 57.5 / 8.108637 = 7.09119
    const big = welchTest(
      { mean: 230, variance: 2200, n: 40 },
      { mean: 172.5, variance: 537.5, n: 50 }
    );
    expect(big.z).toBeCloseTo(7.09119, 4);
    expect(big.significant).toBe(true);
    // se = √(900/30 + 900/30) = √60 = 7.745967 ; z = 10 / 7.745967 = 1.290994 ; p = 0.196706
    const small = welchTest(
      { mean: 110, variance: 900, n: 30 },
      { mean: 100, variance: 900, n: 30 }
    );
    expect(small.z).toBeCloseTo(1.290994, 5);
    expect(small.p).toBeCloseTo(0.196706, 5);
    expect(small.significant).toBe(false);
    expect(
      welchTest({ mean: 1, variance: 1, n: 29 }, { mean: 2, variance: 1, n: 40 }).p
    ).toBeNull();
  });

  it('two Poisson counts over periods of the same length: 130 against 100', () => {
    // z = 30 / √230 = 1.978141 ; p = 0.047913
    const test = poissonTest(130, 100);
    expect(test.z).toBeCloseTo(1.978141, 5);
    expect(test.p).toBeCloseTo(0.047913, 5);
    expect(test.significant).toBe(true);
    expect(poissonTest(0, 0).p).toBeNull();
  });

  it('change of a gap between two proportions', () => {
    // current 90/100 − 60/100 = 0.30 ; previous 80/100 − 60/100 = 0.20 ; change 0.10
    // var = (0.09 + 0.24 + 0.16 + 0.24) / 100 = 0.0073 ; z = 0.10 / 0.0854400 = 1.170411
    const test = gapTest({ a: [90, 100], b: [60, 100] }, { a: [80, 100], b: [60, 100] });
    expect(test.z).toBeCloseTo(1.170411, 5);
    expect(test.significant).toBe(false);
    expect(gapTest({ a: [1, 1], b: [0, 0] }, { a: [1, 2], b: [1, 2] }).p).toBeNull();
  });
});
