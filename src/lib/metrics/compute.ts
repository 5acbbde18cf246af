import { join, raw, sql, type Sql } from '../db/sql';
import type { Db } from '../db/types';
import { METRICS } from './catalogue';
import { filteredTickets, type Filters } from './filters';
import { DEFAULT_SETTINGS, type MetricSettings } from './settings';
import type { AggregateMetric, MapResult, MetricDef, MetricResult, ScalarResult } from './types';

export interface ComputeRequest {
  filters?: Filters;
  settings?: MetricSettings;
  /** Canonical columns the loaded file supplies. */
  present: readonly string[];
  /** Which metrics to compute; all when absent. */
  ids?: readonly string[];
}

const EMPTY_REASON = 'no tickets in the denominator for the current filters';

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
 * Computes metrics on the `tickets` table. Scalar aggregates share one scan; other metrics run
 * their own query. Filters and settings are bound parameters.
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

  const aggregateMetrics = available.filter((m): m is AggregateMetric => m.shape === 'scalar');
  for (const result of await runAggregates(db, prefix, aggregateMetrics, settings, present)) {
    results.set(result.id, result);
  }
  for (const metric of available) {
    if (metric.shape === 'scalar-query') {
      const [row] = await db.query<{ value: number | null; n: number | null }>(
        ...toQuery(sql`${prefix}${metric.query(settings)}`)
      );
      const value = finite(row?.value);
      results.set(metric.id, {
        id: metric.id,
        value,
        n: row?.n ?? 0,
        reason: value === null ? EMPTY_REASON : null
      });
    } else if (metric.shape === 'map') {
      const rows = await db.query<{ key: string | null; value: number | null; n: number }>(
        ...toQuery(sql`${prefix}${metric.query(settings)}`)
      );
      results.set(metric.id, toMap(metric.id, rows));
    }
  }
  return wanted.map((m) => results.get(m.id)!);
}

function toQuery(q: Sql): [string, Sql['params']] {
  return [q.text, q.params];
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function unavailable(metric: MetricDef, reason: string): MetricResult {
  return metric.shape === 'map'
    ? { id: metric.id, values: {}, counts: {}, reason }
    : { id: metric.id, value: null, n: 0, reason };
}

function toMap(
  id: string,
  rows: Array<{ key: string | null; value: number | null; n: number }>
): MapResult {
  const values: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const value = finite(row.value);
    if (row.key === null || value === null) continue;
    values[row.key] = value;
    counts[row.key] = row.n;
  }
  return { id, values, counts, reason: rows.length === 0 ? EMPTY_REASON : null };
}

async function runAggregates(
  db: Db,
  prefix: Sql,
  metrics: AggregateMetric[],
  settings: MetricSettings,
  present: ReadonlySet<string>
): Promise<ScalarResult[]> {
  if (metrics.length === 0) return [];
  const columns: Sql[] = [];
  const names = metrics.map((metric, i) => {
    const expressions = metric.aggregates(settings, present);
    for (const [name, expression] of Object.entries(expressions)) {
      columns.push(sql`${expression} AS ${raw(`m${i}_${name}`)}`);
    }
    return Object.keys(expressions);
  });
  const [row = {}] = await db.query(...toQuery(sql`${prefix}SELECT ${join(columns, ', ')} FROM t`));
  return metrics.map((metric, i) => {
    const aggregates: Record<string, number | null> = {};
    for (const name of names[i]!) {
      aggregates[name] = finite(row[`m${i}_${name}`] as number | null);
    }
    const { value, n } = metric.compute(aggregates);
    const clean = finite(value);
    return { id: metric.id, value: clean, n, reason: clean === null ? EMPTY_REASON : null };
  });
}
