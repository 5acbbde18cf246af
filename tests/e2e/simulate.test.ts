import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import { cliWhatIf } from '../../src/cli/what-if-run';
import { SIM_KPIS } from '../../src/lib/sim/scenarios/kpi-format';
import { loadHistory, type TicketRow } from '../../src/lib/sim/history/load-history';
import type { Scenario } from '../../src/lib/sim/scenarios/scenario';
import { startApp, type AppSession } from './support/app';

const SHOTS = 'tests/e2e/screenshots';
const PLUS_TWO = {
  name: '+2 agents',
  agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 2 }]
};

async function openSimulate(app: AppSession, query = ''): Promise<Page> {
  const page = await app.open(`/simulate${query}`);
  // Generous: the machine running the suite may be shared and loaded.
  await page.waitForSelector('[data-backtest-ready="true"]', { timeout: 300_000 });
  return page;
}

async function runOnPage(page: Page, scenario: Scenario, replications: number): Promise<void> {
  await page.fill('[data-scenario-json]', JSON.stringify(scenario));
  await page.click('[data-apply-json]');
  await page.fill('[data-replications]', String(replications));
  await page.fill('[data-seed]', '1');
  await page.click('[data-run]');
  await page.waitForSelector('[data-sim-ready="true"]', { timeout: 120_000 });
}

/** Every figure the results panel shows, as the numbers in its data attributes. */
async function shownFigures(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-sim-ready="true"] [data-sim-kpi], [data-sim-effect]', (els) => {
    const out: Record<string, number> = {};
    for (const el of els) {
      const kpi = el.getAttribute('data-sim-kpi');
      if (kpi) {
        out[`${kpi}.baseline`] = Number(el.getAttribute('data-baseline'));
        out[`${kpi}.scenario`] = Number(el.getAttribute('data-scenario'));
      } else
        out[`effect.${el.getAttribute('data-sim-effect')}`] = Number(el.getAttribute('data-value'));
    }
    return out;
  });
}

async function kpi(page: Page, id: string): Promise<{ baseline: number; scenario: number }> {
  const card = page.locator(`[data-sim-ready="true"] [data-sim-kpi="${id}"]`);
  return {
    baseline: Number(await card.getAttribute('data-baseline')),
    scenario: Number(await card.getAttribute('data-scenario'))
  };
}

describe('what-if page', { timeout: 420_000 }, () => {
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
    await page.waitForSelector('[data-sim-progress]:not([data-sim-progress="0"])', {
      timeout: 60_000
    });
    const clicked = Date.now();
    await page.click('[data-cancel]');
    await page.waitForSelector('[data-sim-cancelled]', { timeout: 10_000 });
    expect(Date.now() - clicked).toBeLessThan(5_000);
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

  describe('each scenario kind in the worker gives the CLI numbers (same seed, 3 replications)', () => {
    let rows: TicketRow[];
    beforeAll(async () => {
      const { db } = await loadForCli();
      try {
        rows = await loadHistory(db);
      } finally {
        await db.close();
      }
    });
    const kinds: [string, Scenario][] = [
      ['unified tracking', { name: 'tracking', unified_tracking: { awareness: 0.8 } }],
      ['confidence labelling', { name: 'labels', confidence_labelling: { threshold: 0.6 } }],
      [
        'night shift',
        { name: 'nights', night_shift: [{ region: 'europe', seats: 3, local_hours: '18-24' }] }
      ],
      [
        'enterprise API',
        { name: 'api', enterprise_api: { share: 0.5, handle_time_reduction: 0.2 } }
      ],
      [
        'agents delta',
        {
          name: 'agents',
          agents_delta: [{ queue: 'domestic', weekday: '1-5', hour: '9-18', delta: 2 }]
        }
      ],
      ['volume growth', { name: 'growth', volume_growth: 0.15 }]
    ];
    let page: Page;
    beforeAll(async () => {
      page = await openSimulate(app);
    }, 360_000);
    afterAll(() => page?.close());

    it.each(kinds)('%s', async (_, scenario) => {
      await runOnPage(page, scenario, 3);
      const shown = await shownFigures(page);
      const { report } = cliWhatIf(rows, scenario, { replications: 3, seed: 1 });
      const s = report.scenario!;
      const expected: Record<string, number> = {};
      for (const k of SIM_KPIS) {
        expected[`${k}.baseline`] = report.baseline.simulated.kpis[k].mean;
        expected[`${k}.scenario`] = s.simulated.kpis[k].mean;
      }
      for (const [k, v] of Object.entries(s.effects)) expected[`effect.${k}`] = v;
      for (const k of [
        'offhours_gap_rate',
        'overseas_first_response_minutes',
        'cross_border_resolution_rate'
      ] as const)
        if (s.nightShift) {
          expected[`${k}.baseline`] = s.nightShift[k].baseline;
          expected[`${k}.scenario`] = s.nightShift[k].scenario;
        }
      for (const k of [
        'containment',
        'duplicate_answer_rate',
        'misjudgment_reaching_users'
      ] as const)
        if (s.confidenceAt) {
          expected[`${k}.baseline`] = s.confidenceAt.baseline[k];
          expected[`${k}.scenario`] = s.confidenceAt.scenario[k];
        }
      for (const k of [
        'enterprise_resolve_minutes',
        'enterprise_speedup',
        'enterprise_sla_rate'
      ] as const)
        if (s.enterprise) {
          expected[`${k}.baseline`] = s.enterprise.observed[k];
          expected[`${k}.scenario`] = s.enterprise.scenario[k].mean;
        }
      expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) expect(shown[k], k).toBeCloseTo(v, 9);
    });
  });

  it('adds a row on the first click, states its agent-hours, and keeps results tied to their scenario', async () => {
    const page = await openSimulate(app);
    await page.fill('[data-scenario-json]', '{"name":"empty"}');
    await page.click('[data-apply-json]');
    expect(await page.locator('[data-agents-delta]').count()).toBe(0);
    await page.click('[data-add-delta]');
    expect(await page.locator('[data-agents-delta]').count()).toBe(1);
    await page.fill('[data-agents-delta="0"] [data-delta-value]', '2');
    await page.selectOption('[data-agents-delta="0"] [data-delta-queue]', '*');
    const scope = await page.textContent('[data-delta-scope="0"]');
    // The page opens in Chinese.
    expect(scope).toMatch(
      /^全部 8 个队列 × 每周 168 小时，每小时 \+2 名坐席 = 每周 \+2,688 坐席工时（\+\d+ %）$/
    );

    // Save before any run: refused with a message, nothing stored.
    await page.click('[data-save-scenario]');
    expect(await page.getAttribute('[data-save-note]', 'data-save-note')).toBe('error');
    expect(await page.locator('[data-saved-name]').count()).toBe(0);

    await page.fill('[data-replications]', '3');
    await page.click('[data-run]');
    await page.waitForSelector('[data-sim-ready="true"]', { timeout: 120_000 });
    // Any change to the scenario marks the results stale, and Save refuses them.
    await page.fill('[data-scenario-name]', 'renamed');
    await page.waitForSelector('[data-sim-stale="true"]');
    expect(await page.locator('[data-sim-ready="true"]').count()).toBe(0);
    await page.click('[data-save-scenario]');
    expect(await page.getAttribute('[data-save-note]', 'data-save-note')).toBe('error');
    expect(await page.locator('[data-saved-name]').count()).toBe(0);
    // Run again: saved under its name with its results.
    await page.click('[data-run]');
    await page.waitForSelector('[data-sim-ready="true"]', { timeout: 120_000 });
    await page.click('[data-save-scenario]');
    expect(await page.getAttribute('[data-save-note]', 'data-save-note')).toBe('saved');
    await page.waitForSelector('[data-saved-name="renamed"]');
    expect(await page.locator('[data-saved-scenarios] .hint').count()).toBe(0);
    await page.close();
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
