import { sql } from '../db/sql';
import type { Db } from '../db/types';
import { filteredTickets, type Filters } from '../metrics/filters';

export interface ConfusedPair {
  ai_intent: string;
  true_intent: string;
  count: number;
}

/** The most frequent ai_intent → true_intent mistakes. */
export async function topConfusedIntents(
  db: Db,
  filters: Filters,
  limit = 15
): Promise<ConfusedPair[]> {
  const q = sql`${filteredTickets(filters)}
    SELECT ai_intent, true_intent, CAST(count(*) AS DOUBLE) AS count
    FROM t WHERE ai_intent IS NOT NULL AND true_intent IS NOT NULL AND ai_intent <> true_intent
    GROUP BY ALL ORDER BY count DESC, ai_intent, true_intent LIMIT ${Math.max(1, Math.floor(limit))}`;
  return db.query<ConfusedPair & Record<string, unknown>>(q.text, q.params);
}
