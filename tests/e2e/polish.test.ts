import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, waitForMetrics, type AppSession } from './support/app';
import { NAV_PAGES } from '../../src/lib/pages';

const SHOTS = 'tests/e2e/screenshots';
const EVERY_PAGE = NAV_PAGES.map((p) => p.href);

async function loaded(page: Page): Promise<void> {
  await page.waitForSelector('main:not([aria-busy="true"])', {
    state: 'attached',
    timeout: 90_000
  });
}

const drillTotal = async (page: Page) =>
  Number(
    await page.getAttribute('[data-drill-ready="true"] [data-drill-total]', 'data-drill-total')
  );

describe('breakdown, failing-ticket drills, language, phone layout', () => {
  let app: AppSession;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('one view answers which week had the worst 20 s pickup and which channel drove it', async () => {
    const page = await app.open('/breakdown?metric=pickup_within_20s&by=entry_channel', {
      locale: 'en-US'
    });
    await page.waitForSelector(
      '[data-breakdown-ready="true"] table[data-breakdown="pickup_within_20s"]',
      {
        timeout: 90_000
      }
    );
    const summary = await page.textContent('[data-breakdown-summary]');
    expect(summary).toMatch(
      /^Worst week: \d{4}-\d{2}-\d{2} at \d+\.\d%\. The entry channel that pulled it down: /
    );
    const worstWeek = await page.getAttribute('tr.worst-week', 'data-week');
    expect(summary).toContain(worstWeek);
    // Each week row has its worst cell marked; the worst week's weekly figure is the lowest.
    const weekly = await page.$$eval('tbody tr', (rows) =>
      rows.map((r) => ({
        week: r.getAttribute('data-week'),
        total: Number(r.querySelector('td.total')?.getAttribute('data-value')),
        marked: r.querySelectorAll('td.worst').length
      }))
    );
    expect(weekly.length).toBeGreaterThan(4);
    expect(weekly.every((w) => w.marked <= 1)).toBe(true);
    const full = weekly.filter((w) => w.marked === 1);
    expect(Math.min(...full.map((w) => w.total))).toBe(
      weekly.find((w) => w.week === worstWeek)!.total
    );
    await page.screenshot({ path: `${SHOTS}/breakdown.png`, fullPage: true });

    // The driver cell opens the requests of that channel and week that missed 20 s.
    const cell = await page.$('tr.worst-week td.driver');
    expect(cell).not.toBeNull();
    const value = Number(await cell!.getAttribute('data-value'));
    const n = Number(await cell!.getAttribute('data-n'));
    await page.click('tr.worst-week td.driver button');
    await page.waitForSelector('[data-drill-ready="true"] tbody tr', { timeout: 60_000 });
    const drill = new URL(page.url()).searchParams.getAll('drill');
    expect(drill[0]).toBe('failing:pickup_within_20s');
    expect(drill).toContain(`week:${worstWeek}`);
    expect(await drillTotal(page)).toBe(Math.round(n * (1 - value)));

    await page.selectOption('[data-breakdown-by]', 'region');
    await page.waitForSelector('[data-breakdown-ready="true"] table[data-breakdown-by="region"]');
    expect(new URL(page.url()).searchParams.get('by')).toBe('region');
    await page.close();
  });

  it('the pickup card opens the requests that missed 20 s, with a toggle to all of them, sorted by the URL', async () => {
    const page = await app.open('/routing', { locale: 'en-US' });
    await waitForMetrics(page);
    const rate = Number(await page.getAttribute('[data-metric="pickup_within_20s"]', 'data-value'));
    await page.click('[data-drill-card="pickup_within_20s"]');
    await page.waitForSelector('[data-drill-ready="true"] tbody tr', { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.getAll('drill')).toEqual(['failing:pickup_within_20s']);
    expect(await page.textContent('[data-drill-chip="failing"]')).toContain('Failed:');
    const missed = await drillTotal(page);

    await page.click('[data-drill-outcome="population"]');
    await page.waitForURL(/drill=population%3Apickup_within_20s/);
    await page.waitForFunction(
      (before) => {
        const el = document.querySelector('[data-drill-ready="true"] [data-drill-total]');
        return el && el.getAttribute('data-drill-total') !== String(before);
      },
      missed,
      { timeout: 60_000 }
    );
    const requests = await drillTotal(page);
    expect(missed).toBe(Math.round(requests * (1 - rate)));

    await page.click('[data-sort="wait_seconds"]');
    await page.waitForURL(/sort=wait_seconds&dir=desc/);
    await page.reload();
    await page.waitForSelector(
      '[data-drill-ready="true"] th[aria-sort="descending"] [data-sort="wait_seconds"]',
      {
        timeout: 90_000
      }
    );
    await page.close();
  });

  it('speaks the browser’s language on a first visit, keeps a choice, and obeys ?lang=', async () => {
    const title = async (page: Page) => {
      await page.waitForSelector('.brand strong', { timeout: 60_000 });
      return page.textContent('.brand strong');
    };
    const english = await app.open('/metrics', { locale: 'en-GB' });
    expect(await title(english)).toBe('Service efficiency');
    expect(await english.getAttribute('html', 'lang')).toBe('en');
    await english.click('[data-lang-switch]');
    expect(await title(english)).toBe('客服效能分析');
    await english.reload();
    expect(await title(english)).toBe('客服效能分析');
    await english.close();

    const chinese = await app.open('/metrics', { locale: 'zh-CN' });
    expect(await title(chinese)).toBe('客服效能分析');
    await chinese.close();

    const asked = await app.open('/metrics?lang=en', { locale: 'zh-CN' });
    expect(await title(asked)).toBe('Service efficiency');
    await asked.close();
  });

  it('no page scrolls sideways at 390 px, and the menu is one button', async () => {
    // One page, moved through the phone menu: the data loads once, as a manager would use it.
    const page = await app.open('/', { width: 390, locale: 'en-US' });
    await loaded(page);
    expect(await page.isVisible('nav[aria-label="main"]')).toBe(false);
    const overflow: Record<string, number> = {};
    for (const path of EVERY_PAGE) {
      await page.click('[data-menu-toggle]');
      await page.waitForSelector(
        `nav[aria-label="main"] a[href^="${path}?"], nav[aria-label="main"] a[href="${path}"]`
      );
      if (path === '/') await page.screenshot({ path: `${SHOTS}/phone-menu.png` });
      await page.click(
        `nav[aria-label="main"] a[href^="${path}?"], nav[aria-label="main"] a[href="${path}"]`
      );
      await page.waitForFunction((p) => location.pathname === p, path);
      // The menu closes after the navigation settles (on '/' the URL is already the target).
      await page.waitForSelector('nav[aria-label="main"]', { state: 'hidden', timeout: 10_000 });
      await loaded(page);
      if (path === '/breakdown') {
        await page.waitForSelector('[data-breakdown-ready="true"]', { timeout: 90_000 });
      } else if (path !== '/simulate' && path !== '/data') await waitForMetrics(page);
      await page.evaluate(() => document.fonts.ready);
      overflow[path] = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth
      );
      await page.screenshot({
        path: `${SHOTS}/phone${path.replace(/\W+/g, '-')}.png`,
        fullPage: true
      });
    }
    expect(overflow).toEqual(Object.fromEntries(EVERY_PAGE.map((p) => [p, 0])));
    await page.close();
  }, 400_000);
});
