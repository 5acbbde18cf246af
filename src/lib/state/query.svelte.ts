import { page } from '$app/state';
import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';
import type { Filters } from '../metrics/filters';
import { dataset } from './dataset.svelte';
import { useResource } from './resource.svelte';
import { filtersFromParams } from './url-filters';

export interface QueryContext {
  db: Db;
  filters: Filters;
  report: LoadReport;
}

/** The loaded dataset's version and the URL's filters: what every page query depends on. */
export function datasetInputs(): { version: number; filters: Filters } | null {
  const version = dataset.version;
  if (!dataset.report || version === 0) return null;
  return { version, filters: filtersFromParams(page.url.searchParams) };
}

/** A query against the loaded data, re-run whenever the dataset or the URL's filters change. */
export function useQuery<T>(run: (context: QueryContext) => Promise<T>) {
  const resource = useResource(datasetInputs, async ({ filters }) => {
    const report = dataset.report;
    if (!report) throw new Error('no dataset loaded');
    return run({ db: await dataset.db(), filters, report });
  });
  return {
    get data() {
      return resource.value;
    },
    get loading() {
      return resource.loading;
    },
    get error() {
      return resource.error;
    }
  };
}
