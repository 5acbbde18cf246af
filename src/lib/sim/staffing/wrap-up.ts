import { kaplanMeier, restrictedMean } from '../model/kaplan-meier';
import type { TicketRow } from '../history/load-history';
import { DEFAULT_PRESENCE_GAP_SECONDS } from './staffing';

/** How long an agent stays unavailable after a call, as read from one queue's history. */
export interface WrapUpEstimate {
  /** Restricted mean of the Kaplan–Meier curve (0 when nothing could be read). */
  seconds: number;
  /** Gaps that ended while someone was still waiting (exact readings). */
  events: number;
  /** Gaps during which the queue emptied first (the agent was away at least that long). */
  censored: number;
}

/** Fewest exact readings before the estimate is used; fewer and the queue gets no wrap-up. */
export const MIN_WRAP_UP_EVENTS = 30;

/** Sorted, merged intervals: [from[i], to[i]). */
interface Intervals {
  from: Float64Array;
  to: Float64Array;
}

function merge(spans: [number, number][]): Intervals {
  spans.sort((a, b) => a[0] - b[0]);
  const from: number[] = [];
  const to: number[] = [];
  for (const [a, b] of spans) {
    if (to.length > 0 && a <= to[to.length - 1]!) to[to.length - 1] = Math.max(to.at(-1)!, b);
    else {
      from.push(a);
      to.push(b);
    }
  }
  return { from: Float64Array.from(from), to: Float64Array.from(to) };
}

/** End of the interval strictly containing `t`, or -Infinity when none does. */
function endOfIntervalAt(iv: Intervals, t: number): number {
  let lo = 0;
  let hi = iv.from.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (iv.from[mid]! < t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && iv.to[found]! > t ? iv.to[found]! : -Infinity;
}

/** Share of an agent's calls a call type needs before the agent counts as serving it. */
export const MIN_SKILL_SHARE = 0.05;

interface Call {
  agent: string;
  type: string;
  start: number;
  end: number;
}

/**
 * After-call unavailability (wrap-up, notes, a quick outbound call) that handle times do not
 * contain. A work-conserving queue gives a waiting contact to the first agent free who serves
 * its call type, so when an agent ends a call while a contact of a type that agent serves
 * (at least `MIN_SKILL_SHARE` of the agent's calls) waits, the time until the agent's next call
 * is time the agent was not available: exact if such a contact still waited when the next call
 * began, at least until those contacts were gone otherwise (censored). Kaplan–Meier over those
 * gaps (up to `gapSeconds`; longer gaps read as off duty) gives the mean the engine adds to
 * every call's agent time. Reads one queue's rows (`row.queue === queue`).
 */
export function estimateWrapUp(
  rows: readonly TicketRow[],
  queue: string,
  gapSeconds = DEFAULT_PRESENCE_GAP_SECONDS
): WrapUpEstimate {
  const spansByType = new Map<string, [number, number][]>();
  const calls: Call[] = [];
  for (const r of rows) {
    if (r.queue !== queue || r.requested === null) continue;
    const type = r.issueType ?? '';
    const wait = r.waitSeconds ?? NaN;
    if (wait > 0) {
      let spans = spansByType.get(type);
      if (!spans) spansByType.set(type, (spans = []));
      spans.push([r.requested, r.requested + wait]);
    }
    if (r.abandoned || r.agentId === null || r.handleSeconds === null) continue;
    const start = r.requested + (Number.isFinite(wait) ? wait : 0);
    calls.push({ agent: r.agentId, type, start, end: start + Math.max(0, r.handleSeconds) });
  }
  const waiting = new Map([...spansByType].map(([type, spans]) => [type, merge(spans)]));
  const byAgent = new Map<string, Call[]>();
  for (const c of calls) {
    let list = byAgent.get(c.agent);
    if (!list) byAgent.set(c.agent, (list = []));
    list.push(c);
  }
  const durations: number[] = [];
  const isEvent: number[] = [];
  for (const list of byAgent.values()) {
    list.sort((a, b) => a.start - b.start);
    const skills = skillsOf(list).flatMap((t) => waiting.get(t) ?? []);
    for (let k = 1; k < list.length; k++) {
      const end = list[k - 1]!.end;
      const next = list[k]!.start;
      const gap = next - end;
      if (gap < 0 || gap > gapSeconds) continue;
      let emptied = -Infinity;
      for (const iv of skills) emptied = Math.max(emptied, endOfIntervalAt(iv, end));
      if (emptied === -Infinity) continue;
      durations.push(emptied >= next ? gap : emptied - end);
      isEvent.push(emptied >= next ? 1 : 0);
    }
  }
  const curve = kaplanMeier(durations, isEvent);
  const seconds = curve.events < MIN_WRAP_UP_EVENTS ? 0 : restrictedMean(curve);
  return { seconds, events: curve.events, censored: curve.censored };
}

function skillsOf(calls: readonly Call[]): string[] {
  const count = new Map<string, number>();
  for (const c of calls) count.set(c.type, (count.get(c.type) ?? 0) + 1);
  return [...count].filter(([, n]) => n >= MIN_SKILL_SHARE * calls.length).map(([t]) => t);
}
