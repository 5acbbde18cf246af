import { join, raw, sql, type Sql } from '../../db/sql';
import { enterpriseWindowMet, createdOffHours } from '../catalogue/programmes';
import { slaMet } from '../catalogue/operations';
import { TICKETED_CHANNELS } from '../define';
import type { MetricSettings } from '../settings';

/*
 * One pass over the filtered tickets `t` into `c`, a small table every catalogue figure is then
 * read from: counts, sums and non-null counts per combination of the few low-cardinality
 * values the figures condition on (the `main` set), and counts per distinct value for the
 * samples whose quantiles or distinct counts the figures take. Evaluating ~60 aggregates per
 * ticket, and a dozen further scans, become one grouped scan; the figures are exact (counts are
 * counts, quantiles come from counts per value, see quantile-from-counts.ts).
 */

/** Columns of `c` that mean exactly what the ticket column of the same name means. */
const SAME_AS_TICKETS = [
  'status',
  'resolved_by',
  'is_mobile',
  'is_routine',
  'is_fund_safety',
  'is_overseas',
  'entry_channel',
  'handling_channel',
  'platform',
  'customer_type',
  'region',
  'issue_type',
  'emergency_type',
  'priority',
  'escalated',
  'cross_business',
  'bot_answered',
  'duplicate_answer',
  'csat'
];

/** Conditions a figure needs that no single ticket column answers, as columns of `c`. */
function flags(s: MetricSettings): Array<[string, Sql]> {
  return [
    ['has_human_request', raw('human_requested_at IS NOT NULL')],
    ['has_agent_answer', raw('agent_answered_at IS NOT NULL')],
    ['has_first_response', raw('first_response_at IS NOT NULL')],
    ['has_status_lookup', raw('status_lookups > 0')],
    /** NULL when either intent is missing, as `ai_intent = true_intent` is. */
    ['intent_match', raw('ai_intent = true_intent')],
    /** NULL when the request was not picked up (no wait). */
    ['wait_within_threshold', sql`wait_seconds <= ${s.pickupThresholdSeconds}`],
    ['created_off_hours', createdOffHours(s)],
    [
      'enterprise_window_met',
      sql`CASE WHEN customer_type = 'enterprise' AND first_response_at IS NOT NULL THEN ${enterpriseWindowMet(s)} END`
    ],
    ['sla_met', sql`CASE WHEN first_response_at IS NOT NULL THEN ${slaMet(s)} END`]
  ];
}

/** Sums and non-null counts per group, as `<column>_sum` and `<column>_n`. */
const SUMMED = [
  'handle_seconds',
  'wait_seconds',
  'resolve_minutes',
  'translation_delay_hours',
  'load_ms',
  'status_followups',
  'csat'
];

/**
 * The samples kept as counts per distinct value, each a grouping set of `c` told apart by its
 * last key (a column no other set groups by).
 */
const SAMPLE_SETS = {
  resolve: ['status', 'customer_type', 'category', 'handling_channel', 'resolve_minutes'],
  first_response: ['first_response_minutes'],
  intent: ['true_intent'],
  user: ['has_status_lookup', 'is_ticketed_channel', 'user_id']
} as const satisfies Record<string, readonly string[]>;

export type CubeSet = 'main' | keyof typeof SAMPLE_SETS;

/** `, c AS MATERIALIZED (…)` after the `WITH t AS (…)` prefix. */
export function cubeCte(s: MetricSettings, present: ReadonlySet<string>): Sql {
  const flagColumns = flags(s);
  const main = [...SAME_AS_TICKETS, ...flagColumns.map(([name]) => name)];
  const samples = Object.entries<readonly string[]>(SAMPLE_SETS).filter(
    ([name]) => name !== 'user' || present.has('user_id')
  );
  const own = [...new Set(samples.flatMap(([, keys]) => keys).filter((k) => !main.includes(k)))];
  const inputs = [
    ...SAME_AS_TICKETS.map((name) => raw(name)),
    ...flagColumns.map(([name, expression]) => sql`${expression} AS ${raw(name)}`),
    ...own.map((name) =>
      raw(name === 'is_ticketed_channel' ? `${TICKETED_CHANNELS} AS is_ticketed_channel` : name)
    ),
    ...SUMMED.map((name) => raw(name))
  ];
  const measures = SUMMED.map((name) => `sum(${name}) AS ${name}_sum, count(${name}) AS ${name}_n`);
  const which = samples
    .map(([name, keys]) => `WHEN grouping(${keys.at(-1)}) = 0 THEN '${name}'`)
    .join(' ');
  const sets = [main, ...samples.map(([, keys]) => keys)].map((keys) => `(${keys.join(', ')})`);
  return sql`, c AS MATERIALIZED (
      SELECT CASE ${raw(which)} ELSE 'main' END AS cube_set, ${raw([...main, ...own].join(', '))},
        count(*) AS n, ${raw(measures.join(', '))}
      FROM (SELECT ${join(inputs, ', ')} FROM t)
      GROUP BY GROUPING SETS (${raw(sets.join(', '))}))`;
}
