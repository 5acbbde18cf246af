import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uploadAndOpenData, waitForMetrics, type AppSession } from './support/app';

// A team's own channel codes: CH01 is their phone line, CH02 their web form.
const OWN_CODES = Buffer.from(
  'ticket_id,created_at,entry_channel\n' +
    'a,2026-03-02 10:00:00,CH01\n' +
    'b,2026-03-02 10:05:00,CH01\n' +
    'c,2026-03-02 10:10:00,CH02\n' +
    'd,2026-03-02 10:15:00,hotline\n'
);

describe("a team's own channel codes", () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await app.open('/');
    await waitForMetrics(page);
    await uploadAndOpenData(
      page,
      { name: 'own-codes.csv', buffer: OWN_CODES },
      { total: 4, rejected: 0 }
    );
  });
  afterAll(() => app.close());

  it('are listed with their tickets in the value map and named in the report', async () => {
    expect(await page.getAttribute('[data-notice="kept-codes-entry_channel"]', 'data-count')).toBe(
      '2'
    );
    const kept = await page.$$eval('[data-value-map="entry_channel"] [data-kept="true"]', (trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-value-row'),
        tr.querySelector('.tickets')?.textContent
      ])
    );
    expect(kept).toEqual([
      ['ch01', expect.stringMatching(/\b2\b/)],
      ['ch02', expect.stringMatching(/\b1\b/)]
    ]);
    expect(
      await page.getAttribute(
        '[data-value-map="entry_channel"] [data-kept-count]',
        'data-kept-count'
      )
    ).toBe('2');
  });

  it('mapped to a channel, they count as it after applying', async () => {
    await page.selectOption('[data-value-row="ch01"] select', 'hotline');
    await page.click('[data-apply-mapping]');
    await page.waitForSelector('[data-notice="kept-codes-entry_channel"][data-count="1"]', {
      timeout: 60_000
    });
    const kept = await page.$$eval('[data-value-map="entry_channel"] [data-kept="true"]', (trs) =>
      trs.map((tr) => tr.getAttribute('data-value-row'))
    );
    expect(kept).toEqual(['ch02']);
  });

  it('dates that read either way can be turned to day first, for the whole file', async () => {
    await page.setInputFiles('input[type=file]', {
      name: 'day-first.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('ticket_id,created_at\na,03/01/2026 10:00\nb,04/01/2026 11:00\n')
    });
    await page.waitForSelector('[data-date-range="2026-03-01/2026-04-01"]', { timeout: 60_000 });
    expect(await page.$eval('[data-date-order]', (s) => (s as HTMLSelectElement).value)).toBe(
      'mdy'
    );
    await page.selectOption('[data-date-order]', 'dmy');
    await page.click('[data-apply-mapping]');
    await page.waitForSelector('[data-date-range="2026-01-03/2026-01-04"]', { timeout: 60_000 });
    expect(await page.$eval('[data-date-order]', (s) => (s as HTMLSelectElement).value)).toBe(
      'dmy'
    );
  });
});
