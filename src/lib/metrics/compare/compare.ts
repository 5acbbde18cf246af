import { join, raw, sql } from '../../db/sql';
import type { Db } from '../../db/types';
import { aggregateColumns } from '../aggregates';
import { aggregateWhere } from '../define';
import { metricById } from '../catalogue';
import { missingRequirement } from '../compute';
import { filteredTickets, type Filters } from '../filters';
import { DEFAULT_SETTINGS, type MetricSettings } from '../settings';
import type { AggregateMetric, Sample } from '../types';
import { previousPeriod, type Period } from './periods';
import {
  gapTest,
  mannWhitneyFromRanks,
  NO_TEST,
  poissonTest,
  twoProportionTest,
  welchTest,
  type TestResult
} from './significance';

export interface PeriodValue {
  value: number | null;
  n: number;
}

export interface MetricComparison {
  id: string;
  current: PeriodValue;
  previous: PeriodValue;
  /** current − previous in the metric's unit; null when either is null. */
  change: number | null;
  test: TestResult;
}

export interface ComparisonRequest {
  ids: readonly string[];
  /** The period compared with the one of the same length just before it. */
  current: Period;
  /** Other filters; their date range is replaced by the two periods. */
  filters?: Filters;
  settings?: MetricSettings;
  present: readonly string[];
}

export interface Comparison {
  current: Period;
  previous: Period;
  metrics: Map<string, MetricComparison>;
}

interface PeriodRow {
  value: number | null;
  n: number;
  aggregates: Record<string, number | null>;
  variance: number | null;
}

const IS_CURRENT = (from: string) => sql`created_local >= CAST(${from} AS DATE)`;

/**
 * Every aggregate figure for a period and the period of the same length before it: one grouped
 * query for the figures, one rank query per quantile sample, and a test of each change.
 */
export async function computeComparison(db: Db, request: ComparisonRequest): Promise<Comparison> {
  const settings = request.settings ?? DEFAULT_SETTINGS;
  const present = new Set(request.present);
  const current = request.current;
  const previous = previousPeriod(current);
  const filters = { ...request.filters, from: previous.from, to: current.to };
  const metrics = request.ids
    .map(metricById)
    .filter((m): m is AggregateMetric => m.shape === 'scalar' && !missingRequirement(m, present));
  const result = new Map<string, MetricComparison>();
  if (metrics.length === 0) return { current, previous, metrics: result };

  const { columns, read } = aggregateColumns(metrics, settings, present);
  const variances = metrics.map((m, i) =>
    m.sample?.kind === 'mean'
      ? raw(
          `${aggregateWhere('var_samp', m.sample.expression, `${m.sample.condition} AND ${m.sample.expression} IS NOT NULL`)} AS v${i}`
        )
      : raw(`NULL AS v${i}`)
  );
  const openCount = raw("count_if(status = 'open') AS open_count");
  const q = sql`${filteredTickets(filters)}SELECT ${IS_CURRENT(current.from)} AS is_current, ${join(
    [...columns, ...variances, openCount],
    ', '
  )} FROM t GROUP BY 1`;
  let openTickets = 0;
  const empty = metrics.map(() => ({ value: null, n: 0, aggregates: {}, variance: null }));
  const byPeriod: Record<'current' | 'previous', PeriodRow[]> = { current: empty, previous: empty };
  for (const row of await db.query(q.text, q.params)) {
    openTickets += Number(row.open_count ?? 0);
    byPeriod[row.is_current ? 'current' : 'previous'] = read(row).map((r, i) => ({
      ...r,
      variance: typeof row[`v${i}`] === 'number' ? (row[`v${i}`] as number) : null
    }));
  }
  const ranks = await rankTests(db, filters, current.from, metrics);
  metrics.forEach((metric, i) => {
    const now = byPeriod.current[i]!;
    const before = byPeriod.previous[i]!;
    result.set(metric.id, {
      id: metric.id,
      current: { value: now.value, n: now.n },
      previous: { value: before.value, n: before.n },
      change: now.value !== null && before.value !== null ? now.value - before.value : null,
      test:
        metric.leavesOutOpen && openTickets > 0
          ? { ...NO_TEST, kind: 'censored' }
          : testOf(metric, now, before, ranks)
    });
  });
  return { current, previous, metrics: result };
}

const sampleKey = (s: Sample) => `${s.expression}\u0000${s.condition}`;

/**
 * Mann–Whitney rank sums of each distinct quantile sample (midranks, tie term Σ t³ − t), read from
 * the counts per distinct value: a value's midrank is the rows below it plus (ties + 1) / 2, so
 * the current period's rank sum is Σ current × (2 × below + ties + 1) / 2, in integers until the
 * last step (the same numbers a rank per row gives, with one sort of the distinct values).
 */
async function rankTests(
  db: Db,
  filters: Filters,
  currentFrom: string,
  metrics: readonly AggregateMetric[]
): Promise<Map<string, TestResult>> {
  const samples = new Map<string, Sample>();
  for (const m of metrics)
    if (m.sample?.kind === 'quantile') samples.set(sampleKey(m.sample), m.sample);
  const tests = new Map<string, TestResult>();
  for (const [key, sample] of samples) {
    const q = sql`${filteredTickets(filters)}, v AS (
        SELECT count(*) AS ties, count_if(${IS_CURRENT(currentFrom)}) AS current_n,
          sum(count(*)) OVER (ORDER BY ${raw(sample.expression)}) - count(*) AS below FROM t
        WHERE ${raw(`${sample.condition} AND ${sample.expression} IS NOT NULL`)}
        GROUP BY ${raw(sample.expression)})
      SELECT CAST(coalesce(sum(current_n), 0) AS DOUBLE) AS n1,
        CAST(coalesce(sum(ties - current_n), 0) AS DOUBLE) AS n2,
        CAST(coalesce(sum(current_n * (2 * below + ties + 1)), 0) AS DOUBLE) / 2 AS rank_sum,
        CAST(coalesce(sum(CAST(ties AS HUGEINT) * (ties * ties - 1)), 0) AS DOUBLE) AS tie_term
      FROM v`;
    const [row] = await db.query<{ n1: number; n2: number; rank_sum: number; tie_term: number }>(
      q.text,
      q.params
    );
    tests.set(
      key,
      mannWhitneyFromRanks({
        n1: row?.n1 ?? 0,
        n2: row?.n2 ?? 0,
        rankSum1: row?.rank_sum ?? 0,
        tieTerm: row?.tie_term ?? 0
      })
    );
  }
  return tests;
}

function testOf(
  metric: AggregateMetric,
  now: PeriodRow,
  before: PeriodRow,
  ranks: Map<string, TestResult>
): TestResult {
  const a = now.aggregates;
  const b = before.aggregates;
  if (metric.backlog) return { ...NO_TEST, kind: 'backlog' };
  if (metric.sample?.kind === 'quantile') return ranks.get(sampleKey(metric.sample)) ?? NO_TEST;
  if (metric.sample?.kind === 'mean') {
    if (now.value === null || before.value === null) return { ...NO_TEST, kind: 'welch' };
    return welchTest(
      { mean: now.value, variance: now.variance ?? 0, n: now.n },
      { mean: before.value, variance: before.variance ?? 0, n: before.n }
    );
  }
  if (metric.unit === 'count') return poissonTest(now.value ?? 0, before.value ?? 0);
  if ('num' in a && 'den' in a) {
    return twoProportionTest(a.num ?? 0, a.den ?? 0, b.num ?? 0, b.den ?? 0);
  }
  if ('dom_num' in a && 'cb_num' in a) {
    const pair = (x: Record<string, number | null>) => ({
      a: [x.dom_num ?? 0, x.dom_den ?? 0] as [number, number],
      b: [x.cb_num ?? 0, x.cb_den ?? 0] as [number, number]
    });
    return gapTest(pair(a), pair(b));
  }
  return NO_TEST;
}
