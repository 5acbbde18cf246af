import { HOURS_PER_WEEK } from '../model/clock';
import { erlangC } from '../model/erlang';
import type { TicketRow } from '../history/load-history';
import type { NightShift } from './scenario';
import { parseHours } from '../staffing/selectors';

/** Assumed UTC offsets of overseas regions (editable assumption; one clock per region). */
export const REGION_UTC_OFFSET_HOURS: Record<string, number> = {
  southeast_asia: 7,
  europe: 1,
  north_america: -5,
  middle_east: 3,
  other_overseas: 0
};

/** Staffed hours of the home team in the dataset's clock (metrics: 09:00–21:00). */
export const HOME_HOURS = { from: 9, to: 21 };

/** Bucket edges of first-response delay, minutes. */
export const FIRST_RESPONSE_BUCKETS = [0, 60, 240, 720, 1440, 2880, Infinity];

/** One bucket of the empirical relation between first-response delay and resolution. */
export interface ResolutionByDelay {
  fromMinutes: number;
  toMinutes: number;
  tickets: number;
  resolutionRate: number;
}

const bucketOf = (minutes: number): number => {
  let b = 0;
  while (minutes >= FIRST_RESPONSE_BUCKETS[b + 1]!) b++;
  return b;
};

/** Resolution rate of closed overseas tickets by first-response delay: the night-shift assumption, for charting. */
export function resolutionByFirstResponse(rows: readonly TicketRow[]): ResolutionByDelay[] {
  const n = new Float64Array(FIRST_RESPONSE_BUCKETS.length - 1);
  const ok = new Float64Array(n.length);
  for (const r of rows) {
    if (r.region === 'domestic' || r.status === 'open' || r.firstResponseMinutes === null) continue;
    const b = bucketOf(Math.max(0, r.firstResponseMinutes));
    n[b]!++;
    if (r.status === 'resolved') ok[b]!++;
  }
  return Array.from(n, (c, b) => ({
    fromMinutes: FIRST_RESPONSE_BUCKETS[b]!,
    toMinutes: FIRST_RESPONSE_BUCKETS[b + 1]!,
    tickets: c,
    resolutionRate: c ? ok[b]! / c : NaN
  }));
}

const datasetHour = (r: TicketRow): number =>
  Math.floor((((r.created % 86_400) + 86_400) % 86_400) / 3600);
const regionHour = (r: TicketRow): number =>
  (((datasetHour(r) - Math.round(r.utcOffsetHours) + (REGION_UTC_OFFSET_HOURS[r.region] ?? 0)) %
    24) +
    24) %
  24;
const offHours = (r: TicketRow): boolean =>
  datasetHour(r) < HOME_HOURS.from || datasetHour(r) >= HOME_HOURS.to;

/** Seats added to each `overseas:<region>` queue per hour of week (dataset clock). */
export function nightShiftSeats(
  shifts: readonly NightShift[],
  rows: readonly TicketRow[]
): Record<string, number[]> {
  const offset = rows.length ? Math.round(rows[0]!.utcOffsetHours) : 0;
  const out: Record<string, number[]> = {};
  for (const s of shifts) {
    const hours = parseHours(s.local_hours);
    if (typeof hours === 'string') throw new Error(`night_shift ${s.region}: ${hours}`);
    const slots = (out[`overseas:${s.region}`] ??= new Array<number>(HOURS_PER_WEEK).fill(0));
    for (let slot = 0; slot < HOURS_PER_WEEK; slot++) {
      const local =
        ((((slot % 24) - offset + (REGION_UTC_OFFSET_HOURS[s.region] ?? 0)) % 24) + 24) % 24;
      if (hours.includes(local)) slots[slot] = slots[slot]! + s.seats;
    }
  }
  return out;
}

/** Night-shift effects on overseas tickets: off-hours gap, first response, cross-border resolution. */
export interface NightShiftReport {
  offhours_gap_rate: { baseline: number; scenario: number };
  overseas_first_response_minutes: { baseline: number; scenario: number };
  cross_border_resolution_rate: { baseline: number; scenario: number };
  relation: ResolutionByDelay[];
}

/**
 * Tickets created off home hours in hours a region's seats cover get a first response after
 * the seats' Erlang C mean wait (handle 10 min assumed when unknown); their resolution moves by
 * the difference between the relation's rates at the new and the old delay.
 */
export function nightShiftReport(
  shifts: readonly NightShift[],
  rows: readonly TicketRow[]
): NightShiftReport {
  const relation = resolutionByFirstResponse(rows);
  // A loop, not Math.max(...rows): spreading 100k+ arguments overflows a browser worker's stack.
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    if (r.created < first) first = r.created;
    if (r.created > last) last = r.created;
  }
  const span = rows.length ? (last - first) / 3600 : 0;
  const cover = new Map<string, { hours: number[]; seats: number }>();
  for (const s of shifts) {
    const hours = parseHours(s.local_hours);
    if (typeof hours !== 'string') cover.set(s.region, { hours, seats: s.seats });
  }
  const covered = (r: TicketRow): boolean => {
    const c = cover.get(r.region);
    return !!c && c.seats > 0 && offHours(r) && c.hours.includes(regionHour(r));
  };
  const coveredCount = new Map<string, number>();
  const handle: number[] = [];
  for (const r of rows) {
    if (covered(r)) coveredCount.set(r.region, (coveredCount.get(r.region) ?? 0) + 1);
    if (r.region !== 'domestic' && r.handleSeconds !== null) handle.push(r.handleSeconds);
  }
  const aht = handle.length ? handle.reduce((a, b) => a + b, 0) / handle.length : 600;
  const responseMinutes = new Map<string, number>();
  for (const [region, count] of coveredCount) {
    const c = cover.get(region)!;
    const coveredHours = Math.max(1, (span * c.hours.length) / 24);
    const m = erlangC(
      { arrivalRate: count / coveredHours / 3600, handleSeconds: aht, agents: c.seats },
      0
    );
    responseMinutes.set(region, Number.isFinite(m.asa) ? m.asa / 60 : Infinity);
  }
  let overseas = 0;
  let gapBefore = 0;
  let gapAfter = 0;
  let frtN = 0;
  let frtBefore = 0;
  let frtAfter = 0;
  let cbN = 0;
  let cbBefore = 0;
  let cbAfter = 0;
  for (const r of rows) {
    if (r.region === 'domestic') continue;
    overseas++;
    const isCovered = covered(r);
    if (offHours(r)) {
      gapBefore++;
      if (!isCovered) gapAfter++;
    }
    const before = r.firstResponseMinutes;
    const after =
      before !== null && isCovered
        ? Math.min(before, responseMinutes.get(r.region) ?? before)
        : before;
    if (before !== null && after !== null) {
      frtN++;
      frtBefore += before;
      frtAfter += after;
    }
    if (r.issueType === 'cross_border_payment' && r.status !== 'open') {
      cbN++;
      const resolved = r.status === 'resolved' ? 1 : 0;
      cbBefore += resolved;
      if (before !== null && after !== null && after < before) {
        const shift =
          (relation[bucketOf(after)]!.resolutionRate || 0) -
          (relation[bucketOf(before)]!.resolutionRate || 0);
        cbAfter += Math.min(1, Math.max(0, resolved + shift));
      } else cbAfter += resolved;
    }
  }
  return {
    offhours_gap_rate: {
      baseline: gapBefore / (overseas || 1),
      scenario: gapAfter / (overseas || 1)
    },
    overseas_first_response_minutes: {
      baseline: frtBefore / (frtN || 1),
      scenario: frtAfter / (frtN || 1)
    },
    cross_border_resolution_rate: {
      baseline: cbBefore / (cbN || 1),
      scenario: cbAfter / (cbN || 1)
    },
    relation
  };
}
