import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

/** Large enough that the load lasts seconds, so page work lands in the middle of it. */
const ROWS = 300_000;
const FILE = join(mkdtempSync(join(tmpdir(), 'load-isolation-')), 'big.csv');

/** A client-side navigation (SvelteKit follows the link without reloading the page). */
async function follow(page: Page, href: string): Promise<void> {
  await page.evaluate((target) => {
    const a = document.createElement('a');
    a.href = target;
    document.body.append(a);
    a.click();
    a.remove();
  }, href);
}

async function uploadAndSettle(page: Page): Promise<void> {
  await page.setInputFiles('input[type=file]', FILE);
  await page.waitForSelector(`[data-rows-total="${ROWS}"]`, { timeout: 300_000 });
  await waitForMetrics(page);
}

describe('a load and the page queries made during it', () => {
  let app: AppSession;
  beforeAll(async () => {
    writeFileSync(FILE, generateTicketsCsv({ rows: ROWS, seed: 5 }));
    app = await startApp();
  });
  afterAll(() => app.close());

  it('lands, with the cards of a clean load, whatever the page does meanwhile', async () => {
    const clean = await app.open('/');
    await waitForMetrics(clean);
    await uploadAndSettle(clean);
    expect(await clean.getAttribute('[data-dataset-origin]', 'data-dataset-origin')).toBe('upload');
    const expected = await cardValues(clean);
    await clean.close();

    const page = await app.open('/');
    await waitForMetrics(page);
    const bundled = await cardValues(page);
    await page.setInputFiles('input[type=file]', FILE);
    await page.waitForSelector('[data-loading]');
    // Filter changes, other pages, and a query that fails (an impossible date) during the load.
    await page.$eval('[data-filter="region"] input[value="southeast_asia"]', (box) =>
      (box as HTMLInputElement).click()
    );
    await follow(page, '/channels?region=europe');
    await follow(page, '/?from=2026-13-45');
    await follow(page, '/data');
    await follow(page, '/?entry_channel=hotline');
    expect(await page.$('[data-loading]')).not.toBeNull();
    await page.waitForSelector(`[data-rows-total="${ROWS}"]`, { timeout: 300_000 });
    expect(await page.$('[data-load-error]')).toBeNull();
    await follow(page, '/');
    await page.waitForFunction(() => location.search === '');
    await waitForMetrics(page);
    const shown = await cardValues(page);
    expect(shown).toEqual(expected);
    expect(shown).not.toEqual(bundled);
  });
});
