import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../src/lib/metrics/catalogue';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';
import { KPI_PAGES } from '../../src/lib/pages';

const SHOTS = 'tests/e2e/screenshots';
const PAGES = KPI_PAGES.filter((path) => path !== '/');

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function waitForCharts(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(
    () => {
      const charts = document.querySelectorAll('.chart .canvas');
      return [...charts].every((c) => c.getAttribute('data-echarts-ready') === 'true');
    },
    undefined,
    { timeout: 60_000 }
  );
}

async function openReady(app: AppSession, path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = watchErrors(page);
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(app.url) && !/^(data|blob):/.test(target))
      app.foreignRequests.push(target);
  });
  await page.goto(`${app.url}${path}`);
  await waitForMetrics(page);
  await waitForCharts(page);
  return { page, errors };
}

describe('section pages', () => {
  let app: AppSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp();
  });
  afterAll(() => app.close());

  it.each(PAGES)('%s opens without console errors and shows its key figures', async (path) => {
    const { page, errors } = await openReady(app, path);
    const values = await cardValues(page);
    expect(Object.keys(values).length, path).toBeGreaterThan(0);
    expect(
      Object.values(values).some((v) => v !== null),
      path
    ).toBe(true);
    await page.screenshot({ path: `${SHOTS}/page${path.replace(/\//g, '-')}.png`, fullPage: true });
    expect(errors, path).toEqual([]);
    await page.close();
  });

  it('/metrics lists every catalogue metric with its data-metric', async () => {
    const { page } = await openReady(app, '/metrics');
    for (const metric of METRICS) {
      expect(await page.$(`[data-catalogue-row="${metric.id}"]`), metric.id).not.toBeNull();
      const selector =
        metric.shape === 'map' ? `[data-metric^="${metric.id}."]` : `[data-metric="${metric.id}"]`;
      expect(await page.$$(selector), metric.id).not.toHaveLength(0);
    }
    const values = await cardValues(page);
    expect(values.intent_coverage).toBe(289);
    expect(values['miniprogram_load_seconds.ios']).toBeCloseTo(1.2, 1);
    await page.close();
  });

  it('a card opens its tickets: paged, sortable, in the URL, exported as CSV', async () => {
    const { page } = await openReady(app, '/channels');
    const asa = (await cardValues(page)).avg_wait_seconds;
    expect(asa).not.toBeNull();
    await page.click('[data-drill-card="avg_wait_seconds"]');
    await page.waitForSelector('[data-drill-ready="true"] tbody tr');
    expect(new URL(page.url()).searchParams.getAll('drill')).toEqual([
      'population:avg_wait_seconds'
    ]);
    const total = Number(await page.getAttribute('[data-drill-total]', 'data-drill-total'));
    expect(total).toBeGreaterThan(1000);
    expect(await page.$$('.drill tbody tr')).toHaveLength(25);

    // one decimal with digit grouping, e.g. "1,234.5"
    const waitOf = (text: string | null | undefined) => Number((text ?? '').replace(/,/g, ''));
    const firstWait = async () =>
      waitOf(await page.textContent('.drill tbody tr:first-child td:nth-child(11)'));
    await page.click('[data-sort="wait_seconds"]');
    await page.waitForSelector(
      '[data-drill-ready="true"] th[aria-sort="descending"] [data-sort="wait_seconds"]'
    );
    const longest = await firstWait();
    expect(longest).toBeGreaterThan(0);
    await page.click('[data-sort="wait_seconds"]');
    await page.waitForSelector(
      '[data-drill-ready="true"] th[aria-sort="ascending"] [data-sort="wait_seconds"]'
    );
    await page.waitForFunction((max) => {
      const cell = document.querySelector('.drill tbody tr:first-child td:nth-child(11)');
      return cell !== null && Number((cell.textContent ?? '').replace(/,/g, '')) < max;
    }, longest);
    await page.screenshot({ path: `${SHOTS}/drill-channels.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-drill-export]')
    ]);
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]).toContain('ticket_id');
    // In the order on screen (wait ascending), instants with the dataset zone's offset.
    const exported = Papa.parse<string[]>(lines.slice(0, 3).join('\n')).data;
    const column = (name: string) => exported[0]!.indexOf(name);
    expect(exported[1]![column('ticket_id')]).toBe(
      (await page.textContent('.drill tbody tr:first-child td:nth-child(1)'))?.trim()
    );
    const created = exported[1]![column('created_at')]!;
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+08:00$/);
    expect(created.slice(0, 19).replace('T', ' ')).toBe(
      (await page.textContent('.drill tbody tr:first-child td:nth-child(2)'))?.trim()
    );

    await page.reload();
    await waitForMetrics(page);
    await page.waitForSelector('[data-drill-ready="true"] tbody tr');
    expect(Number(await page.getAttribute('[data-drill-total]', 'data-drill-total'))).toBe(total);
    await page.click('[data-drill-close]');
    await page.waitForFunction(() => !document.querySelector('.drill'));
    expect(new URL(page.url()).searchParams.has('drill')).toBe(false);
    await page.close();
  });

  it('keeps filters through reload and back/forward', async () => {
    const { page: all } = await openReady(app, '/channels');
    const unfiltered = await cardValues(all);
    await all.close();

    const { page } = await openReady(app, '/channels?entry_channel=hotline');
    const filtered = await cardValues(page);
    expect(filtered.avg_wait_seconds).not.toBe(unfiltered.avg_wait_seconds);
    await page.reload();
    await waitForMetrics(page);
    expect(await cardValues(page)).toEqual(filtered);

    await page.click('nav a[href^="/routing"]');
    await page.waitForURL(/\/routing\?entry_channel=hotline$/);
    await waitForMetrics(page);
    await page.goBack();
    await page.waitForURL(/\/channels\?entry_channel=hotline$/);
    await page.waitForSelector('[data-metric="fund_safety_hotline_share"]');
    await waitForMetrics(page);
    expect(await cardValues(page)).toEqual(filtered);
    await page.goForward();
    await page.waitForURL(/\/routing\?entry_channel=hotline$/);
    await page.close();
  });

  it('switches the labels between Chinese and English', async () => {
    const { page } = await openReady(app, '/metrics');
    const before = await page.textContent('h1');
    const header = await page.textContent('thead th:nth-child(2)');
    await page.click('[data-lang-switch]');
    await page.waitForFunction(
      (text) => document.querySelector('h1')?.textContent !== text,
      before
    );
    expect(await page.textContent('h1')).toBe(
      before === '指标目录' ? 'Metric catalogue' : '指标目录'
    );
    expect(await page.textContent('thead th:nth-child(2)')).not.toBe(header);
    await page.screenshot({ path: `${SHOTS}/metrics-switched.png`, fullPage: true });
    await page.close();
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
