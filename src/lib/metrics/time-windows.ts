import { raw, sql, type Sql } from '../db/sql';

/*
 * Elapsed time counted only inside recurring windows, as a difference of cumulative clocks:
 * minutes(a → b inside windows) = clock(b) − clock(a). Local timestamps are naive, so
 * epoch() reads the wall clock and days are calendar days of the dataset's zone.
 */

const day = (local: string) => `floor(epoch(${local}) / 86400)`;
const minuteOfDay = (local: string) => `((epoch(${local}) - ${day(local)} * 86400) / 60.0)`;

/** Minutes of the daily [start, end) window elapsed from the epoch to a local time. */
export function dailyWindowClock(local: string, startHour: number, endHour: number): Sql {
  return sql`(${raw(day(local))} * (60.0 * (${endHour} - ${startHour})) + least(greatest(${raw(minuteOfDay(local))} - 60.0 * ${startHour}, 0), 60.0 * (${endHour} - ${startHour})))`;
}

/** Business minutes (Mon–Fri, whole days) elapsed from the epoch (a Thursday) to a local time. */
export function businessClock(local: string): string {
  const n = day(local);
  const r = `CAST(((${n} % 7) + 7) % 7 AS INTEGER)`;
  const businessDaysBefore = `(5 * floor(${n} / 7) + [0, 1, 2, 2, 2, 3, 4][${r} + 1])`;
  const isBusinessDay = `(${r} NOT IN (2, 3))`;
  return `(${businessDaysBefore} * 1440 + CASE WHEN ${isBusinessDay} THEN ${minuteOfDay(local)} ELSE 0 END)`;
}

/** Local hour of day with fractions, for staffed-hours checks. */
export function localHour(local: string): string {
  return `(${minuteOfDay(local)} / 60.0)`;
}
