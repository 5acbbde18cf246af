import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

const INTERNALS = /Conversion Error|Binder Error|LINE \d+:|SELECT|tickets WHERE/;

describe('impossible values in a link', () => {
  let app: AppSession;
  let clean: Record<string, number | null>;

  beforeAll(async () => {
    app = await startApp();
    const page = await app.open('/');
    await waitForMetrics(page);
    clean = await cardValues(page);
    await page.close();
  }, 180_000);
  afterAll(async () => app?.close());

  it.each([
    ['/?from=2026-02-30', '2026-02-30'],
    ['/?from=2026-13-45', '2026-13-45'],
    ['/?to=1-2-3', '1-2-3'],
    ['/?from=0000-01-01', '0000-01-01']
  ])(
    '%s: a plain message names the value, no SQL, and the figures are the unfiltered ones',
    async (path, value) => {
      const page = await app.open(path);
      await waitForMetrics(page);
      const notice = await page.textContent('[data-link-problems]');
      expect(notice).toContain(value);
      const body = (await page.textContent('body')) ?? '';
      expect(body).not.toMatch(INTERNALS);
      expect(await page.$$('main [role="alert"] [data-error-details]')).toHaveLength(0);
      expect(await cardValues(page)).toEqual(clean);
      await page.close();
    },
    120_000
  );

  it('a start after the end is named, in English too, and left out', async () => {
    const page = await app.open('/?from=2026-05-10&to=2026-05-01');
    await waitForMetrics(page);
    if ((await page.getAttribute('html', 'lang')) !== 'en') await page.click('[data-lang-switch]');
    const notice = (await page.textContent('[data-link-problems]')) ?? '';
    expect(notice).toContain('start date 2026-05-10 is after end date 2026-05-01');
    // Left out: the start shows the data's first day, as an unset start does.
    const dataStart = await page.getAttribute('input[name="from"]', 'min');
    expect(dataStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.inputValue('input[name="from"]')).toBe(dataStart);
    expect(await page.inputValue('input[name="to"]')).toBe('2026-05-01');
    await page.close();
  }, 120_000);

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
