import { createRng, type Rng } from '../../random/rng';

/** What a random stream is used for; one stream per use keeps scenarios on common random numbers. */
export const STREAM = { arrivals: 1, service: 2, patience: 3, staffing: 4 } as const;

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The stream for (seed, replication, queue, use): independent of every other tuple. */
export function streamFor(seed: number, replication: number, queue: number, use: number): Rng {
  return createRng(mix(mix(mix(mix(0x9747b28c, seed), replication), queue), use));
}
