/*
 * DuckDB's `quantile_cont` computed from counts per distinct value instead of from every value:
 * the same positions (RN = (n − 1) · q in doubles, its floor and ceiling) and the same
 * interpolation `lo · (1 − d) + hi · d`, so the result is bit for bit the aggregate's. A sample
 * of 10⁸ values with 10⁵ distinct ones is then sorted as 10⁵ rows.
 */

/**
 * Per partition of `counts` (trusted SQL with columns `v`, `n` and the partition columns, `v`
 * never NULL): the continuous quantile `q` as column `q`, beside the partition columns.
 */
export function quantileFromCounts(counts: string, q: number, partition: readonly string[] = []) {
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile ${q} is outside [0, 1]`);
  const keys = partition.join(', ');
  const over = partition.length > 0 ? `PARTITION BY ${keys} ` : '';
  const keep = partition.length > 0 ? `${keys}, ` : '';
  const rn = `CAST(sum(n) OVER (${over}) - 1 AS DOUBLE) * CAST(${q} AS DOUBLE)`;
  return `SELECT ${keep}CASE WHEN floor(rn) = ceil(rn) THEN lo
      ELSE lo * (1.0::DOUBLE - (rn - floor(rn))) + hi * (rn - floor(rn)) END AS q
    FROM (
      SELECT ${keep}rn, min(CASE WHEN upto > floor(rn) THEN v END) AS lo,
        min(CASE WHEN upto > ceil(rn) THEN v END) AS hi
      FROM (
        SELECT ${keep}v, sum(n) OVER (${over}ORDER BY v ROWS UNBOUNDED PRECEDING) AS upto, ${rn} AS rn
        FROM (${counts})
      )
      GROUP BY ${keep}rn
    )`;
}
