import { sql } from '../db/sql';
import type { Db } from '../db/types';
import { filteredTickets, type Filters } from '../metrics/filters';

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

/** The Monday that starts the ISO week of a YYYY-MM-DD day. */
export function weekStart(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
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
