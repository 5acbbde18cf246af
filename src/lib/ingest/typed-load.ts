import { columnSpec, COLUMNS, FALSE_WORDS, TRUE_WORDS, type ColumnSpec } from '../contract/columns';
import type { Db } from '../db/types';
import { CROSS_COLUMN_CHECKS } from './normalise-sql';
import type { PreparedFile } from './prepare-file';

/*
 * The fast path for a canonical file: DuckDB reads every column with its contract type in one
 * pass, instead of keeping a text copy, numbering rows and re-parsing every cell in SQL. It
 * only answers for files with nothing to report: the first cell the reader cannot take, or
 * the first row a check would reject, sends the load down the text path, which explains
 * every rejected row with its line.
 */

const READER_TYPE: Record<ColumnSpec['type'], string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  bool: 'VARCHAR',
  int: 'DOUBLE',
  num: 'DOUBLE',
  ts: 'TIMESTAMP'
};

const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** True when the file can take the typed path: canonical names, plain ISO times, no preset. */
export function canReadTyped(prepared: PreparedFile, hasExpressions: boolean): boolean {
  if (!prepared.canonicalHeader || prepared.plan || hasExpressions) return false;
  if (prepared.duplicateHeaders.length > 0 || prepared.userMapping) return false;
  const formats = prepared.mapping.timestampFormats ?? {};
  return Object.values(formats).every((f) => f === undefined || f === 'iso');
}

function value(spec: ColumnSpec, present: boolean): string {
  const col = spec.name;
  if (!present)
    return `CAST(NULL AS ${spec.type === 'ts' ? 'TIMESTAMP' : spec.type === 'bool' ? 'BOOLEAN' : spec.type === 'int' ? 'INTEGER' : spec.type === 'num' ? 'DOUBLE' : 'VARCHAR'})`;
  const text = `NULLIF(trim(${col}), '')`;
  switch (spec.type) {
    case 'string':
      return text;
    case 'enum':
      return spec.name === 'priority' ? `upper(${text})` : `lower(${text})`;
    case 'bool':
      return `(CASE WHEN list_contains(${list(TRUE_WORDS)}, lower(${text})) THEN true WHEN list_contains(${list(FALSE_WORDS)}, lower(${text})) THEN false END)`;
    case 'int':
      return `CAST(${col} AS INTEGER)`;
    case 'num':
      return col;
    case 'ts':
      return `from_local(${col})`;
  }
}

function problems(spec: ColumnSpec, present: boolean): string[] {
  if (!present) return [];
  const col = spec.name;
  const checks: string[] = [];
  if (spec.required) checks.push(`${value(spec, true)} IS NULL`);
  if (spec.type === 'enum') {
    checks.push(
      `(${col} IS NOT NULL AND NOT list_contains(${list(spec.codes ?? [])}, ${value(spec, true)}))`
    );
  }
  if (spec.type === 'bool')
    checks.push(`(NULLIF(trim(${col}), '') IS NOT NULL AND ${value(spec, true)} IS NULL)`);
  if (spec.type === 'int') checks.push(`(${col} <> floor(${col}))`);
  if (spec.min !== undefined) checks.push(`(${col} < ${spec.min})`);
  if (spec.max !== undefined) checks.push(`(${col} > ${spec.max})`);
  return checks;
}

/**
 * Reads a canonical file typed into `checked` (the same columns the text path builds) and
 * defines the time-zone macros first (see `defineMacros`). Returns false, leaving nothing
 * behind, when anything in the file needs the text path's explanations.
 */
export async function readTyped(
  db: Db,
  path: string,
  prepared: PreparedFile,
  defineMacros: (createdRange: string) => Promise<void>
): Promise<boolean> {
  const specs = prepared.header.map((name) => columnSpec(name)!);
  const columns = specs.map((s) => `'${s.name}': '${READER_TYPE[s.type]}'`).join(', ');
  const delimiter = prepared.delimiter === '\t' ? '\\t' : prepared.delimiter;
  await db.exec('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans;');
  try {
    await db.exec(`CREATE OR REPLACE TEMP TABLE typed AS SELECT * FROM read_csv('${path}',
      header = true, auto_detect = false, delim = '${delimiter}', quote = '"', escape = '"',
      columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S', store_rejects = true,
      rejects_table = 'csv_rejects', rejects_scan = 'csv_scans', max_line_size = 10000000)`);
  } catch {
    return false;
  }
  const [rejects] = await db.query<{ n: number }>('SELECT count(*) AS n FROM csv_rejects');
  if ((rejects?.n ?? 0) > 0) return abandon(db);

  await defineMacros('SELECT min(created_at) AS lo, max(created_at) AS hi FROM typed');
  const present = new Set(prepared.header);
  const values = COLUMNS.map((s) => `${value(s, present.has(s.name))} AS ${s.name}`).join(', ');
  const checks = COLUMNS.flatMap((s) => problems(s, present.has(s.name)));
  const cross = CROSS_COLUMN_CHECKS.map(([condition]) => `(${condition})`);
  const local = COLUMNS.filter((c) => c.type === 'ts' && present.has(c.name))
    .map((c) => `from_local(${c.name}) AS ${c.name}`)
    .join(', ');
  const absentTimes = COLUMNS.filter((c) => c.type === 'ts' && !present.has(c.name))
    .map((c) => `, CAST(NULL AS TIMESTAMP) AS ${c.name}`)
    .join('');
  const anyProblem = [...checks, ...cross].map((c) => `coalesce(${c}, false)`).join(' OR ');
  const [check] = await db.query<{ bad: number; n: number; ids: number }>(
    `SELECT count(*) FILTER (WHERE ${anyProblem}) AS bad, count(*) AS n,
       count(DISTINCT trim(ticket_id)) AS ids
     FROM (SELECT * ${local ? `REPLACE (${local})` : ''}${absentTimes} FROM typed)`
  );
  if (!check || check.bad > 0 || check.ids !== check.n) {
    return abandon(db);
  }
  await db.exec(
    `CREATE OR REPLACE TEMP VIEW checked AS SELECT CAST(NULL AS BIGINT) AS __rec, ${values}, '' AS __reason FROM typed`
  );
  return true;
}

async function abandon(db: Db): Promise<false> {
  await db.exec('DROP TABLE IF EXISTS typed');
  return false;
}
