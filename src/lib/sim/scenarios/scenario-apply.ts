import { createRng } from '../../random/rng';
import { arrivalsFrom, type ArrivalRef, type ArrivalSet } from '../model/arrivals';
import type { Baseline } from '../staffing/baseline';
import { HOURS_PER_WEEK } from '../model/clock';
import type { TicketRow } from '../history/load-history';
import { nightShiftSeats } from './night-shift';
import type { Scenario } from './scenario';
import { parseHours, parseWeekdays, slotsOf } from '../staffing/selectors';
import type { SimulationInput, StaffingTable } from '../model/types';

/** Entry channels whose tickets users can track (status awareness is measured on them). */
export const TICKETED_CHANNELS = [
  'help_feedback',
  'official_account',
  'overseas_support',
  'enterprise_line'
];

/** A scenario turned into engine input, plus the lever effects counted on the way. */
export interface ScenarioRun {
  input: SimulationInput;
  arrivals: ArrivalSet;
  effects: Record<string, number>;
}

/** Status-lookup awareness today: ticketed tickets with a lookup ÷ ticketed tickets. */
export function currentAwareness(rows: readonly TicketRow[]): number {
  let n = 0;
  let aware = 0;
  for (const r of rows) {
    if (!TICKETED_CHANNELS.includes(r.entryChannel)) continue;
    n++;
    if (r.statusLookups > 0) aware++;
  }
  return n ? aware / n : 0;
}

/** Applies every lever of the scenario to the baseline's arrivals, staffing and threshold. */
export function applyScenario(baseline: Baseline, scenario: Scenario, seed = 1): ScenarioRun {
  const rows = baseline.rows;
  const rng = createRng(seed ^ 0x2c1b3c6d);
  const effects: Record<string, number> = {};
  const byQueue = new Map<string, (ArrivalRef & { handleMean?: number })[]>();
  const push = (queue: string, ref: ArrivalRef): void => {
    let list = byQueue.get(queue);
    if (!list) byQueue.set(queue, (list = []));
    list.push(ref);
  };

  const tracking = scenario.unified_tracking;
  const a0 = currentAwareness(rows);
  const removeShare = tracking
    ? Math.max(0, ((tracking.awareness ?? 0.8) - a0) / (1 - a0 || 1))
    : 0;
  const tau = scenario.confidence_labelling?.threshold;
  const api = scenario.enterprise_api;
  const growth = 1 + (scenario.volume_growth ?? 0);
  let followupsAvoided = 0;
  let humanAvoided = 0;
  let extraHuman = 0;
  let duplicatesAvoided = 0;
  let apiTickets = 0;
  let apiHandleSecondsSaved = 0;
  let rerouted = 0;

  rows.forEach((r, row) => {
    const lowConfidence =
      tau !== undefined && r.aiConfidence !== null && r.aiConfidence < tau && r.botAnswered;
    if (tracking && r.statusLookups === 0) followupsAvoided += r.statusFollowups * removeShare;
    if (r.requested === null) {
      if (lowConfidence) {
        extraHuman++;
        push(r.queue, { row, time: r.created, priority: r.priority, weight: growth });
      }
      return;
    }
    let weight = growth;
    let handleFactor = 1;
    let queue = r.queue;
    if (tracking && r.issueType === 'status_query' && r.statusLookups === 0) {
      weight *= 1 - removeShare;
      humanAvoided += removeShare;
    }
    if (lowConfidence && r.intentWrong && r.duplicateAnswer) duplicatesAvoided++;
    if (api && r.enterprise && rng.next() < (api.share ?? 0.5)) {
      apiTickets++;
      handleFactor = 1 - (api.handle_time_reduction ?? 0.2);
      apiHandleSecondsSaved += (r.handleSeconds ?? 0) * (api.handle_time_reduction ?? 0.2);
      if (
        api.misrouting_removed !== false &&
        queue !== 'enterprise' &&
        baseline.staffing.queues.enterprise
      ) {
        queue = 'enterprise';
        rerouted++;
      }
    }
    push(queue, { row, time: r.requested, priority: r.priority, weight, handleFactor });
  });

  if (tracking) {
    Object.assign(effects, {
      status_awareness_before: a0,
      status_awareness_after: tracking.awareness ?? 0.8,
      followup_contacts_avoided: followupsAvoided,
      human_contacts_avoided: humanAvoided
    });
  }
  if (tau !== undefined)
    Object.assign(effects, {
      extra_human_requests: extraHuman,
      duplicate_answers_avoided: duplicatesAvoided
    });
  if (api) {
    Object.assign(effects, {
      api_tickets: apiTickets,
      api_agent_hours_freed: apiHandleSecondsSaved / 3600,
      api_rerouted_to_enterprise: rerouted
    });
  }

  const arrivals = arrivalsFrom(byQueue, rows);
  const staffing = adjustStaffing(baseline.staffing, scenario, rows);
  for (const q of arrivals.queues) {
    if (!staffing.queues[q.queue] || !baseline.models[q.queue])
      throw new Error(
        `the scenario sends contacts to queue "${q.queue}", which has no history or staffing`
      );
  }
  return {
    input: {
      queues: arrivals.queues,
      models: baseline.models,
      staffing,
      thresholdSeconds: scenario.service_level_seconds ?? baseline.thresholdSeconds,
      window: baseline.window
    },
    arrivals,
    effects
  };
}

/** Baseline staffing with `agents_delta` and night-shift seats added (never below 0). */
export function adjustStaffing(
  base: StaffingTable,
  scenario: Scenario,
  rows: readonly TicketRow[]
): StaffingTable {
  const queues: Record<string, number[]> = {};
  for (const [q, slots] of Object.entries(base.queues)) queues[q] = slots.slice();
  for (const [i, d] of (scenario.agents_delta ?? []).entries()) {
    const days = parseWeekdays(d.weekday);
    const hours = parseHours(d.hour);
    if (typeof days === 'string' || typeof hours === 'string')
      throw new Error(`agents_delta[${i}]: bad selector`);
    const targets = d.queue === '*' ? Object.keys(queues) : [d.queue];
    for (const q of targets) {
      const slots = queues[q];
      if (!slots)
        throw new Error(
          `scenario field agents_delta[${i}].queue: unknown queue "${q}" (known: ${Object.keys(queues).join(', ')})`
        );
      for (const s of slotsOf(days, hours)) slots[s] = Math.max(0, slots[s]! + d.delta);
    }
  }
  for (const [queue, seats] of Object.entries(nightShiftSeats(scenario.night_shift ?? [], rows))) {
    const slots = (queues[queue] ??= new Array<number>(HOURS_PER_WEEK).fill(0));
    seats.forEach((n, s) => (slots[s] = slots[s]! + n));
  }
  return { queues };
}
