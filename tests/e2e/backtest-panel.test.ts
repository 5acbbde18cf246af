import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './support/app';

const SHOTS = 'tests/e2e/screenshots';

describe('backtest panel', () => {
  let app: AppSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp();
  });
  afterAll(() => app.close());

  it(
    'shows the verdict per KPI, the model-error interval and the calibration chart',
    { timeout: 360_000 },
    async () => {
      const page = await app.open('/simulate');
      await page.waitForSelector('[data-backtest-ready="true"]', { timeout: 300_000 });
      for (const k of ['pickup_within_20s', 'abandon_rate', 'avg_wait_seconds']) {
        const row = page.locator(`[data-backtest-kpi="${k}"]`);
        expect(['true', 'false']).toContain(await row.getAttribute('data-within'));
      }
      expect(['within', 'outside']).toContain(
        await page.getAttribute('[data-backtest-verdict]', 'data-backtest-verdict')
      );
      await page.waitForSelector('[data-backtest] [data-echarts-ready="true"]');
      expect(await page.textContent('[data-cell-error]')).toMatch(/\d/);
      await page.evaluate(() => document.fonts.ready);
      await page.locator('[data-backtest]').screenshot({ path: `${SHOTS}/backtest-panel.png` });
      await page.close();
    }
  );
});
