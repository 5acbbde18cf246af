import { prepareBaseline, type Baseline } from '../staffing/baseline';
import type { TicketRow } from './load-history';
import type { StaffingTable } from '../model/types';

/** A history split at a day: fitted on the tickets before it, backtested on those from it. */
export interface FitTestSplit {
  fitUntil: string;
  fit: Baseline;
  test: Baseline;
}

/** `YYYY-MM-DD` → local seconds of that day's midnight (times are naive local clocks). */
export function parseFitUntil(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 1000 : NaN;
  if (!m || !Number.isFinite(t) || new Date(t * 1000).toISOString().slice(0, 10) !== text)
    throw new Error(`fit-until "${text}": expected a calendar day as YYYY-MM-DD`);
  return t;
}

/** Tickets before `until` (by human request time, else creation) and from it on. */
export function splitHistory(
  rows: readonly TicketRow[],
  until: number
): { before: TicketRow[]; after: TicketRow[] } {
  const before: TicketRow[] = [];
  const after: TicketRow[] = [];
  for (const r of rows) ((r.requested ?? r.created) < until ? before : after).push(r);
  return { before, after };
}

/**
 * Fits every estimate (service, patience, staffing fitted to waits, the choice of staffing
 * reading) on the tickets before `fitUntil`, and builds the later period's baseline from those
 * estimates and the later period's own arrivals and agent activity.
 */
export function prepareFitTest(
  rows: readonly TicketRow[],
  fitUntil: string,
  thresholdSeconds: number,
  uploaded?: StaffingTable
): FitTestSplit {
  const until = parseFitUntil(fitUntil);
  const { before, after } = splitHistory(rows, until);
  const requests = (list: TicketRow[]) => list.filter((r) => r.requested !== null).length;
  if (requests(before) === 0)
    throw new Error(`fit-until ${fitUntil}: no human requests before that day to fit on`);
  if (requests(after) === 0)
    throw new Error(`fit-until ${fitUntil}: no human requests from that day on to backtest`);
  const fit = prepareBaseline(before, thresholdSeconds, uploaded);
  const test = prepareBaseline(after, thresholdSeconds, uploaded, fit);
  return { fitUntil, fit, test };
}

/** A history needs at least this many days of requests on each side for a held-out backtest. */
export const MIN_HOLDOUT_DAYS = 7;

const DAY_SECONDS = 86_400;

/**
 * The split day of the held-out backtest run when none is given: the whole-week boundary
 * (counted from the first request day, so both sides hold whole weeks where they can) nearest
 * the day by which half the requests had arrived, keeping `MIN_HOLDOUT_DAYS` of requests on each
 * side. Undefined when the history is too short to hold anything out: the in-sample fit is then
 * the only check, and it flatters the model (the available share is fitted to that very period).
 */
export function defaultFitUntil(rows: readonly TicketRow[]): string | undefined {
  const days: number[] = [];
  for (const r of rows) if (r.requested !== null) days.push(Math.floor(r.requested / DAY_SECONDS));
  if (days.length === 0) return undefined;
  days.sort((a, b) => a - b);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const lo = first + MIN_HOLDOUT_DAYS;
  const hi = last + 1 - MIN_HOLDOUT_DAYS;
  if (lo > hi) return undefined;
  const median = days[Math.floor(days.length / 2)]!;
  const week = first + 7 * Math.round((median - first) / 7);
  const day = Math.min(Math.max(week, lo), hi);
  return new Date(day * DAY_SECONDS * 1000).toISOString().slice(0, 10);
}

/** `--fit-until none`: judge the model in sample only. */
export const NO_HOLDOUT = 'none';

/** Where the backtest's split day came from. */
export type HoldoutSource = 'given' | 'automatic' | 'none';

/** The split day to backtest with, and where it came from (see `defaultFitUntil`). */
export function holdoutDay(
  rows: readonly TicketRow[],
  fitUntil: string | undefined
): { fitUntil?: string; source: HoldoutSource } {
  if (fitUntil === NO_HOLDOUT) return { source: 'none' };
  if (fitUntil !== undefined) return { fitUntil, source: 'given' };
  const day = defaultFitUntil(rows);
  return day ? { fitUntil: day, source: 'automatic' } : { source: 'none' };
}
