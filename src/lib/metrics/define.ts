import { raw, sql, type Sql } from '../db/sql';
import {
  cubeCount,
  cubeMean,
  cubeQuantile,
  cubeSampleSize,
  cubeValueCount,
  SAMPLE_OF
} from './cube/cube-forms';
import type { AggregateMetric, Sample } from './types';

type Compute = AggregateMetric['compute'];

/*
 * Aggregates over a condition are written `agg(CASE WHEN condition THEN x END)`, not
 * `agg(x) FILTER (WHERE condition)`: the same rows in the same order (so the same values), but
 * DuckDB slices the whole input chunk once per FILTER clause, which made a scan of 40 figures
 * 3–4× slower (the overview's filter changes, measured on duckdb-wasm at 1M rows).
 */

/** count(*) of filtered tickets meeting a condition (trusted SQL written in the catalogue). */
export const countWhere = (condition: string): Sql => raw(`CAST(count_if(${condition}) AS DOUBLE)`);

/** `aggregate(expression)` over the rows meeting a condition (NULLs are skipped, as FILTER would). */
export const aggregateWhere = (aggregate: string, expression: string, condition: string): string =>
  `${aggregate}(CASE WHEN ${condition} THEN ${expression} END)`;

/** Which tickets of a rate's denominator fail it: those outside the numerator, those in it, or none. */
export type Failures = 'rest' | 'numerator' | 'none';

/** A rate's drill population: its denominator and the tickets that fail it. */
export function ratePopulation(numerator: Sql, denominator: Sql, failures: Failures = 'rest') {
  if (failures === 'none') return { all: denominator };
  const failing =
    failures === 'numerator'
      ? sql`(${denominator}) AND (${numerator})`
      : sql`(${denominator}) AND (${numerator}) IS NOT TRUE`;
  return { all: denominator, failing };
}

/**
 * num ÷ den over the filtered tickets; null (not 0) when the denominator is empty. `onCube`
 * says the two conditions over the cube's columns when they are not the same text.
 */
export function ratioOf(
  numerator: string,
  denominator: string,
  failures: Failures = 'rest',
  onCube = { numerator, denominator }
) {
  return {
    population: () => ratePopulation(raw(numerator), raw(denominator), failures),
    aggregates: () => ({
      num: countWhere(`(${denominator}) AND (${numerator})`),
      den: countWhere(denominator)
    }),
    cube: () => ({
      num: cubeCount(`(${onCube.denominator}) AND (${onCube.numerator})`),
      den: cubeCount(onCube.denominator)
    }),
    compute: ((a) => divide(a.num, a.den)) as Compute
  };
}

export function divide(
  numerator: number | null | undefined,
  denominator: number | null | undefined
): { value: number | null; n: number } {
  const n = denominator ?? 0;
  return { value: n > 0 && numerator != null ? numerator / n : null, n };
}

/**
 * Mean of a column over the rows meeting a condition (`onCube`: the condition over the cube's
 * columns, when not the same text).
 */
export function meanOf(expression: string, condition: string, onCube = condition) {
  return {
    sample: { kind: 'mean', expression, condition } as Sample,
    aggregates: () => ({
      mean: raw(aggregateWhere('avg', expression, `${condition} AND ${expression} IS NOT NULL`)),
      n: countWhere(`${condition} AND ${expression} IS NOT NULL`)
    }),
    cube: () => ({
      mean: cubeMean(expression, onCube),
      n: cubeValueCount(expression, onCube)
    }),
    compute: ((a) => ({ value: a.n ? a.mean : null, n: a.n ?? 0 })) as Compute,
    population: () => ({ all: raw(`${condition} AND ${expression} IS NOT NULL`) })
  };
}

export const RESOLVED_OR_NOT = "status IN ('resolved', 'unresolved')";
export const RESOLVED = "status = 'resolved'";
export const TICKETED_CHANNELS =
  "entry_channel IN ('help_feedback', 'official_account', 'overseas_support', 'enterprise_line')";

/**
 * The quantiles the catalogue asks for, computed together: `quantile_cont(x, [0.5, 0.9])[i]`
 * is the same aggregate for every figure of one sample, so DuckDB keeps and sorts the sample once.
 */
const SHARED_QUANTILES = [0.5, 0.9];

function quantileSql(expression: string, where: string, q: number): string {
  const sample = `CASE WHEN ${where} THEN ${expression} END`;
  const index = SHARED_QUANTILES.indexOf(q);
  return index < 0
    ? `quantile_cont(${sample}, ${q})`
    : `quantile_cont(${sample}, [${SHARED_QUANTILES.join(', ')}])[${index + 1}]`;
}

/** Continuous quantile (DuckDB `quantile_cont`) of an expression over the rows meeting a condition. */
export function quantileOf(expression: string, condition: string, q: number) {
  const where = `${condition} AND ${expression} IS NOT NULL`;
  return {
    sample: { kind: 'quantile', expression, condition } as Sample,
    aggregates: () => ({
      q: raw(quantileSql(expression, where, q)),
      n: countWhere(where)
    }),
    cube: () => {
      const set = SAMPLE_OF[expression];
      if (!set) throw new Error(`no counts per value of ${expression} in the cube`);
      return {
        q: cubeQuantile(set, expression, condition, q),
        n: cubeSampleSize(set, expression, condition)
      };
    },
    compute: ((a) => ({ value: a.n ? a.q : null, n: a.n ?? 0 })) as Compute,
    population: () => ({ all: raw(where) })
  };
}
