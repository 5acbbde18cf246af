import { join, raw, sql, type Sql } from '../db/sql';
import { METRICS } from '../metrics/catalogue';
import { DEFAULT_SETTINGS, type MetricSettings } from '../metrics/settings';
import type { Population } from '../metrics/types';

const EQUALS_COLUMNS = [
  'entry_channel',
  'handling_channel',
  'platform',
  'region',
  'customer_type',
  'category',
  'issue_type',
  'priority',
  'emergency_type',
  'status',
  'resolved_by',
  'ai_intent',
  'true_intent'
] as const;

const BOOL_COLUMNS = [
  'is_overseas',
  'is_fund_safety',
  'escalated',
  'duplicate_answer',
  'bot_answered'
] as const;

const STAGES: Record<string, string> = {
  all: 'TRUE',
  bot_answered: 'bot_answered',
  human_requested: 'human_requested_at IS NOT NULL',
  picked_up: 'human_requested_at IS NOT NULL AND agent_answered_at IS NOT NULL',
  resolved_by_human:
    "human_requested_at IS NOT NULL AND agent_answered_at IS NOT NULL AND status = 'resolved' AND resolved_by IN ('agent', 'expert')"
};

/** `population:<metric id>` = the metric's denominator; `failing:<metric id>` = the tickets that fail it. */
const METRIC_KEYS = ['population', 'failing'] as const;
export type MetricDrillKey = (typeof METRIC_KEYS)[number];

export type DrillKey =
  | (typeof EQUALS_COLUMNS)[number]
  | (typeof BOOL_COLUMNS)[number]
  | 'hour'
  | 'stage'
  | 'staffed'
  | 'week'
  | MetricDrillKey;

export interface DrillCondition {
  key: DrillKey;
  value: string;
}

const KEYS: readonly string[] = [
  ...EQUALS_COLUMNS,
  ...BOOL_COLUMNS,
  'hour',
  'stage',
  'staffed',
  'week',
  ...METRIC_KEYS
];

/** A metric's drill population under the given settings, if the catalogue defines one. */
export function metricPopulation(
  id: string,
  settings: MetricSettings = DEFAULT_SETTINGS
): Population | null {
  const metric = METRICS.find((m) => m.id === id);
  return metric?.population ? metric.population(settings) : null;
}

export function isMetricDrillKey(key: DrillKey): key is MetricDrillKey {
  return (METRIC_KEYS as readonly string[]).includes(key);
}
const MAX_VALUE_LENGTH = 200;

function isDrillKey(key: string): key is DrillKey {
  return KEYS.includes(key);
}

function validValue(key: DrillKey, value: string): boolean {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return false;
  if (key === 'hour') return /^(?:[01]?\d|2[0-3])$/.test(value);
  if (key === 'stage') return value in STAGES;
  if (key === 'week') return isMonday(value);
  if (key === 'population') return metricPopulation(value) !== null;
  if (key === 'failing') return metricPopulation(value)?.failing !== undefined;
  if (key === 'staffed' || (BOOL_COLUMNS as readonly string[]).includes(key)) {
    return value === 'true' || value === 'false';
  }
  return true;
}

/** A real calendar Monday as YYYY-MM-DD (the first day of an ISO week). */
function isMonday(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) && day.getUTCDay() === 1
  );
}

/** Drill-down conditions from the query string (`drill=column:value`, repeatable); invalid ones are dropped. */
export function drillFromParams(params: URLSearchParams): DrillCondition[] {
  const conditions: DrillCondition[] = [];
  for (const entry of params.getAll('drill')) {
    const colon = entry.indexOf(':');
    if (colon <= 0) continue;
    const key = entry.slice(0, colon);
    const value = entry.slice(colon + 1);
    if (isDrillKey(key) && validValue(key, value)) conditions.push({ key, value });
  }
  return conditions;
}

/** A copy of the query string with the drill-down replaced (an empty list clears it). */
export function paramsWithDrill(
  current: URLSearchParams,
  conditions: readonly DrillCondition[]
): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete('drill');
  for (const c of conditions) next.append('drill', `${c.key}:${c.value}`);
  return next;
}

function conditionSql(c: DrillCondition, settings: MetricSettings): Sql {
  const staffed = settings.staffedHours;
  if (isMetricDrillKey(c.key)) {
    const population = metricPopulation(c.value, settings);
    const condition = c.key === 'failing' ? population?.failing : population?.all;
    return condition ? sql`(${condition})` : raw('FALSE');
  }
  if (c.key === 'week') return sql`date_trunc('week', created_local) = CAST(${c.value} AS DATE)`;
  if (c.key === 'hour') return sql`hour(created_local) = CAST(${c.value} AS INTEGER)`;
  if (c.key === 'stage') return raw(`(${STAGES[c.value] ?? 'FALSE'})`);
  if (c.key === 'staffed') {
    return sql`((hour(created_local) >= ${staffed.start} AND hour(created_local) < ${staffed.end}) = ${c.value === 'true'})`;
  }
  if ((BOOL_COLUMNS as readonly string[]).includes(c.key)) {
    return sql`coalesce(${raw(c.key)}, false) = ${c.value === 'true'}`;
  }
  return sql`${raw(c.key)} = ${c.value}`;
}

/** The drill-down as a WHERE condition over `t`; every value is a bound parameter. */
export function drillWhere(
  conditions: readonly DrillCondition[],
  settings: MetricSettings = DEFAULT_SETTINGS
): Sql {
  if (conditions.length === 0) return raw('TRUE');
  return join(
    conditions.map((c) => conditionSql(c, settings)),
    ' AND '
  );
}
