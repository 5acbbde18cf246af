import { raw, sql, type Sql } from '../db/sql';
import type { MetricSettings } from './settings';
import type { AggregateMetric, MetricDef } from './types';

export const EMPTY_REASON = 'no tickets in the denominator for the current filters';

/** Why a computed metric is null: what its denominator lacked, in words a user can act on. */
export function emptyReason(metric: MetricDef): string {
  return metric.emptyWhat
    ? `no tickets with ${metric.emptyWhat} in the current filters`
    : EMPTY_REASON;
}

export function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The SELECT list of several aggregate metrics, so they share one scan (or one GROUP BY):
 * each metric's aggregates become columns `m<i>_<name>`.
 */
export function aggregateColumns(
  metrics: readonly AggregateMetric[],
  settings: MetricSettings,
  present: ReadonlySet<string>,
  /** Read from the cube (cube/cube.ts) instead of the tickets. */
  onCube = false
): {
  columns: Sql[];
  read: (row: Record<string, unknown>) => Array<{
    value: number | null;
    n: number;
    /** The metric's own aggregates (e.g. `num`, `den`), for tests of a change between periods. */
    aggregates: Record<string, number | null>;
  }>;
} {
  const columns: Sql[] = [];
  const names = metrics.map((metric, i) => {
    const expressions = onCube
      ? cubeAggregates(metric, settings, present)
      : metric.aggregates(settings, present);
    for (const [name, expression] of Object.entries(expressions)) {
      columns.push(sql`${expression} AS ${raw(`m${i}_${name}`)}`);
    }
    return Object.keys(expressions);
  });
  const read = (row: Record<string, unknown>) =>
    metrics.map((metric, i) => {
      const aggregates: Record<string, number | null> = {};
      for (const name of names[i]!) aggregates[name] = finite(row[`m${i}_${name}`]);
      const { value, n } = metric.compute(aggregates);
      return { value: finite(value), n, aggregates };
    });
  return { columns, read };
}

function cubeAggregates(
  metric: AggregateMetric,
  settings: MetricSettings,
  present: ReadonlySet<string>
): Record<string, Sql> {
  if (!metric.cube) throw new Error(`${metric.id} is not read from the cube`);
  return metric.cube(settings, present);
}
