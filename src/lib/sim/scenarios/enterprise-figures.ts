import { DEFAULT_SETTINGS } from '../../metrics/settings';
import type { ArrivalSet } from '../model/arrivals';
import { hourOfWeek } from '../model/clock';
import { estimate, type Estimate } from '../model/interval';
import type { TicketRow } from '../history/load-history';
import type { SimulationResult } from '../model/types';

/** The enterprise programme's figures, with the metric catalogue's definitions. */
export interface EnterpriseFigures<T> {
  /** Median resolve minutes of resolved enterprise tickets. */
  enterprise_resolve_minutes: T;
  /** enterprise_speedup: 1 − enterprise median resolve ÷ individual median (resolved tickets). */
  enterprise_speedup: T;
  /** enterprise_sla_rate: first response within the target, counted in window minutes only. */
  enterprise_sla_rate: T;
}

/** Per-ticket shifts a scenario makes, in minutes (resolution and first response). */
export interface TicketShift {
  resolve: Float64Array;
  firstResponse: Float64Array;
}

type Window = { start: number; end: number; targetMinutes: number };

/** Minutes of the daily [start, end) window from the epoch to local second `t` (as time-windows.ts). */
export function windowClock(t: number, w: Window): number {
  const day = Math.floor(t / 86_400);
  const width = 60 * (w.end - w.start);
  const minute = (t - day * 86_400) / 60;
  return day * width + Math.min(Math.max(minute - 60 * w.start, 0), width);
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  values.sort((a, b) => a - b);
  const m = values.length >> 1;
  return values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2;
}

/** The figures over the rows, each ticket shifted by `shift` (none: the history as it was). */
export function enterpriseFigures(
  rows: readonly TicketRow[],
  shift?: TicketShift,
  window: Window = DEFAULT_SETTINGS.enterpriseWindow
): EnterpriseFigures<number> {
  const ent: number[] = [];
  const ind: number[] = [];
  let slaN = 0;
  let slaMet = 0;
  rows.forEach((r, i) => {
    if (r.status === 'resolved' && r.resolveMinutes !== null) {
      const v = Math.max(0, r.resolveMinutes + (shift?.resolve[i] ?? 0));
      (r.enterprise ? ent : ind).push(v);
    }
    if (r.enterprise && r.firstResponseMinutes !== null) {
      const fr = Math.max(0, r.firstResponseMinutes + (shift?.firstResponse[i] ?? 0));
      slaN++;
      const minutes = windowClock(r.created + fr * 60, window) - windowClock(r.created, window);
      if (minutes <= window.targetMinutes) slaMet++;
    }
  });
  const e = median(ent);
  const d = median(ind);
  return {
    enterprise_resolve_minutes: e,
    enterprise_speedup: d > 0 ? 1 - e / d : NaN,
    enterprise_sla_rate: slaN ? slaMet / slaN : NaN
  };
}

/**
 * Per-ticket shifts of one replication: every human-queued ticket waits what the scenario's
 * queue simulated in its hour of week instead of what the baseline's queue did (the change in
 * mean simulated wait, common random numbers), and a ticket whose handle time the scenario scales
 * resolves earlier by the handle seconds saved. First response moves with the wait when it came
 * at or after the human request (the agent's answer), else it stays.
 */
export function ticketShift(
  rows: readonly TicketRow[],
  before: { arrivals: ArrivalSet; result: SimulationResult },
  after: { arrivals: ArrivalSet; result: SimulationResult },
  replication: number
): TicketShift {
  const n = rows.length;
  const baseWait = new Float64Array(n).fill(NaN);
  const newWait = new Float64Array(n).fill(NaN);
  const handleSaved = new Float64Array(n);
  const fill = (
    side: { arrivals: ArrivalSet; result: SimulationResult },
    into: Float64Array,
    scaled: boolean
  ): void => {
    for (const q of side.arrivals.queues) {
      const slots = side.result.slotWaitByReplication?.[q.queue]?.[replication];
      const rowOf = side.arrivals.rowOf[q.queue]!;
      for (let k = 0; k < q.time.length; k++) {
        const row = rowOf[k]!;
        if (row < 0) continue;
        if (slots) into[row] = slots[hourOfWeek(q.time[k]!)]!;
        const f = q.handleFactor?.[k] ?? 1;
        if (scaled && f !== 1) handleSaved[row] = (rows[row]!.handleSeconds ?? 0) * (1 - f);
      }
    }
  };
  fill(before, baseWait, false);
  fill(after, newWait, true);
  const resolve = new Float64Array(n);
  const firstResponse = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    const dWait =
      Number.isFinite(baseWait[i]!) && Number.isFinite(newWait[i]!)
        ? newWait[i]! - baseWait[i]!
        : 0;
    resolve[i] = (dWait - handleSaved[i]!) / 60;
    const answeredAfterRequest =
      r.requested !== null &&
      r.firstResponseMinutes !== null &&
      r.created + r.firstResponseMinutes * 60 >= r.requested;
    firstResponse[i] = answeredAfterRequest ? dWait / 60 : 0;
  }
  return { resolve, firstResponse };
}

/** Historical figures and the scenario's, as mean and 95 % interval over replications. */
export interface EnterpriseReport {
  observed: EnterpriseFigures<number>;
  scenario: EnterpriseFigures<Estimate>;
}

export function enterpriseReport(
  rows: readonly TicketRow[],
  before: { arrivals: ArrivalSet; result: SimulationResult },
  after: { arrivals: ArrivalSet; result: SimulationResult }
): EnterpriseReport {
  const reps: EnterpriseFigures<number>[] = [];
  const replications = Math.min(before.result.replications, after.result.replications);
  for (let r = 0; r < replications; r++)
    reps.push(enterpriseFigures(rows, ticketShift(rows, before, after, r)));
  const pick = (k: keyof EnterpriseFigures<number>): Estimate => estimate(reps.map((f) => f[k]));
  return {
    observed: enterpriseFigures(rows),
    scenario: {
      enterprise_resolve_minutes: pick('enterprise_resolve_minutes'),
      enterprise_speedup: pick('enterprise_speedup'),
      enterprise_sla_rate: pick('enterprise_sla_rate')
    }
  };
}
