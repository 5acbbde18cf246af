import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../lib/db/types';
import { sqlPaths } from '../lib/ingest/read/read-csv-sql';
import type { InputFile } from './native-files';

/** Past about this many rows, an in-memory load is kept in a scratch file instead. */
export const SCRATCH_ROWS = 2_000_000;

/** Rows in the inputs: Parquet from its metadata, text estimated from its size. */
export async function estimatedRows(db: Db, files: readonly InputFile[]): Promise<number> {
  const parquet = files.filter((f) => !/\.(csv|tsv|txt)(\.gz)?$/i.test(f.path));
  let rows = 0;
  for (const file of files) {
    if (!parquet.includes(file)) rows += (file.size * (/\.gz$/i.test(file.path) ? 6 : 1)) / 200;
  }
  if (parquet.length === 0) return rows;
  try {
    const [counted] = await db.query<{ n: number | null }>(
      `SELECT sum(num_rows) AS n FROM parquet_file_metadata(${sqlPaths(parquet.map((f) => f.path))})`
    );
    return rows + (counted?.n ?? 0);
  } catch {
    return rows; // not Parquet after all: the load itself says what it is
  }
}

/**
 * Moves the work of an in-memory database into a scratch file (removed on close): tables then
 * live on disk and only their working set in memory, so a large load stays within
 * `memory_limit` instead of holding every row in RAM.
 */
export async function useScratchFile(db: Db): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-dash-scratch-'));
  await db.exec(`ATTACH '${join(dir, 'scratch.duckdb')}' AS scratch; USE scratch`);
  return {
    engine: db.engine,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    registerFile: (name, bytes) => db.registerFile(name, bytes),
    dropFile: (name) => db.dropFile(name),
    async close() {
      try {
        await db.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  };
}
