import { page } from '$app/state';
import type { BundledFigures } from '../bundled/bundled-figures';
import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';
import type { Filters } from '../metrics/filters';
import { dataset } from './dataset.svelte';
import { precomputedFigures } from './precomputed.svelte';
import { useResource } from './resource.svelte';
import { filtersFromParams } from './url-filters';

export interface QueryContext {
  db: Db;
  filters: Filters;
  report: LoadReport;
}

export interface QueryOptions<T> {
  /** The answer from the build-time figures, shown until the engine has the bundled data loaded. */
  precomputed?: (figures: BundledFigures) => T;
  /** See `ResourceOptions.remember`: only for a `run` that reads nothing but its context. */
  remember?: number;
  /** Whether the answer is wanted now (e.g. shown): while false nothing runs and `loading` is false. */
  enabled?: () => boolean;
}

/** The loaded dataset's version and the URL's filters: what every page query depends on. */
export function datasetInputs(): { version: number; filters: Filters } | null {
  const version = dataset.version;
  if (!dataset.report || version === 0) return null;
  return { version, filters: filtersFromParams(page.url.searchParams) };
}

/**
 * A query against the loaded data, re-run whenever the dataset or the URL's filters change.
 * While the bundled dataset is still loading and no filter is set, `precomputed` answers at
 * once from the build-time figures; `loading` stays true until the engine answers.
 */
export function useQuery<T>(
  run: (context: QueryContext) => Promise<T>,
  { precomputed, remember, enabled = () => true }: QueryOptions<T> = {}
) {
  const resource = useResource(
    () => (enabled() ? datasetInputs() : null),
    async ({ filters }) => {
      const report = dataset.report;
      if (!report) throw new Error('no dataset loaded');
      return run({ db: await dataset.db(), filters, report });
    },
    { remember }
  );
  const early = $derived.by(() => {
    if (!precomputed || datasetInputs() !== null) return undefined;
    const figures = precomputedFigures(filtersFromParams(page.url.searchParams));
    return figures ? precomputed(figures) : undefined;
  });
  return {
    get data() {
      return resource.value ?? early;
    },
    get loading() {
      return enabled() && (resource.loading || datasetInputs() === null);
    },
    get error() {
      return resource.error;
    },
    /** `data` comes from the build, not yet from the engine. */
    get precomputed() {
      return resource.value === undefined && early !== undefined;
    }
  };
}
