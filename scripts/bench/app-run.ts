import type { Page } from 'playwright-core';
import type { LaunchedChromium } from './chromium';
import { NAME_SHIM } from './first-kpi';
export { NAME_SHIM };
import { median, progress, round } from './log';
import { samplePeakMemory } from './memory';
import {
  stampUploadStart,
  timeFilterChange,
  waitReloaded,
  waitUploaded,
  type FilterAction
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

/** What the check does: one region ticked and unticked, six clicks. */
const REGION_CLICKS: FilterAction[] = Array.from({ length: 6 }, () => ({
  kind: 'check',
  column: 'region',
  code: 'southeast_asia'
}));

export interface UploadRun {
  /** Upload through input[type=file] until N rows show and every figure is ready. */
  ingest_ms: number;
  filter_ms: number[];
  filter_ms_median: number;
  region_clicks_ms: number[];
  /** Reload until the uploaded rows show again; null when the reload lost them. */
  reload_ms: number | null;
  /** The upload's LoadReport.phasesMs, as the load status shows it. */
  load_phases_ms: Record<string, number>;
}

export interface UploadMemory {
  peak_total_mb: number;
  peak_tab_mb: number;
  /** performance.memory of the page's main thread after the load (JS heap only; DuckDB runs in a worker). */
  js_heap_mb: number | null;
}

function watchCrash(page: Page): Promise<never> {
  const crashed = new Promise<never>((_, reject) =>
    page.on('crash', () => reject(new Error('the app tab crashed (out of memory?)')))
  );
  crashed.catch(() => undefined);
  return crashed;
}

async function openApp(chrome: LaunchedChromium, origin: string) {
  const context = await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(NAME_SHIM);
  const page = await context.newPage();
  const crashed = watchCrash(page);
  await page.goto(`${origin}/`);
  await page.waitForSelector('main:not([aria-busy="true"]) [data-metrics-ready="true"]', {
    timeout: 180_000
  });
  return { context, page, crashed };
}

async function upload(page: Page, crashed: Promise<never>, csvPath: string, rows: number) {
  await page.evaluate(stampUploadStart);
  await page.setInputFiles('input[type="file"]', csvPath);
  return Promise.race([page.evaluate(waitUploaded, rows), crashed]);
}

/** One timed session in the built app: upload, filter changes, the region clicks, a reload. */
export async function runUpload(
  chrome: LaunchedChromium,
  origin: string,
  csvPath: string,
  rows: number
): Promise<UploadRun> {
  const { context, page, crashed } = await openApp(chrome, origin);
  try {
    const ingest_ms = await upload(page, crashed, csvPath, rows);
    const phases = await page.getAttribute('[data-load-phases]', 'data-load-phases');
    progress(`app: ingest ${round(ingest_ms)} ms; ${FILTER_ACTIONS.length} filter changes`);
    const filter_ms: number[] = [];
    for (const action of FILTER_ACTIONS)
      filter_ms.push(await Promise.race([page.evaluate(timeFilterChange, action), crashed]));
    const region_clicks_ms: number[] = [];
    for (const action of REGION_CLICKS)
      region_clicks_ms.push(await Promise.race([page.evaluate(timeFilterChange, action), crashed]));
    await page.reload({ waitUntil: 'domcontentloaded' });
    const reloaded = await page.evaluate(waitReloaded, rows);
    return {
      ingest_ms: round(ingest_ms),
      filter_ms: filter_ms.map(round),
      filter_ms_median: round(median(filter_ms)),
      region_clicks_ms: region_clicks_ms.map(round),
      reload_ms: reloaded < 0 ? null : round(reloaded),
      load_phases_ms: JSON.parse(phases ?? '{}') as Record<string, number>
    };
  } finally {
    await context.close();
  }
}

/** An untimed upload that samples the browser's memory (sampling is work: never in a timed run). */
export async function uploadMemory(
  chrome: LaunchedChromium,
  origin: string,
  csvPath: string,
  rows: number
): Promise<UploadMemory> {
  const { context, page, crashed } = await openApp(chrome, origin);
  const sampler = samplePeakMemory(chrome.pid);
  try {
    await upload(page, crashed, csvPath, rows);
    const memory = sampler.stop();
    const js_heap_mb = await page.evaluate(() => {
      const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return m ? Math.round(m.usedJSHeapSize / 2 ** 20) : null;
    });
    return { ...memory, js_heap_mb };
  } finally {
    sampler.stop();
    await context.close();
  }
}
