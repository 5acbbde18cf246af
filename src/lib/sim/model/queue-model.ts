import { estimateAgentSpeed } from './agent-speed';
import { hourOfWeek } from './clock';
import { buildHandleSampler, type HandleSampler } from './handle-sampler';
import { kaplanMeier } from './kaplan-meier';
import {
  PATIENCE_SEGMENTS,
  patienceSegment,
  type PatienceModel,
  type QueueArrivals,
  type QueueModel
} from './types';

/**
 * Estimates each queue's service and patience from its own history: handle times by
 * hour band scaled by the serving agent's speed (see `estimateAgentSpeed`), patience by Kaplan–Meier (picked-up waits censored, abandoned waits events).
 * Abandoned contacts whose wait is unknown are given the queue's mean delayed picked-up wait
 * in that hour of week as time at risk (see `estimatePatience`), and patience becomes exponential (rate = abandons ÷
 * time at risk). No abandonment in the data → infinite patience.
 */
export function buildQueueModels(history: readonly QueueArrivals[]): Record<string, QueueModel> {
  const hoursOf = (q: QueueArrivals): Uint8Array => {
    const h = new Uint8Array(q.time.length);
    for (let i = 0; i < h.length; i++) h[i] = hourOfWeek(q.time[i]!) % 24;
    return h;
  };
  const allHandle: number[] = [];
  const allHours: number[] = [];
  for (const q of history) {
    const hours = hoursOf(q);
    for (let i = 0; i < q.time.length; i++) {
      allHandle.push(q.handleSeconds[i]!);
      allHours.push(hours[i]!);
    }
  }
  const global: HandleSampler | undefined = allHandle.some((h) => Number.isFinite(h))
    ? buildHandleSampler(allHandle, allHours)
    : undefined;
  const models: Record<string, QueueModel> = {};
  for (const q of history) {
    const sampler = buildHandleSampler(q.handleSeconds, hoursOf(q), global);
    const model: QueueModel = {
      service: { kind: 'empirical', sampler },
      patience: estimatePatience(q)
    };
    const bySegment = segmentPatience(q);
    if (bySegment) model.patienceBySegment = bySegment;
    const speed = estimateAgentSpeed(q, sampler);
    if (speed) model.agentSpeed = speed;
    models[q.queue] = model;
  }
  return models;
}

/** A patience segment needs this many abandonments (and contacts) of its own, else pooled. */
export const MIN_SEGMENT_ABANDONS = 50;
export const MIN_SEGMENT_CONTACTS = 300;

/**
 * Patience per segment (priority tier × anonymous, see `patienceSegment`), each estimated like
 * the pooled one from that segment's contacts alone; thin segments are left to the pooled
 * model. Undefined when fewer than two segments are thick enough (nothing to tell apart).
 */
export function segmentPatience(q: QueueArrivals): (PatienceModel | undefined)[] | undefined {
  const members: number[][] = Array.from({ length: PATIENCE_SEGMENTS }, () => []);
  for (let i = 0; i < q.time.length; i++)
    members[patienceSegment(q.priority[i]!, q.anonymous?.[i] === 1)]!.push(i);
  let thick = 0;
  const out = members.map((idx) => {
    let abandons = 0;
    for (const i of idx) abandons += q.abandoned[i]!;
    if (abandons < MIN_SEGMENT_ABANDONS || idx.length < MIN_SEGMENT_CONTACTS) return undefined;
    thick++;
    return estimatePatience(subset(q, idx));
  });
  return thick >= 2 ? out : undefined;
}

function subset(q: QueueArrivals, idx: readonly number[]): QueueArrivals {
  const pick = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(idx.length);
    idx.forEach((i, j) => (b[j] = a[i]!));
    return b;
  };
  return {
    queue: q.queue,
    time: pick(q.time, (n) => new Float64Array(n)),
    priority: pick(q.priority, (n) => new Uint8Array(n)),
    handleSeconds: pick(q.handleSeconds, (n) => new Float64Array(n)),
    abandoned: pick(q.abandoned, (n) => new Uint8Array(n)),
    waitSeconds: pick(q.waitSeconds, (n) => new Float64Array(n))
  };
}

/** Patience model of one queue (see `buildQueueModels`). */
export function estimatePatience(q: QueueArrivals): PatienceModel {
  let abandons = 0;
  let unknownAbandonWait = 0;
  for (let i = 0; i < q.abandoned.length; i++) {
    if (!q.abandoned[i]) continue;
    abandons++;
    if (!Number.isFinite(q.waitSeconds[i]!)) unknownAbandonWait++;
  }
  if (abandons === 0) return { kind: 'infinite' };
  if (unknownAbandonWait === 0) {
    return { kind: 'kaplan-meier', curve: kaplanMeier(q.waitSeconds, q.abandoned) };
  }
  // Time at risk of an abandoner whose wait is unknown: the mean wait of picked-up contacts
  // that were delayed (wait > 0) in the same hour of week. With memoryless patience and a
  // roughly exponential delay, min(patience, delay) has the same law whichever came first,
  // so delayed picked-up waits estimate the abandoners' time at risk; including the
  // zero waits of contacts picked up at once would understate it and the patience.
  const slotSum = new Float64Array(168);
  const slotCount = new Float64Array(168);
  let exposure = 0;
  let delayedSum = 0;
  let delayedCount = 0;
  for (let i = 0; i < q.time.length; i++) {
    const w = q.waitSeconds[i]!;
    if (q.abandoned[i] || !Number.isFinite(w)) continue;
    exposure += w;
    if (w <= 0) continue;
    const s = hourOfWeek(q.time[i]!);
    slotSum[s]! += w;
    slotCount[s]!++;
    delayedSum += w;
    delayedCount++;
  }
  const overall = delayedCount > 0 ? delayedSum / delayedCount : 0;
  for (let i = 0; i < q.time.length; i++) {
    if (!q.abandoned[i]) continue;
    const w = q.waitSeconds[i]!;
    if (Number.isFinite(w)) exposure += w;
    else {
      const s = hourOfWeek(q.time[i]!);
      exposure += slotCount[s]! > 0 ? slotSum[s]! / slotCount[s]! : overall;
    }
  }
  if (exposure <= 0) return { kind: 'exponential', meanSeconds: 1 };
  return { kind: 'exponential', meanSeconds: exposure / abandons };
}
