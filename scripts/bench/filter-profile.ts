/**
 * `tsx scripts/bench/filter-profile.ts [rows] [runs] [wasm|native]`: the queries a filter change
 * runs on the overview, each timed on duckdb-wasm in Node (the browser's build, single-threaded),
 * after a load of the canonical log. Prints wall and CPU milliseconds: on a shared machine the
 * CPU time of the one engine thread moves far less with the load than the wall time does.
 * A profile, not the benchmark: `npm run bench` times the page.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { openWasmNodeDb } from '../../tests/support/wasm-node-db';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { metricById, SERIES_IDS } from '../../src/lib/metrics/catalogue';
import { HEADLINE_METRICS } from '../../src/lib/metrics/catalogue/headline';
import { SERVICE_METRICS } from '../../src/lib/metrics/catalogue/service';
import { computeComparison } from '../../src/lib/metrics/compare/compare';
import { addDays, comparedPeriod } from '../../src/lib/metrics/compare/periods';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { computeSeriesAndTotals } from '../../src/lib/metrics/series';
import type { Filters } from '../../src/lib/metrics/filters';
import { dailyVolumeByChannel } from '../../src/lib/queries/trends';
import { canonicalCsv } from './dataset';
import { median } from './log';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const engine = process.argv[4] ?? 'wasm';
const csv = canonicalCsv(rows);
const inner = engine === 'native' ? await openNodeDb() : await openWasmNodeDb();

/** This process's CPU milliseconds (user + system): the Node build of duckdb-wasm runs in it. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface Cost {
  wall: number;
  cpu: number;
}
async function cost(run: () => Promise<unknown>): Promise<Cost> {
  const wall = performance.now();
  const cpu = cpuMs();
  await run();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

/** Each statement's cost, in the order the part ran them. */
let statements: Cost[] = [];
const db: Db = {
  ...inner,
  async query(text, params) {
    let result: Awaited<ReturnType<Db['query']>> = [];
    statements.push(
      await cost(async () => {
        result = await inner.query(text, params);
      })
    );
    return result as never;
  }
};

const started = performance.now();
const report = await loadTicketFile(db, {
  name: basename(csv.path),
  bytes: readFileSync(csv.path)
});
console.log(`load ${Math.round(performance.now() - started)} ms, ${report.rows.accepted} rows`);

const ids = [...SERVICE_METRICS, ...HEADLINE_METRICS].map((m) => m.id);
const present = report.presentColumns;
const tenDaysIn = report.dateRange ? addDays(report.dateRange.from, 10) : undefined;
/** A region, no filter, a channel, and a date range (whose comparison spans most of the data). */
const FILTERS: Filters[] = [
  { region: ['southeast_asia'] },
  {},
  { entry_channel: ['hotline'] },
  { from: tenDaysIn }
];

const aggregateIds = ids.filter((id) => metricById(id).shape === 'scalar');
const otherIds = ids.filter((id) => !aggregateIds.includes(id));
/** As the overview asks: figures and weekly trends from one grouped scan, then the non-aggregates. */
const parts: Record<string, (filters: Filters) => Promise<unknown>> = {
  'figures+week': (filters) =>
    computeSeriesAndTotals(db, { ids: aggregateIds, grains: ['week'], filters, present }),
  others: (filters) => computeMetrics(db, { filters, present, ids: otherIds }),
  daily: (filters) => dailyVolumeByChannel(db, filters),
  comparison: async (filters) => {
    const current = comparedPeriod(filters, report.dateRange);
    return current && computeComparison(db, { ids: SERIES_IDS, current, filters, present });
  }
};
const costs = new Map<string, Cost[]>();
const add = (key: string, c: Cost) => costs.set(key, [...(costs.get(key) ?? []), c]);
for (let run = 0; run < runs; run++) {
  for (const filters of FILTERS) {
    const change: Cost = { wall: 0, cpu: 0 };
    for (const [name, part] of Object.entries(parts)) {
      statements = [];
      const c = await cost(() => part(filters));
      change.wall += c.wall;
      change.cpu += c.cpu;
      add(`${JSON.stringify(filters)} ${name}`, c);
      statements.forEach((s, i) => add(`${JSON.stringify(filters)} ${name} #${i + 1}`, s));
    }
    add(`${JSON.stringify(filters)} whole change`, change);
  }
}
console.log(`median of ${runs} runs: wall ms, CPU ms, what (#n: the part's n-th statement)`);
for (const [key, list] of costs) {
  const wall = Math.round(median(list.map((c) => c.wall)));
  const cpu = Math.round(median(list.map((c) => c.cpu)));
  console.log(`${String(wall).padStart(6)} ${String(cpu).padStart(6)}  ${key}`);
}
await db.close();
