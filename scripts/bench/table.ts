import { failed, type BenchResult, type EngineResult, type Outcome } from './result';
import type { StatementTiming } from './timed-db';

const cell = (v: unknown): string =>
  v === null || v === undefined ? '—' : typeof v === 'number' ? v.toLocaleString('en') : String(v);

function engineLine(name: string, e: Outcome<EngineResult>): string {
  if (failed(e)) return `| ${name} | failed: ${e.error} | | |`;
  return `| ${name} | ${cell(e.load_ms)} | ${cell(e.kpis_ms)} | ${cell(e.total_ms)} |`;
}

function profile(title: string, timings: readonly StatementTiming[]): string[] {
  if (timings.length === 0) return [];
  return [
    ``,
    `${title}:`,
    ...timings.map((t) => `  ${String(t.ms).padStart(7)} ms  ${t.sql.slice(0, 110)}`)
  ];
}

/** The human-readable report: engines, ratios, targets, and the slowest statements. */
export function formatTable(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    `rows: ${r.rows.toLocaleString('en')} (${r.csv_mb} MB CSV)`,
    `machine: ${m.cpus} × ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, Chromium ${m.chromium ?? '—'}, ${m.platform}`,
    '',
    '| engine | load ms | KPIs ms | load + KPIs ms |',
    '|---|---:|---:|---:|',
    engineLine('wasm (duckdb-wasm, Chromium)', r.engines.wasm),
    engineLine('native (@duckdb/node-api)', r.engines.native),
    engineLine('js (papaparse + d3-array, Chromium)', r.engines.js),
    '',
    '| measure | value | target | met |',
    '|---|---:|---|---|',
    ...Object.entries(r.targets).map(
      ([k, t]) =>
        `| ${k} | ${cell(t.value)} | ${t.target} | ${t.met === null ? '—' : t.met ? 'yes' : 'NO'} |`
    )
  ];
  if (!failed(r.app)) {
    const { first_kpi_steps, ...app } = r.app;
    lines.push(
      '',
      `app: ${JSON.stringify(app)}`,
      `first KPI steps: ${JSON.stringify(first_kpi_steps)}`
    );
  } else lines.push('', `app: ${r.app.error}`);
  const wasm = r.engines.wasm;
  if (!failed(wasm)) {
    lines.push(
      '',
      `wasm extras: ${JSON.stringify({ ...wasm, load_ms: undefined, kpis_ms: undefined, total_ms: undefined })}`
    );
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
