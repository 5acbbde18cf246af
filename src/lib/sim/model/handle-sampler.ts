import type { Rng } from '../../random/rng';

/** Hours of day per band, and the fewest observations a band needs to stand on its own. */
export const HOUR_BAND_WIDTH = 4;
export const MIN_BAND_SAMPLES = 50;

/** The band of a local hour of day. */
export const bandOf = (hourOfDay: number): number => Math.floor(hourOfDay / HOUR_BAND_WIDTH);

/** Observed handle times of one queue, pooled per hour-of-day band with a queue-wide fallback. */
export interface HandleSampler {
  /** Pool per band (6 bands of 4 h); a band with too few observations points at `all`. */
  bands: Float64Array[];
  all: Float64Array;
  mean: number;
}

/**
 * Builds the resampling pools from observed handle times and their local hour of day.
 * `fallback` is used when the queue has no observation at all.
 */
export function buildHandleSampler(
  handle: ArrayLike<number>,
  hourOfDay: ArrayLike<number>,
  fallback?: HandleSampler
): HandleSampler {
  const perBand: number[][] = Array.from({ length: 24 / HOUR_BAND_WIDTH }, () => []);
  const all: number[] = [];
  for (let i = 0; i < handle.length; i++) {
    const h = handle[i]!;
    if (!Number.isFinite(h) || h < 0) continue;
    all.push(h);
    perBand[bandOf(hourOfDay[i]!)]!.push(h);
  }
  if (all.length === 0) {
    if (fallback) return fallback;
    throw new Error('no handle times in the data: cannot model service');
  }
  const pooled = Float64Array.from(all);
  let sum = 0;
  for (const h of all) sum += h;
  return {
    bands: perBand.map((b) => (b.length >= MIN_BAND_SAMPLES ? Float64Array.from(b) : pooled)),
    all: pooled,
    mean: sum / all.length
  };
}

/** Draws one handle time for a contact arriving at local hour of day `hour`. */
export function sampleHandle(sampler: HandleSampler, hour: number, rng: Rng): number {
  const pool = sampler.bands[bandOf(hour)] ?? sampler.all;
  return pool[Math.floor(rng.next() * pool.length)]!;
}
