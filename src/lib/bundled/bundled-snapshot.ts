import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';

/** The tables a load leaves behind, shipped for the bundled dataset in one DuckDB database file. */
export const SNAPSHOT_TABLES = ['tickets', 'rejected'] as const;

/**
 * Oldest storage format DuckDB writes: native DuckDB (the build) writes it and duckdb-wasm (the
 * page, an older DuckDB) reads it; the wasm build has no Parquet reader without a download.
 */
const STORAGE_VERSION = 'v1.0.0';

/**
 * What loading the bundled file left, besides its tables: the load report, the time-zone
 * macros (numbers only, computed from the zone's offsets by the loader) and the file's size.
 */
export interface BundledSnapshot {
  report: LoadReport;
  macros: string[];
  fileBytes: number;
}

const MACRO = /^CREATE OR REPLACE MACRO (\w+)\(/;
const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** The same database, remembering the last definition of each macro the loader ran. */
export function recordingMacros(db: Db): { db: Db; macros: () => string[] } {
  const last = new Map<string, string>();
  return {
    db: {
      ...db,
      exec(sql) {
        const name = MACRO.exec(sql.trim())?.[1];
        if (name) last.set(name, sql.trim());
        return db.exec(sql);
      }
    },
    macros: () => [...last.values()]
  };
}

/** Build side (native DuckDB): writes the loaded tables into a database file at `path`. */
export async function writeSnapshotFile(db: Db, path: string): Promise<void> {
  await db.exec(`ATTACH ${quote(path)} AS snapshot (STORAGE_VERSION '${STORAGE_VERSION}')`);
  try {
    for (const table of SNAPSHOT_TABLES)
      await db.exec(`CREATE OR REPLACE TABLE snapshot.${table} AS SELECT * FROM ${table}`);
  } finally {
    await db.exec('DETACH snapshot');
  }
}

/**
 * Page side: the bundled dataset as the loader would leave it, copied from the snapshot file in
 * one transaction (on an error the previous data stays). Skips reading and checking the CSV,
 * which the build did with the same loader.
 */
export async function loadBundledSnapshot(
  db: Db,
  file: Uint8Array,
  snapshot: BundledSnapshot
): Promise<LoadReport> {
  const started = performance.now();
  const path = await db.registerFile('bundled-snapshot.duckdb', file);
  try {
    await db.exec(`ATTACH ${quote(path)} AS snapshot (READ_ONLY)`);
    await db.exec('BEGIN TRANSACTION');
    try {
      for (const table of SNAPSHOT_TABLES)
        await db.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM snapshot.${table}`);
      for (const macro of snapshot.macros) await db.exec(macro);
      await db.exec('COMMIT');
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    } finally {
      await db.exec('DETACH snapshot');
    }
  } finally {
    await db.dropFile('bundled-snapshot.duckdb');
  }
  return { ...snapshot.report, loadMs: performance.now() - started };
}
