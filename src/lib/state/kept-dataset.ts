/**
 * The uploaded dataset kept in the database file (see `whyNotKept`): its load report and size
 * in a one-row table written in the load's own transaction, beside the tickets it describes.
 */
import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';

export interface KeptDataset {
  report: LoadReport;
  fileSize: number;
  savedAt: string;
}

const TABLE = 'kept_dataset';
/** Bumped when the tables' or the report's shape changes: an older copy is not restored. */
const FORMAT = 2;

/** Marks the tables of this load as the user's data, to be shown again after a reload. */
export async function keepDataset(db: Db, kept: KeptDataset): Promise<void> {
  await db.query(`CREATE OR REPLACE TABLE ${TABLE} AS SELECT ? AS format, ? AS meta`, [
    FORMAT,
    JSON.stringify(kept)
  ]);
}

/** Unmarks them: a reload loads the bundled data. */
export async function forgetKeptDataset(db: Db): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${TABLE}`);
}

/** The kept dataset, or null when there is none (or it was written by an older format). */
export async function keptDataset(db: Db): Promise<KeptDataset | null> {
  const [exists] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ? AND NOT temporary`,
    [TABLE]
  );
  if (!exists?.n) return null;
  const [row] = await db.query<{ format: number; meta: string }>(
    `SELECT format, meta FROM ${TABLE}`
  );
  if (!row || row.format !== FORMAT) return null;
  return JSON.parse(row.meta) as KeptDataset;
}

/**
 * Writes the database file through (a checkpoint), so that what was kept or forgotten is there
 * after a reload: duckdb-wasm's OPFS file only keeps a small change that a checkpoint wrote.
 */
export async function persistKept(db: Db): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.exec('CHECKPOINT');
      return;
    } catch (error) {
      // A page query's open transaction blocks a checkpoint for a moment; anything else is a fault.
      if (attempt >= 5 || !/transaction/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
