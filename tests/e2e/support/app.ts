import type { Browser, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { launchChromium } from './browser';
import { serveBuild } from './static-server';

export interface AppSession {
  browser: Browser;
  url: string;
  /** Every request the pages made that did not go to the app's own 127.0.0.1 server. */
  foreignRequests: string[];
  open(path?: string, options?: { locale?: string; width?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The built app the tests serve: `build/`, or a copy named by E2E_BUILD_DIR (safe from rebuilds). */
export const BUILD_DIR = resolve(process.env.E2E_BUILD_DIR ?? 'build');

/** Serves the build and opens Chromium against it, recording any request that leaves the app. */
export async function startApp(): Promise<AppSession> {
  const server = await serveBuild(BUILD_DIR);
  const browser = await launchChromium();
  const foreignRequests: string[] = [];
  return {
    browser,
    url: server.url,
    foreignRequests,
    async open(path = '/', options: { locale?: string; width?: number } = {}) {
      // The interface follows the browser's language; tests read it in Chinese unless told otherwise.
      const page = await browser.newPage({
        viewport: { width: options.width ?? 1400, height: 1000 },
        locale: options.locale ?? 'zh-CN'
      });
      page.on('request', (request) => {
        const target = request.url();
        if (!target.startsWith(server.url) && !/^(data|blob):/.test(target)) {
          foreignRequests.push(target);
        }
      });
      await page.goto(`${server.url}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    }
  };
}

/** Waits until the overview's cards hold values for the data now loaded. */
export async function waitForMetrics(page: Page): Promise<void> {
  await page.waitForSelector('main:not([aria-busy="true"]) [data-metrics-ready="true"]', {
    timeout: 90_000
  });
}

export async function cardValues(page: Page): Promise<Record<string, number | null>> {
  return page.$$eval('[data-metric]', (cards) =>
    Object.fromEntries(
      cards.map((card) => {
        const raw = card.getAttribute('data-value') ?? '';
        return [card.getAttribute('data-metric') ?? '', raw === '' ? null : Number(raw)];
      })
    )
  );
}

/**
 * Uploads a CSV through the page's file input, waits until its rows are counted as expected,
 * and opens the Data & mapping page.
 */
export async function uploadAndOpenData(
  page: Page,
  file: { name: string; buffer: Buffer },
  rows: { total: number; rejected: number }
): Promise<void> {
  await page.setInputFiles('input[type=file]', { ...file, mimeType: 'text/csv' });
  await page.waitForSelector(
    `[data-rows-total="${rows.total}"][data-rows-rejected="${rows.rejected}"]`,
    { timeout: 60_000 }
  );
  await page.click('nav a[href^="/data"]');
  await page.waitForSelector('[data-mapping-editor]');
}
