import { join, raw, sql } from '../db/sql';
import type { Db } from '../db/types';
import { aggregateColumns, emptyReason } from './aggregates';
import { metricById } from './catalogue';
import { missingRequirement } from './compute';
import { filteredTickets, type Filters } from './filters';
import { DEFAULT_SETTINGS, type MetricSettings } from './settings';
import type { AggregateMetric, ScalarResult } from './types';

export type Grain = 'day' | 'week';

export interface SeriesRequest {
  ids: readonly string[];
  grain: Grain;
  filters?: Filters;
  settings?: MetricSettings;
  present: readonly string[];
}

export interface SeriesPoint {
  /** First day of the period (a Monday for weeks), YYYY-MM-DD in the dataset's time zone. */
  period: string;
  value: number | null;
  n: number;
  /** Why this period's value is null. */
  reason: string | null;
}

export interface MetricSeries {
  id: string;
  points: SeriesPoint[];
  /** Why the whole series is unavailable (a missing column); then `points` is empty. */
  reason: string | null;
}

/** Each grain's period as a DATE: formatting the ~100 keys after grouping beats formatting every row. */
const PERIOD: Record<Grain, string> = {
  day: 'CAST(created_local AS DATE)',
  week: "CAST(date_trunc('week', created_local) AS DATE)"
};

/**
 * Metrics per day or ISO week of `created_local` (the dataset's zone), all in one grouped query:
 * the same aggregates as the scalar figure, grouped by period, so a period's value equals the
 * figure computed with that period as the date filter.
 */
export async function computeSeries(db: Db, request: SeriesRequest): Promise<MetricSeries[]> {
  const { grain, ...rest } = request;
  return (await computeSeriesByGrain(db, { ...rest, grains: [grain] }))[grain]!;
}

/** The series for several grains from one query (`GROUPING SETS`), e.g. day and week for a page. */
export async function computeSeriesByGrain(
  db: Db,
  request: Omit<SeriesRequest, 'grain'> & { grains: readonly Grain[] }
): Promise<Partial<Record<Grain, MetricSeries[]>>> {
  return (await groupedScan(db, request, false)).series;
}

/**
 * The series and, from the same scan, each figure over the whole filtered set (the grand-total
 * grouping set): the aggregates of `computeMetrics`, without a second pass over the tickets.
 */
export async function computeSeriesAndTotals(
  db: Db,
  request: Omit<SeriesRequest, 'grain'> & { grains: readonly Grain[] }
): Promise<{ series: Partial<Record<Grain, MetricSeries[]>>; totals: ScalarResult[] }> {
  const { series, totals } = await groupedScan(db, request, true);
  return { series, totals: totals! };
}

async function groupedScan(
  db: Db,
  request: Omit<SeriesRequest, 'grain'> & { grains: readonly Grain[] },
  withTotal: boolean
): Promise<{ series: Partial<Record<Grain, MetricSeries[]>>; totals: ScalarResult[] | null }> {
  const settings = request.settings ?? DEFAULT_SETTINGS;
  const present = new Set(request.present);
  const metrics = request.ids.map((id) => {
    const metric = metricById(id);
    if (metric.shape !== 'scalar') throw new Error(`no time series for ${id}: not an aggregate`);
    return metric;
  });
  const unavailable = new Map<string, string>();
  const available: AggregateMetric[] = [];
  for (const metric of metrics) {
    const reason = missingRequirement(metric, present);
    if (reason) unavailable.set(metric.id, reason);
    else available.push(metric);
  }
  const grains = [...new Set(request.grains)];
  const points = new Map<string, SeriesPoint[]>(
    grains.flatMap((g) => available.map((m) => [`${g}:${m.id}`, []] as [string, SeriesPoint[]]))
  );
  let totalRow: Record<string, unknown> = {};
  const { columns, read } = aggregateColumns(available, settings, present);
  if (available.length > 0 && (grains.length > 0 || withTotal)) {
    const periods = grains.map((g) => `, ${PERIOD[g]} AS period_${g}`).join('');
    const sets = [...grains.map((g) => `(period_${g})`), ...(withTotal ? ['()'] : [])].join(', ');
    const keys = grains.map((g) => `period_${g}, `).join('');
    const which = grains.map((g) => `grouping(period_${g}) AS unused_${g}, `).join('');
    const labels = grains.map((g) => `strftime(period_${g}, '%Y-%m-%d') AS label_${g}, `).join('');
    const order =
      grains.length > 0 ? ` ORDER BY ${grains.map((g) => `period_${g}`).join(', ')}` : '';
    const q = sql`${filteredTickets(request.filters ?? {})}, p AS (SELECT *${raw(periods)} FROM t),
      g AS (SELECT ${raw(keys)}${raw(which)}${join(columns, ', ')}
        FROM p GROUP BY GROUPING SETS (${raw(sets)}))
      SELECT ${raw(labels)}* FROM g${raw(order)}`;
    for (const row of await db.query(q.text, q.params)) {
      const grain = grains.find((g) => Number(row[`unused_${g}`]) === 0);
      if (grain === undefined) {
        totalRow = row;
        continue;
      }
      const period = String(row[`label_${grain}`]);
      read(row).forEach(({ value, n }, i) => {
        const metric = available[i]!;
        const reason = value === null ? emptyReason(metric) : null;
        points.get(`${grain}:${metric.id}`)!.push({ period, value, n, reason });
      });
    }
  }
  const series = Object.fromEntries(
    grains.map((g) => [
      g,
      metrics.map((m) => ({
        id: m.id,
        points: points.get(`${g}:${m.id}`) ?? [],
        reason: unavailable.get(m.id) ?? null
      }))
    ])
  );
  if (!withTotal) return { series, totals: null };
  // An empty filtered set may bring no grand-total row: its aggregates are then all null, as in computeMetrics.
  const totals = new Map<string, ScalarResult>();
  read(totalRow).forEach(({ value, n }, i) => {
    const metric = available[i]!;
    totals.set(metric.id, {
      id: metric.id,
      value,
      n,
      reason: value === null ? emptyReason(metric) : null
    });
  });
  return {
    series,
    totals: metrics.map(
      (m) => totals.get(m.id) ?? { id: m.id, value: null, n: 0, reason: unavailable.get(m.id)! }
    )
  };
}
