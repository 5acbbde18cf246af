/** Calendar periods as inclusive YYYY-MM-DD days in the dataset's time zone (date arithmetic only). */
export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDays(date: string): number {
  if (!DATE.test(date)) throw new Error(`${date}: expected a date as YYYY-MM-DD`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new Error(`${date}: not a calendar date`);
  }
  return ms / DAY_MS;
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/** Number of days in a period, both ends included. */
export function periodLength(period: Period): number {
  const length = toDays(period.to) - toDays(period.from) + 1;
  if (length < 1) throw new Error(`${period.from} – ${period.to}: the start is after the end`);
  return length;
}

/** The period of the same length that ends the day before `period` starts. */
export function previousPeriod(period: Period): Period {
  const length = periodLength(period);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

/** Monday (ISO week start) of the week a day falls in. */
export function weekStart(date: string): string {
  const days = toDays(date);
  const weekday = (new Date(days * DAY_MS).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return fromDays(days - weekday);
}

/**
 * The last Monday–Sunday week that the data covers to its end: the week of the last day when that
 * day is a Sunday, otherwise the week before.
 */
export function lastFullWeek(lastDay: string): Period {
  const monday = weekStart(lastDay);
  const sunday = addDays(monday, 6);
  return sunday === lastDay
    ? { from: monday, to: sunday }
    : previousPeriod({ from: monday, to: sunday });
}

/**
 * The period the cards compare: the filters' date range (an open end takes the data's), or by
 * default the last full week of the data.
 */
export function comparedPeriod(
  filters: { from?: string; to?: string },
  data: Period | null
): Period | null {
  if (filters.from || filters.to) {
    const from = filters.from ?? data?.from;
    const to = filters.to ?? data?.to;
    return from && to ? { from, to } : null;
  }
  return data ? lastFullWeek(data.to) : null;
}
