import type { TicketRow } from '../history/load-history';

/** Overtakes longer than this are not read as a head start (other causes dominate). */
const MAX_GAP_SECONDS = 600;
/** Fewer P2-over-P3 overtakes than this: no head start can be read. */
export const MIN_OVERTAKES = 30;
/** Reverse overtakes (P3 over an earlier P2) above this share of overtakes: plain FIFO. */
const MAX_REVERSE_SHARE = 0.1;
/** The head start is read as this quantile of the overtake gaps. */
const GAP_QUANTILE = 0.95;

interface Waiter {
  arrival: number;
  exit: number;
  tier: number;
}

/**
 * The queue credit P2 contacts get over P3 ones, read from the order in which they were picked
 * up: within one issue type (one skill), a P2 contact picked up before a P3 one that had been
 * waiting longer overtook it by the gap between their arrivals. With a head start h, every such
 * gap is below h and a P3 contact never overtakes an earlier P2 one; the estimate is the 95th
 * percentile of the gaps. 0 when overtakes are rare or go both ways (FIFO across tiers).
 */
export function estimateHeadStart(rows: readonly TicketRow[], queue: string): number {
  const byType = new Map<string, Waiter[]>();
  for (const r of rows) {
    if (r.queue !== queue || r.requested === null || r.abandoned || r.waitSeconds === null)
      continue;
    if (r.priority < 2 || r.waitSeconds <= 0) continue;
    const key = r.issueType ?? '';
    let list = byType.get(key);
    if (!list) byType.set(key, (list = []));
    list.push({ arrival: r.requested, exit: r.requested + r.waitSeconds, tier: r.priority });
  }
  const gaps: number[] = [];
  let reverse = 0;
  for (const list of byType.values()) {
    list.sort((a, b) => a.arrival - b.arrival);
    for (let j = 0; j < list.length; j++) {
      const later = list[j]!;
      for (let i = j - 1; i >= 0; i--) {
        const earlier = list[i]!;
        const gap = later.arrival - earlier.arrival;
        if (gap > MAX_GAP_SECONDS) break;
        if (gap <= 0 || earlier.tier === later.tier || earlier.exit <= later.exit) continue;
        if (later.tier === 2) gaps.push(gap);
        else reverse++;
      }
    }
  }
  if (gaps.length < MIN_OVERTAKES || reverse > MAX_REVERSE_SHARE * gaps.length) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(GAP_QUANTILE * (gaps.length - 1))]!;
}
