import { BACKTEST_KPIS, BACKTEST_TARGETS, kpiError, type BacktestKpi } from './backtest';
import { HOURS_PER_WEEK } from '../model/clock';
import type { SlotKpis } from '../model/types';

/** Fewest observed contacts a queue × hour-of-week cell needs to count in error summaries. */
export const MIN_CELL_REQUESTS = 30;

/** Observed vs simulated KPIs of one queue in one hour of the week, over the backtest period. */
export interface CalibrationCell {
  queue: string;
  hourOfWeek: number;
  requests: number;
  observed: Record<BacktestKpi, number>;
  simulated: Record<BacktestKpi, number>;
  /** In the target's units (see `kpiError`); NaN where either side is missing. */
  error: Record<BacktestKpi, number>;
}

/** One cell per queue and hour of week with at least one observed contact. */
export function calibrationCells(
  observed: Record<string, SlotKpis>,
  simulated: Record<string, SlotKpis>
): CalibrationCell[] {
  const cells: CalibrationCell[] = [];
  for (const [queue, obs] of Object.entries(observed)) {
    const sim = simulated[queue];
    if (!sim) continue;
    for (let s = 0; s < HOURS_PER_WEEK; s++) {
      if (!(obs.requests[s]! > 0)) continue;
      const pick = (k: SlotKpis): Record<BacktestKpi, number> => ({
        pickup_within_20s: k.pickup_within_20s[s]!,
        abandon_rate: k.abandon_rate[s]!,
        avg_wait_seconds: k.avg_wait_seconds[s]!
      });
      const o = pick(obs);
      const m = pick(sim);
      const error = {} as Record<BacktestKpi, number>;
      for (const kpi of BACKTEST_KPIS) error[kpi] = kpiError(kpi, o[kpi], m[kpi]);
      cells.push({
        queue,
        hourOfWeek: s,
        requests: obs.requests[s]!,
        observed: o,
        simulated: m,
        error
      });
    }
  }
  return cells;
}

/**
 * Request-weighted root-mean-square error per KPI over cells with enough contacts. For the
 * average wait (a relative target) it is the RMS of simulated − observed seconds divided by the
 * request-weighted mean observed wait, so hours with near-zero waits do not blow it up.
 */
export function cellErrorSummary(
  cells: readonly CalibrationCell[],
  minRequests = MIN_CELL_REQUESTS
): Record<BacktestKpi, { rms: number; cells: number }> {
  const out = {} as Record<BacktestKpi, { rms: number; cells: number }>;
  for (const kpi of BACKTEST_KPIS) {
    const relative = BACKTEST_TARGETS[kpi].kind === 'relative';
    let weight = 0;
    let sum = 0;
    let level = 0;
    let n = 0;
    for (const c of cells) {
      const e = c.simulated[kpi] - c.observed[kpi];
      if (c.requests < minRequests || !Number.isFinite(e)) continue;
      weight += c.requests;
      sum += c.requests * e * e;
      level += c.requests * c.observed[kpi];
      n++;
    }
    const rms = weight > 0 ? Math.sqrt(sum / weight) : NaN;
    out[kpi] = { rms: relative ? rms / (level / weight) : rms, cells: n };
  }
  return out;
}

/** What the data says about each queue beside the cells, for naming the assumption at fault. */
export interface QueueEvidence {
  /** Agents the simulation used, per hour of week. */
  staffing: readonly number[];
  /** Agents on duty by presence (calls less than 10 min apart), per hour of week, when known. */
  onDuty?: readonly number[];
  /** Mean observed handle seconds per hour of week, and the mean of the pool the model resamples. */
  handleObserved: readonly number[];
  handleModel: readonly number[];
}

export type Assumption = 'staffing_other_work' | 'handle_time' | 'patience' | 'staffing';

/** A cell whose error is large, and the model assumption it points to. */
export interface CellFinding {
  queue: string;
  hourOfWeek: number;
  kpi: BacktestKpi;
  error: number;
  assumption: Assumption;
  message: string;
}

/** A cell error is large beyond twice the KPI's aggregate target. */
export const LARGE_ERROR_FACTOR = 2;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const slotName = (s: number): string =>
  `${WEEKDAYS[Math.floor(s / 24)]} ${String(s % 24).padStart(2, '0')}:00`;

/**
 * Standard error of a cell's observed figure from sampling alone: √(p(1−p)/n) for rates, and
 * for the average wait (relative) 1/√n, a wait's coefficient of variation being about 1.
 */
export function samplingError(kpi: BacktestKpi, c: CalibrationCell): number {
  if (BACKTEST_TARGETS[kpi].kind === 'relative') return 1 / Math.sqrt(c.requests);
  const p = c.observed[kpi];
  return Math.sqrt(Math.max(p * (1 - p), 1 / c.requests) / c.requests);
}

/**
 * Names, for every cell with a large error (beyond twice the target and twice its sampling
 * error), the assumption it points to, in this order:
 * waits too short where presence shows more agents on duty than took calls → staffing (agents
 * busy with other work); observed handle times off the resampled hour band by > 20 % → handle
 * times; abandonment off in the opposite direction to the waits → patience; else → staffing.
 */
export function diagnoseCells(
  cells: readonly CalibrationCell[],
  evidence: Record<string, QueueEvidence>,
  minRequests = MIN_CELL_REQUESTS
): CellFinding[] {
  const findings: CellFinding[] = [];
  for (const c of cells) {
    if (c.requests < minRequests) continue;
    const ev = evidence[c.queue];
    const large = BACKTEST_KPIS.filter(
      (k) =>
        Math.abs(c.error[k]) > LARGE_ERROR_FACTOR * BACKTEST_TARGETS[k].value &&
        Math.abs(c.error[k]) > 2 * samplingError(k, c)
    );
    if (large.length === 0 || !ev) continue;
    const kpi = large[0]!;
    const s = c.hourOfWeek;
    const where = `${c.queue}, ${slotName(s)}`;
    // waits too short: more picked up in time, or a shorter average wait, than observed
    const waitsShort =
      c.error.pickup_within_20s > 0 ||
      (!(c.error.pickup_within_20s < 0) && c.error.avg_wait_seconds < 0);
    const onDuty = ev.onDuty?.[s];
    const used = ev.staffing[s]!;
    const handleGap = ev.handleObserved[s]! / ev.handleModel[s]! - 1;
    let assumption: Assumption;
    let message: string;
    if (waitsShort && onDuty !== undefined && onDuty - used >= 0.5) {
      assumption = 'staffing_other_work';
      message = `${where}: simulated waits too short where agents were on duty but busy with other work (${onDuty.toFixed(1)} on duty, ${used.toFixed(1)} simulated) → staffing`;
    } else if (Number.isFinite(handleGap) && Math.abs(handleGap) > 0.2) {
      assumption = 'handle_time';
      message = `${where}: observed handle times ${(handleGap * 100).toFixed(0)} % off the hour band the model resamples → handle times`;
    } else if (
      Math.abs(c.error.abandon_rate) > BACKTEST_TARGETS.abandon_rate.value &&
      c.error.abandon_rate > 0 === waitsShort
    ) {
      assumption = 'patience';
      message = `${where}: simulated abandonment ${c.error.abandon_rate > 0 ? 'too high' : 'too low'} for the simulated waits → patience`;
    } else {
      assumption = 'staffing';
      message = `${where}: simulated waits too ${waitsShort ? 'short' : 'long'} (${used.toFixed(1)} agents simulated) → staffing`;
    }
    findings.push({ queue: c.queue, hourOfWeek: s, kpi, error: c.error[kpi], assumption, message });
  }
  return findings.sort((a, b) => Math.abs(b.error) - Math.abs(a.error));
}
