import { simulate } from '../model/engine';
import { observedKpis, type ObservedKpis } from '../history/observed';
import type { QueueArrivals, QueueModel, SurgeModel } from '../model/types';

export interface StaffingCandidate {
  method:
    | 'agent_presence'
    | 'agents_active'
    | 'agents_when_called'
    | 'busy_while_waiting'
    | 'available_presence'
    | 'erlang_fit';
  agents: number[];
  /** The queue model this reading replays with, when it differs (a fitted surge). */
  model?: QueueModel;
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
    const kpis = quickRun(context, candidate.model ?? model, candidate.agents);
    const error = kpis
      ? Math.abs(kpis.pickup_within_20s.mean - context.observed.pickup_within_20s) +
        Math.abs(kpis.abandon_rate.mean - context.observed.abandon_rate)
      : Infinity;
    if (!best || error < best.error)
      best = { ...candidate, model: candidate.model ?? model, error };
  }
  if (!best) throw new Error(`queue "${queue.queue}": no staffing candidate`);
  return best;
}

/** Golden-section steps of `fitAvailability` (the share is found to within 0.6¹⁴ of its range). */
const AVAILABILITY_STEPS = 14;

/**
 * The largest backtest error of a replay, each KPI in units of its target (1 = at the target):
 * pickup and abandonment in rate points, the mean wait relative.
 */
export function worstTargetError(
  observed: Pick<ObservedKpis, 'pickup_within_20s' | 'abandon_rate' | 'avg_wait_seconds'>,
  simulated: { pickup_within_20s: number; abandon_rate: number; avg_wait_seconds: number }
): number {
  const e = [
    (simulated.pickup_within_20s - observed.pickup_within_20s) / 0.03,
    (simulated.abandon_rate - observed.abandon_rate) / 0.02,
    observed.avg_wait_seconds > 0
      ? (simulated.avg_wait_seconds / observed.avg_wait_seconds - 1) / 0.15
      : 0
  ].map((v) => (Number.isFinite(v) ? Math.abs(v) : Infinity));
  return Math.max(...e);
}

/**
 * The capacity available to this queue's callers as a share of on-duty agent time (presence).
 * Below 1, the rest went to other call types, outbound work, wrap-up and breaks, none of which
 * the log records; above 1, agents were on duty through idle stretches presence reads as off
 * duty. Idle agents leave no trace, so the share cannot be read directly; it is fitted: the
 * share in [`bounds.floor`, `bounds.ceiling`] whose short replay of presence × share comes
 * closest to the observed pickup, abandonment and mean wait together (`worstTargetError`).
 * The floor is the share busy in calls while someone waited (congestion is likeliest when
 * availability is low); the ceiling, distinct agents active per hour ÷ presence (everyone who
 * worked in the hour, there all of it).
 */
export function fitAvailability(
  queue: QueueArrivals,
  model: QueueModel | ((share: number) => QueueModel),
  presence: readonly number[],
  bounds: { floor: number; ceiling: number },
  window: { start: number; end: number },
  thresholdSeconds: number
): { availability: number; agents: number[]; error: number } {
  const modelAt = typeof model === 'function' ? model : () => model;
  const context: QueueContext = {
    queue,
    window,
    thresholdSeconds,
    observed: observedKpis([queue], thresholdSeconds)
  };
  const scaled = (share: number): number[] => presence.map((a) => a * share);
  const error = (share: number): number => {
    const k = quickRun(context, modelAt(share), scaled(share));
    return k
      ? worstTargetError(context.observed, {
          pickup_within_20s: k.pickup_within_20s.mean,
          abandon_rate: k.abandon_rate.mean,
          avg_wait_seconds: k.avg_wait_seconds.mean
        })
      : Infinity;
  };
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = Math.min(Math.max(bounds.floor, 0), 1);
  let b = Math.max(bounds.ceiling, 1);
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let fc = error(c);
  let fd = error(d);
  for (let k = 0; k < AVAILABILITY_STEPS; k++) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - ratio * (b - a);
      fc = error(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + ratio * (b - a);
      fd = error(d);
    }
  }
  const share = (a + b) / 2;
  return { availability: share, agents: scaled(share), error: Math.min(fc, fd) };
}

/** Waits (seconds of the longest-waiting caller) after which a surge is tried; null = none. */
export const SURGE_AFTER_SECONDS: readonly (number | null)[] = [null, 30, 60, 120, 240];

/**
 * `fitAvailability` with state-dependent capacity: agents doing other work (the on-duty time
 * outside the available share) join once a caller has waited long, up to all on-duty agents
 * (surge factor 1 ÷ share). Each threshold of `SURGE_AFTER_SECONDS` gets its own fitted share;
 * the pair whose short replay comes closest (`worstTargetError`) wins. No surge when the share
 * is at least 1 (presence already is everyone) or when none beats the plain fit.
 */
export function fitAvailabilityWithSurge(
  queue: QueueArrivals,
  model: QueueModel,
  presence: readonly number[],
  bounds: { floor: number; ceiling: number },
  window: { start: number; end: number },
  thresholdSeconds: number,
  thresholds: readonly (number | null)[] = SURGE_AFTER_SECONDS
): { availability: number; agents: number[]; surge?: SurgeModel } {
  let best: { availability: number; agents: number[]; error: number; surge?: SurgeModel } | null =
    null;
  for (const after of thresholds) {
    const modelAt = (share: number): QueueModel =>
      after === null || share >= 1
        ? model
        : { ...model, surge: { afterSeconds: after, factor: 1 / share } };
    const fit = fitAvailability(queue, modelAt, presence, bounds, window, thresholdSeconds);
    const surge = modelAt(fit.availability).surge;
    const candidate = surge ? { ...fit, surge } : fit;
    if (!best || candidate.error < best.error) best = candidate;
  }
  const { availability, agents, surge } = best!;
  return surge ? { availability, agents, surge } : { availability, agents };
}
