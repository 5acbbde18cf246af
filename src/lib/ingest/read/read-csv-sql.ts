import type { PreparedFile } from '../load/prepare-file';

/**
 * The `read_csv(...)` call both load paths use: the sniffed dialect, explicit column types
 * (`columns` maps a safe name of ours to a DuckDB type; nothing is sniffed by DuckDB) and
 * unreadable lines kept in `csv_rejects` with their line numbers. Run
 * `RESET_REJECT_TABLES` before it.
 */
export function readCsvSql(
  path: string | readonly string[],
  prepared: PreparedFile,
  columns: ReadonlyArray<[name: string, type: string]>,
  extraOptions = ''
): string {
  const delimiter = prepared.delimiter === '\t' ? '\\t' : prepared.delimiter;
  const types = columns.map(([name, type]) => `'${name}': '${type}'`).join(', ');
  return `read_csv(${sqlPaths(path)},
    header = true, auto_detect = false, delim = '${delimiter}', quote = '"', escape = '"',
    columns = {${types}}, ${extraOptions ? `${extraOptions}, ` : ''}store_rejects = true,
    rejects_table = 'csv_rejects', rejects_scan = 'csv_scans', max_line_size = 10000000)`;
}

export const RESET_REJECT_TABLES =
  'DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans;';

/** A path or a list of paths as a SQL literal (quotes doubled). */
export function sqlPaths(path: string | readonly string[]): string {
  const quote = (p: string) => `'${p.replaceAll("'", "''")}'`;
  return typeof path === 'string' ? quote(path) : `[${path.map(quote).join(', ')}]`;
}

/** An empty `csv_rejects` for sources DuckDB reads without a CSV parser (Parquet). */
export const EMPTY_REJECT_TABLES = `${RESET_REJECT_TABLES}
  CREATE TEMP TABLE csv_rejects (scan_id UBIGINT, file_id UBIGINT, line UBIGINT,
    line_byte_position UBIGINT, byte_position UBIGINT, column_idx UBIGINT, column_name VARCHAR,
    error_type VARCHAR, csv_line VARCHAR, error_message VARCHAR);`;
