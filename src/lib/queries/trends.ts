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
  const q = sql`${filteredTickets(filters)}
    SELECT strftime(created_local, '%Y-%m-%d') AS day, entry_channel AS key,
      CAST(count(*) AS DOUBLE) AS count
    FROM t GROUP BY ALL ORDER BY day, key`;
  return db.query<DailyCount & Record<string, unknown>>(q.text, q.params);
}
