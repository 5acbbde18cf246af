import type { PreparedFile } from '../load/prepare-file';
import { readCsvSql, RESET_REJECT_TABLES } from './read-csv-sql';

/**
 * How the loader reads every row of a prepared file: the page registers the file's bytes and
 * reads them with `read_csv`; the CLI lets DuckDB read the files on disk itself (Parquet, CSV,
 * many files at once). Validation and derivation run on what it returns, the same either way.
 */
export interface RowReader {
  /** Statements run before a read: drop (or create empty) the reject tables. */
  reset: string;
  /** False when the typed fast path must not read it (e.g. times that carry their own zone). */
  typed?: boolean;
  /**
   * True when every query can read the rows again from the files (Parquet on disk): a typed
   * load may then keep them as a view instead of copying them.
   */
  rereadable?: boolean;
  /**
   * Columns the files already hold as BOOLEAN (Parquet): read as they are, they need neither
   * the text → boolean translation nor its check, which cost far more than the read itself.
   */
  booleans?: readonly string[];
  /** A table expression of every row, with the asked column names and types, in file order. */
  sql(
    prepared: PreparedFile,
    columns: ReadonlyArray<[name: string, type: string]>,
    extraOptions?: string
  ): string;
}

/** Reads a CSV file DuckDB can open under `path` (a registered buffer or a file on disk). */
export function csvRowReader(path: string | readonly string[]): RowReader {
  return {
    reset: RESET_REJECT_TABLES,
    sql: (prepared, columns, extraOptions) => readCsvSql(path, prepared, columns, extraOptions)
  };
}
