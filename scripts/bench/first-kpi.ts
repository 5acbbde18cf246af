import type { LaunchedChromium } from './chromium';
import { stampFirstKpi, type FirstLoadPhases } from './page-probes';
import { HARNESS_BASE } from './serve';

/**
 * tsx (esbuild keepNames) wraps inner functions in `__name(fn, "name")`; the probes are
 * serialised into the page, where that helper does not exist.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** Time to the first figure on one page opened cold (a fresh context: nothing cached), and its steps. */
export interface FirstKpi extends FirstLoadPhases {
  resources: Array<{ name: string; kb: number; start_ms: number; end_ms: number }>;
}

export async function firstKpi(chrome: LaunchedChromium, url: string): Promise<FirstKpi> {
  const context = await chrome.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await context.addInitScript(NAME_SHIM);
  try {
    const page = await context.newPage();
    await page.addInitScript(stampFirstKpi);
    await page.goto(url);
    await page.waitForFunction(
      () => (window as unknown as { __phases?: FirstLoadPhases }).__phases?.first_live_kpi_ms,
      null,
      { timeout: 180_000, polling: 1000 }
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

/**
 * The engine floor: ms from navigation until a blank page of the same origin has downloaded,
 * compiled and opened the same DuckDB `.wasm` (cold, a fresh context).
 */
export async function engineFloor(chrome: LaunchedChromium, origin: string): Promise<number> {
  const context = await chrome.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}${HARNESS_BASE}floor.html`);
    const handle = await page.waitForFunction(
      () => {
        const w = window as unknown as { __floorMs?: number; __floorError?: string };
        if (w.__floorError) throw new Error(w.__floorError);
        return w.__floorMs;
      },
      null,
      { timeout: 120_000, polling: 1000 }
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}
