import { createHash } from 'node:crypto';
import type { Db } from '../lib/db/types';
import { HELPERS_SELECT } from '../lib/ingest/load/derive-sql';
import type { LoadReport } from '../lib/ingest/load/load';
import type { InputFile } from './native-files';

/** Bumped when the loader changes what it stores for the same inputs. */
const LOADER_VERSION = 1;

/**
 * What a load of these inputs depends on: paths, sizes and modification times of the files,
 * the load options (mapping, zone, sheet) and the loader (its version and derivation SQL).
 */
export function loadKey(files: readonly InputFile[], options: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ LOADER_VERSION, files, options, derive: HELPERS_SELECT }))
    .digest('hex');
}

/** The report of an earlier load into this database with the same key, or null. */
export async function cachedLoad(db: Db, key: string): Promise<LoadReport | null> {
  const [found] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '__load' AND NOT temporary`
  );
  if (!found?.n) return null;
  const [row] = await db.query<{ key: string }>('SELECT key FROM __load');
  return row?.key === key ? storedLoad(db) : null;
}

/** The report of the load stored in this database (it must hold one). */
export async function storedLoad(db: Db): Promise<LoadReport> {
  const [row] = await db.query<{ report: string }>('SELECT report FROM __load');
  if (!row) throw new Error('the database holds no load: load files into it with --db first');
  // The reader's reject table lives per connection; the load kept a copy of it.
  await db.exec('CREATE OR REPLACE TEMP TABLE csv_rejects AS SELECT * FROM __csv_rejects');
  return JSON.parse(row.report) as LoadReport;
}

/** Forgets the load stored in the database: a load that fails half-way is never reused. */
export async function forgetLoad(db: Db): Promise<void> {
  await db.exec('DROP TABLE IF EXISTS __load; DROP TABLE IF EXISTS __csv_rejects');
}

/** Stores the key and report of the load just made, with a copy of the CSV reader's rejects. */
export async function storeLoad(db: Db, key: string, report: LoadReport): Promise<void> {
  await db.exec('CREATE OR REPLACE TABLE __csv_rejects AS SELECT * FROM csv_rejects');
  await db.query('CREATE OR REPLACE TABLE __load AS SELECT ? AS key, ? AS report', [
    key,
    JSON.stringify(report)
  ]);
  await db.exec('CHECKPOINT');
}
