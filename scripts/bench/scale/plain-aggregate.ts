/**
 * The yardstick: native DuckDB's plain headline aggregate straight over the Parquet files,
 * with no loader and no validation: one scan computing the headline figures' numerators and
 * denominators. Prints them as JSON. Usage: plain-aggregate.ts GLOB [MEMORY_LIMIT]
 */
import { openNodeDb } from '../../../src/lib/db/node';

const [glob, memory] = process.argv.slice(2);
if (!glob) throw new Error('usage: plain-aggregate.ts GLOB [MEMORY_LIMIT]');
const db = await openNodeDb({ memoryLimit: memory });
try {
  const [row] = await db.query(
    `SELECT count(*) AS tickets,
       avg(CASE WHEN bot_answered AND human_requested_at IS NULL THEN 1 ELSE 0 END) AS self_service,
       avg(CASE WHEN date_diff('second', human_requested_at, agent_answered_at) <= 20 THEN 1 ELSE 0 END)
         FILTER (WHERE human_requested_at IS NOT NULL) AS pickup_20s,
       avg(CASE WHEN fund_safety AND handling_channel = 'hotline' THEN 1 ELSE 0 END)
         FILTER (WHERE fund_safety) AS fund_safety_hotline,
       quantile_cont(date_diff('second', created_at, resolved_at) / 60, 0.5)
         FILTER (WHERE status = 'resolved') AS resolve_minutes_median,
       avg(handle_seconds) AS handle_seconds_mean,
       avg(csat) AS csat_mean
     FROM read_parquet(?)`,
    [glob]
  );
  process.stdout.write(`${JSON.stringify(row)}\n`);
} finally {
  await db.close();
}
