import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './support/app';

describe('an event log uploaded in the page', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await app.open('/');
    await page.waitForSelector('input[type=file]');
    await page.setInputFiles('input[type=file]', {
      name: 'event-log.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('tests/fixtures/ingest/event-log.csv')
    });
    await page.waitForSelector('[data-rows-total="15"]', { timeout: 150_000 });
    await page.click('nav a[href^="/data"]');
    await page.waitForSelector('[data-event-log]');
  });
  afterAll(() => app.close());

  it('says how many events became how many tickets, and why it took the file for a log', async () => {
    const log = await page.waitForSelector('[data-event-log]');
    if (process.env.E2E_SCREENSHOT) {
      await page.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });
    }
    expect(await log.getAttribute('data-events')).toBe('15');
    expect(await log.getAttribute('data-tickets-built')).toBe('4');
    expect(await log.textContent()).toMatch(
      /15 events read → 4 tickets built|读取 15 条事件 → 生成 4 张工单/
    );
    expect(await page.textContent('[data-event-detection]')).toContain(
      '"Case" repeats in the sample'
    );
    expect(await page.textContent('[data-event-marks] [data-mark="resolved"]')).toContain(
      '← "Resolved"'
    );
    const rows = await page.waitForSelector('[data-report-rows]');
    expect(await rows.getAttribute('data-tickets')).toBe('4');
    expect(await rows.getAttribute('data-rejected')).toBe('3');
  });
});
