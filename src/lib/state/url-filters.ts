import { CUSTOMER_TYPES, REGIONS } from '../contract/columns';
import { FILTER_COLUMNS, type Filters } from '../metrics/filters';

/** Closed lists; channels and platforms are open vocabularies (a file may bring `mail`, `chat` …). */
const ALLOWED: Record<(typeof FILTER_COLUMNS)[number], readonly string[] | null> = {
  entry_channel: null,
  platform: null,
  region: REGIONS,
  customer_type: CUSTOMER_TYPES
};

/** Any code a file could hold: it only ever reaches SQL as a bound parameter. */
const allowed = (column: (typeof FILTER_COLUMNS)[number], value: string) => {
  const list = ALLOWED[column];
  return list ? list.includes(value) : value.trim() !== '' && value.length <= 200;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from a page's query string; unknown or malformed values are ignored. */
export function filtersFromParams(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const from = params.get('from');
  const to = params.get('to');
  if (from && DATE.test(from)) filters.from = from;
  if (to && DATE.test(to)) filters.to = to;
  for (const column of FILTER_COLUMNS) {
    const values = params
      .getAll(column)
      .flatMap((v) => v.split(','))
      .filter((v) => allowed(column, v));
    if (values.length > 0) filters[column] = [...new Set(values)];
  }
  return filters;
}

/** Writes filters into a copy of the query string, keeping every other parameter. */
export function paramsWithFilters(current: URLSearchParams, filters: Filters): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ['from', 'to', ...FILTER_COLUMNS]) next.delete(key);
  if (filters.from) next.set('from', filters.from);
  if (filters.to) next.set('to', filters.to);
  for (const column of FILTER_COLUMNS) {
    const values = filters[column];
    if (values && values.length > 0) next.set(column, values.join(','));
  }
  return next;
}
