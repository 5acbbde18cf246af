import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_METRICS } from '../../src/lib/metrics/catalogue/headline';
import { SERVICE_METRICS } from '../../src/lib/metrics/catalogue/service';
import { cardValues, startApp, waitForMetrics, type AppSession } from './support/app';

const SHOTS = 'tests/e2e/screenshots';

function cliMetrics(file?: string): Record<string, number | null> {
  const args = ['tsx', 'src/cli/kpi.ts', ...(file ? [file] : []), '--json'];
  const output = execFileSync('npx', args, { encoding: 'utf8' });
  return JSON.parse(output).metrics;
}

describe('overview page', () => {
  let app: AppSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await startApp();
  });
  afterAll(() => app.close());

  it('opens on the default dataset with the same headline figures as the CLI', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    const shown = await cardValues(page);
    const cli = cliMetrics();
    for (const metric of [...SERVICE_METRICS, ...HEADLINE_METRICS]) {
      const expected = cli[metric.id];
      if (expected === null) expect(shown[metric.id], metric.id).toBeNull();
      else expect(shown[metric.id], metric.id).toBeCloseTo(expected as number, 9);
    }
    await page.evaluate(() => document.fonts.ready);
    await page.waitForSelector('[data-echarts-ready="true"]');
    await page.screenshot({ path: `${SHOTS}/overview-default.png`, fullPage: true });
    const rows = await page.getAttribute('[data-rows-total]', 'data-rows-total');
    expect(Number(rows)).toBeGreaterThanOrEqual(100_000);
  });

  it('leads with the service basics, above the seed headline figures', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    const order = await page.$$eval('section h2', (hs) => hs.map((h) => h.id));
    expect(order.slice(0, 2)).toEqual(['service-title', 'headline-title']);
    const serviceCards = await page.$$eval('section.service [data-metric]', (cards) =>
      cards.map((c) => c.getAttribute('data-metric'))
    );
    expect(serviceCards).toEqual(SERVICE_METRICS.map((m) => m.id));
    // durations read as durations, not raw minutes (the page opens in Chinese)
    const resolveP90 = await page.textContent('[data-metric="resolve_minutes_p90"] .value');
    expect(resolveP90?.trim()).toMatch(/^[\d.]+ (天|小时|分钟|秒)( \d+ 分钟)?$/);
  });

  it('a file with only created_at and resolved_at still gets service basics', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    await page.setInputFiles('input[type=file]', {
      name: 'minimal.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'ticket_id,created_at,entry_channel,resolved_at',
          'm1,2026-03-02 10:00:00,hotline,2026-03-02 10:30:00',
          'm2,2026-03-02 10:00:00,hotline,2026-03-02 11:30:00',
          'm3,2026-03-02 10:00:00,hotline,',
          'm4,2026-03-02 10:00:00,hotline,2026-03-02 20:00:00'
        ].join('\n') + '\n'
      )
    });
    await page.waitForSelector('[data-rows-total="4"]');
    await waitForMetrics(page);
    const shown = await cardValues(page);
    // resolved 30, 90, 600 min ; m3 open
    expect(shown.tickets).toBe(4);
    expect(shown.open_tickets).toBe(1);
    expect(shown.resolve_minutes_median).toBeCloseTo(90, 9);
    expect(shown.resolve_minutes_p90).toBeCloseTo(90 + 0.8 * 510, 9);
    expect(shown.csat_mean).toBeNull();
    const reason = await page.textContent(
      '[data-metric="first_response_minutes_median"] [data-reason]'
    );
    expect(reason).toMatch(/needs column first_response_at|需要列 first_response_at/);
    const seedReason = await page.textContent('[data-metric="self_service_rate"] [data-reason]');
    expect(seedReason).toMatch(/resolved_by/);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${SHOTS}/overview-minimal.png`, fullPage: true });
  });

  it('recomputes the cards for an uploaded file (hand-computed values)', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    await page.setInputFiles('input[type=file]', {
      name: 'e2e-upload.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('tests/fixtures/e2e-upload.csv')
    });
    await page.waitForSelector('[data-rows-total="10"]');
    await waitForMetrics(page);
    const shown = await cardValues(page);
    // See tests/fixtures/e2e-upload.csv: routine non-open u1,u2,u3,u6,u7,u8,u9; self-served on mobile: u1.
    expect(shown.self_service_rate).toBeCloseTo(1 / 7, 9);
    // fund-safety: u4 (flag), u5 (derived from unauthorized_payment); hotline: u4.
    expect(shown.fund_safety_hotline_share).toBeCloseTo(1 / 2, 9);
    // human requests u2 (10 s), u4 (30 s), u6 (abandoned), u8 (20 s): 2 of 4 within 20 s.
    expect(shown.pickup_within_20s).toBeCloseTo(2 / 4, 9);
    expect(shown.pickup_within_20s_excl_abandoned).toBeCloseTo(2 / 3, 9);
    // cross-border u6 resolved, u7 unresolved.
    expect(shown.cross_border_resolution_rate).toBeCloseTo(1 / 2, 9);
    // domestic non-open: u1 u2 u3 u4 u8 u9 resolved, u5 unresolved.
    expect(shown.domestic_resolution_rate).toBeCloseTo(6 / 7, 9);
    expect(shown.resolution_gap_pp).toBeCloseTo((6 / 7 - 1 / 2) * 100, 9);
    // enterprise minutes 10, 20 → median 15; individual 10, 20, 30, 60, 120 → 30.
    expect(shown.enterprise_speedup).toBeCloseTo(1 - 15 / 30, 9);
    // means: 15 vs 48.
    expect(shown.enterprise_speedup_mean).toBeCloseTo(1 - 15 / 48, 9);
    expect(shown.enterprise_speedup_mix_adjusted).toBeNull();
    await page.screenshot({ path: `${SHOTS}/overview-upload.png`, fullPage: true });
  });

  it('reports rejected rows and offers them for download', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    await page.setInputFiles('input[type=file]', 'tests/fixtures/tiny.csv');
    await page.waitForSelector(
      '[data-rows-total="8"][data-rows-accepted="3"][data-rows-rejected="5"]'
    );
    await page.click('details.rejected summary');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download-rejected]')
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trim().split(/\r\n/);
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain('unknown customer_type');
  });

  it('explains a file that lacks a required column', async () => {
    const page = await app.open('/');
    await waitForMetrics(page);
    await page.setInputFiles('input[type=file]', {
      name: 'no-created.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('ticket_id,creatd_at,entry_channel\nx1,2026-03-01 10:00:00,hotline\n')
    });
    const message = await page.textContent('[data-load-error]', { timeout: 30_000 });
    expect(message).toContain('created_at');
    expect(message).toContain('"creatd_at"');
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
