import type { Rng } from '../../random/rng';
import { hourOfWeek, HOURS_PER_WEEK } from './clock';
import { sampleHandle } from './handle-sampler';
import { samplePatience } from './kaplan-meier';
import { MinHeap } from './min-heap';
import { patienceSegment, type QueueArrivals, type QueueModel } from './types';

/** Counters of one queue in one replication. */
export interface QueueTally {
  requests: number;
  withinThreshold: number;
  served: number;
  sumWait: number;
  abandoned: number;
  busySeconds: number;
  slotRequests: Float64Array;
  slotWithin: Float64Array;
  /** Abandoned, served and summed wait of served contacts, per hour of week of the request. */
  slotAbandoned: Float64Array;
  slotServed: Float64Array;
  slotWait: Float64Array;
  /** Requests, within threshold, served and summed wait per priority class. */
  classRequests: Float64Array;
  classWithin: Float64Array;
  classServed: Float64Array;
  classWait: Float64Array;
}

/** Random streams of one queue in one replication. */
export interface QueueStreams {
  arrivals: Rng;
  service: Rng;
  patience: Rng;
  staffing: Rng;
}

/** Reusable buffers sized for the largest queue, so replications allocate nothing per event. */
export class Workspace {
  arrival: Float64Array;
  deadline: Float64Array;
  serviceTime: Float64Array;
  slot: Uint8Array;
  cls: Uint8Array;
  /** One lane per priority tier; lanes 2 and 3 form the "rest" class. */
  fifo: [Int32Array, Int32Array, Int32Array, Int32Array];
  segment: Uint8Array;
  heap = new MinHeap(64);
  copies = new Float64Array(64);

  constructor(capacity: number) {
    this.arrival = new Float64Array(capacity);
    this.deadline = new Float64Array(capacity);
    this.serviceTime = new Float64Array(capacity);
    this.slot = new Uint8Array(capacity);
    this.cls = new Uint8Array(capacity);
    this.segment = new Uint8Array(capacity);
    this.fifo = [
      new Int32Array(capacity),
      new Int32Array(capacity),
      new Int32Array(capacity),
      new Int32Array(capacity)
    ];
  }
}

/** Largest number of contacts a queue can produce in one replication. */
export function contactCapacity(q: QueueArrivals): number {
  if (!q.weight) return q.time.length;
  let n = 0;
  for (let i = 0; i < q.weight.length; i++) n += Math.floor(q.weight[i]!) + 1;
  return n;
}

export function emptyTally(): QueueTally {
  return {
    requests: 0,
    withinThreshold: 0,
    served: 0,
    sumWait: 0,
    abandoned: 0,
    busySeconds: 0,
    slotRequests: new Float64Array(HOURS_PER_WEEK),
    slotWithin: new Float64Array(HOURS_PER_WEEK),
    slotAbandoned: new Float64Array(HOURS_PER_WEEK),
    slotServed: new Float64Array(HOURS_PER_WEEK),
    slotWait: new Float64Array(HOURS_PER_WEEK),
    classRequests: new Float64Array(3),
    classWithin: new Float64Array(3),
    classServed: new Float64Array(3),
    classWait: new Float64Array(3)
  };
}

const DRAIN_LIMIT_SECONDS = 14 * 86_400;
const STOP_CHECK_EVENTS = 1 << 14;

/**
 * Simulates one queue once: replayed arrivals (thinned or copied per `weight`), agents per
 * hour of week, service scaled by `speed` (per arrival, see `arrivalSpeeds`), P0 then P1 then
 * the rest, which is FIFO with P2 contacts credited `headStartSeconds` over P3 ones; patience per
 * segment where the model has one. Lazy abandonment (a contact whose patience ran out is
 * dropped when it reaches the head of its lane; exact, since nothing else depends on the queue
 * length).
 * Returns false if `shouldStop` asked to stop.
 */
export function runQueue(
  q: QueueArrivals,
  model: QueueModel,
  staffing: readonly number[],
  window: { start: number; end: number },
  thresholdSeconds: number,
  streams: QueueStreams,
  ws: Workspace,
  tally: QueueTally,
  shouldStop?: () => boolean,
  speed?: Float64Array
): boolean {
  const n = q.time.length;
  if (n === 0) return true;
  const { arrival, deadline, serviceTime, slot, cls, fifo, heap, copies, segment } = ws;
  const head = [0, 0, 0, 0];
  const tail = [0, 0, 0, 0];
  const headStart = model.headStartSeconds ?? 0;
  const bySegment = model.patienceBySegment;
  heap.clear();
  let queued = 0;
  let busy = 0;
  let contacts = 0;

  // one uniform per hour realises both levels, so a surge never changes the streams
  const surge = model.surge;
  let surgeAgents = 0;
  const realise = (s: number): number => {
    const a = staffing[s]!;
    const u = streams.staffing.next();
    const whole = Math.floor(a);
    if (surge) {
      const b = a * surge.factor;
      surgeAgents = Math.floor(b) + (u < b - Math.floor(b) ? 1 : 0);
    }
    return whole + (u < a - whole ? 1 : 0);
  };
  const drawPatience = (seg: number): number => {
    const p = bySegment?.[seg] ?? model.patience;
    if (p.kind === 'infinite') return Infinity;
    if (p.kind === 'exponential') return streams.patience.exp(p.meanSeconds);
    return samplePatience(p.curve, streams.patience);
  };
  const drawService = (c: number, i: number): number => {
    const s = model.service;
    const base =
      s.kind === 'exponential'
        ? streams.service.exp(s.meanSeconds)
        : sampleHandle(s.sampler, slot[c]! % 24, streams.service);
    const scaled = speed ? base * speed[i]! : base;
    return q.handleFactor ? scaled * q.handleFactor[i]! : scaled;
  };
  const startService = (c: number, t: number, service: number): void => {
    const wait = t - arrival[c]!;
    const k = cls[c]!;
    tally.served++;
    tally.sumWait += wait;
    tally.classServed[k]!++;
    tally.classWait[k]! += wait;
    tally.slotServed[slot[c]!]!++;
    tally.slotWait[slot[c]!]! += wait;
    if (wait <= thresholdSeconds) {
      tally.withinThreshold++;
      tally.slotWithin[slot[c]!]!++;
      tally.classWithin[k]!++;
    }
    busy++;
    heap.push(t + service);
    if (t < window.end) tally.busySeconds += Math.min(t + service, window.end) - t;
  };

  let agents = realise(hourOfWeek(window.start));
  let nextBoundary = (Math.floor(window.start / 3600) + 1) * 3600;
  let i = 0;
  let copyCount = 0;
  let copyNext = 0;
  let copySource = -1;
  let events = 0;
  let lastEvent = window.start;

  const nextArrivalTime = (): number => {
    while (copyNext >= copyCount) {
      if (i >= n) return Infinity;
      const w = q.weight ? q.weight[i]! : 1;
      let count = 1;
      if (w !== 1) {
        const whole = Math.floor(w);
        count = whole + (streams.arrivals.next() < w - whole ? 1 : 0);
      }
      const t = q.time[i]!;
      copySource = i;
      i++;
      if (count === 0) continue;
      if (count > copies.length) throw new Error('volume weight too large');
      copies[0] = t;
      const gap = Math.min((i < n ? q.time[i]! : t + 3600) - t, 3600);
      for (let k = 1; k < count; k++) {
        const v = t + streams.arrivals.next() * gap;
        let j = k;
        while (j > 1 && copies[j - 1]! > v) {
          copies[j] = copies[j - 1]!;
          j--;
        }
        copies[j] = v;
      }
      copyCount = count;
      copyNext = 0;
    }
    return copies[copyNext]!;
  };

  /** Arrival time of the longest-waiting caller still in the queue (expired heads dropped). */
  const oldestWaiting = (t: number): number => {
    let oldest = Infinity;
    for (let k = 0; k < 4; k++) {
      while (tail[k]! > head[k]! && deadline[fifo[k]![head[k]!]!]! < t) {
        const c = fifo[k]![head[k]!++]!;
        queued--;
        tally.abandoned++;
        tally.slotAbandoned[slot[c]!]!++;
      }
      if (tail[k]! > head[k]!) oldest = Math.min(oldest, arrival[fifo[k]![head[k]!]!]!);
    }
    return oldest;
  };
  /** Agents serving at `t`: the hour's, or the surge level while someone has waited long. */
  const capacity = (t: number): number =>
    surge && queued > 0 && t - oldestWaiting(t) >= surge.afterSeconds
      ? Math.max(agents, surgeAgents)
      : agents;
  /** When the longest wait reaches the surge threshold (Infinity: no surge pending). */
  const surgeTime = (t: number): number => {
    if (!surge || queued === 0 || surgeAgents <= agents) return Infinity;
    const at = oldestWaiting(t) + surge.afterSeconds;
    return at > t ? at : Infinity;
  };

  /** The lane of the "rest" class served next: the smaller arrival after P2's head start. */
  const restLane = (): number => {
    if (tail[2]! === head[2]!) return 3;
    if (tail[3]! === head[3]!) return 2;
    return arrival[fifo[2]![head[2]!]!]! - headStart <= arrival[fifo[3]![head[3]!]!]! ? 2 : 3;
  };

  const dispatch = (t: number): void => {
    // capacity() may drop expired heads: the queue is tested after it
    while (busy < capacity(t) && queued > 0) {
      const k = tail[0]! > head[0]! ? 0 : tail[1]! > head[1]! ? 1 : restLane();
      const c = fifo[k]![head[k]!++]!;
      queued--;
      if (deadline[c]! < t) {
        tally.abandoned++;
        tally.slotAbandoned[slot[c]!]!++;
        continue;
      }
      startService(c, t, serviceTime[c]!);
    }
  };

  const hardStop = window.end + DRAIN_LIMIT_SECONDS;
  for (;;) {
    if (shouldStop && ++events % STOP_CHECK_EVENTS === 0 && shouldStop()) return false;
    const tArr = nextArrivalTime();
    const tDone = heap.peek();
    if (tArr === Infinity && queued === 0) break;
    const tSurge = surge ? surgeTime(lastEvent) : Infinity;
    if (tSurge < tDone && tSurge < tArr && tSurge < nextBoundary) {
      lastEvent = tSurge;
      dispatch(tSurge);
    } else if (tDone <= tArr && tDone <= nextBoundary) {
      lastEvent = tDone;
      heap.pop();
      busy--;
      dispatch(tDone);
    } else if (tArr <= nextBoundary) {
      lastEvent = tArr;
      const c = contacts++;
      const src = copySource;
      copyNext++;
      arrival[c] = tArr;
      const s = hourOfWeek(tArr);
      slot[c] = s;
      tally.requests++;
      tally.slotRequests[s]!++;
      const tier = Math.min(q.priority[src]!, 3);
      const k = Math.min(tier, 2);
      cls[c] = k;
      segment[c] = patienceSegment(tier, q.anonymous?.[src] === 1);
      tally.classRequests[k]!++;
      // drawn at arrival: one draw per contact keeps streams aligned across scenarios
      serviceTime[c] = drawService(c, src);
      const patience = drawPatience(segment[c]!);
      deadline[c] = tArr + patience;
      if (busy < agents && queued === 0) startService(c, tArr, serviceTime[c]!);
      else {
        fifo[tier]![tail[tier]!++] = c;
        queued++;
      }
    } else {
      if (nextBoundary >= hardStop) break;
      agents = realise(hourOfWeek(nextBoundary));
      const t = nextBoundary;
      lastEvent = t;
      nextBoundary += 3600;
      dispatch(t);
    }
  }
  for (let k = 0; k < 4; k++) {
    for (let j = head[k]!; j < tail[k]!; j++) {
      const c = fifo[k]![j]!;
      if (Number.isFinite(deadline[c]!)) {
        tally.abandoned++;
        tally.slotAbandoned[slot[c]!]!++;
      }
    }
  }
  return true;
}
