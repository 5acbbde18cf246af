import type { Db } from '../lib/db/types';

/** Whether `tickets` is a view (well-typed Parquet read in place) rather than a table. */
export async function ticketsIsView(db: Db): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_views() WHERE view_name = 'tickets' AND temporary"
  );
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Past this many tickets the copy is skipped: at 100M rows it took over 6 minutes on top of a
 * 4-minute load (2 cores, loaded), and the page's filter changes stay far from interactive
 * either way; the server then starts in the load's time and reads the files in place.
 */
export const COPY_MAX_TICKETS = 20_000_000;

/**
 * Copies the `tickets` view over the files into a table once, so that every query of every
 * later filter change reads DuckDB's own columnar storage instead of decoding the Parquet and
 * re-deriving the helper columns (local times, waits) row by row. The values are the view's,
 * row for row; a load that already holds a table, or too many tickets, is left as it is.
 */
export async function materializeTickets(db: Db, tickets: number): Promise<boolean> {
  if (tickets > COPY_MAX_TICKETS || !(await ticketsIsView(db))) return false;
  await db.exec('CREATE OR REPLACE TABLE served_tickets AS SELECT * FROM tickets');
  await db.exec('DROP VIEW tickets');
  await db.exec('DROP VIEW IF EXISTS checked');
  await db.exec('DROP VIEW IF EXISTS typed');
  await db.exec('ALTER TABLE served_tickets RENAME TO tickets');
  return true;
}
