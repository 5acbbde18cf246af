import { join, raw, sql, type Sql } from '../db/sql';

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
  resolved_by_human: "status = 'resolved' AND resolved_by IN ('agent', 'expert')"
};

export type DrillKey =
  (typeof EQUALS_COLUMNS)[number] | (typeof BOOL_COLUMNS)[number] | 'hour' | 'stage' | 'staffed';

export interface DrillCondition {
  key: DrillKey;
  value: string;
}

const KEYS: readonly string[] = [...EQUALS_COLUMNS, ...BOOL_COLUMNS, 'hour', 'stage', 'staffed'];
const MAX_VALUE_LENGTH = 200;

function isDrillKey(key: string): key is DrillKey {
  return KEYS.includes(key);
}

function validValue(key: DrillKey, value: string): boolean {
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) return false;
  if (key === 'hour') return /^(?:[01]?\d|2[0-3])$/.test(value);
  if (key === 'stage') return value in STAGES;
  if (key === 'staffed' || (BOOL_COLUMNS as readonly string[]).includes(key)) {
    return value === 'true' || value === 'false';
  }
  return true;
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

function conditionSql(c: DrillCondition, staffed: { start: number; end: number }): Sql {
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
  staffed: { start: number; end: number } = { start: 9, end: 21 }
): Sql {
  if (conditions.length === 0) return raw('TRUE');
  return join(
    conditions.map((c) => conditionSql(c, staffed)),
    ' AND '
  );
}
