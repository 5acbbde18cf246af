import { raw, sql } from '../db/sql';
import type { Db } from '../db/types';
import { filteredTickets, type Filters } from '../metrics/filters';

/** Durations a histogram can show, each with the tickets it is defined on. */
const MEASURES = {
  wait_seconds: 'wait_seconds IS NOT NULL',
  resolve_minutes: "status = 'resolved' AND resolve_minutes IS NOT NULL",
  handle_seconds: 'handle_seconds IS NOT NULL'
} as const;

const GROUPS = {
  all: "'all'",
  customer_type: 'customer_type',
  overseas: "CASE WHEN is_overseas THEN 'overseas' ELSE 'domestic' END"
} as const;

export type Measure = keyof typeof MEASURES;
export type Grouping = keyof typeof GROUPS;

export interface HistogramGroup {
  key: string;
  n: number;
  p50: number;
  p90: number;
  p95: number;
  /** Tickets per bin; the last bin also holds everything beyond the cap. */
  counts: number[];
}

export interface Histogram {
  measure: Measure;
  /** `log`: bins are equal steps of log10(1 + x), for long-tailed durations. */
  scale: 'linear' | 'log';
  width: number;
  bins: number;
  groups: HistogramGroup[];
}

const BIN_COUNT = 30;
const LOG_MEASURES: readonly Measure[] = ['wait_seconds', 'resolve_minutes'];

function niceWidth(span: number): number {
  if (!(span > 0)) return 1;
  const raw = span / BIN_COUNT;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= raw) ?? 10;
  return step * power;
}

/** Binned distribution of a duration with its p50/p90/p95 (quantile_cont), per group. */
export async function histogram(
  db: Db,
  filters: Filters,
  measure: Measure,
  grouping: Grouping = 'all'
): Promise<Histogram> {
  const where = raw(MEASURES[measure]);
  const key = raw(GROUPS[grouping]);
  const x = raw(measure);
  const stats = sql`${filteredTickets(filters)}
    SELECT ${key} AS key, CAST(count(*) AS DOUBLE) AS n,
      quantile_cont(${x}, 0.5) AS p50, quantile_cont(${x}, 0.9) AS p90,
      quantile_cont(${x}, 0.95) AS p95, quantile_cont(${x}, 0.99) AS p99
    FROM t WHERE ${where} GROUP BY 1 ORDER BY 1`;
  const rows = await db.query<{
    key: string;
    n: number;
    p50: number;
    p90: number;
    p95: number;
    p99: number;
  }>(stats.text, stats.params);
  const scale = LOG_MEASURES.includes(measure) ? 'log' : 'linear';
  const p99 = Math.max(0, ...rows.map((r) => r.p99));
  const cap = scale === 'log' ? Math.log10(1 + p99) : p99;
  const width = scale === 'log' ? Math.max(cap, 0.1) / BIN_COUNT : niceWidth(cap);
  const scaled = scale === 'log' ? sql`log10(1 + greatest(${x}, 0))` : sql`greatest(${x}, 0)`;
  const bins = Math.max(1, Math.ceil(cap / width));
  const binned = sql`${filteredTickets(filters)}
    SELECT ${key} AS key, CAST(least(floor(${scaled} / CAST(${width} AS DOUBLE)), ${bins - 1}) AS INTEGER) AS bin,
      CAST(count(*) AS DOUBLE) AS n
    FROM t WHERE ${where} GROUP BY ALL`;
  const counts = await db.query<{ key: string; bin: number; n: number }>(
    binned.text,
    binned.params
  );
  const groups = rows.map((r) => {
    const values = new Array<number>(bins).fill(0);
    for (const c of counts) if (c.key === r.key) values[c.bin] = c.n;
    return { key: r.key, n: r.n, p50: r.p50, p90: r.p90, p95: r.p95, counts: values };
  });
  return { measure, scale, width, bins, groups };
}
