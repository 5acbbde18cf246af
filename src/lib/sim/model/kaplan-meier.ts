import type { Rng } from '../../random/rng';

/** A Kaplan–Meier survival curve: S(t) just after each distinct event time. */
export interface SurvivalCurve {
  times: Float64Array;
  survival: Float64Array;
  events: number;
  censored: number;
}

/**
 * Kaplan–Meier estimate of patience: `durations[i]` is an abandonment (event) when
 * `isEvent[i]` is 1, else a censored observation (the contact was picked up first).
 */
export function kaplanMeier(
  durations: ArrayLike<number>,
  isEvent: ArrayLike<number>
): SurvivalCurve {
  const order: number[] = [];
  for (let i = 0; i < durations.length; i++) if (Number.isFinite(durations[i]!)) order.push(i);
  order.sort((x, y) => durations[x]! - durations[y]! || isEvent[y]! - isEvent[x]!);
  const times: number[] = [];
  const survival: number[] = [];
  let atRisk = order.length;
  let s = 1;
  let events = 0;
  let k = 0;
  while (k < order.length) {
    const t = durations[order[k]!]!;
    let d = 0;
    let c = 0;
    while (k < order.length && durations[order[k]!]! === t) {
      if (isEvent[order[k]!]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      times.push(t);
      survival.push(s);
      events += d;
    }
    atRisk -= d + c;
  }
  return {
    times: Float64Array.from(times),
    survival: Float64Array.from(survival),
    events,
    censored: order.length - events
  };
}

/**
 * Draws a patience from the curve by inverting S linearly between event times.
 * Beyond the last event (S never falls below u) patience is infinite.
 */
export function samplePatience(curve: SurvivalCurve, rng: Rng): number {
  const { times, survival } = curve;
  const n = times.length;
  if (n === 0) return Infinity;
  const u = rng.next();
  if (survival[n - 1]! > u) return Infinity;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (survival[mid]! <= u) hi = mid;
    else lo = mid + 1;
  }
  const t1 = times[lo]!;
  const s1 = survival[lo]!;
  const t0 = lo === 0 ? 0 : times[lo - 1]!;
  const s0 = lo === 0 ? 1 : survival[lo - 1]!;
  if (s0 === s1) return t1;
  return t0 + ((s0 - u) / (s0 - s1)) * (t1 - t0);
}

/** Mean of the curve restricted to [0, last event] (a lower bound when the tail is censored). */
export function restrictedMean(curve: SurvivalCurve): number {
  let area = 0;
  let prevT = 0;
  let prevS = 1;
  for (let i = 0; i < curve.times.length; i++) {
    const t = curve.times[i]!;
    area += ((prevS + curve.survival[i]!) / 2) * (t - prevT);
    prevT = t;
    prevS = curve.survival[i]!;
  }
  return area;
}
