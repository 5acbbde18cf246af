import { raw, sql } from '../db/sql';
import type { Db, Row } from '../db/types';
import { drillWhere, type DrillCondition } from '../drill/drill';
import { COLUMNS, COLUMN_NAMES } from '../contract/columns';
import { isoWithOffsetSql } from '../export/iso-time-sql';
import { filteredTickets, type Filters } from '../metrics/filters';

/** Columns the drill-down table shows, and the only ones it sorts by. */
export const TICKET_TABLE_COLUMNS = [
  'ticket_id',
  'created_at',
  'entry_channel',
  'handling_channel',
  'platform',
  'region',
  'customer_type',
  'priority',
  'status',
  'resolved_by',
  'wait_seconds',
  'resolve_minutes'
] as const;

export type TicketColumn = (typeof TICKET_TABLE_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface TicketPageRequest {
  filters: Filters;
  drill: readonly DrillCondition[];
  sort: TicketColumn;
  direction: SortDirection;
  limit: number;
  offset: number;
}

const DISPLAY: Record<TicketColumn, string> = {
  ticket_id: 'ticket_id',
  created_at: "strftime(created_local, '%Y-%m-%d %H:%M:%S')",
  entry_channel: 'entry_channel',
  handling_channel: 'handling_channel',
  platform: 'platform',
  region: 'region',
  customer_type: 'customer_type',
  priority: 'priority',
  status: 'status',
  resolved_by: 'resolved_by',
  wait_seconds: 'round(wait_seconds, 1)',
  resolve_minutes: 'round(resolve_minutes, 1)'
};

function isTicketColumn(name: string): name is TicketColumn {
  return (TICKET_TABLE_COLUMNS as readonly string[]).includes(name);
}

/** The sort column if it is one of the table's columns, else `created_at`. */
export function safeSort(name: string): TicketColumn {
  return isTicketColumn(name) ? name : 'created_at';
}

const selectList = TICKET_TABLE_COLUMNS.map((c) => `${DISPLAY[c]} AS ${c}`).join(', ');

/** The table's order: a whitelisted column, nulls last, ties in file order. */
function orderBy(sort: string, direction: SortDirection) {
  const column = safeSort(sort);
  return raw(
    `${column === 'created_at' ? 'created_local' : column} ${direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, __rec`
  );
}

/** One page of the tickets behind a drill-down, sorted by a whitelisted column. */
export async function ticketPage(db: Db, request: TicketPageRequest): Promise<Row[]> {
  const order = orderBy(request.sort, request.direction);
  const q = sql`${filteredTickets(request.filters)}
    SELECT ${raw(selectList)} FROM t WHERE ${drillWhere(request.drill)}
    ORDER BY ${order} LIMIT ${Math.max(1, Math.floor(request.limit))} OFFSET ${Math.max(0, Math.floor(request.offset))}`;
  return db.query(q.text, q.params);
}

export async function ticketCount(
  db: Db,
  filters: Filters,
  drill: readonly DrillCondition[]
): Promise<number> {
  const q = sql`${filteredTickets(filters)}
    SELECT CAST(count(*) AS DOUBLE) AS n FROM t WHERE ${drillWhere(drill)}`;
  const [row] = await db.query<{ n: number }>(q.text, q.params);
  return row?.n ?? 0;
}

/**
 * Every canonical column of every ticket in the selection, for CSV export, in the table's
 * order; instants as ISO 8601 with the dataset zone's offset.
 */
export async function ticketExport(
  db: Db,
  filters: Filters,
  drill: readonly DrillCondition[],
  order: { sort: TicketColumn; direction: SortDirection } = { sort: 'created_at', direction: 'asc' }
): Promise<{ header: string[]; rows: unknown[][] }> {
  const columns = COLUMNS.map((c) =>
    c.type === 'ts' ? `${isoWithOffsetSql(c.name)} AS ${c.name}` : c.name
  );
  const q = sql`${filteredTickets(filters)}
    SELECT ${raw(columns.join(', '))} FROM t WHERE ${drillWhere(drill)}
    ORDER BY ${orderBy(order.sort, order.direction)}`;
  const rows = await db.query(q.text, q.params);
  return { header: [...COLUMN_NAMES], rows: rows.map((r) => COLUMN_NAMES.map((c) => r[c])) };
}
