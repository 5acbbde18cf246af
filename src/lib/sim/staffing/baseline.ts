import { agentWork, historicalArrivals, type ArrivalSet } from '../model/arrivals';
import { arrivalWindow, DEFAULT_THRESHOLD_SECONDS } from '../model/engine';
import type { TicketRow } from '../history/load-history';
import { observedKpis, type ObservedKpis } from '../history/observed';
import { buildQueueModels } from '../model/queue-model';
import { estimateHeadStart } from '../model/head-start';
import {
  busyShareWhileWaiting,
  congestion,
  inferStaffingFromAgents,
  inferStaffingFromCongestion,
  inferStaffingFromPresence,
  inferStaffingFromWaits
} from './staffing';
import { estimateWrapUp, type WrapUpEstimate } from './wrap-up';
import {
  calibrateQueue,
  fitAvailabilityWithSurge,
  type StaffingCandidate
} from '../backtest/calibration';
import type { QueueModel, StaffingTable } from '../model/types';

/** Where a queue's baseline staffing came from. */
export type StaffingSource = 'agent_id' | 'erlang_fit' | 'uploaded';

/** The history, as the baseline run replays it. */
export interface Baseline {
  rows: readonly TicketRow[];
  arrivals: ArrivalSet;
  models: Record<string, QueueModel>;
  staffing: StaffingTable;
  staffingSource: Record<string, StaffingSource>;
  /** Which reading of the data gave each queue's staffing (see prepareBaseline). */
  staffingMethod: Record<string, StaffingCandidate['method'] | 'uploaded'>;
  window: { start: number; end: number };
  observed: ObservedKpis;
  thresholdSeconds: number;
  /** Per queue read by `available_presence`: capacity as a share of on-duty time (see `fitAvailability`). */
  availability?: Record<string, number>;
  /** After-call unavailability per queue, measured while callers waited (a diagnostic). */
  wrapUp?: Record<string, WrapUpEstimate>;
  /** Every staffing reading considered per queue (absent when staffing was uploaded). */
  staffingReadings?: Record<string, StaffingCandidate[]>;
}

/** Share of picked-up contacts that must carry an agent id for activity-based staffing. */
export const MIN_AGENT_ID_SHARE = 0.5;

/** What a baseline fitted on earlier history hands to a later period (see `prepareBaseline`). */
export type FittedBaseline = Pick<Baseline, 'models' | 'staffing' | 'staffingMethod'> &
  Pick<Partial<Baseline>, 'availability'>;

/** Every staffing reading the data supports for each queue (the calibration candidates). */
export function staffingReadings(
  rows: readonly TicketRow[],
  arrivals: ArrivalSet,
  window: { start: number; end: number },
  thresholdSeconds: number
): Record<string, StaffingCandidate[]> {
  const work = agentWork(rows);
  const withId = new Map<string, number>();
  for (const w of work) withId.set(w.queue, (withId.get(w.queue) ?? 0) + 1);
  const queueNames = arrivals.queues.map((q) => q.queue);
  const byPresence = inferStaffingFromPresence(work, queueNames, window);
  const demand = Object.fromEntries(arrivals.queues.map((q) => [q.queue, q.time]));
  const byActivity = inferStaffingFromAgents(work, queueNames, window);
  const whenCalled = inferStaffingFromAgents(work, queueNames, window, demand);
  const out: Record<string, StaffingCandidate[]> = {};
  for (const q of arrivals.queues) {
    let served = 0;
    for (let i = 0; i < q.abandoned.length; i++) if (!q.abandoned[i]) served++;
    if (served > 0 && (withId.get(q.queue) ?? 0) / served >= MIN_AGENT_ID_SHARE) {
      const called = whenCalled.queues[q.queue]!;
      out[q.queue] = [
        { method: 'agent_presence', agents: byPresence.queues[q.queue]! },
        { method: 'agents_active', agents: byActivity.queues[q.queue]! },
        { method: 'agents_when_called', agents: called },
        {
          method: 'busy_while_waiting',
          agents: inferStaffingFromCongestion(q, work, window, called)
        }
      ];
    } else {
      out[q.queue] = [
        { method: 'erlang_fit', agents: inferStaffingFromWaits(q, window, thresholdSeconds) }
      ];
    }
  }
  return out;
}

/**
 * Builds the baseline from ticket rows: arrivals per queue, service/patience models, and
 * staffing inferred per queue. With agent ids, several readings of agent activity compete (see
 * `staffingReadings`) and the one whose short replay best matches that queue's observed pickup
 * and abandonment wins; without agent ids, staffing is fitted to the observed waits with Erlang A.
 *
 * With `fitted` (a baseline built on earlier history), nothing is estimated from these rows'
 * outcomes: service and patience models come from `fitted`, and so does staffing fitted to waits;
 * queues with agent ids read their staffing from these rows' agent activity with the method
 * chosen on the earlier history (who was at work is an input, like the arrivals).
 */
export function prepareBaseline(
  rows: readonly TicketRow[],
  thresholdSeconds = DEFAULT_THRESHOLD_SECONDS,
  uploaded?: StaffingTable,
  fitted?: FittedBaseline
): Baseline {
  const arrivals = historicalArrivals(rows);
  if (arrivals.queues.length === 0)
    throw new Error('no human requests (human_requested_at) in the data: nothing to simulate');
  const window = arrivalWindow(arrivals);
  const models = fitted ? fittedModels(fitted, arrivals) : buildQueueModels(arrivals.queues);
  if (!fitted)
    for (const q of arrivals.queues) {
      const h = estimateHeadStart(rows, q.queue);
      if (h > 0) models[q.queue] = { ...models[q.queue]!, headStartSeconds: h };
    }
  const wrapUp = fitted ? undefined : wrapUpByQueue(rows, arrivals);
  const staffingSource: Record<string, StaffingSource> = {};
  const staffingMethod: Baseline['staffingMethod'] = {};
  let staffing: StaffingTable;
  let readings: Record<string, StaffingCandidate[]> | undefined;
  let availability: Record<string, number> | undefined = fitted?.availability;
  if (uploaded) {
    staffing = uploaded;
    for (const q of arrivals.queues) {
      staffingSource[q.queue] = 'uploaded';
      staffingMethod[q.queue] = 'uploaded';
    }
  } else {
    readings = staffingReadings(rows, arrivals, window, thresholdSeconds);
    const table: Record<string, number[]> = {};
    for (const q of arrivals.queues) {
      const candidates = readings[q.queue]!;
      const presence = candidates.find((c) => c.method === 'agent_presence');
      let choice: StaffingCandidate;
      if (!fitted && presence) {
        const active = candidates.find((c) => c.method === 'agents_active')!.agents;
        const bounds = {
          floor: busyShareWhileWaiting(congestion(q, agentWork(rows), window)),
          ceiling: sum(active) / Math.max(sum(presence.agents), 1e-9)
        };
        const fit = fitAvailabilityWithSurge(
          q,
          models[q.queue]!,
          presence.agents,
          bounds,
          window,
          thresholdSeconds
        );
        (availability ??= {})[q.queue] = fit.availability;
        candidates.push(
          fit.surge
            ? {
                method: 'available_presence',
                agents: fit.agents,
                model: { ...models[q.queue]!, surge: fit.surge }
              }
            : { method: 'available_presence', agents: fit.agents }
        );
      }
      if (fitted) {
        const method = fitted.staffingMethod[q.queue];
        const share = fitted.availability?.[q.queue];
        const same =
          method === 'available_presence' && presence && share !== undefined
            ? { method, agents: presence.agents.map((a) => a * share) }
            : candidates.find((c) => c.method === method && c.method !== 'erlang_fit');
        const earlier = fitted.staffing.queues[q.queue];
        if (same) choice = same;
        else if (earlier)
          choice = { method: method === 'uploaded' ? 'erlang_fit' : method!, agents: earlier };
        else throw new Error(`queue "${q.queue}" has no history in the fitting period`);
      } else {
        choice = calibrateQueue(q, models[q.queue]!, candidates, window, thresholdSeconds);
        if (choice.model) models[q.queue] = choice.model;
      }
      table[q.queue] = choice.agents;
      staffingSource[q.queue] = choice.method === 'erlang_fit' ? 'erlang_fit' : 'agent_id';
      staffingMethod[q.queue] = choice.method;
    }
    staffing = { queues: table };
  }
  const baseline: Baseline = {
    rows,
    arrivals,
    models,
    staffing,
    staffingSource,
    staffingMethod,
    window,
    observed: observedKpis(arrivals.queues, thresholdSeconds),
    thresholdSeconds
  };
  if (readings) baseline.staffingReadings = readings;
  if (wrapUp) baseline.wrapUp = wrapUp;
  if (availability) baseline.availability = availability;
  return baseline;
}

const sum = (values: readonly number[]): number => values.reduce((t, v) => t + v, 0);

/** Each queue's after-call unavailability (see `estimateWrapUp`): shown, not simulated. */
function wrapUpByQueue(
  rows: readonly TicketRow[],
  arrivals: ArrivalSet
): Record<string, WrapUpEstimate> {
  return Object.fromEntries(arrivals.queues.map((q) => [q.queue, estimateWrapUp(rows, q.queue)]));
}

function fittedModels(fitted: FittedBaseline, arrivals: ArrivalSet): Record<string, QueueModel> {
  const models: Record<string, QueueModel> = {};
  for (const q of arrivals.queues) {
    const m = fitted.models[q.queue];
    if (!m) throw new Error(`queue "${q.queue}" has no history in the fitting period`);
    models[q.queue] = m;
  }
  return models;
}
