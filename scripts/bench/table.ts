import { failed, type BenchResult, type EngineRuns, type Outcome } from './result';
import { describeRuns, type Runs } from './stats';
import type { StatementTiming } from './timed-db';

const cell = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en') : String(v);

const runs = (r: Outcome<Runs> | Runs | null | undefined): string =>
  r === null || r === undefined ? '—' : failed(r) ? `failed: ${r.error}` : describeRuns(r);

function engineLine(name: string, e: Outcome<EngineRuns>): string {
  if (failed(e)) return `| ${name} | failed: ${e.error} | | |`;
  return `| ${name} | ${runs(e.load_ms)} | ${runs(e.kpis_ms)} | ${runs(e.total_ms)} |`;
}

function profile(title: string, timings: readonly StatementTiming[]): string[] {
  if (timings.length === 0) return [];
  return [
    ``,
    `${title}:`,
    ...timings.map((t) => `  ${String(t.ms).padStart(7)} ms  ${t.sql.slice(0, 110)}`)
  ];
}

/** The human-readable report: medians (min–max) of each figure, the targets, the slowest statements. */
export function formatTable(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    `rows: ${r.rows.toLocaleString('en')} (${r.csv_mb} MB CSV); ${r.runs} runs of each, one engine at a time`,
    `machine: ${m.cpus} × ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, Chromium ${m.chromium ?? '—'}, ${m.platform}, load average ${m.load_average}`,
    '',
    '| engine | load | all catalogue KPIs | load + KPIs |',
    '|---|---:|---:|---:|',
    engineLine('wasm (duckdb-wasm, Chromium)', r.engines.wasm),
    engineLine('native (@duckdb/node-api)', r.engines.native),
    engineLine('js (papaparse + d3-array, Chromium)', r.engines.js),
    '',
    `native read_csv of the file: ${runs(r.native_read_csv_ms)}`,
    `engine floor (blank page, same origin, same .wasm): ${runs(r.floor_ms)}`,
    ''
  ];
  if (failed(r.pages)) lines.push(`pages: failed: ${r.pages.error}`);
  else {
    lines.push('| page, cold | first KPI | first live KPI |', '|---|---:|---:|');
    for (const [path, p] of Object.entries(r.pages))
      lines.push(`| ${path} | ${runs(p.first_kpi_ms)} | ${runs(p.first_live_kpi_ms)} |`);
  }
  if (failed(r.app)) lines.push('', `app: failed: ${r.app.error}`);
  else {
    lines.push(
      '',
      `upload until every card settles: ${runs(r.app.ingest_ms)}`,
      `load phases of the last upload (ms): ${JSON.stringify(r.app.load_phases_ms)}`,
      `filter change until the cards and charts settle: median ${cell(r.app.filter_ms_median)} ms of all; per change ${runs(r.app.filter_ms)}`,
      `region clicks: ${runs(r.app.region_clicks_ms)}`,
      `reload until the uploaded rows show again: ${r.app.reload_ms ? runs(r.app.reload_ms) : 'n/a (feature missing: the reload showed other data)'}`
    );
  }
  if (r.memory)
    lines.push(
      `memory (untimed upload): ${failed(r.memory) ? r.memory.error : JSON.stringify(r.memory)}`
    );
  lines.push(
    '',
    '| target | value | target | met |',
    '|---|---:|---|---|',
    ...Object.entries(r.targets).map(
      ([k, t]) =>
        `| ${k} | ${t.value === null ? (t.note ?? '—') : cell(t.value)} | ${t.target} | ${t.met === null ? '—' : t.met ? 'yes' : 'NO'} |`
    )
  );
  if (!failed(r.pages)) {
    const first = Object.entries(r.pages)[0];
    if (first)
      lines.push('', `first load steps, ${first[0]} (last run): ${JSON.stringify(first[1].last)}`);
  }
  lines.push(...profile('native load, slowest statements', r.profile.native_load));
  lines.push(...profile('wasm load, slowest statements', r.profile.wasm_load));
  lines.push(...profile('wasm KPIs, slowest statements', r.profile.wasm_kpis));
  if (r.profile.wasm_experiments.length > 0) {
    lines.push('', 'wasm experiments (same data, alternatives to the current SQL):');
    for (const e of r.profile.wasm_experiments)
      lines.push(`  ${cell(e.ms).padStart(7)} ms  ${e.name}${e.note ? ` (${e.note})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
