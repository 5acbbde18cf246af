import { mkdtempSync, openSync, closeSync, ftruncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

/**
 * A file the size of a 5.2M-row log whose head is real rows: the rest is a sparse hole, so the
 * test costs no disk. The tab must refuse it from its size and head, before reading it.
 */
function fiveMillionRowsBig(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'row-limit-')), 'five-million.csv');
  const head = Buffer.from(generateTicketsCsv({ rows: 2000, seed: 2 }));
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  ftruncateSync(fd, Math.round((head.length / 2000) * 5_200_000));
  closeSync(fd);
  return path;
}

describe('a file past what the tab holds', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('is refused before it is read, with the rows in words and the CLI named', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    const before = await cardValues(page);
    await page.setInputFiles('input[type=file]', fiveMillionRowsBig());
    const error = await page.waitForSelector('[data-load-error]', { timeout: 60_000 });
    const text = (await error.textContent()) ?? '';
    expect(text).toMatch(/about 5\.2 million rows; this browser tab holds about [\d.]+ million/);
    expect(text).toContain('npm run kpi -- five-million.csv');
    await waitForMetrics(page);
    expect(await cardValues(page)).toEqual(before);
  });
});
