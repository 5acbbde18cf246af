import { page } from '$app/state';
import type { BundledFigures } from '../bundled/bundled-figures';
import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';
import type { Filters } from '../metrics/filters';
import { dataset } from './dataset.svelte';
import { precomputedFigures } from './precomputed.svelte';
import { filtersFromParams } from './url-filters';

export interface QueryContext {
  db: Db;
  filters: Filters;
  report: LoadReport;
}

export interface QueryOptions<T> {
  /** The answer from the build-time figures, shown until the engine has the bundled data loaded. */
  precomputed?: (figures: BundledFigures) => T;
}

/**
 * Runs a query against the loaded data whenever the dataset or the URL's filters change.
 * Results are kept raw (not deep proxies); a stale answer never replaces a newer one. While
 * the bundled dataset is still loading and no filter is set, `precomputed` answers at once.
 */
export function useQuery<T>(
  run: (context: QueryContext) => Promise<T>,
  { precomputed }: QueryOptions<T> = {}
) {
  const state = $state<{
    data: T | undefined;
    loading: boolean;
    error: string | null;
    /** `data` comes from the build; `loading` stays true until the engine answers. */
    precomputed: boolean;
  }>({ data: undefined, loading: true, error: null, precomputed: false });
  let latest = 0;
  const filterKey = $derived(JSON.stringify(filtersFromParams(page.url.searchParams)));

  $effect(() => {
    const version = dataset.version;
    const report = dataset.report;
    const filters = JSON.parse(filterKey) as Filters;
    if (!report || version === 0) {
      const figures = precomputed ? precomputedFigures(filters) : null;
      state.data = figures ? precomputed!(figures) : undefined;
      state.precomputed = figures !== null;
      state.loading = true;
      return;
    }
    const ticket = ++latest;
    state.loading = true;
    dataset
      .db()
      .then((db) => run({ db, filters, report }))
      .then((data) => {
        if (ticket !== latest) return;
        state.data = data;
        state.error = null;
        state.precomputed = false;
      })
      .catch((error: unknown) => {
        if (ticket !== latest) return;
        state.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        if (ticket === latest) state.loading = false;
      });
  });

  return state;
}
