import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../src/lib/ingest/presets/presets';
import { startApp, uploadAndOpenData, waitForMetrics, type AppSession } from './support/app';

const ZENDESK = presetById('zendesk-tickets');

const shownNotes = (page: Page) =>
  page.$$eval('[data-report-preset] [data-preset-note]', (items) =>
    items.map((item) => item.textContent?.trim() ?? '')
  );

describe("a vendor preset's notes on the Data page", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await app.open('/');
    await waitForMetrics(page);
    await uploadAndOpenData(
      page,
      {
        name: 'zendesk-tickets.csv',
        buffer: readFileSync('tests/fixtures/vendors/zendesk-tickets.csv')
      },
      { total: 9, rejected: 1 }
    );
    await page.waitForSelector('[data-report-preset="zendesk-tickets"]');
  });
  afterAll(() => app.close());

  it('are in Chinese in the Chinese interface', async () => {
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await shownNotes(page)).toEqual(ZENDESK.notes.map((n) => n.zh));
    expect(await page.textContent('[data-report-preset]')).toContain(ZENDESK.label.zh);
  });

  it('follow the language switch to English', async () => {
    await page.click('[data-lang-switch]');
    await page.waitForSelector('html[lang="en"]');
    expect(await shownNotes(page)).toEqual(ZENDESK.notes.map((n) => n.en));
  });
});
