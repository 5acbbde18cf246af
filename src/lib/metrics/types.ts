import type { Sql } from '../db/sql';
import type { MetricSettings } from './settings';

export type Unit = 'ratio' | 'seconds' | 'minutes' | 'hours' | 'pp' | 'count' | 'score';
export type Section =
  | 'service'
  | 'headline'
  | 'channels'
  | 'platforms'
  | 'routing'
  | 'emergencies'
  | 'overseas'
  | 'enterprise'
  | 'improvements';

export interface Text {
  zh: string;
  en: string;
}

interface MetricBase {
  id: string;
  label: Text;
  unit: Unit;
  definition: Text;
  /** Optional contract columns the metric cannot do without; `a|b` means either will do. */
  requires: readonly string[];
  sections: readonly Section[];
  /** Shown beside another metric rather than as a card of its own. */
  variantOf?: string;
  /** What the empty denominator lacks, e.g. `first_response_at`: the reason says "no tickets with …". */
  emptyWhat?: string;
  /**
   * The tickets the figure is computed on (its denominator) and, for a rate, the ones that fail
   * it: trusted SQL conditions over `t`, what a card's "View tickets" opens.
   */
  population?: (s: MetricSettings) => Population;
}

export interface Population {
  all: Sql;
  failing?: Sql;
}

/** The values a mean or quantile is taken over (trusted catalogue SQL), for period comparisons. */
export interface Sample {
  kind: 'mean' | 'quantile';
  expression: string;
  condition: string;
}

/** A figure computed from aggregates that share one scan of the filtered tickets. */
export interface AggregateMetric extends MetricBase {
  shape: 'scalar';
  sample?: Sample;
  /** A backlog count: a later period's tickets have had less time to close, so its change is
   * not a like-for-like difference and is not tested. */
  backlog?: boolean;
  /** A time whose sample leaves out open tickets, the ones that would take longest: its change is
   * tested only when neither period has an open ticket. */
  leavesOutOpen?: boolean;
  seed: number | null;
  tolerance?: number;
  aggregates: (s: MetricSettings, present: ReadonlySet<string>) => Record<string, Sql>;
  /** The same aggregates read from the cube (cube/cube.ts), equal to `aggregates`. */
  cube?: (s: MetricSettings, present: ReadonlySet<string>) => Record<string, Sql>;
  compute: (a: Record<string, number | null>) => { value: number | null; n: number };
}

/** A figure that needs its own query over `t` (the filtered tickets): one row, `value` and `n`. */
export interface QueryMetric extends MetricBase {
  shape: 'scalar-query';
  seed: number | null;
  tolerance?: number;
  query: (s: MetricSettings) => Sql;
  /** The same `value` and `n` as two scalar expressions over the cube (cube/cube.ts). */
  cube?: (s: MetricSettings) => { value: Sql; n: Sql };
}

/** A figure per key (channel, platform, region …): rows of `key`, `value`, `n`. */
export interface MapMetric extends MetricBase {
  shape: 'map';
  seed: Record<string, number> | null;
  tolerance?: number;
  query: (s: MetricSettings) => Sql;
  /**
   * The same rows as a query over the cube (cube/cube.ts): `key`, `value`, `n` and `ord`, the
   * row's place in the order `query` gives.
   */
  cube?: (s: MetricSettings) => Sql;
  /** Why a key present in the data has a null value (rows with a null value are otherwise dropped). */
  nullKeyReason?: (key: string) => string;
}

export type MetricDef = AggregateMetric | QueryMetric | MapMetric;

export interface ScalarResult {
  id: string;
  value: number | null;
  n: number;
  /** Why the value is null: a missing column or an empty denominator. */
  reason: string | null;
}

export interface MapResult {
  id: string;
  values: Record<string, number>;
  counts: Record<string, number>;
  reason: string | null;
  /** Keys present in the data that get no value, and why (e.g. a channel with no SLA target). */
  keyReasons?: Record<string, string>;
}

export type MetricResult = ScalarResult | MapResult;
