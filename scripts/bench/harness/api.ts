import type { StatementTiming } from '../timed-db';
import type { HeadlineValues } from '../js-headline';
import type { Experiment } from './experiments';

/** What the harness page measured for duckdb-wasm. */
export interface WasmPageRun {
  init_ms: number;
  load_ms: number;
  kpis_ms: number;
  /** computeMetrics of the headline ids under each filter (SQL only, no UI). */
  engine_filter_ms: number[];
  rows_accepted: number;
  load_profile: StatementTiming[];
  kpis_profile: StatementTiming[];
  values: Record<string, number | null>;
  /** Alternatives to the loader's and the overview's SQL, timed on the same data. */
  experiments: Experiment[];
}

/** What the harness page measured for papaparse + d3-array. */
export interface JsPageRun {
  load_ms: number;
  kpis_ms: number;
  rows: number;
  values: HeadlineValues;
}

/** `window.__bench` in the harness page. */
export interface BenchApi {
  wasm(url: string): Promise<WasmPageRun>;
  js(url: string): Promise<JsPageRun>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}
