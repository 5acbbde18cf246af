import { raw, type Sql } from '../../db/sql';
import type { CubeSet } from './cube';
import { quantileFromCounts } from './quantile-from-counts';

/*
 * A figure's aggregates read from the cube `c` (see cube.ts) instead of the tickets: written
 * in the SELECT over the `main` rows of `c`; samples are read by scalar subqueries over their
 * own set. Conditions are trusted catalogue SQL over the columns of `c`.
 */

/** count_if(condition) over the tickets, as a DOUBLE: 0 when none meets it, NULL with no tickets. */
export const cubeCount = (condition: string): Sql =>
  raw(`CAST(sum(CASE WHEN ${condition} THEN n ELSE 0 END) AS DOUBLE)`);

/** Tickets meeting a condition with a value of a summed column (as count_if, NULL with no tickets). */
export const cubeValueCount = (column: string, condition: string): Sql =>
  raw(`CAST(sum(CASE WHEN ${condition} THEN ${column}_n ELSE 0 END) AS DOUBLE)`);

/**
 * avg(column) over the tickets meeting a condition (NULL when none has a value). fsum (Kahan)
 * because the cube's groups arrive in thread order: a plain sum differs in its last bits between
 * two runs over the same file.
 */
export const cubeMean = (column: string, condition: string): Sql =>
  raw(
    `CAST(fsum(CASE WHEN ${condition} THEN ${column}_sum END) AS DOUBLE) / CAST(sum(CASE WHEN ${condition} THEN ${column}_n END) AS DOUBLE)`
  );

/** `SELECT v, n` over a sample set's rows meeting a condition (the counts per value). */
export const sampleCounts = (set: CubeSet, value: string, condition: string): string =>
  `SELECT ${value} AS v, sum(n) AS n FROM c WHERE cube_set = '${set}' AND ${value} IS NOT NULL AND (${condition}) GROUP BY ${value}`;

/** quantile_cont(value, q) over a sample's tickets meeting a condition. */
export const cubeQuantile = (set: CubeSet, value: string, condition: string, q: number): Sql =>
  raw(`(SELECT q FROM (${quantileFromCounts(sampleCounts(set, value, condition), q)}))`);

/** The number of tickets in a sample meeting a condition, as a DOUBLE. */
export const cubeSampleSize = (set: CubeSet, value: string, condition: string): Sql =>
  raw(
    `(SELECT CAST(coalesce(sum(n), 0) AS DOUBLE) FROM c WHERE cube_set = '${set}' AND ${value} IS NOT NULL AND (${condition}))`
  );

/** Which sample set holds an expression's values. */
export const SAMPLE_OF: Record<string, CubeSet> = {
  resolve_minutes: 'resolve',
  first_response_minutes: 'first_response'
};

/**
 * A map figure's rows from the cube's `main` rows: `key`, `value`, `n` per key, and `ord`, the
 * rows' order by key (as `ORDER BY 1` over the tickets).
 */
export function cubeMap(
  key: string,
  value: string,
  options: { where?: string; n?: string; having?: string } = {}
): Sql {
  const where = options.where ? ` AND ${options.where}` : '';
  const having = options.having ? ` HAVING ${options.having}` : '';
  return raw(`SELECT key, value, n, row_number() OVER (ORDER BY key) AS ord FROM (
      SELECT ${key} AS key, ${value} AS value, ${options.n ?? 'CAST(sum(n) AS DOUBLE)'} AS n
      FROM c WHERE cube_set = 'main'${where} GROUP BY 1${having})`);
}
