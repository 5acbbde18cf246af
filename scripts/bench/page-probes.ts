/**
 * Functions that run inside the app's page (passed to page.evaluate): they time, with
 * performance.now(), from a user action until every visible figure is current again.
 * They must stay self-contained: Playwright serialises them.
 */

export type FilterAction =
  | { kind: 'check'; column: string; code: string }
  | { kind: 'date'; name: 'from' | 'to'; plusDays: number | null }
  | { kind: 'reset' };

/** Performs a filter change and resolves with the ms until the figures went stale and are ready again. */
export function timeFilterChange(action: FilterAction): Promise<number> {
  // A grid that says `data-settled` (the overview's: figures, trends and comparison) must say "true".
  const ready = (): boolean => {
    const main = document.querySelector('main');
    const grid = document.querySelector('[data-metric]')?.closest('.grid-cards');
    const grids = [...document.querySelectorAll('.grid-cards[data-settled]')];
    const charts = [...document.querySelectorAll('.chart .canvas')];
    return (
      main?.getAttribute('aria-busy') !== 'true' &&
      grid?.getAttribute('data-metrics-ready') === 'true' &&
      grids.every((g) => g.getAttribute('data-settled') === 'true') &&
      charts.every((c) => c.getAttribute('data-echarts-ready') === 'true')
    );
  };
  // `data-for` (the URL query the overview's cards show): a remembered state may never go stale.
  const shownFor = () => document.querySelector('.grid-cards[data-for]')?.getAttribute('data-for');
  const before = shownFor();
  return new Promise<number>((resolve, reject) => {
    let sawStale = false;
    const check = () => {
      if (!sawStale && !ready()) sawStale = true;
      const moved = before === undefined || before === null ? sawStale : shownFor() !== before;
      if (moved && ready()) {
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { attributes: true, subtree: true, childList: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`figures not ready 60 s after ${JSON.stringify(action)}`));
    }, 60_000);
    const started = performance.now();
    if (action.kind === 'check') {
      const box = document.querySelector<HTMLInputElement>(
        `[data-filter="${action.column}"] input[value="${action.code}"]`
      );
      if (!box) throw new Error(`no checkbox ${action.column}=${action.code}`);
      box.click();
    } else if (action.kind === 'date') {
      const input = document.querySelector<HTMLInputElement>(`input[name="${action.name}"]`);
      if (!input) throw new Error(`no date input ${action.name}`);
      const min = input.min;
      input.value =
        action.plusDays === null
          ? ''
          : new Date(Date.parse(`${min}T00:00:00Z`) + action.plusDays * 86_400_000)
              .toISOString()
              .slice(0, 10);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      const reset = document.querySelector<HTMLButtonElement>(
        'form.filters > button[type="button"]'
      );
      if (!reset) throw new Error('no reset button');
      reset.click();
    }
    queueMicrotask(check);
  });
}

/** Installs a listener that stamps the upload's start (the file input's change event). */
export function stampUploadStart(): void {
  const w = window as unknown as { __uploadStarted?: number };
  document.addEventListener(
    'change',
    (e) => {
      if ((e.target as HTMLInputElement | null)?.type === 'file')
        w.__uploadStarted = performance.now();
    },
    { capture: true, once: true }
  );
}

/** Resolves with ms from the upload's change event until `rows` rows show and the figures are ready. */
export function waitUploaded(rows: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const w = window as unknown as { __uploadStarted?: number };
    const done = () => {
      const total = document.querySelector('[data-rows-total]')?.getAttribute('data-rows-total');
      const main = document.querySelector('main');
      const grid = document.querySelector('[data-metric]')?.closest('.grid-cards');
      const grids = [...document.querySelectorAll('.grid-cards[data-settled]')];
      const charts = [...document.querySelectorAll('.chart .canvas')];
      const error = document.querySelector('[data-load-error]');
      if (error) {
        observer.disconnect();
        reject(new Error(`the app refused the upload: ${error.textContent?.trim()}`));
        return;
      }
      if (
        w.__uploadStarted !== undefined &&
        total === String(rows) &&
        main?.getAttribute('aria-busy') !== 'true' &&
        grid?.getAttribute('data-metrics-ready') === 'true' &&
        grids.every((g) => g.getAttribute('data-settled') === 'true') &&
        charts.every((c) => c.getAttribute('data-echarts-ready') === 'true')
      ) {
        observer.disconnect();
        const started = w.__uploadStarted;
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, { attributes: true, subtree: true, childList: true });
    done();
  });
}

/**
 * Resolves, in a page just (re)loaded, with ms since navigation until `rows` rows show and the
 * figures are ready; with -1 when the page settles on another dataset (nothing was kept).
 */
export function waitReloaded(rows: number): Promise<number> {
  return new Promise<number>((resolve) => {
    const done = () => {
      const total = document.querySelector('[data-rows-total]')?.getAttribute('data-rows-total');
      const main = document.querySelector('main');
      const grid = document.querySelector('[data-metric]')?.closest('[data-metrics-ready]');
      if (total === undefined || total === null || main?.getAttribute('aria-busy') === 'true')
        return;
      if (total !== String(rows)) {
        observer.disconnect();
        resolve(-1);
      } else if (grid?.getAttribute('data-metrics-ready') === 'true') {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, { attributes: true, subtree: true, childList: true });
    done();
  });
}

/** When the page reached each step of its first load (ms since navigation start). */
export interface FirstLoadPhases {
  /** The engine is up and the file read: the loader starts (LoadStatus shows the file step). */
  loader_started_ms: number | null;
  /** The load report is on the page (`[data-rows-total]`). */
  rows_shown_ms: number | null;
  /** A figure card shows a value (build-time or live). */
  first_kpi_ms: number | null;
  /** A figure card shows a value computed by the engine in this page (not a build-time one). */
  first_live_kpi_ms: number | null;
}

/** Installed before navigation: stamps the steps of the first load and the first KPI value. */
export function stampFirstKpi(): void {
  const w = window as unknown as { __phases?: FirstLoadPhases };
  const phases: FirstLoadPhases = {
    loader_started_ms: null,
    rows_shown_ms: null,
    first_kpi_ms: null,
    first_live_kpi_ms: null
  };
  w.__phases = phases;
  const observer = new MutationObserver(() => {
    const now = performance.now();
    const loading = document.querySelector('[data-loading]')?.textContent ?? '';
    if (phases.loader_started_ms === null && loading.includes('.csv'))
      phases.loader_started_ms = now;
    if (phases.rows_shown_ms === null && document.querySelector('[data-rows-total]'))
      phases.rows_shown_ms = now;
    const cards = [...document.querySelectorAll('[data-metric]')].filter(
      (c) => (c.getAttribute('data-value') ?? '') !== ''
    );
    if (cards.length === 0) return;
    phases.first_kpi_ms ??= now;
    const live =
      document.querySelector('[data-precomputed]') === null &&
      document.querySelector('main')?.getAttribute('aria-busy') !== 'true' &&
      cards.some((c) => c.closest('[data-metrics-ready="true"]') !== null);
    if (live) {
      phases.first_live_kpi_ms = now;
      observer.disconnect();
    }
  });
  observer.observe(document, {
    attributes: true,
    subtree: true,
    childList: true,
    characterData: true
  });
}
