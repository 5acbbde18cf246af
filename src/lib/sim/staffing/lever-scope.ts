import { HOURS_PER_WEEK } from '../model/clock';
import type { AgentsDelta, NightShift, Scenario } from '../scenarios/scenario';
import { adjustStaffing } from '../scenarios/scenario-apply';
import { parseHours, parseWeekdays, slotsOf } from './selectors';

/** What a staffing lever touches and costs, per week of the baseline staffing table. */
export interface LeverScope {
  /** Queues the lever changes. */
  queues: number;
  /** Hours of the week it changes in each queue. */
  hoursPerWeek: number;
  /** Agent-hours a week it adds (negative: removes), after flooring each hour at 0 agents. */
  agentHoursPerWeek: number;
  /** Baseline agent-hours a week over all queues. */
  baselinePerWeek: number;
}

const weekTotal = (queues: Record<string, number[]>): number =>
  Object.values(queues).reduce((sum, slots) => sum + slots.reduce((a, b) => a + b, 0), 0);

/**
 * Agent-hours a week the scenario's staffing levers add to `staffing` (queue → 168 hours),
 * computed by the same `adjustStaffing` the run uses. Night seats do not depend on the
 * dataset's clock for this total, so no ticket rows are needed.
 */
export function staffingChange(
  staffing: Record<string, number[]>,
  scenario: Pick<Scenario, 'agents_delta' | 'night_shift'>
): number {
  const adjusted = adjustStaffing({ queues: staffing }, scenario, []);
  return weekTotal(adjusted.queues) - weekTotal(staffing);
}

/** Scope of one agents ± row, or why it cannot be read. */
export function agentsDeltaScope(
  staffing: Record<string, number[]>,
  row: AgentsDelta
): LeverScope | string {
  const days = parseWeekdays(row.weekday);
  if (typeof days === 'string') return days;
  const hours = parseHours(row.hour);
  if (typeof hours === 'string') return hours;
  if (row.queue !== '*' && !staffing[row.queue]) return `unknown queue "${row.queue}"`;
  if (!Number.isFinite(row.delta)) return 'the change must be a number';
  return {
    queues: row.queue === '*' ? Object.keys(staffing).length : 1,
    hoursPerWeek: slotsOf(days, hours).length,
    agentHoursPerWeek: staffingChange(staffing, { agents_delta: [row] }),
    baselinePerWeek: weekTotal(staffing)
  };
}

/** Scope of one night-shift row (its region's queue), or why it cannot be read. */
export function nightShiftScope(
  staffing: Record<string, number[]>,
  row: NightShift
): LeverScope | string {
  const hours = parseHours(row.local_hours);
  if (typeof hours === 'string') return hours;
  if (!Number.isInteger(row.seats) || row.seats < 0) return 'seats must be a whole number ≥ 0';
  return {
    queues: 1,
    hoursPerWeek: (hours.length * HOURS_PER_WEEK) / 24,
    agentHoursPerWeek: staffingChange(staffing, { night_shift: [row] }),
    baselinePerWeek: weekTotal(staffing)
  };
}
