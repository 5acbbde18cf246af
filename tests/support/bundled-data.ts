import { readFileSync } from 'node:fs';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, type LoadReport } from '../../src/lib/ingest/load/load';

/** Native DuckDB holding the bundled dataset (`data/tickets.csv.gz`, 120k tickets). */
export async function openBundled(): Promise<{ db: Db; report: LoadReport }> {
  const db = await openNodeDb();
  const bytes = new Uint8Array(readFileSync('data/tickets.csv.gz'));
  const report = await loadTicketFile(db, { name: 'tickets.csv.gz', bytes });
  return { db, report };
}
