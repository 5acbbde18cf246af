import { join, raw, sql } from '../db/sql';
import type { Db } from '../db/types';
import { aggregateColumns } from './aggregates';
import { METRICS, metricById } from './catalogue';
import { missingRequirement } from './compute';
import { directionOf, type Direction } from './direction';
import { filteredTickets, type Filters } from './filters';
import { DEFAULT_SETTINGS, type MetricSettings } from './settings';
import type { AggregateMetric } from './types';

/** Columns a breakdown can split by; entry_channel always exists (v2 default `unspecified`). */
export const BREAKDOWN_DIMENSIONS = [
  'entry_channel',
  'handling_channel',
  'platform',
  'region',
  'customer_type',
  'priority',
  'issue_type'
] as const;
export type Dimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** A cell needs this many tickets before it can be called the worst (one bad ticket is not a cause). */
export const MIN_CELL_TICKETS = 10;

export interface Cell {
  value: number | null;
  n: number;
}

export interface Breakdown {
  id: string;
  dimension: Dimension;
  direction: Direction | null;
  /** Mondays (YYYY-MM-DD, dataset zone) of the weeks present, in order. */
  weeks: string[];
  /** Values of the dimension, most tickets first; `null` is a ticket without a value. */
  keys: Array<string | null>;
  /** `cells[w][k]` for weeks[w] × keys[k]. */
  cells: Cell[][];
  /** Each week over every key, and each key over every week; `total` over both. */
  weekTotals: Cell[];
  keyTotals: Cell[];
  total: Cell;
  /** Per week, the index of its worst key among cells with enough tickets (or -1). */
  worstKey: number[];
  /** The week whose total is worst (or -1), and the key that cost it most against its own usual level. */
  worstWeek: number;
  driver: number;
}

/** The aggregate metrics this file can compute, i.e. those a breakdown may offer. */
export function breakdownMetrics(present: readonly string[]): AggregateMetric[] {
  const columns = new Set(present);
  return METRICS.filter(
    (m): m is AggregateMetric => m.shape === 'scalar' && missingRequirement(m, columns) === null
  );
}

/** Dimensions the file holds (entry_channel always). */
export function breakdownDimensions(present: readonly string[]): Dimension[] {
  return BREAKDOWN_DIMENSIONS.filter((d) => d === 'entry_channel' || present.includes(d));
}

export interface BreakdownRequest {
  id: string;
  dimension: Dimension;
  filters?: Filters;
  settings?: MetricSettings;
  present: readonly string[];
}

const WEEK = "strftime(date_trunc('week', created_local), '%Y-%m-%d')";

/**
 * One metric per ISO week × value of a dimension, with the week and key totals, in one grouped
 * query (GROUPING SETS): every cell is the metric's own aggregates over that slice of tickets.
 */
export async function computeBreakdown(db: Db, request: BreakdownRequest): Promise<Breakdown> {
  const metric = metricById(request.id);
  if (metric.shape !== 'scalar')
    throw new Error(`no breakdown for ${request.id}: not an aggregate`);
  if (!(BREAKDOWN_DIMENSIONS as readonly string[]).includes(request.dimension)) {
    throw new Error(`cannot break down by ${request.dimension}`);
  }
  const present = new Set(request.present);
  const reason = missingRequirement(metric, present);
  if (reason) throw new Error(reason);
  const settings = request.settings ?? DEFAULT_SETTINGS;
  const { columns, read } = aggregateColumns([metric], settings, present);
  const q = sql`${filteredTickets(request.filters ?? {})}, s AS (SELECT *, ${raw(WEEK)} AS bd_week, CAST(${raw(request.dimension)} AS VARCHAR) AS bd_key FROM t)
    SELECT bd_week, bd_key, CAST(grouping(bd_week) AS INTEGER) AS g_week,
      CAST(grouping(bd_key) AS INTEGER) AS g_key, ${join(columns, ', ')}
    FROM s GROUP BY GROUPING SETS ((bd_week, bd_key), (bd_week), (bd_key), ())`;
  const rows = await db.query(q.text, q.params);
  return assemble(request.id, request.dimension, rows, (row) => read(row)[0]!);
}

function assemble(
  id: string,
  dimension: Dimension,
  rows: Array<Record<string, unknown>>,
  cellOf: (row: Record<string, unknown>) => Cell
): Breakdown {
  const keyOf = (row: Record<string, unknown>) => (row.bd_key == null ? null : String(row.bd_key));
  const detail = rows.filter((r) => r.g_week === 0 && r.g_key === 0);
  const byWeek = rows.filter((r) => r.g_week === 0 && r.g_key === 1);
  const byKey = rows.filter((r) => r.g_week === 1 && r.g_key === 0);
  const whole = rows.find((r) => r.g_week === 1 && r.g_key === 1);

  const weeks = byWeek.map((r) => String(r.bd_week)).sort();
  const keyCells = byKey.map((r) => ({ key: keyOf(r), cell: cellOf(r) }));
  keyCells.sort((a, b) => b.cell.n - a.cell.n || String(a.key).localeCompare(String(b.key)));
  const keys = keyCells.map((k) => k.key);
  const empty: Cell = { value: null, n: 0 };
  const cells = weeks.map(() => keys.map(() => empty));
  for (const row of detail) {
    const w = weeks.indexOf(String(row.bd_week));
    const k = keys.indexOf(keyOf(row));
    if (w >= 0 && k >= 0) cells[w]![k] = cellOf(row);
  }
  const weekTotals = weeks.map((week) => {
    const row = byWeek.find((r) => String(r.bd_week) === week);
    return row ? cellOf(row) : empty;
  });
  const keyTotals = keyCells.map((k) => k.cell);
  const direction = directionOf(id);
  const worse = (a: number, b: number) => (direction === 'lower' ? a > b : a < b);
  const worstIndex = (list: Cell[]) => {
    let worst = -1;
    list.forEach((cell, i) => {
      if (cell.value === null || cell.n < MIN_CELL_TICKETS) return;
      if (worst < 0 || worse(cell.value, list[worst]!.value!)) worst = i;
    });
    return direction ? worst : -1;
  };
  const worstKey = cells.map(worstIndex);
  const worstWeek = worstIndex(weekTotals);
  return {
    id,
    dimension,
    direction,
    weeks,
    keys,
    cells,
    weekTotals,
    keyTotals,
    total: whole ? cellOf(whole) : empty,
    worstKey,
    worstWeek,
    driver: worstWeek < 0 ? -1 : driverOf(cells[worstWeek]!, keyTotals, direction)
  };
}

/**
 * The key that cost the week most: tickets × how far the key fell below its own level over all
 * weeks (for a rate, the failures it added). A big key at its usual level does not drive a bad week.
 */
function driverOf(week: Cell[], usual: Cell[], direction: Direction | null): number {
  let best = -1;
  let bestCost = 0;
  week.forEach((cell, k) => {
    const base = usual[k]?.value;
    if (cell.value === null || base == null || cell.n < MIN_CELL_TICKETS) return;
    const shortfall = direction === 'lower' ? cell.value - base : base - cell.value;
    const cost = cell.n * shortfall;
    if (cost > bestCost) [best, bestCost] = [k, cost];
  });
  return best;
}
