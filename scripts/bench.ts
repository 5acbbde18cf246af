/**
 * `npm run bench -- [--rows N] [--runs N] [--json]`: the dashboard on duckdb-wasm (in Chromium),
 * native DuckDB and the plain-JS way, the simulator, the engine floor, the first KPI of every
 * page, upload, filter changes and reload, each timed alone (this process only waits while the
 * browser works), `--runs` times (default 3), reported as median and spread, and the issue's
 * targets as ratios of figures measured in the same run. `--upload-only`: native read_csv and
 * the app's upload, filter changes and reload only.
 */
import { parseBenchArgs } from './bench/args';
import { runUpload, uploadMemory, type UploadRun } from './bench/app-run';
import { buildHarness, ensureAppBuild } from './bench/build';
import { launchChromium, type LaunchedChromium } from './bench/chromium';
import { assertSameHeadline } from './bench/compare';
import { canonicalCsv } from './bench/dataset';
import { engineFloor, firstKpi, type FirstKpi } from './bench/first-kpi';
import { KPI_PAGES } from '../src/lib/pages';
import { jsInHarness, wasmInHarness } from './bench/harness-run';
import { median, progress, round } from './bench/log';
import { machine } from './bench/machine';
import { nativeReadCsv, runNative } from './bench/native';
import { failed, targets, type BenchResult, type EngineRuns, type Failed } from './bench/result';
import { serveBench } from './bench/serve';
import { runSimulator } from './bench/simulator';
import { summarise, type Runs } from './bench/stats';
import { formatTable } from './bench/table';
import type { JsPageRun, WasmPageRun } from './bench/harness/api';
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

/** `run` `times` times in a row; the first failure ends the series. */
async function repeat<T>(name: string, times: number, run: (i: number) => Promise<T>) {
  const results: T[] = [];
  for (let i = 0; i < times; i++) {
    const result = await attempt(`${name} (run ${i + 1})`, () => run(i));
    if (failed(result)) return result;
    results.push(result);
  }
  return results;
}

const must = (r: Runs | null, what: string): Runs => {
  if (!r) throw new Error(`no ${what} measured`);
  return r;
};

function engineRuns(
  load: number[],
  kpis: number[],
  extra: Record<string, unknown> = {}
): EngineRuns {
  return {
    load_ms: must(summarise(load), 'load'),
    kpis_ms: must(summarise(kpis), 'KPIs'),
    total_ms: must(summarise(load.map((l, i) => l + kpis[i]!)), 'load + KPIs'),
    ...extra
  };
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

  // Native first, with no browser open: this process is the engine here.
  progress(`native: load + all catalogue metrics × ${args.runs}`);
  let nativeMetrics: MetricResult[] | null = null;
  let simulator: BenchResult['simulator'] = { arrivals_per_second: null };
  const nativeRuns = await repeat('native', args.uploadOnly ? 0 : args.runs, async (i) => {
    const { run, metrics, db } = await runNative(csv.path);
    if (run.rows_accepted !== args.rows) {
      await db.close();
      throw new Error(
        `native accepted ${run.rows_accepted} of ${args.rows} rows: the canonical log must load whole`
      );
    }
    nativeMetrics = metrics;
    profile.native_load = run.load_profile;
    if (i === args.runs - 1) {
      progress('simulator (20 replications)');
      simulator = await attempt('simulator', () => runSimulator(db));
    }
    await db.close();
    return run;
  });
  const native = failed(nativeRuns)
    ? nativeRuns
    : args.uploadOnly
      ? failure('skipped (--upload-only)')
      : engineRuns(
          nativeRuns.map((r) => r.load_ms),
          nativeRuns.map((r) => r.kpis_ms)
        );
  progress(`native read_csv × ${args.runs}`);
  const readCsv = await repeat('native read_csv', args.runs, () => nativeReadCsv(csv.path));
  const native_read_csv_ms = failed(readCsv) ? readCsv : must(summarise(readCsv), 'read_csv');

  const appDir = args.appDir ?? ensureAppBuild();
  const harnessDir = await buildHarness();
  const served = await serveBench({ app: appDir, harness: harnessDir, dataFile: csv.path });
  const chrome = await launchChromium();
  try {
    const browser = await timeInBrowser(chrome, served.url, csv, args, nativeMetrics);
    profile.wasm_load = browser.wasmProfile?.load_profile ?? [];
    profile.wasm_kpis = browser.wasmProfile?.kpis_profile ?? [];
    profile.wasm_experiments = browser.wasmProfile?.experiments ?? [];
    const partial: Omit<BenchResult, 'targets'> = {
      rows: args.rows,
      csv_mb: Math.round(csv.bytes / 1e6),
      runs: args.runs,
      engines: { wasm: browser.wasm, native, js: browser.js },
      native_read_csv_ms,
      floor_ms: browser.floor,
      pages: browser.pages,
      app: browser.app,
      memory: browser.memory,
      simulator,
      profile,
      machine: machine(chrome.version)
    };
    const result: BenchResult = { ...partial, targets: targets(partial) };
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : formatTable(result));
    if (failed(native) || failed(browser.wasm) || failed(browser.app)) process.exitCode = 1;
  } finally {
    await chrome.close();
    await served.close();
  }
}

/** Everything timed in Chromium, one thing at a time, `args.runs` times each. */
async function timeInBrowser(
  chrome: LaunchedChromium,
  origin: string,
  csv: { path: string; bytes: number },
  args: ReturnType<typeof parseBenchArgs>,
  nativeMetrics: MetricResult[] | null
) {
  const served = { url: origin, close: async () => undefined };
  const skipped = failure('skipped (--upload-only)');
  if (!args.uploadOnly) progress(`engine floor × ${args.runs}`);
  const floorRuns = args.uploadOnly
    ? skipped
    : await repeat('floor', args.runs, () => engineFloor(chrome, origin));
  const floor = failed(floorRuns) ? floorRuns : must(summarise(floorRuns), 'floor');

  let pages: BenchResult['pages'] = args.uploadOnly ? skipped : failure('skipped (--skip-app)');
  if (!args.skipApp && !args.uploadOnly) {
    const byPage: Record<string, FirstKpi[]> = {};
    for (let i = 0; i < args.runs; i++) {
      progress(`first KPI, cold, on ${KPI_PAGES.length} pages (run ${i + 1})`);
      for (const path of KPI_PAGES) {
        const r = await attempt(`first KPI ${path}`, () => firstKpi(chrome, `${origin}${path}`));
        if (!failed(r)) (byPage[path] ??= []).push(r);
      }
    }
    pages = Object.fromEntries(
      Object.entries(byPage).map(([path, rs]) => [
        path,
        {
          first_kpi_ms: summarise(rs.map((r) => r.first_kpi_ms ?? Number.NaN)),
          first_live_kpi_ms: summarise(rs.map((r) => r.first_live_kpi_ms ?? Number.NaN)),
          last: rs[rs.length - 1]!
        }
      ])
    );
  }

  if (!args.uploadOnly)
    progress(`wasm: load + all catalogue metrics in the harness page × ${args.runs}`);
  let wasmProfile: WasmPageRun | null = null;
  const wasmRuns = args.uploadOnly
    ? skipped
    : await repeat('wasm', args.runs, () => wasmInHarness(chrome, served));
  const wasm = failed(wasmRuns)
    ? wasmRuns
    : (() => {
        const last = wasmRuns[wasmRuns.length - 1]!;
        wasmProfile = last;
        return engineRuns(
          wasmRuns.map((w) => w.load_ms),
          wasmRuns.map((w) => w.kpis_ms),
          {
            init_ms: summarise(wasmRuns.map((w) => w.init_ms)),
            engine_filter_ms_last_run: last.engine_filter_ms.map(round)
          }
        );
      })();

  const js: BenchResult['engines']['js'] = args.uploadOnly
    ? skipped
    : nativeMetrics === null
      ? failure('skipped: no native values to check the js path against')
      : csv.bytes > JS_MAX_BYTES
        ? failure(
            `skipped: the ${Math.round(csv.bytes / 1e6)} MB file is past V8's string limit for Papa.parse(text)`
          )
        : await (async () => {
            progress(`js: papaparse + d3-array in the page × ${args.runs}`);
            const jsRuns = await repeat<JsPageRun>('js', args.runs, () =>
              jsInHarness(chrome, served)
            );
            if (failed(jsRuns)) return jsRuns;
            assertSameHeadline(jsRuns[0]!.values, nativeMetrics);
            progress('js: headline values equal the native ones (1e-9)');
            return engineRuns(
              jsRuns.map((r) => r.load_ms),
              jsRuns.map((r) => r.kpis_ms)
            );
          })();

  let app: BenchResult['app'] = failure('skipped (--skip-app)');
  let memory: BenchResult['memory'] = null;
  if (!args.skipApp) {
    progress(`app: upload, filter changes, reload × ${args.runs}`);
    const uploads = await repeat<UploadRun>('app', args.runs, () =>
      runUpload(chrome, origin, csv.path, args.rows)
    );
    app = failed(uploads)
      ? uploads
      : {
          ingest_ms: summarise(uploads.map((u) => u.ingest_ms)),
          filter_ms_median: round(median(uploads.flatMap((u) => u.filter_ms))),
          filter_ms: summarise(uploads.flatMap((u) => u.filter_ms)),
          region_clicks_ms: summarise(uploads.flatMap((u) => u.region_clicks_ms)),
          reload_ms: uploads.every((u) => u.reload_ms !== null)
            ? summarise(uploads.map((u) => u.reload_ms!))
            : null,
          load_phases_ms: uploads[uploads.length - 1]!.load_phases_ms
        };
    if (!args.uploadOnly) progress('memory: one more upload, sampled (not timed)');
    if (!args.uploadOnly)
      memory = await attempt('memory', () => uploadMemory(chrome, origin, csv.path, args.rows));
  }
  return {
    floor,
    pages,
    wasm,
    js,
    app,
    memory,
    wasmProfile: wasmProfile as Pick<
      WasmPageRun,
      'load_profile' | 'kpis_profile' | 'experiments'
    > | null
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
