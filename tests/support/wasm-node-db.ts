import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { arrowToRows } from '../../src/lib/db/arrow-rows';
import { SESSION_SETUP, type Db, type Row, type SqlParam } from '../../src/lib/db/types';

const dist = dirname(
  createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')
);

/** duckdb-wasm (the browser's DuckDB build) run synchronously in Node, for tests. */
export async function openWasmNodeDb(): Promise<Db> {
  const db = await duckdb.createDuckDB(
    {
      mvp: {
        mainModule: join(dist, 'duckdb-mvp.wasm'),
        mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
      },
      eh: {
        mainModule: join(dist, 'duckdb-eh.wasm'),
        mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
      }
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  return connectionDb(db, db.connect(), () => db.reset());
}

function connectionDb(
  db: duckdb.DuckDBBindings,
  conn: duckdb.DuckDBConnection,
  closeDatabase: () => void
): Db {
  for (const statement of SESSION_SETUP) conn.query(statement);
  return {
    engine: 'duckdb-wasm',
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      if (params.length === 0) return arrowToRows<T>(conn.query(sql));
      const statement = conn.prepare(sql);
      try {
        return arrowToRows<T>(statement.query(...params));
      } finally {
        statement.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
      return name;
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    async connect() {
      return connectionDb(db, db.connect(), () => undefined);
    },
    async close() {
      conn.close();
      closeDatabase();
    }
  };
}
