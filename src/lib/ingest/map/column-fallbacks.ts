/** What stands in for the optional columns v2 lets a file leave out: ticket_id, entry_channel. */
import { DEFAULT_ENTRY_CHANNEL } from '../../contract/columns';
import type { Db } from '../../db/types';
import type { Mapping } from './mapping-types';

export interface ColumnFallbacks {
  /** Trusted constants for columns with no source (bound as parameters all the same). */
  defaults: Partial<Record<string, string>>;
  /** True when every ticket id is made from the source line (`L2`, `L3`, …): no id column. */
  idsFromLines: boolean;
}

/** True when the column has a source column, a preset expression or a constant. */
export function hasSource(
  mapping: Mapping,
  expressions: Partial<Record<string, string>> | undefined,
  column: string
): boolean {
  return (
    mapping.columns[column] !== undefined ||
    expressions?.[column] !== undefined ||
    mapping.constants?.[column] !== undefined
  );
}

export function columnFallbacks(
  mapping: Mapping,
  expressions: Partial<Record<string, string>> | undefined
): ColumnFallbacks {
  const defaults: Partial<Record<string, string>> = {};
  if (!hasSource(mapping, expressions, 'entry_channel')) {
    defaults.entry_channel = DEFAULT_ENTRY_CHANNEL;
  }
  return { defaults, idsFromLines: !hasSource(mapping, expressions, 'ticket_id') };
}

/** Prefix of an id made from a line: `L17` is the record on spreadsheet line 17. */
export const LINE_ID_PREFIX = 'L';

/**
 * SQL over `raw` for the spreadsheet line of a parsed record (header = line 1), skipping the
 * lines the CSV reader rejected, exactly as the rejected-rows report numbers them. Creates the
 * helper table it needs from `csv_rejects`.
 */
export async function lineIdSql(db: Db): Promise<string> {
  const [broken] = await db.query<{ n: number }>(
    'SELECT count(DISTINCT line) AS n FROM csv_rejects'
  );
  if ((broken?.n ?? 0) === 0) return `'${LINE_ID_PREFIX}' || CAST(raw.__rec + 1 AS VARCHAR)`;
  // The i-th rejected line (1-based) b_i comes before record r exactly when b_i − i ≤ r.
  await db.exec(`CREATE OR REPLACE TEMP TABLE __broken_offsets AS
    SELECT line - row_number() OVER (ORDER BY line) AS k FROM (SELECT DISTINCT line FROM csv_rejects)`);
  return `'${LINE_ID_PREFIX}' || CAST(raw.__rec + 1 + (SELECT count(*) FROM __broken_offsets b WHERE b.k <= raw.__rec) AS VARCHAR)`;
}
