import { sql } from '../db/sql';
import type { Db } from '../db/types';
import { weekStart } from '../metrics/compare/periods';
import { filteredTickets, type Filters } from '../metrics/filters';

export { weekStart };

export interface DailyCount {
  day: string;
  key: string;
  count: number;
}

/** Tickets per local day and entry channel, for the filtered tickets. */
export async function dailyVolumeByChannel(db: Db, filters: Filters): Promise<DailyCount[]> {
  // Grouped by the DATE and formatted after: formatting every row's day cost more than the count.
  const q = sql`${filteredTickets(filters)}, g AS (
      SELECT CAST(created_local AS DATE) AS d, entry_channel AS key, CAST(count(*) AS DOUBLE) AS count
      FROM t GROUP BY ALL)
    SELECT strftime(d, '%Y-%m-%d') AS day, key, count FROM g ORDER BY d, key`;
  return db.query<DailyCount & Record<string, unknown>>(q.text, q.params);
}

/** Daily counts summed into weeks (Monday to Sunday), labelled by their Monday. */
export function weeklyCounts(rows: readonly DailyCount[]): DailyCount[] {
  const sums = new Map<string, DailyCount>();
  for (const row of rows) {
    const day = weekStart(row.day);
    const id = `${day}|${row.key}`;
    const entry = sums.get(id) ?? { day, key: row.key, count: 0 };
    entry.count += row.count;
    sums.set(id, entry);
  }
  return [...sums.values()].sort(
    (a, b) => a.day.localeCompare(b.day) || a.key.localeCompare(b.key)
  );
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Weeks that the period from `first` to `last` covers only in part, by Monday, with the number of
 * their days inside it: a week cut by the data's start or end would read as a drop in volume.
 */
export function partialWeeks(first: string, last: string): Map<string, number> {
  const partial = new Map<string, number>();
  const start = dayNumber(first);
  const end = dayNumber(last);
  if (!(end >= start)) return partial;
  const covered = (monday: string) => {
    const from = Math.max(dayNumber(monday), start);
    const to = Math.min(dayNumber(monday) + 6, end);
    return to - from + 1;
  };
  for (const monday of new Set([weekStart(first), weekStart(last)])) {
    const days = covered(monday);
    if (days < 7) partial.set(monday, days);
  }
  return partial;
}
