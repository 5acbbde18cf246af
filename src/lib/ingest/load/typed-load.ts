import {
  columnSpec,
  COLUMNS,
  DEFAULT_ENTRY_CHANNEL,
  FALSE_WORDS,
  TRUE_WORDS,
  type ColumnSpec
} from '../../contract/columns';
import { LINE_ID_PREFIX } from '../map/column-fallbacks';
import type { Db } from '../../db/types';
import { CROSS_COLUMN_CHECKS } from './normalise-sql';
import type { PreparedFile } from './prepare-file';
import type { RowReader } from '../read/row-reader';
import { matchValue, valueKey } from '../map/value-synonyms';

/*
 * The fast path for a canonical file: DuckDB reads every column with its contract type in one
 * pass, instead of keeping a text copy, numbering rows and re-parsing every cell in SQL. It
 * only answers for files with nothing to report and nothing to translate: the first cell the
 * reader cannot take, a code not written exactly as the contract spells it, or a row a check
 * would reject sends the load down the text path, which explains every rejected row.
 */

const READER_TYPE: Record<ColumnSpec['type'], string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  bool: 'VARCHAR',
  int: 'DOUBLE',
  num: 'DOUBLE',
  ts: 'TIMESTAMP'
};

const SQL_TYPE: Record<ColumnSpec['type'], string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  bool: 'BOOLEAN',
  int: 'INTEGER',
  num: 'DOUBLE',
  ts: 'TIMESTAMP'
};

const BOOL_WORDS: readonly string[] = [...TRUE_WORDS, ...FALSE_WORDS];

/** Which load path ran and, for the text path, why the typed one did not answer. */
export type LoadPath = { kind: 'typed' } | { kind: 'text'; reason: string };

/**
 * Null when the file can take the typed path (canonical names, plain ISO times, no preset),
 * else why not.
 */
export function whyNotTyped(prepared: PreparedFile, hasExpressions: boolean): string | null {
  if (prepared.plan) return 'a preset or event log rebuilds the columns';
  if (!prepared.canonicalHeader) return 'the header is not the canonical one';
  if (prepared.duplicateHeaders.length > 0) return 'the header repeats a column name';
  if (prepared.userMapping) return 'a saved or chosen mapping is applied';
  if (hasExpressions) return 'columns are built from expressions or constants';
  const formats = prepared.mapping.timestampFormats ?? {};
  const other = Object.entries(formats).find(([, f]) => f !== undefined && f !== 'iso');
  return other ? `${other[0]} is not written as ISO time` : null;
}

/** A DuckDB error about the file's content (its type prefix), not a fault of the query. */
const UNREADABLE_CONTENT = /^(Invalid Input|Conversion) Error/;

/** What the text path puts in a column the file lacks (v2: ids from lines, a default channel). */
function absent(spec: ColumnSpec): string {
  // The typed path only runs when the reader rejected no line, so record k is on line k + 1.
  if (spec.name === 'ticket_id') {
    return `'${LINE_ID_PREFIX}' || CAST(row_number() OVER () + 1 AS VARCHAR)`;
  }
  if (spec.name === 'entry_channel') return `'${DEFAULT_ENTRY_CHANNEL}'`;
  return `CAST(NULL AS ${SQL_TYPE[spec.type]})`;
}

/**
 * The column as the text path would build it, given that every code is already canonical;
 * `native` columns the reader already gives in the contract's type.
 */
function value(spec: ColumnSpec, present: boolean, native: ReadonlySet<string>): string {
  const col = spec.name;
  if (!present) return absent(spec);
  if (native.has(col)) return col;
  switch (spec.type) {
    case 'string':
      return spec.open ? `lower(NULLIF(trim(${col}), ''))` : `NULLIF(trim(${col}), '')`;
    case 'enum':
      return col;
    case 'bool':
      return `CASE WHEN ${col} IS NOT NULL THEN list_contains(['${TRUE_WORDS.join("', '")}'], ${col}) END`;
    case 'int':
      return `CAST(${col} AS INTEGER)`;
    case 'num':
      return col;
    case 'ts':
      return `from_local(${col})`;
  }
}

/** One aggregate per column (and a few per file) that tells whether the typed read is exact. */
function checkAggregates(present: ReadonlySet<string>, native: ReadonlySet<string>): string[] {
  // A blank id is named after its line by the text path, so it counts as not distinct here.
  // Distinct 64-bit hashes prove distinct ids at a fraction of the strings' cost; a collision
  // only sends the file down the text path, which finds the repeats exactly.
  const id = `NULLIF(trim(ticket_id), '')`;
  const ids = present.has('ticket_id')
    ? `count(DISTINCT hash(${id})) FILTER (WHERE ${id} IS NOT NULL)`
    : 'count(*)';
  const out = ['count(*) AS n', `${ids} AS ids`];
  const cross = CROSS_COLUMN_CHECKS.map(([condition]) => `coalesce(${condition}, false)`);
  out.push(`count(*) FILTER (WHERE ${cross.join(' OR ')}) AS cross_bad`);
  const required = COLUMNS.filter((c) => c.required && present.has(c.name)).map(
    (c) => `${value(c, true, native)} IS NULL`
  );
  out.push(`count(*) FILTER (WHERE ${required.join(' OR ') || 'false'}) AS missing`);
  for (const spec of COLUMNS) {
    if (!present.has(spec.name)) continue;
    const col = spec.name;
    if (spec.type === 'enum' || (spec.type === 'bool' && !native.has(col))) {
      out.push(`list(DISTINCT ${col}) FILTER (WHERE ${col} IS NOT NULL) AS values_${col}`);
    }
    if (spec.type === 'int')
      out.push(`count(*) FILTER (WHERE ${col} <> floor(${col})) AS frac_${col}`);
    // Placeholder dates (1900-01-01) are no value: the text path reads and counts them.
    if (spec.type === 'ts') {
      out.push(`count(*) FILTER (WHERE ${col} < TIMESTAMP '1900-01-02') AS sentinel_${col}`);
    }
    if (spec.type === 'int' || spec.type === 'num') {
      out.push(`min(${col}) AS min_${col}`, `max(${col}) AS max_${col}`);
    }
  }
  return out;
}

/** Null when the typed read is exactly what the text path would build, else what differs. */
function inexact(
  check: Record<string, unknown>,
  present: ReadonlySet<string>,
  native: ReadonlySet<string>
): string | null {
  for (const spec of COLUMNS) {
    if (!present.has(spec.name)) continue;
    const name = spec.name;
    if (spec.type === 'enum' || (spec.type === 'bool' && !native.has(name))) {
      const allowed = spec.type === 'enum' ? (spec.codes ?? []) : BOOL_WORDS;
      const seen = (check[`values_${name}`] as string[] | null) ?? [];
      if (!seen.every((v) => allowed.includes(v) || keptAsWritten(spec, v))) {
        return `${name} has codes to translate or reject`;
      }
    }
    if (spec.type === 'ts' && check[`sentinel_${name}`] !== 0) {
      return `${name} has placeholder dates`;
    }
    if (spec.type === 'int' && check[`frac_${name}`] !== 0) return `${name} has fractions`;
    const lo = check[`min_${name}`] as number | null | undefined;
    const hi = check[`max_${name}`] as number | null | undefined;
    const below = spec.min !== undefined && lo != null && lo < spec.min;
    if (below || (spec.max !== undefined && hi != null && hi > spec.max)) {
      return `${name} has values out of range`;
    }
  }
  if (check.ids !== check.n) return 'ticket ids are blank or repeated';
  if (check.cross_bad !== 0) return 'a row fails a cross-column check';
  if (check.missing !== 0) return 'a required value is missing';
  return null;
}

/** An open column's code the text path would keep exactly as it is: no synonym, already lower. */
function keptAsWritten(spec: ColumnSpec, v: string): boolean {
  return spec.open === true && v === valueKey(v) && matchValue(spec.name, v) === undefined;
}

/**
 * Reads a canonical file typed into `checked` (the same columns the text path builds) after
 * defining the time-zone macros (see `defineMacros`). Returns null, or, leaving nothing
 * behind, why the file needs the text path. A failure that is not about the file's content
 * is thrown. With `asView` the rows stay in the files: `typed` is a view over the reader,
 * validated by the same aggregate passes, and nothing is copied.
 */
export async function readTyped(
  db: Db,
  reader: RowReader,
  prepared: PreparedFile,
  defineMacros: (createdRangeSql: string) => Promise<void>,
  asView = false
): Promise<string | null> {
  const native = new Set(
    (reader.booleans ?? []).filter((name) => columnSpec(name)?.type === 'bool')
  );
  const columns = prepared.header.map((name): [string, string] => [
    name,
    native.has(name) ? 'BOOLEAN' : READER_TYPE[columnSpec(name)!.type]
  ]);
  await db.exec(reader.reset);
  const kind = asView ? 'VIEW' : 'TABLE';
  const present = new Set(prepared.header);
  let check: Record<string, unknown> | undefined;
  try {
    const read = reader.sql(prepared, columns, "timestampformat = '%Y-%m-%d %H:%M:%S'");
    await db.exec(`CREATE OR REPLACE TEMP ${kind} typed AS SELECT * FROM ${read}`);
    const [rejects] = await db.query<{ n: number }>('SELECT count(*) AS n FROM csv_rejects');
    if ((rejects?.n ?? 0) > 0) {
      await abandon(db, kind);
      return `the typed reader rejected ${rejects!.n} cell(s) (not the contract's type)`;
    }
    // A view reads (and casts) the files in these two queries: a cell it cannot take fails here.
    await defineMacros('SELECT min(created_at) AS lo, max(created_at) AS hi FROM typed');
    const times = COLUMNS.filter((c) => c.type === 'ts');
    const local = times
      .map((c) => `${value(c, present.has(c.name), native)} AS ${c.name}`)
      .join(', ');
    const others = COLUMNS.filter((c) => c.type !== 'ts' && present.has(c.name)).map((c) => c.name);
    [check] = await db.query(
      `SELECT ${checkAggregates(present, native).join(', ')}
       FROM (SELECT ${[...others, local].join(', ')} FROM typed)`
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!UNREADABLE_CONTENT.test(message)) throw error;
    await abandon(db, kind);
    return `the typed reader stopped: ${message.split('\n')[0]!.slice(0, 200)}`;
  }
  const differs = check ? inexact(check, present, native) : 'the check query answered nothing';
  if (differs) {
    await abandon(db, kind);
    return differs;
  }

  const values = COLUMNS.map((s) => `${value(s, present.has(s.name), native)} AS ${s.name}`).join(
    ', '
  );
  await db.exec(
    `CREATE OR REPLACE TEMP VIEW checked AS SELECT CAST(NULL AS BIGINT) AS __rec, ${values}, '' AS __reason FROM typed`
  );
  return null;
}

async function abandon(db: Db, kind: 'VIEW' | 'TABLE'): Promise<void> {
  await db.exec(`DROP ${kind} IF EXISTS typed`);
}
