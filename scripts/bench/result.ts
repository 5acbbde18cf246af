import type { StatementTiming } from './timed-db';
import type { Machine } from './machine';
import type { SimulatorRun } from './simulator';
import type { Experiment } from './harness/experiments';
import type { AppRun } from './app-run';

export interface EngineResult {
  load_ms: number;
  kpis_ms: number;
  total_ms: number;
  [extra: string]: unknown;
}

export interface Failed {
  error: string;
}

export type Outcome<T> = T | Failed;

export interface BenchResult {
  rows: number;
  csv_mb: number;
  engines: {
    wasm: Outcome<EngineResult>;
    native: Outcome<EngineResult>;
    js: Outcome<EngineResult>;
  };
  /** The built app in Chromium: upload through input[type=file], filter changes, first KPI. */
  app: Outcome<AppRun>;
  simulator: Outcome<SimulatorRun> | { arrivals_per_second: null };
  first_kpi_ms: number | null;
  ratios: { wasm_over_native: number | null; js_over_wasm: number | null };
  targets: Record<string, { value: number | null; target: string; met: boolean | null }>;
  profile: {
    native_load: StatementTiming[];
    wasm_load: StatementTiming[];
    wasm_kpis: StatementTiming[];
    wasm_experiments: Experiment[];
  };
  machine: Machine;
}

export const failed = (x: unknown): x is Failed =>
  typeof x === 'object' && x !== null && 'error' in x && typeof (x as Failed).error === 'string';

export function engine(
  load_ms: number,
  kpis_ms: number,
  extra: Record<string, unknown> = {}
): EngineResult {
  const load = Math.round(load_ms);
  const kpis = Math.round(kpis_ms);
  return { load_ms: load, kpis_ms: kpis, total_ms: load + kpis, ...extra };
}

const total = (e: Outcome<EngineResult>): number | null => (failed(e) ? null : e.total_ms);

const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100;

export function ratiosAndTargets(
  r: Omit<BenchResult, 'ratios' | 'targets'>
): Pick<BenchResult, 'ratios' | 'targets'> {
  const wasm_over_native = ratio(total(r.engines.wasm), total(r.engines.native));
  const js_over_wasm = ratio(total(r.engines.js), total(r.engines.wasm));
  const filter = failed(r.app) ? null : r.app.filter_ms_median;
  const sim = failed(r.simulator) ? null : r.simulator.arrivals_per_second;
  const check = (value: number | null, target: string, ok: (v: number) => boolean) => ({
    value,
    target,
    met: value === null ? null : ok(value)
  });
  return {
    ratios: { wasm_over_native, js_over_wasm },
    targets: {
      wasm_over_native: check(wasm_over_native, '≤ 2.5', (v) => v <= 2.5),
      js_over_wasm: check(js_over_wasm, '≥ 2', (v) => v >= 2),
      filter_ms_median: check(filter, '≤ 200 ms', (v) => v <= 200),
      first_kpi_ms: check(r.first_kpi_ms, '≤ 2500 ms', (v) => v <= 2500),
      arrivals_per_second: check(sim, '≥ 1,000,000', (v) => v >= 1_000_000)
    }
  };
}
