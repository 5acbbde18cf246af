import { simulate } from './engine';
import { observedKpis } from './observed';
import type { QueueArrivals, QueueModel } from './types';

export interface StaffingCandidate {
  method: 'agent_presence' | 'agents_active' | 'erlang_fit';
  agents: number[];
}

export interface StaffingChoice extends StaffingCandidate {
  /** |simulated − observed| pickup plus abandonment, for the chosen candidate. */
  error: number;
  tried: Array<{ method: StaffingCandidate['method']; error: number }>;
}

const QUICK_REPLICATIONS = 3;

/**
 * Picks, for one queue, the staffing inference that best replays that queue's own history
 * (pickup within the threshold and abandonment), with a short seeded simulation of each.
 */
export function chooseStaffing(
  queue: QueueArrivals,
  model: QueueModel,
  candidates: readonly StaffingCandidate[],
  window: { start: number; end: number },
  thresholdSeconds: number
): StaffingChoice {
  const observed = observedKpis([queue], thresholdSeconds);
  const tried = candidates.map((candidate) => {
    const outcome = simulate(
      {
        queues: [queue],
        models: { [queue.queue]: model },
        staffing: { queues: { [queue.queue]: candidate.agents } },
        thresholdSeconds,
        window
      },
      { replications: QUICK_REPLICATIONS, seed: 7 }
    );
    if (outcome.status !== 'done') return { candidate, error: Infinity };
    const k = outcome.result.kpis;
    const error =
      Math.abs(k.pickup_within_20s.mean - observed.pickup_within_20s) +
      Math.abs(k.abandon_rate.mean - observed.abandon_rate);
    return { candidate, error };
  });
  const best = tried.reduce((a, b) => (b.error < a.error ? b : a));
  return {
    ...best.candidate,
    error: best.error,
    tried: tried.map((t) => ({ method: t.candidate.method, error: t.error }))
  };
}
