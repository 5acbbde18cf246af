import type { Page } from 'playwright-core';
import type { JsPageRun, WasmPageRun } from './harness/api';
import type { LaunchedChromium } from './chromium';
import { progress } from './log';
import { HARNESS_BASE, type Served } from './serve';

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
  await page.goto(`${served.url}${HARNESS_BASE}`);
  await page.waitForSelector('body[data-bench-ready="true"]');
  return { page, crashed };
}

/** Runs `run` in a fresh harness page; nothing in this process works meanwhile. */
async function inPage<T>(
  chrome: LaunchedChromium,
  served: Served,
  run: (page: Page) => Promise<T>
): Promise<T> {
  const { page, crashed } = await openHarness(chrome, served);
  try {
    return await Promise.race([run(page), crashed]);
  } finally {
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
