import { join, raw, sql, type Sql } from '../db/sql';

/** What the page and the CLI let a user narrow the tickets by. */
export interface Filters {
  /** Inclusive first and last day of `created_at`, YYYY-MM-DD in the dataset's time zone. */
  from?: string;
  to?: string;
  entry_channel?: string[];
  platform?: string[];
  region?: string[];
  customer_type?: string[];
}

export const FILTER_COLUMNS = ['entry_channel', 'platform', 'region', 'customer_type'] as const;

/** The WHERE clause for the active filters; every value is a bound parameter. */
export function filterWhere(filters: Filters): Sql {
  const parts: Sql[] = [];
  if (filters.from) parts.push(sql`created_local >= CAST(${filters.from} AS DATE)`);
  if (filters.to) parts.push(sql`created_local < CAST(${filters.to} AS DATE) + INTERVAL 1 DAY`);
  for (const column of FILTER_COLUMNS) {
    const values = filters[column];
    if (!values || values.length === 0) continue;
    parts.push(
      sql`${raw(column)} IN (${join(
        values.map((v) => sql`${v}`),
        ', '
      )})`
    );
  }
  return parts.length === 0 ? raw('TRUE') : join(parts, ' AND ');
}

/** `WITH t AS (filtered tickets)` prefix every metric query reads from. */
export function filteredTickets(filters: Filters): Sql {
  return sql`WITH t AS (SELECT * FROM tickets WHERE ${filterWhere(filters)}) `;
}
