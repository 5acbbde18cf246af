import { browserDb } from '../../../src/lib/db/browser';
import { loadTicketFile } from '../../../src/lib/ingest/load/load';
import { HEADLINE_METRICS } from '../../../src/lib/metrics/catalogue/headline';
import { computeMetrics } from '../../../src/lib/metrics/compute';
import { headlineJs } from '../js-headline';
import { parseTickets } from '../js-tickets';
import { slowest, timedDb } from '../timed-db';
import type { BenchApi, JsPageRun, WasmPageRun } from './api';
import { runExperiments } from './experiments';
import { filterSequence } from './filters';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function wasm(url: string): Promise<WasmPageRun> {
  const bytes = await fetchBytes(url);
  const initStarted = performance.now();
  const db = timedDb(await browserDb());
  const init_ms = performance.now() - initStarted;
  // registerFileBuffer transfers (detaches) the buffer: the experiments need their own copy.
  const loaderBytes = bytes.slice();
  const loadStarted = performance.now();
  const report = await loadTicketFile(db, { name: 'bench.csv', bytes: loaderBytes });
  const load_ms = performance.now() - loadStarted;
  const loadTimings = db.timings.splice(0);
  const kpiStarted = performance.now();
  const metrics = await computeMetrics(db, { present: report.presentColumns });
  const kpis_ms = performance.now() - kpiStarted;
  const kpiTimings = db.timings.splice(0);
  const ids = HEADLINE_METRICS.map((m) => m.id);
  const engine_filter_ms: number[] = [];
  const sequence = filterSequence(report.dateRange);
  for (const filters of sequence) {
    const started = performance.now();
    await computeMetrics(db, { filters, present: report.presentColumns, ids });
    engine_filter_ms.push(performance.now() - started);
  }
  const experiments = await runExperiments(db, bytes, sequence[2] ?? {}, report.presentColumns);
  const values: Record<string, number | null> = {};
  for (const m of metrics) if ('value' in m) values[m.id] = m.value;
  return {
    init_ms,
    load_ms,
    kpis_ms,
    engine_filter_ms,
    rows_accepted: report.rows.accepted,
    load_profile: slowest(loadTimings),
    kpis_profile: slowest(kpiTimings),
    values,
    experiments
  };
}

async function js(url: string): Promise<JsPageRun> {
  const bytes = await fetchBytes(url);
  const loadStarted = performance.now();
  const tickets = parseTickets(new TextDecoder().decode(bytes));
  const load_ms = performance.now() - loadStarted;
  const kpiStarted = performance.now();
  const values = headlineJs(tickets);
  const kpis_ms = performance.now() - kpiStarted;
  return { load_ms, kpis_ms, rows: tickets.length, values };
}

const api: BenchApi = { wasm, js };
window.__bench = api;
document.body.dataset.benchReady = 'true';
