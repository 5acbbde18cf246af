/**
 * Where `kpi`'s time goes: loads the files as `kpi` does (in memory, a scratch file past 2M
 * rows) and computes the catalogue, timing every statement sent to DuckDB. Prints the
 * statements by time, and the load's phases, on stdout.
 * Usage: profile-kpi.ts GLOB [MEMORY_LIMIT]
 */
import type { Db } from '../../../src/lib/db/types';
import { loadForCli } from '../../../src/cli/load-for-cli';
import { computeMetrics } from '../../../src/lib/metrics/compute';

const [glob, memory] = process.argv.slice(2);
if (!glob) throw new Error('usage: profile-kpi.ts GLOB [MEMORY_LIMIT]');

const timings: Array<{ ms: number; sql: string }> = [];
const started = performance.now();
const { db, report } = await loadForCli([glob], {}, { memory, onDb: timed });
const loaded = performance.now();
await computeMetrics(db, { present: report.presentColumns });
const done = performance.now();
await db.close();

function timed(inner: Db): Db {
  const time = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      timings.push({ ms: Math.round(performance.now() - t0), sql: sql.replace(/\s+/g, ' ') });
    }
  };
  return {
    ...inner,
    engine: inner.engine,
    query: (sql, params) => time(sql, () => inner.query(sql, params)),
    exec: (sql) => time(sql, () => inner.exec(sql)),
    registerFile: (name, bytes) => inner.registerFile(name, bytes),
    dropFile: (name) => inner.dropFile(name),
    close: () => inner.close()
  };
}

const out = {
  load_ms: Math.round(loaded - started),
  catalogue_ms: Math.round(done - loaded),
  load_path: report.loadPath,
  phases_ms: report.phasesMs,
  statements: timings.filter((t) => t.ms >= 50).map((t) => ({ ms: t.ms, sql: t.sql.slice(0, 160) }))
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
