import type { FirstKpi } from './first-kpi';
import type { Machine } from './machine';
import type { SimulatorRun } from './simulator';
import type { Runs } from './stats';
import type { StatementTiming } from './timed-db';
import type { Experiment } from './harness/experiments';
import type { UploadMemory } from './app-run';

export interface Failed {
  error: string;
}

export type Outcome<T> = T | Failed;

/** One engine's load and all catalogue KPIs, over the runs. */
export interface EngineRuns {
  load_ms: Runs;
  kpis_ms: Runs;
  total_ms: Runs;
  [extra: string]: unknown;
}

export interface PageRuns {
  first_kpi_ms: Runs | null;
  first_live_kpi_ms: Runs | null;
  /** The last run's steps and big downloads. */
  last: FirstKpi;
}

export interface AppRuns {
  ingest_ms: Runs | null;
  /** Median over every filter change of every run. */
  filter_ms_median: number | null;
  filter_ms: Runs | null;
  region_clicks_ms: Runs | null;
  /** null: the reload did not show the uploaded data again. */
  reload_ms: Runs | null;
  /** The last upload's LoadReport.phasesMs (where the load's time went). */
  load_phases_ms: Record<string, number>;
}

export interface Target {
  value: number | null;
  target: string;
  met: boolean | null;
  /** Why there is no value (e.g. "n/a (feature missing)"). */
  note?: string;
}

export interface BenchResult {
  rows: number;
  csv_mb: number;
  runs: number;
  engines: {
    wasm: Outcome<EngineRuns>;
    native: Outcome<EngineRuns>;
    js: Outcome<EngineRuns>;
  };
  /** Native DuckDB's own read_csv of the bench file: the upload's yardstick. */
  native_read_csv_ms: Outcome<Runs>;
  /** A blank page of the app's origin downloading, compiling and opening the DuckDB `.wasm`. */
  floor_ms: Outcome<Runs>;
  pages: Outcome<Record<string, PageRuns>>;
  app: Outcome<AppRuns>;
  memory: Outcome<UploadMemory> | null;
  simulator: Outcome<SimulatorRun> | { arrivals_per_second: null };
  targets: Record<string, Target>;
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

const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined || b === 0
    ? null
    : Math.round((a / b) * 100) / 100;

const med = <T>(o: Outcome<T> | null, pick: (t: T) => Runs | null | undefined): number | null => {
  if (o === null || failed(o)) return null;
  return pick(o)?.median ?? null;
};

function check(value: number | null, target: string, ok: (v: number) => boolean, note?: string) {
  const t: Target = { value, target, met: value === null ? null : ok(value) };
  if (value === null && note) t.note = note;
  return t;
}

/** The targets as ratios of medians measured in the same run. */
export function targets(r: Omit<BenchResult, 'targets'>): Record<string, Target> {
  const floor = med(r.floor_ms, (f) => f);
  const out: Record<string, Target> = {};
  if (!failed(r.pages)) {
    for (const [path, page] of Object.entries(r.pages)) {
      out[`first_kpi ÷ floor ${path}`] = check(
        ratio(page.first_kpi_ms?.median, floor),
        '≤ 1.5',
        (v) => v <= 1.5
      );
      out[`first_live_kpi ÷ floor ${path}`] = check(
        ratio(page.first_live_kpi_ms?.median, floor),
        '≤ 1.5',
        (v) => v <= 1.5
      );
    }
  }
  const app = failed(r.app) ? null : r.app;
  out['upload ÷ native read_csv'] = check(
    ratio(
      app?.ingest_ms?.median,
      med(r.native_read_csv_ms, (x) => x)
    ),
    '≤ 2',
    (v) => v <= 2
  );
  out['filter change median ms'] = check(app?.filter_ms_median ?? null, '≤ 150', (v) => v <= 150);
  out['region click median ms'] = check(
    app?.region_clicks_ms?.median ?? null,
    '≤ 150',
    (v) => v <= 150
  );
  out['reload ÷ upload'] = check(
    ratio(app?.reload_ms?.median, app?.ingest_ms?.median),
    '≤ 0.25',
    (v) => v <= 0.25,
    app ? 'n/a (feature missing: the reload showed other data)' : undefined
  );
  const total = (e: Outcome<EngineRuns>) => med(e, (x) => x.total_ms);
  out['wasm ÷ native (load + KPIs)'] = check(
    ratio(total(r.engines.wasm), total(r.engines.native)),
    '≤ 2.5',
    (v) => v <= 2.5
  );
  out['js ÷ wasm'] = check(ratio(total(r.engines.js), total(r.engines.wasm)), '≥ 2', (v) => v >= 2);
  const sim = failed(r.simulator) ? null : r.simulator.arrivals_per_second;
  out['simulator arrivals/s'] = check(sim, '≥ 1,000,000', (v) => v >= 1_000_000);
  return out;
}
