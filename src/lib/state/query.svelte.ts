import { page } from '$app/state';
import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';
import type { Filters } from '../metrics/filters';
import { dataset } from './dataset.svelte';
import { filtersFromParams } from './url-filters';

export interface QueryContext {
  db: Db;
  filters: Filters;
  report: LoadReport;
}

/**
 * Runs a query against the loaded data whenever the dataset or the URL's filters change.
 * Results are kept raw (not deep proxies); a stale answer never replaces a newer one.
 */
export function useQuery<T>(run: (context: QueryContext) => Promise<T>) {
  const state = $state<{ data: T | undefined; loading: boolean; error: string | null }>({
    data: undefined,
    loading: true,
    error: null
  });
  let latest = 0;
  const filterKey = $derived(JSON.stringify(filtersFromParams(page.url.searchParams)));

  $effect(() => {
    const version = dataset.version;
    const report = dataset.report;
    const filters = JSON.parse(filterKey) as Filters;
    if (!report || version === 0) return;
    const ticket = ++latest;
    state.loading = true;
    dataset
      .db()
      .then((db) => run({ db, filters, report }))
      .then((data) => {
        if (ticket !== latest) return;
        state.data = data;
        state.error = null;
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
