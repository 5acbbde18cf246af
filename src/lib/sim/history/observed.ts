import { hourOfWeek, HOURS_PER_WEEK } from '../model/clock';
import type { QueueArrivals, SlotKpis } from '../model/types';

/** KPIs measured directly on the history (the backtest's "observed" column). */
export interface ObservedKpis {
  pickup_within_20s: number;
  avg_wait_seconds: number;
  abandon_rate: number;
  human_requests: number;
  serviceLevelByHour: number[];
  /** Per queue and hour of week: the observed side of the calibration cells. */
  byQueueHour?: Record<string, SlotKpis>;
}

/** Observed pickup within threshold, mean wait of picked-up contacts and abandonment. */
export function observedKpis(
  queues: readonly QueueArrivals[],
  thresholdSeconds = 20
): ObservedKpis {
  let n = 0;
  let within = 0;
  let served = 0;
  let sumWait = 0;
  let abandoned = 0;
  const slotN = new Float64Array(HOURS_PER_WEEK);
  const slotWithin = new Float64Array(HOURS_PER_WEEK);
  for (const q of queues) {
    for (let i = 0; i < q.time.length; i++) {
      const s = hourOfWeek(q.time[i]!);
      n++;
      slotN[s]!++;
      if (q.abandoned[i]) {
        abandoned++;
        continue;
      }
      const w = q.waitSeconds[i]!;
      if (!Number.isFinite(w)) continue;
      served++;
      sumWait += w;
      if (w <= thresholdSeconds) {
        within++;
        slotWithin[s]!++;
      }
    }
  }
  return {
    pickup_within_20s: n ? within / n : NaN,
    avg_wait_seconds: served ? sumWait / served : NaN,
    abandon_rate: n ? abandoned / n : NaN,
    human_requests: n,
    serviceLevelByHour: Array.from(slotN, (c, s) => (c ? slotWithin[s]! / c : NaN)),
    byQueueHour: Object.fromEntries(
      queues.map((q) => [q.queue, observedByHour(q, thresholdSeconds)])
    )
  };
}

/** Observed KPIs of one queue per hour of week of the request (the calibration cells' observed side). */
export function observedByHour(q: QueueArrivals, thresholdSeconds = 20): SlotKpis {
  const n = new Float64Array(HOURS_PER_WEEK);
  const within = new Float64Array(HOURS_PER_WEEK);
  const abandoned = new Float64Array(HOURS_PER_WEEK);
  const served = new Float64Array(HOURS_PER_WEEK);
  const wait = new Float64Array(HOURS_PER_WEEK);
  for (let i = 0; i < q.time.length; i++) {
    const s = hourOfWeek(q.time[i]!);
    n[s]!++;
    if (q.abandoned[i]) {
      abandoned[s]!++;
      continue;
    }
    const w = q.waitSeconds[i]!;
    if (!Number.isFinite(w)) continue;
    served[s]!++;
    wait[s]! += w;
    if (w <= thresholdSeconds) within[s]!++;
  }
  const ratio = (num: Float64Array, den: Float64Array): number[] =>
    Array.from(num, (v, s) => (den[s]! ? v / den[s]! : NaN));
  return {
    requests: Array.from(n),
    pickup_within_20s: ratio(within, n),
    abandon_rate: ratio(abandoned, n),
    avg_wait_seconds: ratio(wait, served)
  };
}
