import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppSession } from './support/app';

const SHOTS = 'tests/e2e/screenshots';
const PLUS_TWO = {
  name: '+2 agents',
  agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 2 }]
};

async function openSimulate(app: AppSession, query = ''): Promise<Page> {
  const page = await app.open(`/simulate${query}`);
  await page.waitForSelector('[data-backtest-ready="true"]', { timeout: 120_000 });
  return page;
}

async function kpi(page: Page, id: string): Promise<{ baseline: number; scenario: number }> {
  const card = page.locator(`[data-sim-ready="true"] [data-sim-kpi="${id}"]`);
  return {
    baseline: Number(await card.getAttribute('data-baseline')),
    scenario: Number(await card.getAttribute('data-scenario'))
  };
}

describe('what-if page', () => {
  let app: AppSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp();
  });
  afterAll(() => app.close());

  it('shows the backtest, runs +2 agents with progress, and the scenario picks up more', async () => {
    const page = await openSimulate(app);
    for (const k of ['pickup_within_20s', 'avg_wait_seconds', 'abandon_rate']) {
      const row = page.locator(`[data-backtest-kpi="${k}"]`);
      expect(Number(await row.getAttribute('data-observed'))).toBeGreaterThan(0);
      expect(Number(await row.getAttribute('data-simulated'))).toBeGreaterThan(0);
    }
    expect(await page.textContent('[data-staffing-method]')).toBeTruthy();
    expect(await page.locator('[data-sim-ready="true"]').count()).toBe(0);

    await page.fill('[data-scenario-json]', JSON.stringify(PLUS_TWO));
    await page.click('[data-apply-json]');
    await page.fill('[data-replications]', '60');
    await page.click('[data-run]');
    const bar = await page.waitForSelector('[role="progressbar"]');
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
    await page.waitForSelector('[data-sim-ready="true"]', { timeout: 120_000 });
    const pickup = await kpi(page, 'pickup_within_20s');
    expect(pickup.baseline).toBeLessThan(pickup.scenario);
    const hours = await kpi(page, 'agent_hours');
    expect(hours.scenario).toBeGreaterThan(hours.baseline);
    await page.waitForSelector('[data-sim-results] [data-echarts-ready="true"]');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${SHOTS}/simulate.png`, fullPage: true });
    await page.close();
  });

  it('cancel stops a long run and keeps the page usable', async () => {
    const page = await openSimulate(app);
    await page.fill('[data-replications]', '2000');
    await page.click('[data-run]');
    await page.waitForSelector('[role="progressbar"]');
    await page.click('[data-cancel]');
    await page.waitForSelector('[data-sim-cancelled]', { timeout: 10_000 });
    expect(await page.locator('[role="progressbar"]').count()).toBe(0);
    expect(await page.locator('[data-sim-ready="true"]').count()).toBe(0);
    await page.fill('[data-replications]', '5');
    await page.click('[data-run]');
    await page.waitForSelector('[data-sim-ready="true"]', { timeout: 120_000 });
    await page.close();
  });

  it('a shared link restores the scenario', async () => {
    const page = await openSimulate(app);
    const night = {
      name: 'EU nights',
      night_shift: [{ region: 'europe', seats: 3, local_hours: '0-8' }]
    };
    await page.fill('[data-scenario-json]', JSON.stringify(night));
    await page.click('[data-apply-json]');
    await page.click('[data-share]');
    const link = await page.inputValue('[data-share-link]');
    expect(new URL(link).searchParams.get('scenario')).toBeTruthy();

    const restored = await openSimulate(app, new URL(link).search);
    await restored.waitForSelector('[data-link-note]');
    expect(await restored.inputValue('[data-scenario-name]')).toBe('EU nights');
    expect(JSON.parse(await restored.inputValue('[data-scenario-json]'))).toEqual(night);
    await Promise.all([page.close(), restored.close()]);
  });

  it('names the field of a bad scenario and the line and field of a bad staffing file', async () => {
    const page = await openSimulate(app);
    await page.fill('[data-scenario-json]', '{"volume_growth": 50}');
    await page.click('[data-apply-json]');
    expect(await page.textContent('[data-scenario-error]')).toContain('volume_growth');
    await page.setInputFiles('[data-upload-staffing]', {
      name: 'staffing.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('queue,weekday,hour,agents\n*,*,*,3\ndomestic,1-5,9-25,4\n')
    });
    const error = await page.textContent('[data-staffing-error]');
    expect(error).toContain('3');
    expect(error).toMatch(/hour/);
    await page.close();
  });

  it('Erlang C calculator: 100 calls / 30 min, AHT 180 s, 14 agents, 20 s → SL 0.8884', async () => {
    const page = await app.open('/simulate');
    await page.fill('[data-erlang-input="calls"]', '100');
    await page.fill('[data-erlang-input="interval"]', '30');
    await page.fill('[data-erlang-input="aht"]', '180');
    await page.fill('[data-erlang-input="agents"]', '14');
    await page.fill('[data-erlang-input="threshold"]', '20');
    await page.waitForSelector('[data-erlang-c-sl="0.8884"]');
    expect(await page.textContent('[data-erlang-c-sl]')).toBe('0.8884');
    await page.fill('[data-erlang-input="target"]', '80');
    expect(Number(await page.getAttribute('[data-erlang-c-agents]', 'data-erlang-c-agents'))).toBe(
      14
    );
    await page.close();
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
