import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { computeMetrics } from '../../src/lib/metrics/compute';
import type { MetricResult } from '../../src/lib/metrics/types';
import { round } from './log';
import { slowest, timedDb, type StatementTiming } from './timed-db';

export interface EngineRun {
  load_ms: number;
  kpis_ms: number;
  rows_accepted: number;
  rows_rejected: number;
  /** Slowest statements of the load (profile). */
  load_profile: StatementTiming[];
}

/** Native DuckDB: the same loader and catalogue SQL as the page, on @duckdb/node-api. */
export async function runNative(
  csvPath: string
): Promise<{ run: EngineRun; metrics: MetricResult[]; db: Db }> {
  const bytes = readFileSync(csvPath);
  const db = timedDb(await openNodeDb());
  const loadStarted = performance.now();
  const report = await loadTicketFile(db, { name: basename(csvPath), bytes });
  const load_ms = performance.now() - loadStarted;
  const loadTimings = [...db.timings];
  const kpiStarted = performance.now();
  const metrics = await computeMetrics(db, { present: report.presentColumns });
  const kpis_ms = performance.now() - kpiStarted;
  return {
    run: {
      load_ms: round(load_ms),
      kpis_ms: round(kpis_ms),
      rows_accepted: report.rows.accepted,
      rows_rejected: report.rows.rejected,
      load_profile: slowest(loadTimings)
    },
    metrics,
    db
  };
}

/** Native DuckDB's own `read_csv` of the file into a table (auto-detected): the upload's yardstick. */
export async function nativeReadCsv(csvPath: string): Promise<number> {
  const db = await openNodeDb();
  try {
    const started = performance.now();
    await db.exec(`CREATE TABLE t AS SELECT * FROM read_csv('${csvPath.replace(/'/g, "''")}')`);
    return performance.now() - started;
  } finally {
    await db.close();
  }
}
