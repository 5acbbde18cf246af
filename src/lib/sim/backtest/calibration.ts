import { simulate } from '../model/engine';
import { observedKpis, type ObservedKpis } from '../history/observed';
import type { QueueArrivals, QueueModel } from '../model/types';

export interface StaffingCandidate {
  method:
    'agent_presence' | 'agents_active' | 'agents_when_called' | 'busy_while_waiting' | 'erlang_fit';
  agents: number[];
}

export interface CalibratedQueue extends StaffingCandidate {
  model: QueueModel;
  /** |simulated − observed| pickup plus abandonment, for the chosen candidate. */
  error: number;
}

const QUICK_REPLICATIONS = 2;

interface QueueContext {
  queue: QueueArrivals;
  window: { start: number; end: number };
  thresholdSeconds: number;
  observed: ObservedKpis;
}

function quickRun(context: QueueContext, model: QueueModel, agents: number[]) {
  const outcome = simulate(
    {
      queues: [context.queue],
      models: { [context.queue.queue]: model },
      staffing: { queues: { [context.queue.queue]: agents } },
      thresholdSeconds: context.thresholdSeconds,
      window: context.window
    },
    { replications: QUICK_REPLICATIONS, seed: 7 }
  );
  return outcome.status === 'done' ? outcome.result.kpis : null;
}

/**
 * Picks, for one queue, the staffing reading that best replays that queue's own history
 * (pickup within the threshold and abandonment).
 */
export function calibrateQueue(
  queue: QueueArrivals,
  model: QueueModel,
  candidates: readonly StaffingCandidate[],
  window: { start: number; end: number },
  thresholdSeconds: number
): CalibratedQueue {
  const context: QueueContext = {
    queue,
    window,
    thresholdSeconds,
    observed: observedKpis([queue], thresholdSeconds)
  };
  let best: CalibratedQueue | null = null;
  for (const candidate of candidates) {
    const kpis = quickRun(context, model, candidate.agents);
    const error = kpis
      ? Math.abs(kpis.pickup_within_20s.mean - context.observed.pickup_within_20s) +
        Math.abs(kpis.abandon_rate.mean - context.observed.abandon_rate)
      : Infinity;
    if (!best || error < best.error) best = { ...candidate, model, error };
  }
  if (!best) throw new Error(`queue "${queue.queue}": no staffing candidate`);
  return best;
}
