import type { CliEngineOptions } from './load-for-cli';

/** parseArgs options every CLI that loads data takes: where native DuckDB works. */
export const ENGINE_FLAGS = {
  db: { type: 'string' },
  memory: { type: 'string' },
  temp: { type: 'string' }
} as const;

export const ENGINE_USAGE = '[--db FILE.duckdb] [--memory 4GB] [--temp DIR]';

/** The engine options from parsed flags; a memory limit must read like `4GB` or `512MB`. */
export function engineOptions(values: {
  db?: string;
  memory?: string;
  temp?: string;
}): CliEngineOptions {
  const memory = values.memory?.trim();
  if (memory !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memory)) {
    throw new Error(`--memory ${values.memory}: expected a size such as 4GB or 512MB`);
  }
  return { db: values.db, memory, temp: values.temp };
}
