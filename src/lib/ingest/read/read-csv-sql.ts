import type { PreparedFile } from '../load/prepare-file';

/**
 * The `read_csv(...)` call both load paths use: the sniffed dialect, explicit column types
 * (`columns` maps a safe name of ours to a DuckDB type; nothing is sniffed by DuckDB) and
 * unreadable lines kept in `csv_rejects` with their line numbers. Run
 * `RESET_REJECT_TABLES` before it.
 */
export function readCsvSql(
  path: string,
  prepared: PreparedFile,
  columns: ReadonlyArray<[name: string, type: string]>,
  extraOptions = ''
): string {
  const delimiter = prepared.delimiter === '\t' ? '\\t' : prepared.delimiter;
  const types = columns.map(([name, type]) => `'${name}': '${type}'`).join(', ');
  return `read_csv('${path}',
    header = true, auto_detect = false, delim = '${delimiter}', quote = '"', escape = '"',
    columns = {${types}}, ${extraOptions ? `${extraOptions}, ` : ''}store_rejects = true,
    rejects_table = 'csv_rejects', rejects_scan = 'csv_scans', max_line_size = 10000000)`;
}

export const RESET_REJECT_TABLES =
  'DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans;';
