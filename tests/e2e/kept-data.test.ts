import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

const ROWS = 20_000;
const FILE = {
  name: 'kept.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(generateTicketsCsv({ rows: ROWS, seed: 8 }))
};

async function settled(page: Page, origin: string): Promise<Record<string, number | null>> {
  await page.waitForSelector(`[data-dataset-status="ready"][data-dataset-origin="${origin}"]`, {
    timeout: 120_000
  });
  await waitForMetrics(page);
  return cardValues(page);
}

describe('the uploaded data kept in the browser', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('survives a reload until it is forgotten', async () => {
    const page = await app.open('/');
    const bundled = await settled(page, 'bundled');
    await page.setInputFiles('input[type=file]', FILE);
    await page.waitForSelector(`[data-rows-total="${ROWS}"]`, { timeout: 120_000 });
    const uploaded = await settled(page, 'upload');
    expect(uploaded).not.toEqual(bundled);

    await page.reload();
    expect(await settled(page, 'restored')).toEqual(uploaded);
    expect(await page.getAttribute('[data-rows-total]', 'data-rows-total')).toBe(String(ROWS));

    await page.click('nav a[href^="/data"]');
    expect(await page.getAttribute('[data-report-kept]', 'data-report-kept')).toBe('restored');
    expect(await page.getAttribute('[data-report-load-path]', 'data-report-load-path')).toBe(
      'typed'
    );
    await page.click('[data-forget-data]');
    await page.waitForSelector('[data-dataset-status="ready"][data-dataset-origin="bundled"]');
    await page.goto(page.url().replace(/\/data.*$/, '/'));
    expect(await settled(page, 'bundled')).toEqual(bundled);
  });

  it('a second tab, which cannot open the stored copy, still loads and says so', async () => {
    const context = await app.browser.newContext();
    const first = await context.newPage();
    await first.goto(app.url);
    await settled(first, 'bundled');
    const second = await context.newPage();
    await second.goto(`${app.url}/`);
    await settled(second, 'bundled');
    await second.setInputFiles('input[type=file]', FILE);
    await second.waitForSelector(`[data-rows-total="${ROWS}"]`, { timeout: 120_000 });
    await settled(second, 'upload');
    await second.click('nav a[href^="/data"]');
    expect(await second.getAttribute('[data-report-kept]', 'data-report-kept')).toBe('no');
    expect(await second.textContent('[data-report-kept]')).toMatch(/another tab|另一个/);
    await context.close();
  });
});
