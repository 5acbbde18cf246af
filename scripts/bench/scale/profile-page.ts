/**
 * The page's queries on a filter change against a running `npm run serve`: which queries, in
 * what order, and how long each took at the server (request to response, as Chromium saw it).
 * Usage: profile-page.ts URL_WITH_TOKEN
 */
import { NAME_SHIM } from '../app-run';
import { launchChromium } from '../chromium';
import { timeFilterChange, type FilterAction } from '../page-probes';

const url = process.argv[2];
if (!url) throw new Error('usage: profile-page.ts URL_WITH_TOKEN');
const chrome = await launchChromium();
try {
  const page = await chrome.browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(NAME_SHIM);
  let log: Array<{ startMs: number; ms: number; sql: string }> = [];
  const sent = new Map<object, number>();
  page.on('request', (r) => {
    if (r.url().includes('/api/query')) sent.set(r, performance.now());
  });
  page.on('requestfinished', (r) => {
    const t0 = sent.get(r);
    if (t0 === undefined) return;
    const sql = String((JSON.parse(r.postData() ?? '{}') as { sql?: string }).sql ?? '');
    log.push({
      startMs: Math.round(t0),
      ms: Math.round(performance.now() - t0),
      sql: sql.replace(/\s+/g, ' ').slice(0, 140)
    });
  });
  const opened = performance.now();
  await page.goto(url);
  await page.waitForSelector('main:not([aria-busy="true"]) [data-metrics-ready="true"]', {
    timeout: 600_000
  });
  const first = performance.now() - opened;
  const report = (name: string, total: number) => {
    const base = Math.min(...log.map((l) => l.startMs));
    const rows = log.map((l) => ({ ...l, startMs: l.startMs - base }));
    process.stdout.write(
      `${JSON.stringify({ step: name, total_ms: Math.round(total), queries: rows.length, server_ms_sum: rows.reduce((s, l) => s + l.ms, 0), log: rows }, null, 1)}\n`
    );
    log = [];
  };
  report('first figures', first);
  const actions: FilterAction[] = [
    { kind: 'check', column: 'entry_channel', code: 'hotline' },
    { kind: 'reset' }
  ];
  for (const action of actions) {
    const ms = await page.evaluate(timeFilterChange, action);
    await page.waitForTimeout(500);
    report(`filter ${action.kind}`, ms);
  }
} finally {
  await chrome.close();
}
