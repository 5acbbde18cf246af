/**
 * `tsx scripts/bench/filter-profile.ts [rows] [runs]`: the queries a filter change runs on the
 * overview, each timed on duckdb-wasm in Node (the browser's build, single-threaded), after a
 * load of the canonical log. A profile, not the benchmark: `npm run bench` times the page.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openWasmNodeDb } from '../../tests/support/wasm-node-db';
import { openNodeDb } from '../../src/lib/db/node';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { metricById, SERIES_IDS } from '../../src/lib/metrics/catalogue';
import { HEADLINE_METRICS } from '../../src/lib/metrics/catalogue/headline';
import { SERVICE_METRICS } from '../../src/lib/metrics/catalogue/service';
import { computeComparison } from '../../src/lib/metrics/compare/compare';
import { comparedPeriod } from '../../src/lib/metrics/compare/periods';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { computeSeriesAndTotals } from '../../src/lib/metrics/series';
import type { Filters } from '../../src/lib/metrics/filters';
import { dailyVolumeByChannel } from '../../src/lib/queries/trends';
import { canonicalCsv } from './dataset';
import { median } from './log';
import { timedDb } from './timed-db';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const engine = process.argv[4] ?? 'wasm';
const csv = canonicalCsv(rows);
const inner = engine === 'native' ? await openNodeDb() : await openWasmNodeDb();
const db = timedDb(inner);
let started = performance.now();
const report = await loadTicketFile(db, {
  name: basename(csv.path),
  bytes: readFileSync(csv.path)
});
console.log(`load ${Math.round(performance.now() - started)} ms, ${report.rows.accepted} rows`);

const ids = [...SERVICE_METRICS, ...HEADLINE_METRICS].map((m) => m.id);
const present = report.presentColumns;
const tenDaysIn = report.dateRange
  ? new Date(Date.parse(`${report.dateRange.from}T00:00:00Z`) + 10 * 86_400_000)
      .toISOString()
      .slice(0, 10)
  : undefined;
/** A region, no filter, a channel, and a date range (whose comparison spans most of the data). */
const FILTERS: Filters[] = [
  { region: ['southeast_asia'] },
  {},
  { entry_channel: ['hotline'] },
  { from: tenDaysIn }
];

const aggregateIds = ids.filter((id) => metricById(id).shape === 'scalar');
const otherIds = ids.filter((id) => !aggregateIds.includes(id));
/** As the overview asks: figures and trends from one grouped scan, then the non-aggregates. */
const parts: Record<string, (filters: Filters) => Promise<unknown>> = {
  'figures+series': (filters) =>
    computeSeriesAndTotals(db, { ids: aggregateIds, grains: ['day', 'week'], filters, present }),
  others: (filters) => computeMetrics(db, { filters, present, ids: otherIds }),
  daily: (filters) => dailyVolumeByChannel(db, filters),
  comparison: async (filters) => {
    const current = comparedPeriod(filters, report.dateRange);
    return current && computeComparison(db, { ids: SERIES_IDS, current, filters, present });
  }
};
const totals: Record<string, number[]> = {};
const statements = new Map<string, number[]>();
for (let run = 0; run < runs; run++) {
  for (const filters of FILTERS) {
    for (const [name, part] of Object.entries(parts)) {
      db.timings.length = 0;
      started = performance.now();
      await part(filters);
      (totals[`${name} ${JSON.stringify(filters)}`] ??= []).push(performance.now() - started);
      for (const t of db.timings) {
        const key = `${name}: ${t.sql.slice(0, 110)}`;
        statements.set(key, [...(statements.get(key) ?? []), t.ms]);
      }
    }
  }
}
for (const [name, ms] of Object.entries(totals))
  console.log(`${Math.round(median(ms))} ms  ${name}`);
console.log('--- statements (median ms over runs and filters)');
for (const [sql, ms] of statements) console.log(`${Math.round(median(ms))} ms  ${sql}`);
await db.close();
