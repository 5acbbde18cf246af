import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, startApp, waitForMetrics, type AppSession } from './support/app';
import { NAV_PAGES } from '../../src/lib/pages';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const SQL = "'; DROP TABLE tickets; --";
const FORMULA = '=HYPERLINK("http://evil.example","x")';
const PAYLOADS = [IMG, SCRIPT, SVG, SQL, FORMULA];

function field(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A canonical ticket log whose text fields and one header name carry script and SQL payloads. */
function hostileCsv(): { csv: string; rows: number; rejected: number } {
  const header = [
    'ticket_id',
    'user_id',
    'created_at',
    'entry_channel',
    'handling_channel',
    'platform',
    'customer_type',
    'region',
    'language',
    'issue_type',
    'ai_intent',
    'true_intent',
    'agent_id',
    'human_requested_at',
    'agent_answered_at',
    'status',
    'resolved_at',
    'resolved_by',
    IMG
  ];
  const channels = ['hotline', 'mini_program', 'help_feedback', 'enterprise_line'];
  const platforms = ['ios', 'android', 'web', 'phone'];
  const lines = [header.map(field).join(',')];
  const n = 40;
  for (let i = 0; i < n; i++) {
    const p = (k: number) => PAYLOADS[(i + k) % PAYLOADS.length]!;
    const day = String(1 + (i % 6)).padStart(2, '0');
    const hour = String(8 + (i % 10)).padStart(2, '0');
    const human = i % 3 === 0;
    lines.push(
      [
        `${p(0)}#${i}`,
        `user-${i}`,
        `2026-03-${day} ${hour}:00:00`,
        // Channels are an open vocabulary: a payload there is kept and drawn as a chart label.
        i % 9 === 8 ? p(2) : channels[i % 4]!,
        human ? 'hotline' : '',
        platforms[i % 4]!,
        i % 5 === 0 ? 'enterprise' : 'individual',
        i % 7 === 0 ? 'europe' : 'domestic',
        p(1),
        p(2),
        p(3),
        p(4),
        human ? p(0) : '',
        human ? `2026-03-${day} ${hour}:01:00` : '',
        human ? `2026-03-${day} ${hour}:01:30` : '',
        i % 4 === 3 ? 'unresolved' : 'resolved',
        i % 4 === 3 ? '' : `2026-03-${day} ${hour}:30:00`,
        i % 4 === 3 ? '' : human ? 'agent' : 'bot',
        p(1)
      ]
        .map(field)
        .join(',')
    );
  }
  // two rows whose closed-enum values are payloads (open ones like channels are kept in v2):
  // rejected, and their reasons quote the values
  lines.push(
    [
      `bad-1`,
      'u',
      '2026-03-02 10:00:00',
      'hotline',
      '',
      'ios',
      IMG,
      'domestic',
      'zh',
      '',
      '',
      '',
      '',
      '',
      '',
      'resolved',
      '',
      '',
      ''
    ]
      .map(field)
      .join(',')
  );
  lines.push(
    [
      `bad-2`,
      'u',
      '2026-03-02 10:00:00',
      'hotline',
      '',
      'ios',
      'individual',
      SVG,
      'zh',
      '',
      '',
      '',
      '',
      '',
      '',
      'resolved',
      '',
      '',
      ''
    ]
      .map(field)
      .join(',')
  );
  return { csv: lines.join('\r\n') + '\r\n', rows: n + 2, rejected: 2 };
}

/** The NAV hrefs of the root layout, as the app lists them. */
function navPaths(): string[] {
  return NAV_PAGES.map((p) => p.href);
}

const ALLOWED_SOURCES: Record<string, RegExp> = {
  'script-src': /^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+')$/,
  'style-src': /^('self'|'unsafe-inline')$/,
  'object-src': /^'none'$/
};

function parseCsp(content: string): Map<string, string[]> {
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources])
  );
}

async function assertNoScriptRan(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    handlers: document.querySelectorAll('[onerror],[onload]').length,
    svgs: [...document.querySelectorAll('svg')].filter(
      (s) => s.closest('[data-echarts-ready]') === null && s.getAttribute('onload') !== null
    ).length
  }));
  expect(state, where).toEqual({ xss: undefined, handlers: 0, svgs: 0 });
}

async function hoverCharts(page: Page): Promise<number> {
  await page
    .waitForFunction(() => !document.querySelector('figure[aria-busy="true"]'), undefined, {
      timeout: 60_000
    })
    .catch(() => undefined);
  const charts = await page.$$('[data-echarts-ready="true"]');
  for (const chart of charts) {
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) continue;
    for (const fx of [0.2, 0.35, 0.5, 0.65, 0.8]) {
      for (const fy of [0.3, 0.6, 0.85]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        await page.waitForTimeout(40);
      }
    }
  }
  return charts.length;
}

describe('hostile input in the browser', () => {
  let app: AppSession;
  let page: Page;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  const reloads: string[] = [];
  const hostile = hostileCsv();

  beforeAll(async () => {
    mkdirSync('tests/e2e/screenshots', { recursive: true });
    app = await startApp();
    page = await app.open('/');
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    await waitForMetrics(page);
    page.on('load', () => reloads.push(page.url()));
  });
  afterAll(() => app.close());

  it('the built app carries a CSP that allows only its own origin (plus data:/blob:)', async () => {
    const html = readFileSync(join(BUILD_DIR, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    const live = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(live).toBe(meta);
    const csp = parseCsp(meta!);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      const allowed = ALLOWED_SOURCES[name] ?? /^('self'|data:|blob:)$/;
      for (const source of sources) expect(source, `${name} ${source}`).toMatch(allowed);
    }
  });

  it('loads a file full of payloads as data', async () => {
    await page.setInputFiles('input[type=file]', {
      name: `${IMG}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(hostile.csv)
    });
    await page.waitForSelector(
      `[data-rows-total="${hostile.rows}"][data-rows-rejected="${hostile.rejected}"]`,
      { timeout: 60_000 }
    );
    await waitForMetrics(page);
    await assertNoScriptRan(page, 'after upload');
  });

  it('every page renders the payloads as text, tooltips and drill-downs included', async () => {
    const paths = navPaths();
    expect(paths).toContain('/data');
    let hovered = 0;
    for (const path of paths) {
      await page.click(`nav a[href^="${path}?"], nav a[href="${path}"]`);
      await page.waitForURL((url) => url.pathname === path);
      await page.waitForSelector('main:not([aria-busy="true"])');
      hovered += await hoverCharts(page);
      await assertNoScriptRan(page, `${path} after hovering`);
      expect(reloads, `${path} hover`).toEqual([]);
      const drill = await page.$('[data-drill-card]');
      if (drill) {
        await drill.click();
        await page.waitForSelector('[data-drill-ready="true"]', { timeout: 30_000 });
        const rows = await page.$$eval('[data-drill-ready] tbody tr', (trs) => trs.length);
        const total = Number(await page.getAttribute('[data-drill-total]', 'data-drill-total'));
        expect(rows, `${path} drill rows`).toBe(Math.min(total, rows));
        await assertNoScriptRan(page, `${path} drill-down`);
        await page.click('[data-drill-close]');
        expect(reloads, `${path} drill`).toEqual([]);
      }
      const shot = path === '/' ? 'overview' : path.slice(1).replaceAll('/', '-');
      await page.screenshot({ path: `tests/e2e/screenshots/hostile-${shot}.png`, fullPage: true });
    }
    expect(hovered).toBeGreaterThan(0);
  });

  it('a payload kept in an open column (a channel code) is a chart label, as text', async () => {
    await page.click('nav a[href^="/channels"]');
    await page.waitForURL((url) => url.pathname === '/channels');
    await page.waitForSelector('main:not([aria-busy="true"]) [data-echarts-ready="true"]');
    const cells = await page.$$eval('.table-alt td', (tds) =>
      tds.map((td) => td.textContent ?? '')
    );
    expect(cells).toContain(IMG);
    expect(cells).toContain(SVG);
    await hoverCharts(page);
    await assertNoScriptRan(page, '/channels with payload channel codes');
  });

  it('the data page shows payload values and header names as literal text', async () => {
    await page.click('nav a[href^="/data"]');
    await page.waitForSelector('[data-load-report]');
    const report = await page.textContent('[data-report-name]');
    expect(report).toContain(IMG);
    const rejected = await page.textContent('[data-rejected-rows]');
    expect(rejected).toContain(IMG);
    expect(rejected).toContain('customer_type 的代码未知');
    const options = await page.$$eval('[data-source-select="ticket_id"] option', (os) =>
      os.map((o) => o.textContent ?? '')
    );
    expect(options.some((o) => o.includes(IMG))).toBe(true);
    await assertNoScriptRan(page, '/data');
  });

  it('the tables still answer after SQL metacharacters went through them', async () => {
    await page.click('nav a[href^="/"]:first-child');
    await waitForMetrics(page);
    const accepted = await page.getAttribute('[data-rows-accepted]', 'data-rows-accepted');
    expect(Number(accepted)).toBe(hostile.rows - hostile.rejected);
  });

  it('no script ran, no dialog opened, no CSP violation, no request left 127.0.0.1', async () => {
    await assertNoScriptRan(page, 'end');
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});

describe('broken files in the browser end with a message and keep the data', () => {
  let app: AppSession;
  let page: Page;
  let total: string | null;

  beforeAll(async () => {
    app = await startApp();
    page = await app.open('/');
    await waitForMetrics(page);
    total = await page.getAttribute('[data-rows-total]', 'data-rows-total');
  });
  afterAll(() => app.close());

  async function upload(name: string, buffer: Buffer): Promise<string> {
    await page.setInputFiles('input[type=file]', { name, mimeType: 'text/csv', buffer });
    const message = (await page.textContent('[data-load-error]', { timeout: 30_000 })) ?? '';
    expect(await page.getAttribute('[data-rows-total]', 'data-rows-total')).toBe(total);
    return message;
  }

  it('a ZIP renamed .csv', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await upload('book.csv', zip)).toContain('ZIP');
  });

  it('an empty file', async () => {
    expect(await upload('empty.csv', Buffer.alloc(0))).toMatch(/empty/i);
  });

  it('a file lacking created_at names the column', async () => {
    const message = await upload(
      'no-created.csv',
      Buffer.from('ticket_id,entry_channel\na,hotline\n')
    );
    expect(message).toContain('created_at');
  });

  it('a file over the size limit is refused before it is read, with its size and the limit', async () => {
    const small = await app.browser.newPage();
    await small.addInitScript(() =>
      Object.defineProperty(navigator, 'deviceMemory', { value: 0.25 })
    );
    await small.goto(`${app.url}/`);
    await waitForMetrics(small);
    const path = join(tmpdir(), 'too-big.csv');
    writeFileSync(path, Buffer.alloc(65 * 1024 * 1024, 0x61));
    await small.setInputFiles('input[type=file]', path);
    const message = (await small.textContent('[data-load-error]', { timeout: 30_000 })) ?? '';
    expect(message).toContain('65 MiB');
    expect(message).toContain('up to 64 MiB');
    await small.close();
  });

  it('made no request beyond the app itself', () => {
    expect(app.foreignRequests).toEqual([]);
  });
});
