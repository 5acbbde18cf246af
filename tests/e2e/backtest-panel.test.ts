import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import { cliWhatIf } from '../../src/cli/what-if-run';
import { loadHistory } from '../../src/lib/sim/history/load-history';
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

  it(
    'offers the out-of-sample split and judges at the scenario threshold, as the CLI does',
    { timeout: 600_000 },
    async () => {
      const { db } = await loadForCli();
      const rows = await loadHistory(db);
      await db.close();
      const page = await app.open('/simulate');
      await page.waitForSelector('[data-backtest-ready="true"]', { timeout: 300_000 });
      // blank: the later half is held out on the day the CLI picks without --fit-until
      const auto = cliWhatIf(rows, undefined, { replications: 1, seed: 1 });
      expect(auto.holdout).toBe('automatic');
      await page.waitForSelector(
        `[data-out-of-sample][data-fit-until-day="${auto.report.backtest!.fitUntil}"]`,
        { timeout: 300_000 }
      );
      expect(await page.getAttribute('[data-backtest-verdict]', 'data-verdict-source')).toBe(
        'out_of_sample'
      );
      await page.fill('[data-fit-until]', '2026-04-16');
      await page.waitForSelector('[data-out-of-sample][data-fit-until-day="2026-04-16"]', {
        timeout: 300_000
      });
      const cli = cliWhatIf(rows, undefined, { replications: 20, seed: 1, fitUntil: '2026-04-16' });
      for (const [k, c] of Object.entries(cli.report.backtest!.outOfSample!.kpis)) {
        const row = page.locator(`[data-oos-kpi="${k}"]`);
        expect(Number(await row.getAttribute('data-observed')), k).toBeCloseTo(c.observed, 9);
        expect(Number(await row.getAttribute('data-simulated')), k).toBeCloseTo(
          c.simulated.mean,
          9
        );
      }
      await page.fill('[data-fit-until]', '');
      await page.fill('[data-scenario-json]', JSON.stringify({ service_level_seconds: 60 }));
      await page.click('[data-apply-json]');
      const at60 = cliWhatIf(rows, { service_level_seconds: 60 }, { replications: 1, seed: 1 });
      const observed = at60.report.baseline.observed.pickup_within_20s;
      await page.waitForFunction(
        (want) =>
          Math.abs(
            Number(
              document
                .querySelector(
                  '[data-backtest-ready="true"] [data-backtest-kpi="pickup_within_20s"]'
                )
                ?.getAttribute('data-observed')
            ) - want
          ) < 1e-9,
        observed,
        { timeout: 300_000 }
      );
      // the scenario's threshold, and the default split again once the day is cleared
      await page.waitForSelector(
        `[data-out-of-sample][data-fit-until-day="${auto.report.backtest!.fitUntil}"]`,
        { timeout: 300_000 }
      );
      await page.close();
    }
  );
});
