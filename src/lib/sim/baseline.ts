import { agentWork, historicalArrivals, type ArrivalSet } from './arrivals';
import { arrivalWindow, DEFAULT_THRESHOLD_SECONDS } from './engine';
import type { TicketRow } from './load-history';
import { observedKpis, type ObservedKpis } from './observed';
import { buildQueueModels } from './queue-model';
import {
  inferStaffingFromAgents,
  inferStaffingFromCongestion,
  inferStaffingFromPresence,
  inferStaffingFromWaits
} from './staffing';
import { calibrateQueue, type StaffingCandidate } from './calibration';
import type { QueueModel, StaffingTable } from './types';

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
}

/** Share of picked-up contacts that must carry an agent id for activity-based staffing. */
export const MIN_AGENT_ID_SHARE = 0.5;

/**
 * Builds the baseline from ticket rows: arrivals per queue, service/patience models, and
 * staffing inferred per queue. With agent ids, two readings of agent activity compete — on duty
 * between calls less than 10 min apart, or every agent seen in the hour — and the one whose
 * short replay best matches that queue's observed pickup and abandonment wins; without agent
 * ids, staffing is fitted to the observed waits with Erlang A.
 */
export function prepareBaseline(
  rows: readonly TicketRow[],
  thresholdSeconds = DEFAULT_THRESHOLD_SECONDS,
  uploaded?: StaffingTable
): Baseline {
  const arrivals = historicalArrivals(rows);
  if (arrivals.queues.length === 0)
    throw new Error('no human requests (human_requested_at) in the data: nothing to simulate');
  const window = arrivalWindow(arrivals);
  const models = buildQueueModels(arrivals.queues);
  const staffingSource: Record<string, StaffingSource> = {};
  const staffingMethod: Baseline['staffingMethod'] = {};
  let staffing: StaffingTable;
  if (uploaded) {
    staffing = uploaded;
    for (const q of arrivals.queues) {
      staffingSource[q.queue] = 'uploaded';
      staffingMethod[q.queue] = 'uploaded';
    }
  } else {
    const work = agentWork(rows);
    const withId = new Map<string, number>();
    for (const w of work) withId.set(w.queue, (withId.get(w.queue) ?? 0) + 1);
    const queueNames = arrivals.queues.map((q) => q.queue);
    const byPresence = inferStaffingFromPresence(work, queueNames, window);
    const demand = Object.fromEntries(arrivals.queues.map((q) => [q.queue, q.time]));
    const byActivity = inferStaffingFromAgents(work, queueNames, window);
    const whenDemanded = inferStaffingFromAgents(work, queueNames, window, demand);
    const table: Record<string, number[]> = {};
    for (const q of arrivals.queues) {
      let served = 0;
      for (let i = 0; i < q.abandoned.length; i++) if (!q.abandoned[i]) served++;
      const candidates: StaffingCandidate[] = [];
      if (served > 0 && (withId.get(q.queue) ?? 0) / served >= MIN_AGENT_ID_SHARE) {
        const presence = byPresence.queues[q.queue]!;
        candidates.push(
          { method: 'agent_presence', agents: presence },
          { method: 'agents_active', agents: byActivity.queues[q.queue]! },
          { method: 'agents_when_called', agents: whenDemanded.queues[q.queue]! },
          {
            method: 'busy_while_waiting',
            agents: inferStaffingFromCongestion(q, work, window, whenDemanded.queues[q.queue]!)
          }
        );
      } else {
        candidates.push({
          method: 'erlang_fit',
          agents: inferStaffingFromWaits(q, window, thresholdSeconds)
        });
      }
      const choice = calibrateQueue(q, models[q.queue]!, candidates, window, thresholdSeconds);
      table[q.queue] = choice.agents;
      staffingSource[q.queue] = choice.method === 'erlang_fit' ? 'erlang_fit' : 'agent_id';
      staffingMethod[q.queue] = choice.method;
    }
    staffing = { queues: table };
  }
  return {
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
}
