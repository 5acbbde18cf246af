import { arrivalSpeeds } from './agent-speed';
import { HOURS_PER_WEEK, hourOfWeek } from './clock';
import { estimate, type Estimate } from './interval';
import { contactCapacity, emptyTally, runQueue, Workspace, type QueueTally } from './queue-run';
import { drain, type Steps } from '../scenarios/steps';
import { STREAM, streamFor } from './streams';
import {
  KPI_IDS,
  type KpiEstimates,
  type KpiId,
  type PriorityKpis,
  type PriorityName,
  type SimulationInput,
  type SimulationOptions,
  type SimulationOutcome,
  type SlotKpis
} from './types';

/** Default replications and pickup threshold. */
export const DEFAULT_REPLICATIONS = 20;
export const DEFAULT_THRESHOLD_SECONDS = 20;

/** Whole hours covering every arrival: the window staffing and agent-hours are counted over. */
export function arrivalWindow(input: Pick<SimulationInput, 'queues'>): {
  start: number;
  end: number;
} {
  let lo = Infinity;
  let hi = -Infinity;
  for (const q of input.queues) {
    if (q.time.length === 0) continue;
    lo = Math.min(lo, q.time[0]!);
    hi = Math.max(hi, q.time[q.time.length - 1]!);
  }
  if (lo === Infinity) return { start: 0, end: 0 };
  return { start: Math.floor(lo / 3600) * 3600, end: (Math.floor(hi / 3600) + 1) * 3600 };
}

/** Agent-hours the staffing table schedules over the window, per queue. */
export function scheduledAgentHours(
  staffing: readonly number[],
  window: { start: number; end: number }
): number {
  let total = 0;
  for (let t = window.start; t < window.end; t += 3600) total += staffing[hourOfWeek(t)]!;
  return total;
}

function kpisOf(t: QueueTally, agentHours: number): Record<KpiId, number> {
  return {
    pickup_within_20s: t.requests ? t.withinThreshold / t.requests : NaN,
    avg_wait_seconds: t.served ? t.sumWait / t.served : NaN,
    abandon_rate: t.requests ? t.abandoned / t.requests : NaN,
    occupancy: agentHours > 0 ? t.busySeconds / (agentHours * 3600) : NaN,
    agent_hours: agentHours,
    human_requests: t.requests
  };
}

function addInto(total: QueueTally, t: QueueTally): void {
  total.requests += t.requests;
  total.withinThreshold += t.withinThreshold;
  total.served += t.served;
  total.sumWait += t.sumWait;
  total.abandoned += t.abandoned;
  total.busySeconds += t.busySeconds;
  for (let s = 0; s < HOURS_PER_WEEK; s++) {
    total.slotRequests[s]! += t.slotRequests[s]!;
    total.slotWithin[s]! += t.slotWithin[s]!;
    total.slotAbandoned[s]! += t.slotAbandoned[s]!;
    total.slotServed[s]! += t.slotServed[s]!;
    total.slotWait[s]! += t.slotWait[s]!;
  }
  for (let k = 0; k < 3; k++) {
    total.classRequests[k]! += t.classRequests[k]!;
    total.classWithin[k]! += t.classWithin[k]!;
    total.classServed[k]! += t.classServed[k]!;
    total.classWait[k]! += t.classWait[k]!;
  }
}

const CLASS_NAMES = ['P0', 'P1', 'rest'] as const;

function priorityKpis(t: QueueTally): Record<PriorityName, PriorityKpis<number>> {
  const out = {} as Record<PriorityName, PriorityKpis<number>>;
  CLASS_NAMES.forEach((name, k) => {
    out[name] = {
      pickup_within_20s: t.classRequests[k]! ? t.classWithin[k]! / t.classRequests[k]! : NaN,
      avg_wait_seconds: t.classServed[k]! ? t.classWait[k]! / t.classServed[k]! : NaN,
      human_requests: t.classRequests[k]!
    };
  });
  return out;
}

/** Per hour of week of one queue, pooled over replications (requests: mean per replication). */
function slotKpis(t: QueueTally, replications: number): SlotKpis {
  const ratio = (num: Float64Array, den: Float64Array): number[] =>
    Array.from(num, (v, s) => (den[s]! ? v / den[s]! : NaN));
  return {
    requests: Array.from(t.slotRequests, (v) => v / replications),
    pickup_within_20s: ratio(t.slotWithin, t.slotRequests),
    abandon_rate: ratio(t.slotAbandoned, t.slotRequests),
    avg_wait_seconds: ratio(t.slotWait, t.slotServed)
  };
}

function summarise(perRep: Record<KpiId, number>[]): KpiEstimates {
  const out = {} as KpiEstimates;
  for (const id of KPI_IDS) out[id] = estimate(perRep.map((k) => k[id]));
  return out;
}

/**
 * Runs R seeded replications of the discrete-event model over the replayed arrivals.
 * Replication r of queue q draws from streams keyed (seed, r, q, use), so the same seed
 * and inputs give identical numbers, and a scenario shares random numbers with its baseline.
 */
export function simulate(
  input: SimulationInput,
  options: SimulationOptions = {}
): SimulationOutcome {
  return drain(simulateSteps(input, options));
}

/** `simulate` as steps: it yields after each queue of each replication (see `steps.ts`). */
export function* simulateSteps(
  input: SimulationInput,
  options: SimulationOptions = {}
): Steps<SimulationOutcome> {
  const replications = options.replications ?? DEFAULT_REPLICATIONS;
  const seed = options.seed ?? 1;
  const threshold = input.thresholdSeconds ?? DEFAULT_THRESHOLD_SECONDS;
  if (!Number.isInteger(replications) || replications < 1)
    throw new Error('replications must be a whole number ≥ 1');
  const window = input.window ?? arrivalWindow(input);
  const started = Date.now();

  const queues = input.queues.filter((q) => q.time.length > 0);
  const plans = queues.map((q) => {
    const model = input.models[q.queue];
    if (!model) throw new Error(`no service/patience model for queue "${q.queue}"`);
    const staffing = input.staffing.queues[q.queue];
    if (!staffing || staffing.length !== HOURS_PER_WEEK)
      throw new Error(`no staffing (168 hours of week) for queue "${q.queue}"`);
    return {
      q,
      model,
      staffing,
      agentHours: scheduledAgentHours(staffing, window),
      speed: arrivalSpeeds(q, model.agentSpeed)
    };
  });
  const totalAgentHours = Object.entries(input.staffing.queues).reduce(
    (sum, [, s]) => sum + scheduledAgentHours(s, window),
    0
  );
  const ws = new Workspace(queues.reduce((most, q) => Math.max(most, contactCapacity(q)), 1));

  const totalPerRep: Record<KpiId, number>[] = [];
  const classPerRep: Record<PriorityName, PriorityKpis<number>>[] = [];
  const queuePerRep: Record<string, Record<KpiId, number>[]> = {};
  const queueSlots: Record<string, QueueTally> = {};
  const slotWaitPerRep: Record<string, Float64Array[]> = {};
  const slotRequests = new Float64Array(HOURS_PER_WEEK);
  const slotWithin = new Float64Array(HOURS_PER_WEEK);
  let arrivalsSimulated = 0;

  for (let r = 0; r < replications; r++) {
    if (options.shouldStop?.()) return { status: 'cancelled', completedReplications: r };
    const total = emptyTally();
    for (let qi = 0; qi < plans.length; qi++) {
      const { q, model, staffing, agentHours, speed } = plans[qi]!;
      const tally = emptyTally();
      const streams = {
        arrivals: streamFor(seed, r, qi, STREAM.arrivals),
        service: streamFor(seed, r, qi, STREAM.service),
        patience: streamFor(seed, r, qi, STREAM.patience),
        staffing: streamFor(seed, r, qi, STREAM.staffing)
      };
      const finished = runQueue(
        q,
        model,
        staffing,
        window,
        threshold,
        streams,
        ws,
        tally,
        options.shouldStop,
        speed
      );
      if (!finished) return { status: 'cancelled', completedReplications: r };
      addInto(total, tally);
      addInto((queueSlots[q.queue] ??= emptyTally()), tally);
      (slotWaitPerRep[q.queue] ??= []).push(
        Float64Array.from(tally.slotWait, (w, s) =>
          tally.slotServed[s]! ? w / tally.slotServed[s]! : NaN
        )
      );
      (queuePerRep[q.queue] ??= []).push(kpisOf(tally, agentHours));
      options.onProgress?.((r + (qi + 1) / plans.length) / replications);
      yield;
    }
    arrivalsSimulated += total.requests;
    for (let s = 0; s < HOURS_PER_WEEK; s++) {
      slotRequests[s]! += total.slotRequests[s]!;
      slotWithin[s]! += total.slotWithin[s]!;
    }
    totalPerRep.push(kpisOf(total, totalAgentHours));
    classPerRep.push(priorityKpis(total));
  }

  const elapsedMs = Date.now() - started;
  const byQueue: Record<string, KpiEstimates> = {};
  for (const [name, reps] of Object.entries(queuePerRep)) byQueue[name] = summarise(reps);
  return {
    status: 'done',
    result: {
      replications,
      seed,
      thresholdSeconds: threshold,
      kpis: summarise(totalPerRep),
      byQueue,
      byPriority: Object.fromEntries(
        CLASS_NAMES.map((name) => [
          name,
          {
            pickup_within_20s: estimate(classPerRep.map((c) => c[name].pickup_within_20s)),
            avg_wait_seconds: estimate(classPerRep.map((c) => c[name].avg_wait_seconds)),
            human_requests: estimate(classPerRep.map((c) => c[name].human_requests))
          }
        ])
      ) as Record<PriorityName, PriorityKpis<Estimate>>,
      serviceLevelByHour: Array.from(slotRequests, (c, s) => (c ? slotWithin[s]! / c : NaN)),
      byQueueHour: Object.fromEntries(
        Object.entries(queueSlots).map(([name, t]) => [name, slotKpis(t, replications)])
      ),
      slotWaitByReplication: slotWaitPerRep,
      arrivalsSimulated,
      elapsedMs,
      arrivalsPerSecond: arrivalsSimulated / Math.max(elapsedMs / 1000, 1e-3)
    }
  };
}
