import type { TicketRow } from '../history/load-history';
import type { AgentWork } from '../staffing/staffing';
import type { QueueArrivals } from './types';

/** Engine arrivals per queue, with the ticket row behind each arrival. */
export interface ArrivalSet {
  queues: QueueArrivals[];
  rowOf: Record<string, Int32Array>;
}

/** An arrival to replay: the row it stands for (or -1) and its request time. */
export interface ArrivalRef {
  row: number;
  time: number;
  priority: number;
  weight?: number;
  handleFactor?: number;
}

/** Builds time-ordered queues from references (already grouped by queue). */
export function arrivalsFrom(
  byQueue: Map<string, ArrivalRef[]>,
  rows: readonly TicketRow[]
): ArrivalSet {
  const queues: QueueArrivals[] = [];
  const rowOf: Record<string, Int32Array> = {};
  for (const [queue, refs] of [...byQueue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    refs.sort((a, b) => a.time - b.time || a.row - b.row);
    const n = refs.length;
    const q: QueueArrivals = {
      queue,
      time: new Float64Array(n),
      priority: new Uint8Array(n),
      handleSeconds: new Float64Array(n),
      abandoned: new Uint8Array(n),
      waitSeconds: new Float64Array(n)
    };
    const weighted = refs.some((r) => r.weight !== undefined && r.weight !== 1);
    const factored = refs.some((r) => r.handleFactor !== undefined && r.handleFactor !== 1);
    if (weighted) q.weight = Float64Array.from(refs, (r) => r.weight ?? 1);
    if (factored) q.handleFactor = Float64Array.from(refs, (r) => r.handleFactor ?? 1);
    if (refs.some((r) => r.row >= 0 && rows[r.row]!.anonymous))
      q.anonymous = Uint8Array.from(refs, (r) => (r.row >= 0 && rows[r.row]!.anonymous ? 1 : 0));
    const src = new Int32Array(n);
    const agent: (string | null)[] = new Array<string | null>(n).fill(null);
    let withAgent = false;
    refs.forEach((ref, i) => {
      const row = ref.row >= 0 ? rows[ref.row] : undefined;
      q.time[i] = ref.time;
      q.priority[i] = ref.priority;
      q.handleSeconds[i] = row?.handleSeconds ?? NaN;
      q.abandoned[i] = row?.abandoned ? 1 : 0;
      q.waitSeconds[i] = row?.waitSeconds ?? NaN;
      if (row && !row.abandoned && row.agentId !== null) {
        agent[i] = row.agentId;
        withAgent = true;
      }
      src[i] = ref.row;
    });
    if (withAgent) q.agent = agent;
    queues.push(q);
    rowOf[queue] = src;
  }
  return { queues, rowOf };
}

/** The historical human-queue arrivals, exactly as they happened. */
export function historicalArrivals(rows: readonly TicketRow[]): ArrivalSet {
  const byQueue = new Map<string, ArrivalRef[]>();
  rows.forEach((r, row) => {
    if (r.requested === null) return;
    let list = byQueue.get(r.queue);
    if (!list) byQueue.set(r.queue, (list = []));
    list.push({ row, time: r.requested, priority: r.priority });
  });
  return arrivalsFrom(byQueue, rows);
}

/** Agent work intervals (for staffing inference) from picked-up tickets with an agent id. */
export function agentWork(rows: readonly TicketRow[]): AgentWork[] {
  const out: AgentWork[] = [];
  for (const r of rows) {
    if (r.requested === null || r.abandoned || r.agentId === null || r.handleSeconds === null)
      continue;
    out.push({
      queue: r.queue,
      agent: r.agentId,
      start: r.requested + (r.waitSeconds ?? 0),
      seconds: r.handleSeconds
    });
  }
  return out;
}
