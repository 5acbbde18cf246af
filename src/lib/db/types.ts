/** A value that may be bound to a `?` placeholder of a prepared statement. */
export type SqlParam = string | number | boolean | null;

/** One result row: BIGINT arrives as number, timestamps as epoch milliseconds. */
export type Row = Record<string, unknown>;

/**
 * The one database interface the app, the CLI and the tests share. The same SQL runs on
 * duckdb-wasm in the browser and on native DuckDB in Node.
 */
export interface Db {
  /** Runs one statement; values are bound as prepared-statement parameters, never pasted. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs statements that take no parameters and return nothing (DDL). */
  exec(sql: string): Promise<void>;
  /** Makes bytes readable by `read_csv` under the returned path literal. */
  registerFile(name: string, bytes: Uint8Array): Promise<string>;
  dropFile(name: string): Promise<void>;
  /**
   * Another connection to the same database (its own transactions and temp tables): a load
   * runs on one so that page queries only ever see committed tables. `close` on it closes
   * just that connection. Absent: the engine has one connection only.
   */
  connect?(): Promise<Db>;
  close(): Promise<void>;
  readonly engine: 'duckdb-wasm' | 'duckdb-native';
}

/** Statements every connection runs first: no extension is ever fetched from the network. */
export const SESSION_SETUP = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false'
];

export function toPlainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (isArrowVector(value)) return Array.from(value, toPlainValue);
  return value;
}

/** A LIST from duckdb-wasm arrives as an Arrow vector: iterable, with `toArray`. */
function isArrowVector(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toArray?: unknown }).toArray === 'function' &&
    Symbol.iterator in value
  );
}

export function toPlainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const key of Object.keys(row)) out[key] = toPlainValue(row[key]);
  return out;
}
