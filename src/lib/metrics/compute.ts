import { join, raw, sql, type Sql } from '../db/sql';
import { cubeCte } from './cube/cube';
import { aggregateColumns, EMPTY_REASON, emptyReason, finite } from './aggregates';
import type { Db } from '../db/types';
import { METRICS } from './catalogue';
import { filteredTickets, type Filters } from './filters';
import { DEFAULT_SETTINGS, type MetricSettings } from './settings';
import type {
  AggregateMetric,
  MapMetric,
  MapResult,
  MetricDef,
  MetricResult,
  QueryMetric,
  ScalarResult
} from './types';

export interface ComputeRequest {
  filters?: Filters;
  settings?: MetricSettings;
  /** Canonical columns the loaded file supplies. */
  present: readonly string[];
  /** Which metrics to compute; all when absent. */
  ids?: readonly string[];
}

/** The first requirement the file cannot meet, as a reason a user can act on. */
export function missingRequirement(metric: MetricDef, present: ReadonlySet<string>): string | null {
  for (const requirement of metric.requires) {
    const options = requirement.split('|');
    if (!options.some((column) => present.has(column))) {
      return `not available — needs column ${options.join(' or ')}`;
    }
  }
  return null;
}

/**
 * Computes metrics on the `tickets` table. With two or more metrics that can be read from the
 * cube (cube/cube.ts), they all come from one statement: one grouped scan of the tickets, then
 * small reads of the grouped table. Otherwise scalar aggregates share one scan and other
 * metrics run their own query. Filters and settings are bound parameters.
 */
export async function computeMetrics(db: Db, request: ComputeRequest): Promise<MetricResult[]> {
  const settings = request.settings ?? DEFAULT_SETTINGS;
  const present = new Set(request.present);
  const wanted = request.ids ? METRICS.filter((m) => request.ids!.includes(m.id)) : METRICS;
  const prefix = filteredTickets(request.filters ?? {});
  const results = new Map<string, MetricResult>();

  const available: MetricDef[] = [];
  for (const metric of wanted) {
    const reason = missingRequirement(metric, present);
    if (reason) results.set(metric.id, unavailable(metric, reason));
    else available.push(metric);
  }

  const onCube = available.filter((m) => m.cube !== undefined);
  if (onCube.length >= 2) {
    for (const result of await runOnCube(db, prefix, onCube, settings, present)) {
      results.set(result.id, result);
    }
  }
  const rest = onCube.length >= 2 ? available.filter((m) => m.cube === undefined) : available;
  const aggregateMetrics = rest.filter((m): m is AggregateMetric => m.shape === 'scalar');
  for (const result of await runAggregates(db, prefix, aggregateMetrics, settings, present)) {
    results.set(result.id, result);
  }
  for (const metric of rest) {
    if (metric.shape === 'scalar-query') {
      const [row] = await db.query<{ value: number | null; n: number | null }>(
        ...toQuery(sql`${prefix}${metric.query(settings)}`)
      );
      results.set(metric.id, queryResult(metric, row?.value, row?.n));
    } else if (metric.shape === 'map') {
      const rows = await db.query<{ key: string | null; value: number | null; n: number }>(
        ...toQuery(sql`${prefix}${metric.query(settings)}`)
      );
      results.set(metric.id, toMap(metric, rows));
    }
  }
  return wanted.map((m) => results.get(m.id)!);
}

function queryResult(metric: QueryMetric, answer: unknown, n: unknown): ScalarResult {
  const value = finite(answer);
  return {
    id: metric.id,
    value,
    n: typeof n === 'number' ? n : 0,
    reason: value === null ? emptyReason(metric) : null
  };
}

/** Every metric from one statement over the cube: a row of scalars, then the maps' rows. */
async function runOnCube(
  db: Db,
  prefix: Sql,
  metrics: readonly MetricDef[],
  settings: MetricSettings,
  present: ReadonlySet<string>
): Promise<MetricResult[]> {
  const aggregates = metrics.filter((m): m is AggregateMetric => m.shape === 'scalar');
  const queries = metrics.filter((m): m is QueryMetric => m.shape === 'scalar-query');
  const maps = metrics.filter((m): m is MapMetric => m.shape === 'map');
  const { columns, read } = aggregateColumns(aggregates, settings, present, true);
  queries.forEach((metric, i) => {
    const { value, n } = metric.cube!(settings);
    columns.push(sql`${value} AS ${raw(`q${i}_value`)}`, sql`${n} AS ${raw(`q${i}_n`)}`);
  });
  const parts = maps.map(
    (metric, i) =>
      sql`SELECT ${raw(String(i))} AS map_index, key AS map_key, value AS map_value, n AS map_n,
        ord AS map_ord FROM (${metric.cube!(settings)})`
  );
  if (columns.length > 0) {
    parts.unshift(sql`SELECT ${join(columns, ', ')} FROM c WHERE cube_set = 'main'`);
  }
  const order = maps.length > 0 ? ' ORDER BY map_index NULLS FIRST, map_ord' : '';
  const statement = sql`${prefix}${cubeCte(settings, present)}
    SELECT * FROM (${join(parts, ' UNION ALL BY NAME ')})${raw(order)}`;
  const rows = await db.query(...toQuery(statement));
  const scalarRow = columns.length > 0 ? (rows[0] ?? {}) : {};
  const results: MetricResult[] = read(scalarRow).map(({ value, n }, i) => {
    const metric = aggregates[i]!;
    return { id: metric.id, value, n, reason: value === null ? emptyReason(metric) : null };
  });
  queries.forEach((metric, i) => {
    results.push(queryResult(metric, scalarRow[`q${i}_value`], scalarRow[`q${i}_n`]));
  });
  maps.forEach((metric, i) => {
    const own = rows
      .filter((r) => r.map_index === i)
      .map((r) => ({
        key: r.map_key as string | null,
        value: r.map_value as number | null,
        n: r.map_n as number
      }));
    results.push(toMap(metric, own));
  });
  return results;
}

function toQuery(q: Sql): [string, Sql['params']] {
  return [q.text, q.params];
}

function unavailable(metric: MetricDef, reason: string): MetricResult {
  return metric.shape === 'map'
    ? { id: metric.id, values: {}, counts: {}, reason }
    : { id: metric.id, value: null, n: 0, reason };
}

function toMap(
  metric: MapMetric,
  rows: Array<{ key: string | null; value: number | null; n: number }>
): MapResult {
  const values: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const keyReasons: Record<string, string> = {};
  for (const row of rows) {
    if (row.key === null) continue;
    const value = finite(row.value);
    if (value === null) {
      if (metric.nullKeyReason) keyReasons[row.key] = metric.nullKeyReason(row.key);
      continue;
    }
    values[row.key] = value;
    counts[row.key] = row.n;
  }
  const unexplained = Object.keys(values).length === 0;
  const reasons = Object.values(keyReasons);
  const reason = !unexplained ? null : reasons.length > 0 ? reasons.join('; ') : EMPTY_REASON;
  return reasons.length > 0
    ? { id: metric.id, values, counts, reason, keyReasons }
    : { id: metric.id, values, counts, reason };
}

async function runAggregates(
  db: Db,
  prefix: Sql,
  metrics: AggregateMetric[],
  settings: MetricSettings,
  present: ReadonlySet<string>
): Promise<ScalarResult[]> {
  if (metrics.length === 0) return [];
  const { columns, read } = aggregateColumns(metrics, settings, present);
  const [row = {}] = await db.query(...toQuery(sql`${prefix}SELECT ${join(columns, ', ')} FROM t`));
  return read(row).map(({ value, n }, i) => {
    const metric = metrics[i]!;
    return { id: metric.id, value, n, reason: value === null ? emptyReason(metric) : null };
  });
}
