import { join, sql, type Sql } from '../db/sql';
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
        reason: value === null ? emptyReason(metric) : null
      });
    } else if (metric.shape === 'map') {
      const rows = await db.query<{ key: string | null; value: number | null; n: number }>(
        ...toQuery(sql`${prefix}${metric.query(settings)}`)
      );
      results.set(metric.id, toMap(metric, rows));
    }
  }
  return wanted.map((m) => results.get(m.id)!);
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
