import type { Page } from 'playwright-core';
import type { JsPageRun, WasmPageRun } from './harness/api';
import type { LaunchedChromium } from './chromium';
import { progress } from './log';
import { samplePeakMemory } from './memory';
import type { Served } from './serve';

export interface TabMemory {
  peak_total_mb: number;
  peak_tab_mb: number;
}

/** Opens a fresh page on the harness; a crashed tab rejects with a clear message. */
async function openHarness(
  chrome: LaunchedChromium,
  served: Served
): Promise<{ page: Page; crashed: Promise<never> }> {
  const context = await chrome.browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') progress(`page console: ${m.text()}`);
  });
  const crashed = new Promise<never>((_, reject) =>
    page.on('crash', () => reject(new Error('the tab crashed (out of memory?)')))
  );
  crashed.catch(() => undefined);
  await page.goto(served.url);
  await page.waitForSelector('body[data-bench-ready="true"]');
  return { page, crashed };
}

async function inPage<T>(
  chrome: LaunchedChromium,
  served: Served,
  run: (page: Page) => Promise<T>
): Promise<{ result: T; memory: TabMemory }> {
  const { page, crashed } = await openHarness(chrome, served);
  const sampler = samplePeakMemory(chrome.pid);
  try {
    const result = await Promise.race([run(page), crashed]);
    return { result, memory: sampler.stop() };
  } finally {
    sampler.stop();
    await page.context().close();
  }
}

/** The app's loader and all catalogue metrics on duckdb-wasm, timed inside the page. */
export function wasmInHarness(chrome: LaunchedChromium, served: Served) {
  return inPage(
    chrome,
    served,
    (page) => page.evaluate((url) => window.__bench!.wasm(url), '/data.csv') as Promise<WasmPageRun>
  );
}

/** papaparse + d3-array on the same bytes, in the same browser. */
export function jsInHarness(chrome: LaunchedChromium, served: Served) {
  return inPage(
    chrome,
    served,
    (page) => page.evaluate((url) => window.__bench!.js(url), '/data.csv') as Promise<JsPageRun>
  );
}
