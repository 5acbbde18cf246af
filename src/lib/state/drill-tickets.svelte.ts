import { page } from '$app/state';
import type { Row } from '../db/types';
import { drillFromParams, type DrillCondition } from '../drill/drill';
import type { Filters } from '../metrics/filters';
import { ticketCount, ticketPage, type SortDirection, type TicketColumn } from '../queries/tickets';
import { dataset } from './dataset.svelte';
import { filtersFromParams } from './url-filters';

export interface TicketView {
  sort: TicketColumn;
  direction: SortDirection;
  offset: number;
  limit: number;
}

/**
 * The tickets behind the URL's drill-down: one page of rows and the total, re-queried when the
 * data, the filters, the drill-down or the view (sort, page) changes.
 */
export function useDrillTickets(view: () => TicketView) {
  const state = $state<{ rows: Row[]; total: number; loading: boolean; error: string | null }>({
    rows: [],
    total: 0,
    loading: false,
    error: null
  });
  const selectionKey = $derived(
    JSON.stringify([
      filtersFromParams(page.url.searchParams),
      drillFromParams(page.url.searchParams)
    ])
  );
  let latest = 0;

  $effect(() => {
    const [filters, drill] = JSON.parse(selectionKey) as [Filters, DrillCondition[]];
    const { sort, direction, offset, limit } = view();
    if (dataset.version === 0 || drill.length === 0) return;
    const ticket = ++latest;
    state.loading = true;
    dataset
      .db()
      .then((db) =>
        Promise.all([
          ticketCount(db, filters, drill),
          ticketPage(db, { filters, drill, sort, direction, limit, offset })
        ])
      )
      .then(([total, rows]) => {
        if (ticket !== latest) return;
        state.total = total;
        state.rows = rows;
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

  return {
    get state() {
      return state;
    },
    get key() {
      return selectionKey;
    }
  };
}
