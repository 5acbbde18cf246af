import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, uploadAndOpenData, waitForMetrics, type AppSession } from './support/app';

const ZH_EXPORT = Buffer.from(
  '\ufeff工单号,创建时间,渠道,地区\r\n' +
    'z1,2026/3/2 10:00,热线,国内\r\n' +
    'z2,2026/3/2 23:30,热线,东南亚\r\n' +
    'z3,2026/3/3 09:00,热线,火星\r\n'
);

async function rows(page: Page) {
  const el = await page.waitForSelector('[data-report-rows]');
  return {
    total: Number(await el.getAttribute('data-total')),
    accepted: Number(await el.getAttribute('data-accepted')),
    rejected: Number(await el.getAttribute('data-rejected'))
  };
}

describe('data & mapping page', () => {
  let app: AppSession;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    page = await app.open('/');
    await waitForMetrics(page);
    await uploadAndOpenData(
      page,
      { name: 'zh-export.csv', buffer: ZH_EXPORT },
      { total: 3, rejected: 1 }
    );
  });
  afterAll(() => app.close());

  it('reports the file: encoding with its evidence, delimiter, rows, suggested mapping', async () => {
    expect(await page.getAttribute('[data-report-encoding]', 'data-report-encoding')).toBe(
      'utf-8-bom'
    );
    expect(await page.textContent('[data-report-encoding]')).toContain('EF BB BF');
    expect(await page.getAttribute('[data-report-delimiter]', 'data-report-delimiter')).toBe(',');
    expect(await rows(page)).toEqual({ total: 3, accepted: 2, rejected: 1 });
    expect(await page.getAttribute('[data-mapping-origin]', 'data-mapping-origin')).toBe(
      'suggested'
    );
    expect(
      await page.$eval('[data-source-select="created_at"]', (s) => (s as HTMLSelectElement).value)
    ).toBe('1');
    // v2: only created_at is required
    expect(await page.$$('[data-mapping-column="created_at"] [data-required]')).toHaveLength(1);
    expect(await page.$$('[data-mapping-column="ticket_id"] [data-required]')).toHaveLength(0);
    expect(await page.textContent('[data-rejected-rows]')).toContain('火星');
  });

  it('highlights the unmatched value; mapping it and applying reloads with every row accepted', async () => {
    const unmatched = await page.$$eval(
      '[data-value-map="region"] [data-unmatched="true"]',
      (trs) => trs.map((tr) => tr.getAttribute('data-value-row'))
    );
    expect(unmatched).toEqual(['火星']);
    await page.selectOption('[data-value-row="火星"] select', 'other_overseas');
    await page.waitForSelector('[data-mapping-dirty]');
    await page.click('[data-apply-mapping]');
    await page.waitForSelector('[data-report-rows][data-accepted="3"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-mapping-origin]', 'data-mapping-origin')).toBe('chosen');
    expect(await page.textContent('[data-mapping-origin]')).toMatch(/h4-[0-9a-f]{14}/);
  });

  it('exports the mapping as JSON, and explains a bad import in words', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-mapping]')
    ]);
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(json.version).toBe(1);
    expect(json.columns.region).toBe(3);
    expect(json.values.region['火星']).toBe('other_overseas');
    await page.setInputFiles('[data-import-mapping]', {
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"columns":{"nope":0}}')
    });
    const note = await page.textContent('[data-import-note="error"]');
    expect(note).toContain('bad.json');
    expect(note).toContain('unknown canonical column "nope"');
    await page.setInputFiles('[data-import-mapping]', {
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json))
    });
    await page.waitForSelector('[data-import-note="ok"]');
  });

  it('changing the time zone reloads the file in that zone', async () => {
    await page.selectOption('[data-time-zone]', 'UTC');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-time-zone]') as HTMLSelectElement | null)?.value === 'UTC' &&
        !document.querySelector('[data-loading]'),
      undefined,
      { timeout: 60_000 }
    );
    expect(await rows(page)).toEqual({ total: 3, accepted: 3, rejected: 0 });
    expect(await page.textContent('[data-load-report]')).toContain('2026-03-02 – 2026-03-03');
  });

  it('the same header uploaded again uses the remembered mapping and says so', async () => {
    await page.setInputFiles('input[type=file]', {
      name: 'zh-export-2.csv',
      mimeType: 'text/csv',
      buffer: ZH_EXPORT
    });
    await page.waitForSelector('[data-mapping-origin="remembered"]', { timeout: 60_000 });
    expect(await rows(page)).toEqual({ total: 3, accepted: 3, rejected: 0 });
    await page.click('[data-forget-mapping]');
    await page.waitForSelector('[data-mapping-origin="suggested"]', { timeout: 60_000 });
    expect(await rows(page)).toEqual({ total: 3, accepted: 2, rejected: 1 });
  });

  it('a load can be cancelled, and nothing changes', async () => {
    const path = join(tmpdir(), 'big-cancel.csv');
    const lines = ['ticket_id,created_at,entry_channel'];
    for (let i = 0; i < 1_200_000; i++) lines.push(`t${i},2026-03-01 10:00:00,hotline`);
    writeFileSync(path, lines.join('\n') + '\n');
    await page.setInputFiles('input[type=file]', path);
    await page.click('[data-cancel-load]');
    const message = await page.textContent('[data-load-cancelled]', { timeout: 60_000 });
    expect(message).toContain('big-cancel.csv');
    await page.waitForSelector('main:not([aria-busy="true"])');
    expect(await rows(page)).toEqual({ total: 3, accepted: 2, rejected: 1 });
    expect(await page.getAttribute('[data-rows-total]', 'data-rows-total')).toBe('3');
  });

  it('a file with only a creation time loads, the notes say how; a constant channel can be set', async () => {
    await page.setInputFiles('input[type=file]', {
      name: 'times.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '创建时间,内容,解决时间\n2026-03-02 10:00:00,a,NULL\n2026-03-02 11:00:00,b,\n'
      )
    });
    await page.waitForSelector('[data-report-rows][data-total="2"][data-accepted="2"]', {
      timeout: 60_000
    });
    const notices = () =>
      page.$$eval('[data-notice]', (els) => els.map((e) => e.getAttribute('data-notice')));
    expect(await notices()).toEqual([
      'ticket-id-from-line',
      'entry-channel-constant',
      'sentinel-resolved_at',
      'empty-resolved_at'
    ]);
    await page.selectOption('[data-source-select="region"]', 'constant');
    await page.fill('[data-constant-input="region"]', 'mars');
    await page.press('[data-constant-input="region"]', 'Enter');
    expect(await page.textContent('[data-constant-error="region"]')).toContain(
      '"mars" is not a region code'
    );
    await page.fill('[data-constant-input="region"]', '');
    await page.press('[data-constant-input="region"]', 'Enter');
    await page.selectOption('[data-source-select="region"]', '');
    await page.selectOption('[data-source-select="entry_channel"]', 'constant');
    await page.fill('[data-constant-input="entry_channel"]', '电话');
    await page.press('[data-constant-input="entry_channel"]', 'Enter');
    await page.waitForSelector('[data-mapping-dirty]');
    await page.click('[data-apply-mapping]');
    await page.waitForSelector('[data-notice="constant-entry_channel"]', { timeout: 60_000 });
    expect(await notices()).toEqual([
      'ticket-id-from-line',
      'constant-entry_channel',
      'sentinel-resolved_at',
      'empty-resolved_at'
    ]);
    expect(await page.textContent('[data-notice="constant-entry_channel"]')).toContain('hotline');
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
