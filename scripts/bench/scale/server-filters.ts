import { NAME_SHIM } from '../app-run';
import { launchChromium } from '../chromium';
import { median, round } from '../log';
import { startNativeServer } from '../native-server';
import { timeFilterChange, type FilterAction } from '../page-probes';

const ACTIONS: FilterAction[] = [
  { kind: 'check', column: 'entry_channel', code: 'hotline' },
  { kind: 'check', column: 'region', code: 'southeast_asia' },
  { kind: 'date', name: 'from', plusDays: 10 },
  { kind: 'reset' },
  { kind: 'check', column: 'entry_channel', code: 'mini_program' },
  { kind: 'reset' }
];

export interface ServerRun {
  /** Until the server printed its URL (reusing a kept database: no load; in place: the checks). */
  start_ms: number;
  /** From opening the URL until every overview figure was shown. */
  first_figures_ms: number;
  filter_ms: number[];
  filter_ms_median: number;
  /** Overview card values, for the comparison with the CLI. */
  cards: Record<string, number | null>;
  foreign_requests: string[];
}

/**
 * The dashboard on `npm run serve`, over the kept database or (`dbPath` null) the files in
 * place: first figures and filter changes.
 */
export async function runServer(
  glob: string,
  dbPath: string | null,
  build: string
): Promise<ServerRun> {
  const started = performance.now();
  const kept = dbPath ? ['--db', dbPath] : [];
  const server = await startNativeServer(['--data', glob, ...kept, '--build', build]);
  const start_ms = performance.now() - started;
  const chrome = await launchChromium();
  try {
    const page = await chrome.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.addInitScript(NAME_SHIM);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(`${server.origin}/`) && !/^(data|blob):/.test(r.url()))
        foreign.push(r.url());
    });
    const opened = performance.now();
    await page.goto(server.url);
    await page.waitForSelector('main:not([aria-busy="true"]) [data-metrics-ready="true"]', {
      timeout: 600_000
    });
    const first_figures_ms = performance.now() - opened;
    const cards = await page.$$eval('[data-metric]', (els) =>
      Object.fromEntries(
        els.map((el) => {
          const raw = el.getAttribute('data-value') ?? '';
          return [el.getAttribute('data-metric') ?? '', raw === '' ? null : Number(raw)];
        })
      )
    );
    const filter_ms: number[] = [];
    for (const action of ACTIONS) filter_ms.push(await page.evaluate(timeFilterChange, action));
    return {
      start_ms: round(start_ms),
      first_figures_ms: round(first_figures_ms),
      filter_ms: filter_ms.map(round),
      filter_ms_median: round(median(filter_ms)),
      cards,
      foreign_requests: foreign
    };
  } finally {
    await chrome.close();
    await server.stop();
  }
}
