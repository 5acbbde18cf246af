import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

const ROWS =
  'ticket_id,created_at,entry_channel\n' + 'b,2026-03-02 10:00:00,hotline\n'.repeat(1000);

/** A small gzip whose trailer declares 3.8 GiB unpacked: refused before anything is inflated. */
function declaresTooMuch(): Buffer {
  const file = gzipSync(Buffer.from(ROWS));
  file.writeUInt32LE(0xf0000000, file.length - 4);
  return file;
}

describe('a gzip that expands past the limit, in the page', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
  }, 120_000);
  afterAll(async () => app?.close());

  it('is refused with the limit in words, and the data shown stays', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    const before = await cardValues(page);
    await page.setInputFiles('input[type=file]', {
      name: 'bomb.csv.gz',
      mimeType: 'application/gzip',
      buffer: declaresTooMuch()
    });
    const error = await page.waitForSelector('[data-load-error]', { timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('bomb.csv.gz');
    expect(text).toMatch(
      /declares 3\.8 GiB unpacked; files up to \d+(\.\d)? [GM]iB unpacked are loaded/
    );
    expect(text).not.toMatch(/Failed to fetch|out of range/);
    await waitForMetrics(page);
    expect(await cardValues(page)).toEqual(before);
    await page.close();
  }, 120_000);
});
