import { agentWork, historicalArrivals, type ArrivalSet } from './arrivals';
import { arrivalWindow, DEFAULT_THRESHOLD_SECONDS } from './engine';
import type { TicketRow } from './load-history';
import { observedKpis, type ObservedKpis } from './observed';
import { buildQueueModels } from './queue-model';
import { inferStaffingFromPresence, inferStaffingFromWaits } from './staffing';
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
  window: { start: number; end: number };
  observed: ObservedKpis;
  thresholdSeconds: number;
}

/** Share of picked-up contacts that must carry an agent id for activity-based staffing. */
export const MIN_AGENT_ID_SHARE = 0.5;

/**
 * Builds the baseline from ticket rows: arrivals per queue, service/patience models, and
 * staffing inferred per queue from agent presence (enough agent ids) or fitted to the waits.
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
  let staffing: StaffingTable;
  if (uploaded) {
    staffing = uploaded;
    for (const q of arrivals.queues) staffingSource[q.queue] = 'uploaded';
  } else {
    const work = agentWork(rows);
    const withId = new Map<string, number>();
    for (const w of work) withId.set(w.queue, (withId.get(w.queue) ?? 0) + 1);
    const byAgents = inferStaffingFromPresence(
      work,
      arrivals.queues.map((q) => q.queue),
      window
    );
    const table: Record<string, number[]> = {};
    for (const q of arrivals.queues) {
      let served = 0;
      for (let i = 0; i < q.abandoned.length; i++) if (!q.abandoned[i]) served++;
      if (served > 0 && (withId.get(q.queue) ?? 0) / served >= MIN_AGENT_ID_SHARE) {
        table[q.queue] = byAgents.queues[q.queue]!;
        staffingSource[q.queue] = 'agent_id';
      } else {
        table[q.queue] = inferStaffingFromWaits(q, window, thresholdSeconds);
        staffingSource[q.queue] = 'erlang_fit';
      }
    }
    staffing = { queues: table };
  }
  return {
    rows,
    arrivals,
    models,
    staffing,
    staffingSource,
    window,
    observed: observedKpis(arrivals.queues, thresholdSeconds),
    thresholdSeconds
  };
}
