import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_SETUP, toPlainRow, type Db, type Row, type SqlParam } from './types';

export interface NodeDbOptions {
  /** A database file (kept between runs); in memory without one. */
  path?: string;
  readOnly?: boolean;
  /** DuckDB's `memory_limit`, e.g. `4GB`; past it, work spills to `tempDirectory`. */
  memoryLimit?: string;
  tempDirectory?: string;
}

/** Native DuckDB for the CLI, the tests and the benchmark's reference run. */
export async function openNodeDb(options: NodeDbOptions = {}): Promise<Db> {
  const instance = await DuckDBInstance.create(
    options.path ?? ':memory:',
    options.readOnly ? { access_mode: 'READ_ONLY' } : {}
  );
  const first: DuckDBConnection = await instance.connect();
  // Both settings are the database's, so every later connection shares them.
  if (options.memoryLimit) await first.run(`SET memory_limit = '${options.memoryLimit}'`);
  if (options.tempDirectory) {
    await first.run(`SET temp_directory = '${options.tempDirectory.replaceAll("'", "''")}'`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'cs-dash-'));
  return connectionDb(instance, first, dir, () => {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** One connection of `instance` as a `Db`; `close` closes it, then runs `closeDatabase`. */
async function connectionDb(
  instance: DuckDBInstance,
  connection: DuckDBConnection,
  dir: string,
  closeDatabase: () => void
): Promise<Db> {
  for (const statement of SESSION_SETUP) await connection.run(statement);
  return {
    engine: 'duckdb-native',
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[]);
      return reader.getRowObjectsJS().map((r) => toPlainRow(r as Record<string, unknown>) as T);
    },
    async exec(sql: string) {
      await connection.run(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      const path = join(dir, safeFileName(name));
      writeFileSync(path, bytes);
      return path;
    },
    async dropFile(name: string) {
      rmSync(join(dir, safeFileName(name)), { force: true });
    },
    async connect() {
      return connectionDb(instance, await instance.connect(), dir, () => undefined);
    },
    async close() {
      connection.closeSync();
      closeDatabase();
    }
  };
}

export function safeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
