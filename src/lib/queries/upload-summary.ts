import type { Db } from '../db/types';
import { COLUMNS } from '../contract/columns';
import { describeParseError } from '../ingest/load/load';

/**
 * Where a rejection is fixed: a value map, the column chosen for a field, the time zone, the file,
 * or nowhere (a report line an export adds, such as a totals row or the header again).
 */
export type RejectionFix = 'value-map' | 'column' | 'time-zone' | 'file' | 'report-line';

export interface RejectionGroup {
  /** The reason without the row's own value, e.g. `unknown region`. */
  kind: string;
  rows: number;
  /** Up to three of the values that caused it, most frequent first. */
  examples: string[];
  fix: RejectionFix;
  /** The canonical column the reason names, if any. */
  column: string | null;
}

const TIMESTAMP_COLUMNS = COLUMNS.filter((c) => c.type === 'ts').map((c) => c.name);

async function hasTable(db: Db, name: string): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    'SELECT CAST(count(*) AS DOUBLE) AS n FROM information_schema.tables WHERE table_name = ?',
    [name]
  );
  return (row?.n ?? 0) > 0;
}

function fixOf(kind: string): RejectionFix {
  if (/^unknown |^not a yes\/no value/.test(kind)) return 'value-map';
  if (/ before /.test(kind)) return 'time-zone';
  if (/^a totals row|^the header line again/.test(kind)) return 'report-line';
  if (/^wrong number of fields|^line too long|^unreadable row/.test(kind)) return 'file';
  return 'column';
}

function columnOf(kind: string): string | null {
  const words = kind.split(/[\s:]+/);
  return COLUMNS.find((c) => words.includes(c.name))?.name ?? null;
}

/**
 * Rejected rows grouped by reason (a row with two problems counts in both groups), the row's own
 * value cut out of the reason so that `unknown region "xx"` and `… "yy"` are one group.
 */
export async function rejectionGroups(db: Db): Promise<RejectionGroup[]> {
  const groups: RejectionGroup[] = [];
  if (await hasTable(db, 'rejected')) {
    const rows = await db.query<{ kind: string; rows: number; examples: string[] | null }>(
      `WITH parts AS (
         SELECT __rec, unnest(string_split(reason, '; ')) AS part FROM rejected WHERE reason <> ''),
       kinds AS (
         SELECT __rec, trim(regexp_replace(part, ' ?"[^"]*"', '', 'g')) AS kind,
           regexp_extract(part, '"([^"]*)"', 1) AS example FROM parts),
       counted AS (SELECT kind, example, count(*) AS n FROM kinds GROUP BY ALL)
       SELECT kind, CAST(sum(n) AS DOUBLE) AS rows,
         list(example ORDER BY n DESC, example) FILTER (WHERE example <> '') AS examples
       FROM counted GROUP BY kind ORDER BY rows DESC, kind`
    );
    for (const row of rows) {
      groups.push({
        kind: row.kind,
        rows: row.rows,
        examples: [...(row.examples ?? [])].slice(0, 3),
        fix: fixOf(row.kind),
        column: columnOf(row.kind)
      });
    }
  }
  if (await hasTable(db, 'csv_rejects')) {
    const broken = await db.query<{ message: string }>(
      `SELECT coalesce(arg_min(error_message, column_idx), any_value(error_message)) AS message
       FROM csv_rejects GROUP BY line`
    );
    const counts = new Map<string, number>();
    for (const { message } of broken) {
      const kind = describeParseError(message);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    for (const [kind, rows] of counts) {
      groups.push({ kind, rows, examples: [], fix: 'file', column: null });
    }
    groups.sort((a, b) => b.rows - a.rows);
  }
  return groups;
}

export interface TimestampPrecision {
  /** Timestamp columns with at least one value, and how many values carry seconds. */
  columns: Array<{ column: string; values: number; withSeconds: number }>;
  /** Every filled timestamp is on a whole minute (and there is at least one). */
  minutesOnly: boolean;
  /** The pickup wait is then a multiple of 60 s: the 20-second figure means little. */
  pickupAffected: boolean;
}

/** Whether the loaded timestamps carry seconds, per column. */
export async function timestampPrecision(
  db: Db,
  present: readonly string[]
): Promise<TimestampPrecision> {
  const columns = TIMESTAMP_COLUMNS.filter((c) => c === 'created_at' || present.includes(c));
  const select = columns
    .map(
      (c) =>
        `CAST(count(${c}) AS DOUBLE) AS ${c}_values, CAST(count(*) FILTER (WHERE epoch_ms(${c}) % 60000 <> 0) AS DOUBLE) AS ${c}_seconds`
    )
    .join(', ');
  const [row = {}] = await db.query<Record<string, number>>(`SELECT ${select} FROM tickets`);
  const counted = columns
    .map((column) => ({
      column,
      values: row[`${column}_values`] ?? 0,
      withSeconds: row[`${column}_seconds`] ?? 0
    }))
    .filter((c) => c.values > 0);
  const minutesOnly = counted.length > 0 && counted.every((c) => c.withSeconds === 0);
  const waits = counted.filter(
    (c) => c.column === 'human_requested_at' || c.column === 'agent_answered_at'
  );
  return {
    columns: counted,
    minutesOnly,
    pickupAffected: waits.length === 2 && waits.every((c) => c.withSeconds === 0)
  };
}
