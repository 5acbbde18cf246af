import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import { canonicalRows, writeWorkbook } from '../support/workbook';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

const SHOTS = 'tests/e2e/screenshots';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CSV = generateTicketsCsv({ rows: 2000, seed: 9 });
const SUBSET = CSV.split('\n').slice(0, 501).join('\n') + '\n';
const BOOK = writeWorkbook([
  ['Cover', []],
  ['Tickets', canonicalRows(CSV)],
  ['First 500', canonicalRows(SUBSET)]
]);

async function uploadCsv(page: Page, name: string, text: string, rows: number) {
  await page.setInputFiles('input[type=file]', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text)
  });
  await page.waitForSelector(`[data-dataset-name]:text-is("${name}")`, { timeout: 90_000 });
  await page.waitForSelector(`[data-rows-total="${rows}"]`);
  await waitForMetrics(page);
  return cardValues(page);
}

describe('an Excel workbook uploaded in the page', () => {
  let app: AppSession;
  let page: Page;
  let fromCsv: Record<string, number | null>;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp();
    page = await app.open('/');
    await waitForMetrics(page);
    fromCsv = await uploadCsv(page, 'tickets.csv', CSV, 2000);
  });
  afterAll(() => app.close());

  it('gives the same cards as the same data as CSV, from its first sheet with data', async () => {
    await page.setInputFiles('input[type=file]', {
      name: 'tickets.xlsx',
      mimeType: XLSX_MIME,
      buffer: Buffer.from(BOOK)
    });
    await page.waitForSelector('[data-workbook="xlsx"]', { timeout: 90_000 });
    await waitForMetrics(page);
    expect(await page.getAttribute('[data-rows-total]', 'data-rows-total')).toBe('2000');
    expect(await page.getAttribute('[data-sheet]', 'data-sheet')).toBe('Tickets');
    const shown = await cardValues(page);
    expect(Object.keys(shown).length).toBeGreaterThan(5);
    expect(shown).toEqual(fromCsv);
  });

  it('offers the sheets with data and reloads the one chosen', async () => {
    const options = () =>
      page.$$eval('[data-sheet-select] option', (all) =>
        all.map((o) => [(o as HTMLOptionElement).value, o.textContent?.trim()])
      );
    expect(await options()).toEqual([
      ['Tickets', 'Tickets（2,000 行）'],
      ['First 500', 'First 500（500 行）']
    ]);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${SHOTS}/xlsx-sheets-zh.png` });
    await page.click('[data-lang-switch]');
    expect(await options()).toEqual([
      ['Tickets', 'Tickets (2,000 rows)'],
      ['First 500', 'First 500 (500 rows)']
    ]);
    await page.screenshot({ path: `${SHOTS}/xlsx-sheets-en.png` });

    await page.selectOption('[data-sheet-select]', 'First 500');
    await page.waitForSelector('[data-sheet="First 500"]', { timeout: 90_000 });
    await page.waitForSelector('[data-rows-total="500"]');
    await waitForMetrics(page);
    const chosen = await cardValues(page);
    expect(await page.$eval('[data-sheet-select]', (s) => (s as HTMLSelectElement).value)).toBe(
      'First 500'
    );
    const subsetCsv = await uploadCsv(page, 'first-500.csv', SUBSET, 500);
    expect(chosen).toEqual(subsetCsv);
    expect(chosen).not.toEqual(fromCsv);
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
