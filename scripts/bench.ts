/**
 * `npm run bench -- [--rows N] [--json]`: one run measuring the dashboard on duckdb-wasm (in
 * Chromium), native DuckDB and the plain-JS way, plus the simulator and the first KPI.
 */
import { parseBenchArgs } from './bench/args';
import { buildHarness, ensureAppBuild } from './bench/build';
import { launchChromium } from './bench/chromium';
import { assertSameHeadline } from './bench/compare';
import { canonicalCsv } from './bench/dataset';
import { jsInHarness, wasmInHarness } from './bench/harness-run';
import { progress, round } from './bench/log';
import { machine } from './bench/machine';
import { runNative } from './bench/native';
import {
  engine,
  failed,
  ratiosAndTargets,
  type BenchResult,
  type EngineResult,
  type Failed
} from './bench/result';
import { serveHarness } from './bench/serve';
import { runSimulator } from './bench/simulator';
import { runApp, type AppRun } from './bench/app-run';
import { formatTable } from './bench/table';
import type { WasmPageRun } from './bench/harness/api';
import type { MetricResult } from '../src/lib/metrics/types';

/** V8 strings stop at ~512 M characters: papaparse on one string cannot read a bigger file. */
const JS_MAX_BYTES = 500_000_000;

const failure = (error: unknown): Failed => ({
  error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300)
});

async function attempt<T>(name: string, run: () => Promise<T>): Promise<T | Failed> {
  try {
    return await run();
  } catch (error) {
    progress(`${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return failure(error);
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const csv = canonicalCsv(args.rows);
  const profile: BenchResult['profile'] = {
    native_load: [],
    wasm_load: [],
    wasm_kpis: [],
    wasm_experiments: []
  };

  progress('native: load + all catalogue metrics');
  const nativeRun = await attempt('native', () => runNative(csv.path));
  let native: EngineResult | Failed = nativeRun as Failed;
  let simulator: BenchResult['simulator'] = { arrivals_per_second: null };
  let nativeMetrics: MetricResult[] | null = null;
  if (!failed(nativeRun)) {
    profile.native_load = nativeRun.run.load_profile;
    nativeMetrics = nativeRun.metrics;
    if (nativeRun.run.rows_accepted !== args.rows) {
      throw new Error(
        `native accepted ${nativeRun.run.rows_accepted} of ${args.rows} rows: the canonical log must load whole`
      );
    }
    native = engine(nativeRun.run.load_ms, nativeRun.run.kpis_ms);
    progress(
      `native: load ${native.load_ms} ms, KPIs ${native.kpis_ms} ms; simulator (20 replications)`
    );
    simulator = await attempt('simulator', () => runSimulator(nativeRun.db));
    await nativeRun.db.close();
  }

  const appDir = args.appDir ?? ensureAppBuild();
  const harnessDir = await buildHarness();
  const served = await serveHarness(harnessDir, csv.path);
  const chrome = await launchChromium();
  let first_kpi_ms: number | null = null;
  let wasmProfile: Pick<WasmPageRun, 'load_profile' | 'kpis_profile' | 'experiments'> | null = null;
  try {
    progress('wasm: load + all catalogue metrics in the harness page');
    const wasmPage = await attempt('wasm', () => wasmInHarness(chrome, served));
    let app: AppRun | Failed | null = null;
    if (!args.skipApp) {
      progress('app: first KPI, upload, filter changes');
      app = await attempt('app', () => runApp(chrome, appDir, csv.path, args.rows));
    }
    const js =
      nativeMetrics === null
        ? failure('skipped: no native values to check the js path against')
        : csv.bytes > JS_MAX_BYTES
          ? failure(
              `skipped: the ${Math.round(csv.bytes / 1e6)} MB file is past V8's string limit for Papa.parse(text)`
            )
          : await attempt('js', async () => {
              progress('js: papaparse + d3-array in the page');
              const { result, memory } = await jsInHarness(chrome, served);
              assertSameHeadline(result.values, nativeMetrics);
              progress('js: headline values equal the native ones (1e-9)');
              return engine(result.load_ms, result.kpis_ms, { memory });
            });
    if (failed(js) && js.error.startsWith('the js path does not compute'))
      throw new Error(js.error);

    const wasm = failed(wasmPage)
      ? wasmPage
      : (() => {
          const w = wasmPage.result;
          wasmProfile = w;
          const headlineUnfiltered = w.engine_filter_ms[w.engine_filter_ms.length - 2];
          return engine(w.load_ms, w.kpis_ms, {
            init_ms: round(w.init_ms),
            kpis_headline_ms: headlineUnfiltered === undefined ? null : round(headlineUnfiltered),
            engine_filter_ms: w.engine_filter_ms.map(round),
            memory: wasmPage.memory,
            filter_ms_median: app && !failed(app) ? app.filter_ms_median : null
          });
        })();
    if (app && !failed(app)) first_kpi_ms = app.first_kpi_ms;
    profile.wasm_load = wasmProfile?.load_profile ?? [];
    profile.wasm_kpis = wasmProfile?.kpis_profile ?? [];
    profile.wasm_experiments = wasmProfile?.experiments ?? [];

    const partial = {
      rows: args.rows,
      app: app ?? failure('skipped (--skip-app)'),
      csv_mb: Math.round(csv.bytes / 1e6),
      engines: { wasm, native, js },
      simulator,
      first_kpi_ms,
      profile,
      machine: machine(chrome.version)
    };
    const result: BenchResult = { ...partial, ...ratiosAndTargets(partial) };
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : formatTable(result));
    if (failed(native) || failed(wasm) || (app !== null && failed(app))) process.exitCode = 1;
  } finally {
    await chrome.close();
    await served.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
