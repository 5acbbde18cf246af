import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, waitForMetrics, type AppSession } from './support/app';

const CSV = [
  'ticket_id,created_at,entry_channel',
  'q1,2026-03-02 10:00:00,hotline',
  'q2,2026-03-02 11:00:00,mini_program'
].join('\n');

describe('a file dropped during a load', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
  afterAll(async () => app?.close());

  it('is announced as waiting for the load in progress, then loads', async () => {
    const page = await app.open('/');
    await page.waitForSelector('main[aria-busy="true"]');
    const files = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'second.csv', { type: 'text/csv' }));
      return transfer;
    }, CSV);
    await page.dispatchEvent('.drop', 'drop', { dataTransfer: files });
    const notice = await page.waitForSelector('[data-load-queued]', { timeout: 10_000 });
    expect(await notice.textContent()).toContain('second.csv');
    await page.waitForSelector('[data-rows-total="2"]', { timeout: 90_000 });
    await waitForMetrics(page);
    expect(await page.$$('[data-load-queued]')).toHaveLength(0);
    await page.close();
  }, 120_000);
});
