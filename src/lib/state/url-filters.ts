import { CUSTOMER_TYPES, REGIONS } from '../contract/columns';
import { dateIssue, type DateIssue } from '../limits';
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

/** A value of a link that was left out of the filters, and why. */
export type FilterProblem =
  | { param: 'from' | 'to'; value: string; issue: DateIssue }
  | { param: 'from'; value: string; issue: { kind: 'after-to'; to: string } }
  | { param: (typeof FILTER_COLUMNS)[number]; value: string; issue: { kind: 'code' } };

const validDate = (text: string | null): text is string => text !== null && !dateIssue(text);

/** Filters from a page's query string; values `filterProblems` reports are left out. */
export function filtersFromParams(params: URLSearchParams): Filters {
  const filters: Filters = {};
  const from = params.get('from');
  const to = params.get('to');
  if (validDate(from) && !(validDate(to) && from > to)) filters.from = from;
  if (validDate(to)) filters.to = to;
  for (const column of FILTER_COLUMNS) {
    const values = params
      .getAll(column)
      .flatMap((v) => v.split(','))
      .filter((v) => allowed(column, v));
    if (values.length > 0) filters[column] = [...new Set(values)];
  }
  return filters;
}

/** Every value of the query string `filtersFromParams` leaves out, with the reason. */
export function filterProblems(params: URLSearchParams): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const from = params.get('from');
  const to = params.get('to');
  for (const [param, value] of [
    ['from', from],
    ['to', to]
  ] as const) {
    const issue = value === null || value === '' ? null : dateIssue(value);
    if (value && issue) problems.push({ param, value, issue });
  }
  if (validDate(from) && validDate(to) && from > to)
    problems.push({ param: 'from', value: from, issue: { kind: 'after-to', to } });
  for (const column of FILTER_COLUMNS) {
    for (const value of params.getAll(column).flatMap((v) => v.split(','))) {
      if (value !== '' && !allowed(column, value))
        problems.push({ param: column, value, issue: { kind: 'code' } });
    }
  }
  return problems;
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
