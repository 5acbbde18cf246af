import { CHANNELS, CUSTOMER_TYPES, PLATFORMS, REGIONS } from '../contract/columns';
import type { Db } from '../db/types';
import { FILTER_COLUMNS } from '../metrics/filters';

export type FilterColumn = (typeof FILTER_COLUMNS)[number];

const CONTRACT_ORDER: Record<FilterColumn, readonly string[]> = {
  entry_channel: CHANNELS,
  platform: PLATFORMS,
  region: REGIONS,
  customer_type: CUSTOMER_TYPES
};

/**
 * The codes each filter column holds in the loaded data (all tickets, not the filtered ones),
 * contract codes in the contract's order first, then any other code as written, sorted.
 */
export async function filterOptions(db: Db): Promise<Record<FilterColumn, string[]>> {
  const union = FILTER_COLUMNS.map(
    (column) =>
      `SELECT DISTINCT '${column}' AS col, CAST(${column} AS VARCHAR) AS code FROM tickets WHERE ${column} IS NOT NULL`
  ).join(' UNION ALL ');
  const rows = await db.query<{ col: FilterColumn; code: string }>(union);
  const options = {} as Record<FilterColumn, string[]>;
  for (const column of FILTER_COLUMNS) {
    const present = rows.filter((r) => r.col === column).map((r) => r.code);
    options[column] = orderCodes(present, CONTRACT_ORDER[column]);
  }
  return options;
}

/** Contract codes first in their order, then the others alphabetically. */
export function orderCodes(codes: readonly string[], contract: readonly string[]): string[] {
  const seen = new Set(codes);
  return [
    ...contract.filter((c) => seen.has(c)),
    ...[...seen].filter((c) => !contract.includes(c)).sort()
  ];
}
