import { sql } from '../db/sql';
import type { Db } from '../db/types';
import { filteredTickets, type Filters } from '../metrics/filters';

export interface HourCount {
  hour: number;
  key: string;
  count: number;
}

export interface WeekHourCount {
  dow: number;
  hour: number;
  count: number;
}

/** Tickets per local hour of creation, overseas vs domestic. */
export async function ticketsByLocalHour(db: Db, filters: Filters): Promise<HourCount[]> {
  const q = sql`${filteredTickets(filters)}
    SELECT CAST(hour(created_local) AS INTEGER) AS hour,
      CASE WHEN is_overseas THEN 'overseas' ELSE 'domestic' END AS key,
      CAST(count(*) AS DOUBLE) AS count
    FROM t GROUP BY ALL ORDER BY hour, key`;
  return db.query<HourCount & Record<string, unknown>>(q.text, q.params);
}

/** Tickets per local ISO weekday (1 = Monday) and hour. */
export async function ticketsByHourOfWeek(db: Db, filters: Filters): Promise<WeekHourCount[]> {
  const q = sql`${filteredTickets(filters)}
    SELECT CAST(isodow(created_local) AS INTEGER) AS dow, CAST(hour(created_local) AS INTEGER) AS hour,
      CAST(count(*) AS DOUBLE) AS count
    FROM t GROUP BY ALL ORDER BY dow, hour`;
  return db.query<WeekHourCount & Record<string, unknown>>(q.text, q.params);
}
