import type { Page } from 'playwright-core';
import { serveBuild } from '../../tests/e2e/support/static-server';
import type { LaunchedChromium } from './chromium';
import { median, progress, round } from './log';
import { samplePeakMemory } from './memory';
import {
  stampFirstKpi,
  stampUploadStart,
  timeFilterChange,
  waitUploaded,
  type FilterAction,
  type FirstLoadPhases
} from './page-probes';

/** The filter changes a user makes, in order (channel, region, date range, reset). */
const FILTER_ACTIONS: FilterAction[] = [
  { kind: 'check', column: 'entry_channel', code: 'hotline' },
  { kind: 'check', column: 'entry_channel', code: 'mini_program' },
  { kind: 'check', column: 'region', code: 'southeast_asia' },
  { kind: 'check', column: 'entry_channel', code: 'hotline' },
  { kind: 'date', name: 'from', plusDays: 10 },
  { kind: 'date', name: 'to', plusDays: 40 },
  { kind: 'check', column: 'region', code: 'europe' },
  { kind: 'check', column: 'region', code: 'southeast_asia' },
  { kind: 'check', column: 'entry_channel', code: 'help_feedback' },
  { kind: 'date', name: 'from', plusDays: null },
  { kind: 'reset' },
  { kind: 'check', column: 'region', code: 'domestic' }
];

export interface AppRun {
  first_kpi_ms: number;
  first_kpi_steps: FirstKpi;
  /** Upload through input[type=file] until N rows show and every figure is ready. */
  ingest_ms: number;
  filter_ms: number[];
  filter_ms_median: number;
  memory: { peak_total_mb: number; peak_tab_mb: number };
  /** performance.memory of the page's main thread after the load (JS heap only; DuckDB runs in a worker). */
  js_heap_mb: number | null;
}

/**
 * tsx (esbuild keepNames) wraps inner functions in `__name(fn, "name")`; the probes are
 * serialised into the page, where that helper does not exist.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

function watchCrash(page: Page): Promise<never> {
  const crashed = new Promise<never>((_, reject) =>
    page.on('crash', () => reject(new Error('the app tab crashed (out of memory?)')))
  );
  crashed.catch(() => undefined);
  return crashed;
}

/** Time to first KPI on the default dataset, its steps, and the big downloads' timings. */
export interface FirstKpi extends FirstLoadPhases {
  resources: Array<{ name: string; kb: number; start_ms: number; end_ms: number }>;
}

async function firstKpi(chrome: LaunchedChromium, url: string): Promise<FirstKpi> {
  const context = await chrome.browser.newContext();
  await context.addInitScript(NAME_SHIM);
  try {
    const page = await context.newPage();
    await page.addInitScript(stampFirstKpi);
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __phases?: FirstLoadPhases }).__phases?.first_kpi_ms,
      null,
      { timeout: 120_000 }
    );
    return page.evaluate(() => {
      const phases = (window as unknown as { __phases: FirstLoadPhases }).__phases;
      const resources = performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming)
        .filter((e) => e.transferSize > 1_000_000 || e.decodedBodySize > 1_000_000)
        .map((e) => ({
          name: e.name.split('/').pop() ?? e.name,
          kb: Math.round(e.decodedBodySize / 1024),
          start_ms: Math.round(e.startTime),
          end_ms: Math.round(e.responseEnd)
        }));
      return { ...phases, resources };
    });
  } finally {
    await context.close();
  }
}

/** The built app in Chromium: first KPI on the default dataset, upload of the bench file, filters. */
export async function runApp(
  chrome: LaunchedChromium,
  appDir: string,
  csvPath: string,
  rows: number
): Promise<AppRun> {
  const server = await serveBuild(appDir);
  try {
    const first = await firstKpi(chrome, `${server.url}/`);
    const first_kpi_ms = first.first_kpi_ms ?? Number.NaN;
    progress(
      `app: first KPI after ${round(first_kpi_ms)} ms; uploading ${rows.toLocaleString('en')} rows`
    );
    const context = await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    const crashed = watchCrash(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('main:not([aria-busy="true"]) [data-metrics-ready="true"]', {
      timeout: 120_000
    });
    await page.evaluate(stampUploadStart);
    const sampler = samplePeakMemory(chrome.pid);
    const ingest_ms = await page
      .setInputFiles('input[type="file"]', csvPath)
      .then(() => Promise.race([page.evaluate(waitUploaded, rows), crashed]))
      .finally(() => sampler.stop());
    const memory = sampler.stop();
    progress(`app: ingest ${round(ingest_ms)} ms; timing ${FILTER_ACTIONS.length} filter changes`);
    const filter_ms: number[] = [];
    for (const action of FILTER_ACTIONS) {
      filter_ms.push(await Promise.race([page.evaluate(timeFilterChange, action), crashed]));
    }
    const js_heap_mb = await page.evaluate(() => {
      const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return m ? Math.round(m.usedJSHeapSize / 2 ** 20) : null;
    });
    await context.close();
    return {
      first_kpi_ms: round(first_kpi_ms),
      first_kpi_steps: first,
      ingest_ms: round(ingest_ms),
      filter_ms: filter_ms.map(round),
      filter_ms_median: round(median(filter_ms)),
      memory,
      js_heap_mb
    };
  } finally {
    await server.close();
  }
}
