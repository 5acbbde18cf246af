/** Which way a figure gets better: what "worst" means in a breakdown. */
export type Direction = 'higher' | 'lower';

/** Figures where less is better: waits, durations, backlog, misjudgments, duplicates, gaps. */
const LOWER_IS_BETTER = new Set([
  'open_tickets',
  'first_response_minutes_median',
  'first_response_minutes_p90',
  'resolve_minutes_median',
  'resolve_minutes_p90',
  'handle_seconds_mean',
  'avg_wait_seconds',
  'resolution_gap_pp',
  'complex_misjudgment_rate',
  'duplicate_answer_rate',
  'offhours_gap_rate',
  'nonstandard_escalated_resolve_minutes',
  'translation_delay_hours'
]);

/** Figures with no better side (volumes, coverage, how often something is escalated). */
const NEUTRAL = new Set(['tickets', 'intent_coverage', 'nonstandard_escalation_rate']);

export function directionOf(id: string): Direction | null {
  if (NEUTRAL.has(id)) return null;
  return LOWER_IS_BETTER.has(id) ? 'lower' : 'higher';
}
