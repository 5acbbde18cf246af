import { hourOfWeek, HOURS_PER_WEEK } from '../model/clock';
import { erlangA, erlangC } from '../model/erlang';
import type { QueueArrivals, StaffingTable } from '../model/types';

/** One stretch of work by one agent: local start seconds and duration. */
export interface AgentWork {
  queue: string;
  agent: string;
  start: number;
  seconds: number;
}

/** Idle gaps between one agent's calls shorter than this count as on duty (presence method). */
export const DEFAULT_PRESENCE_GAP_SECONDS = 600;

/**
 * Baseline staffing from agent presence: an agent is on duty from each call's start to its end
 * and through idle gaps shorter than `gapSeconds`; on-duty seconds per clock hour ÷ 3600 are
 * averaged per hour of week over the weeks of the window.
 */
export function inferStaffingFromPresence(
  work: Iterable<AgentWork>,
  queues: readonly string[],
  window: { start: number; end: number },
  gapSeconds = DEFAULT_PRESENCE_GAP_SECONDS
): StaffingTable {
  const sums: Record<string, Float64Array> = {};
  for (const q of queues) sums[q] = new Float64Array(HOURS_PER_WEEK);
  for (const span of presenceSpans(work, gapSeconds)) {
    const target = sums[span.queue];
    if (!target) continue;
    for (let t = Math.max(span.from, window.start); t < Math.min(span.to, window.end);) {
      const next = Math.min((Math.floor(t / 3600) + 1) * 3600, span.to);
      target[hourOfWeek(t)]! += next - t;
      t = next;
    }
  }
  const occ = slotOccurrences(window);
  const table: Record<string, number[]> = {};
  for (const q of queues)
    table[q] = Array.from(sums[q]!, (s, i) => (occ[i]! > 0 ? s / 3600 / occ[i]! : 0));
  return { queues: table };
}

/** One agent's stretch on duty in one queue: calls less than `gapSeconds` apart, joined. */
export interface PresenceSpan {
  queue: string;
  from: number;
  to: number;
}

/** On-duty stretches per agent and queue (see `inferStaffingFromPresence`). */
export function presenceSpans(
  work: Iterable<AgentWork>,
  gapSeconds = DEFAULT_PRESENCE_GAP_SECONDS
): PresenceSpan[] {
  const byAgent = new Map<string, AgentWork[]>();
  for (const w of work) {
    const key = `${w.queue}\u0000${w.agent}`;
    let list = byAgent.get(key);
    if (!list) byAgent.set(key, (list = []));
    list.push(w);
  }
  const spans: PresenceSpan[] = [];
  for (const list of byAgent.values()) {
    list.sort((a, b) => a.start - b.start);
    const queue = list[0]!.queue;
    let from = list[0]!.start;
    let to = from + Math.max(0, list[0]!.seconds);
    for (const w of list.slice(1)) {
      if (w.start - to > gapSeconds) {
        spans.push({ queue, from, to });
        from = w.start;
      }
      to = Math.max(to, w.start + Math.max(0, w.seconds));
    }
    spans.push({ queue, from, to });
  }
  return spans;
}

/** How often each hour of week occurs in the window (the number of weeks it spans there). */
export function slotOccurrences(window: { start: number; end: number }): Float64Array {
  const occ = new Float64Array(HOURS_PER_WEEK);
  for (let t = window.start; t < window.end; t += 3600) occ[hourOfWeek(t)]!++;
  return occ;
}

/**
 * Baseline staffing from agent activity: for each queue and clock hour, the number of
 * distinct agents whose work overlaps it; averaged per hour of week over the weeks of the window.
 * With `demand` (a queue's arrival times), the average runs only over the clock hours that had
 * an arrival: an idle agent leaves no trace, so in a low-volume queue the hours nobody called
 * would otherwise read as hours nobody was on duty.
 */
export function inferStaffingFromAgents(
  work: Iterable<AgentWork>,
  queues: readonly string[],
  window: { start: number; end: number },
  demand?: Record<string, ArrayLike<number>>
): StaffingTable {
  const active = new Map<string, Map<number, Set<string>>>();
  for (const w of work) {
    let byHour = active.get(w.queue);
    if (!byHour) active.set(w.queue, (byHour = new Map()));
    const first = Math.floor(w.start / 3600);
    const last = Math.floor((w.start + Math.max(0, w.seconds)) / 3600);
    for (let h = first; h <= last; h++) {
      let agents = byHour.get(h);
      if (!agents) byHour.set(h, (agents = new Set()));
      agents.add(w.agent);
    }
  }
  const occ = slotOccurrences(window);
  const table: Record<string, number[]> = {};
  for (const q of queues) {
    const times = demand?.[q];
    const demanded = times ? new Set<number>() : null;
    if (times) for (let i = 0; i < times.length; i++) demanded!.add(Math.floor(times[i]! / 3600));
    const hours = new Float64Array(HOURS_PER_WEEK);
    if (demanded) {
      for (const h of demanded) {
        const t = h * 3600;
        if (t >= window.start && t < window.end) hours[hourOfWeek(t)]!++;
      }
    }
    const sums = new Float64Array(HOURS_PER_WEEK);
    for (const [h, agents] of active.get(q) ?? []) {
      const t = h * 3600;
      if (t < window.start || t >= window.end || (demanded && !demanded.has(h))) continue;
      sums[hourOfWeek(t)]! += agents.size;
    }
    const per = demanded ? hours : occ;
    table[q] = Array.from(sums, (s, i) => (per[i]! > 0 ? s / per[i]! : 0));
  }
  return { queues: table };
}

/**
 * Staffing for a queue without agent ids: per hour of week, the (fractional) agents at which
 * Erlang A — Erlang C when nobody abandons — gives the observed pickup within the threshold,
 * interpolated between whole agents (the engine realises fractions by seeded rounding).
 */
export function inferStaffingFromWaits(
  q: QueueArrivals,
  window: { start: number; end: number },
  thresholdSeconds = 20
): number[] {
  const occ = slotOccurrences(window);
  const count = new Float64Array(HOURS_PER_WEEK);
  const within = new Float64Array(HOURS_PER_WEEK);
  let handleSum = 0;
  let handleN = 0;
  let abandons = 0;
  let exposure = 0;
  for (let i = 0; i < q.time.length; i++) {
    const s = hourOfWeek(q.time[i]!);
    count[s]!++;
    const w = q.waitSeconds[i]!;
    if (!q.abandoned[i] && Number.isFinite(w) && w <= thresholdSeconds) within[s]!++;
    if (q.abandoned[i]) abandons++;
    if (Number.isFinite(w)) exposure += w;
    const h = q.handleSeconds[i]!;
    if (Number.isFinite(h)) {
      handleSum += h;
      handleN++;
    }
  }
  if (handleN === 0) throw new Error(`queue "${q.queue}": no handle times, cannot infer staffing`);
  const handle = handleSum / handleN;
  const patience = abandons > 0 && exposure > 0 ? exposure / abandons : Infinity;
  return Array.from(count, (c, s) => {
    if (c === 0 || occ[s]! === 0) return 0;
    const rate = c / occ[s]! / 3600;
    const target = Math.min(within[s]! / c, 0.995);
    const sl = (agents: number): number =>
      Number.isFinite(patience)
        ? erlangA({ arrivalRate: rate, handleSeconds: handle, agents }, patience, thresholdSeconds)
            .serviceLevel
        : erlangC({ arrivalRate: rate, handleSeconds: handle, agents }, thresholdSeconds)
            .serviceLevel;
    let prev = sl(0);
    if (prev >= target) return 0;
    for (let n = 1; n < 10_000; n++) {
      const cur = sl(n);
      if (cur >= target) return n - 1 + (cur > prev ? (target - prev) / (cur - prev) : 1);
      prev = cur;
    }
    throw new Error(`queue "${q.queue}": observed service level not reachable`);
  });
}

/** Congested seconds per hour of week, and agent-seconds busy / on duty during them. */
export interface Congestion {
  seconds: Float64Array;
  busy: Float64Array;
  onDuty: Float64Array;
}

/**
 * Sweeps one queue's history: while at least one contact waits (picked-up contacts with a
 * positive wait), accumulates per hour of week the congested seconds, the agents busy in calls
 * and the agents on duty by presence (`presenceSpans`).
 */
export function congestion(
  q: QueueArrivals,
  work: readonly AgentWork[],
  window: { start: number; end: number },
  gapSeconds = DEFAULT_PRESENCE_GAP_SECONDS
): Congestion {
  const times: number[] = [];
  const steps: number[] = []; // packed: busy, waiting, on duty
  const push = (t: number, busy: number, wait: number, duty: number): void => {
    times.push(t);
    steps.push(busy, wait, duty);
  };
  for (const w of work) {
    if (w.queue !== q.queue || !(w.seconds > 0)) continue;
    push(w.start, 1, 0, 0);
    push(w.start + w.seconds, -1, 0, 0);
  }
  for (const span of presenceSpans(work, gapSeconds)) {
    if (span.queue !== q.queue || !(span.to > span.from)) continue;
    push(span.from, 0, 0, 1);
    push(span.to, 0, 0, -1);
  }
  for (let i = 0; i < q.time.length; i++) {
    const wait = q.waitSeconds[i]!;
    if (!(wait > 0)) continue;
    push(q.time[i]!, 0, 1, 0);
    push(q.time[i]! + wait, 0, -1, 0);
  }
  const order = Array.from(times.keys()).sort((a, b) => times[a]! - times[b]!);
  const out: Congestion = {
    seconds: new Float64Array(HOURS_PER_WEEK),
    busy: new Float64Array(HOURS_PER_WEEK),
    onDuty: new Float64Array(HOURS_PER_WEEK)
  };
  let busy = 0;
  let waiting = 0;
  let duty = 0;
  let prev = -Infinity;
  for (const k of order) {
    const t = times[k]!;
    if (waiting > 0 && t > prev) {
      for (let a = Math.max(prev, window.start); a < Math.min(t, window.end);) {
        const b = Math.min((Math.floor(a / 3600) + 1) * 3600, t);
        const s = hourOfWeek(a);
        out.seconds[s]! += b - a;
        out.busy[s]! += (b - a) * busy;
        out.onDuty[s]! += (b - a) * duty;
        a = b;
      }
    }
    busy += steps[3 * k]!;
    waiting += steps[3 * k + 1]!;
    duty += steps[3 * k + 2]!;
    prev = t;
  }
  return out;
}

/** Agent-seconds busy ÷ on duty over every congested second (1 when nobody ever waited). */
export function busyShareWhileWaiting(c: Congestion): number {
  let busy = 0;
  let onDuty = 0;
  for (let s = 0; s < HOURS_PER_WEEK; s++) {
    busy += c.busy[s]!;
    onDuty += c.onDuty[s]!;
  }
  return onDuty > 0 ? Math.min(1, busy / onDuty) : 1;
}

/** Fewest congested seconds an hour of week needs (over all its weeks) to be read from them. */
export const MIN_CONGESTED_SECONDS = 600;

/**
 * Staffing from the moments someone was waiting: while a contact waits, every available agent
 * of a work-conserving queue is busy, so the number of agents busy then is the number available
 * — on-duty agents minus those busy with other work (outbound, other call types, breaks) that
 * presence cannot see. Per hour of week: busy agents averaged over the congested seconds, where
 * there are at least `minCongested` of them; elsewhere `fallback` (waits there were short, so
 * capacity was not binding and its exact value matters little).
 */
export function inferStaffingFromCongestion(
  q: QueueArrivals,
  work: readonly AgentWork[],
  window: { start: number; end: number },
  fallback: readonly number[],
  minCongested = MIN_CONGESTED_SECONDS
): number[] {
  const c = congestion(q, work, window);
  return Array.from(fallback, (f, s) =>
    c.seconds[s]! >= minCongested ? c.busy[s]! / c.seconds[s]! : f
  );
}
