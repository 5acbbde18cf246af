import type { Rng } from '../../src/lib/random/rng';
import { TARGETS } from './config';
import { lognormalMean } from './sampling';
import type { Ticket } from './ticket';
import { hourOfWeek, HOUR, weekdayOf } from './time';

/** Queue parameters: handle-time mean, patience mean, staffing margin, opening hours. */
interface QueueSpec {
  prefix: string;
  meanService: number;
  patience: number;
  margin: number;
  windowOnly: boolean;
}

const SPECS: Readonly<Record<string, QueueSpec>> = {
  hotline: { prefix: 'HL', meanService: 420, patience: 180, margin: 0.3, windowOnly: false },
  domestic: { prefix: 'DOM', meanService: 600, patience: 900, margin: 0, windowOnly: false },
  enterprise: { prefix: 'ENT', meanService: 720, patience: 900, margin: 0.8, windowOnly: true },
  'overseas:southeast_asia': {
    prefix: 'SEA',
    meanService: 720,
    patience: 900,
    margin: 0.3,
    windowOnly: true
  },
  'overseas:europe': {
    prefix: 'EU',
    meanService: 720,
    patience: 900,
    margin: 0.3,
    windowOnly: true
  },
  'overseas:north_america': {
    prefix: 'NA',
    meanService: 720,
    patience: 900,
    margin: 0.3,
    windowOnly: true
  },
  'overseas:middle_east': {
    prefix: 'ME',
    meanService: 720,
    patience: 900,
    margin: 0.3,
    windowOnly: true
  },
  'overseas:other_overseas': {
    prefix: 'OTH',
    meanService: 720,
    patience: 900,
    margin: 0.3,
    windowOnly: true
  }
};

const ORIGIN_HOW = 144;

/** The skill-group queue of a ticket, keyed as the simulation spec says. */
export function queueKey(t: Ticket): string {
  if (t.handling === 'hotline') return 'hotline';
  if (t.customer === 'enterprise') return 'enterprise';
  if (t.region !== 'domestic') return `overseas:${t.region}`;
  return 'domestic';
}

interface Queue {
  key: string;
  spec: QueueSpec;
  arrivals: Ticket[];
  offeredErlangs: Float64Array;
}

function buildQueues(tickets: Ticket[], days: number): Queue[] {
  const byKey = new Map<string, Ticket[]>();
  for (const t of tickets) {
    if (t.humanRequested === null) continue;
    const key = queueKey(t);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(t);
  }
  const weeksPerWeekday = new Array<number>(7).fill(0);
  for (let d = 0; d < days; d++) weeksPerWeekday[weekdayOf(d)]!++;
  const queues: Queue[] = [];
  for (const key of Object.keys(SPECS)) {
    const arrivals = byKey.get(key) ?? [];
    arrivals.sort((a, b) => a.humanRequested! - b.humanRequested!);
    let work = 0;
    const counts = new Float64Array(168);
    for (const t of arrivals) {
      work += t.serviceDraw;
      counts[hourOfWeek(t.humanRequested!)]!++;
    }
    const meanService = arrivals.length > 0 ? work / arrivals.length : 0;
    const offeredErlangs = counts.map(
      (c, s) => ((c / Math.max(1, weeksPerWeekday[Math.floor(s / 24)]!)) * meanService) / HOUR
    );
    queues.push({ key, spec: SPECS[key]!, arrivals, offeredErlangs });
  }
  return queues;
}

/** Agents on duty per hour of week for a queue, square-root staffing with margin beta. */
function staffingFor(q: Queue, beta: number): Int32Array {
  const out = new Int32Array(168);
  for (let s = 0; s < 168; s++) {
    const hour = s % 24;
    const open = !q.spec.windowOnly || (hour >= 9 && hour < 21);
    if (!open) continue;
    const a = q.offeredErlangs[s]!;
    out[s] = Math.max(1, Math.ceil(a + (beta + q.spec.margin) * Math.sqrt(a)));
  }
  return out;
}

function hoursUntilOnDuty(staff: Int32Array, agents: number): Int16Array {
  const table = new Int16Array(agents * 168);
  for (let k = 0; k < agents; k++) {
    let next = -1;
    for (let i = 335; i >= 0; i--) {
      const s = i % 168;
      if (k < staff[s]!) next = 0;
      else if (next >= 0) next++;
      if (i < 168) table[k * 168 + s] = next;
    }
  }
  return table;
}

/** Multi-server queue, priority (P0 > P1 > rest) then FCFS, with reneging. */
function simulate(q: Queue, staff: Int32Array, record: boolean): number {
  let agents = 0;
  for (const n of staff) agents = Math.max(agents, n);
  const until = hoursUntilOnDuty(staff, agents);
  const free = new Float64Array(agents);
  const lanes: Ticket[][] = [[], [], []];
  const heads = [0, 0, 0];
  const arr = q.arrivals;
  let waiting = 0;
  let within = 0;
  let now = 0;
  let i = 0;
  const startAt = (k: number, t: number): number => {
    const h = Math.floor(t / HOUR);
    const w = until[k * 168 + ((h + ORIGIN_HOW) % 168)]!;
    return w < 0 ? Infinity : w === 0 ? t : (h + w) * HOUR;
  };
  const abandon = (t: Ticket): void => {
    if (record) {
      t.answered = null;
      t.handleSeconds = null;
      t.agentId = null;
      t.abandonedAt = t.humanRequested! + Math.round(t.patienceDraw);
    }
  };
  while (i < arr.length || waiting > 0) {
    if (waiting === 0) {
      const t = arr[i++]!;
      now = t.humanRequested!;
      lanes[t.priority === 'P0' ? 0 : t.priority === 'P1' ? 1 : 2]!.push(t);
      waiting++;
      continue;
    }
    let best = Infinity;
    let bestK = -1;
    for (let k = 0; k < agents; k++) {
      const s = startAt(k, free[k]! > now ? free[k]! : now);
      if (s < best) {
        best = s;
        bestK = k;
      }
    }
    if (i < arr.length && arr[i]!.humanRequested! <= best) {
      const t = arr[i++]!;
      now = t.humanRequested!;
      lanes[t.priority === 'P0' ? 0 : t.priority === 'P1' ? 1 : 2]!.push(t);
      waiting++;
      continue;
    }
    if (best === Infinity) {
      for (let l = 0; l < 3; l++)
        while (heads[l]! < lanes[l]!.length) abandon(lanes[l]![heads[l]!++]!);
      waiting = 0;
      continue;
    }
    now = best;
    let served: Ticket | null = null;
    for (let l = 0; l < 3 && served === null; l++) {
      const lane = lanes[l]!;
      while (heads[l]! < lane.length) {
        const t = lane[heads[l]!++]!;
        waiting--;
        if (t.humanRequested! + t.patienceDraw <= now) {
          abandon(t);
          continue;
        }
        served = t;
        break;
      }
    }
    if (served === null) continue;
    free[bestK] = now + served.serviceDraw;
    if (now - served.humanRequested! <= 20) within++;
    if (record) {
      served.answered = now;
      served.handleSeconds = served.serviceDraw;
      served.agentId = `${q.spec.prefix}-${String(bestK + 1).padStart(3, '0')}`;
      served.abandonedAt = null;
    }
  }
  return within;
}

/** Result of the queue stage: the staffing margin found and the staffing it implies. */
export interface QueueResult {
  beta: number;
  pickupWithin20s: number;
  staffing: Map<string, Int32Array>;
}

/**
 * Serves every human request through its skill-group queue. Handle times and patience are
 * drawn per ticket; the staffing margin (not the waits) is searched so that the share
 * picked up within 20 s matches the seed.
 */
export function simulateQueues(rng: Rng, tickets: Ticket[], days: number): QueueResult {
  for (const t of tickets) {
    if (t.humanRequested === null) continue;
    const spec = SPECS[queueKey(t)]!;
    t.serviceDraw = Math.max(30, Math.round(lognormalMean(rng, spec.meanService, 0.7)));
    t.patienceDraw = rng.exp(spec.patience * (t.priority === 'P0' ? 2 : 1));
  }
  const queues = buildQueues(tickets, days);
  const total = queues.reduce((n, q) => n + q.arrivals.length, 0);
  const pickup = (beta: number, record: boolean): number => {
    let within = 0;
    for (const q of queues) within += simulate(q, staffingFor(q, beta), record);
    return total > 0 ? within / total : 0;
  };
  let lo = -2;
  let hi = 2.5;
  let best = { beta: lo, err: Infinity };
  for (let iter = 0; iter < 14; iter++) {
    const mid = (lo + hi) / 2;
    const p = pickup(mid, false);
    const err = Math.abs(p - TARGETS.pickupWithin20s);
    if (err < best.err) best = { beta: mid, err };
    if (p < TARGETS.pickupWithin20s) lo = mid;
    else hi = mid;
  }
  const achieved = pickup(best.beta, true);
  const staffing = new Map<string, Int32Array>();
  for (const q of queues) staffing.set(q.key, staffingFor(q, best.beta));
  return { beta: best.beta, pickupWithin20s: achieved, staffing };
}
