import { goto } from '$app/navigation';
import { page } from '$app/state';
import { paramsWithDrill, type DrillCondition } from './drill';

/** Opens the tickets behind a chart segment or card: the drill-down goes into the URL. */
export function openDrill(conditions: readonly DrillCondition[]): Promise<void> {
  const params = paramsWithDrill(page.url.searchParams, conditions);
  return goto(`?${params.toString()}`, { noScroll: true, keepFocus: true });
}

/** Puts the drill-down's sort into the URL (`sort`, `dir`), replacing the history entry. */
export function openSorted(sort: string, direction: 'asc' | 'desc'): Promise<void> {
  const params = new URLSearchParams(page.url.searchParams);
  params.set('sort', sort);
  params.set('dir', direction);
  return goto(`?${params.toString()}`, { noScroll: true, keepFocus: true, replaceState: true });
}
