import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { arrowToRows } from './arrow-rows';
import { SESSION_SETUP, type Db, type Row, type SqlParam } from './types';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** The database file in the origin's private file system (OPFS) that keeps the loaded data. */
const KEPT_PATH = 'opfs://tickets.duckdb';
const QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true };

let opening: Promise<Db> | undefined;
let notKept: string | null = null;

/** The page's one database: instantiated once, from files the app's own build serves. */
export function browserDb(): Promise<Db> {
  opening ??= open();
  return opening;
}

/**
 * Null when the database lives in this browser's private file storage (what is committed
 * survives a reload), else why it lives in memory only. Ask after `browserDb()` resolved.
 */
export function whyNotKept(): string | null {
  return notKept;
}

/** Opens the database file in OPFS, or, when the browser has none or it is locked, in memory. */
async function openKeptOrMemory(db: duckdb.AsyncDuckDB): Promise<string | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') {
    await db.open({ query: QUERY_CONFIG });
    return 'this browser offers no private file storage (OPFS)';
  }
  try {
    await db.open({
      path: KEPT_PATH,
      accessMode: duckdb.DuckDBAccessMode.READ_WRITE,
      query: QUERY_CONFIG
    });
    return null;
  } catch (error) {
    await db.open({ query: QUERY_CONFIG });
    const text = error instanceof Error ? error.message : String(error);
    return `the browser's file storage could not be opened (${text.split('\n')[0]!.slice(0, 160)}; is the app open in another tab?)`;
  }
}

async function open(): Promise<Db> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  notKept = await openKeptOrMemory(db);
  const conn = await db.connect();
  for (const statement of SESSION_SETUP) await conn.query(statement);
  return connectionDb(db, conn, async () => {
    await db.terminate();
    opening = undefined;
  });
}

/** One connection of the page's database as a `Db`; `close` closes it, then runs `closeDatabase`. */
function connectionDb(
  db: duckdb.AsyncDuckDB,
  conn: duckdb.AsyncDuckDBConnection,
  closeDatabase: () => Promise<void>
): Db {
  return {
    engine: 'duckdb-wasm',
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      if (params.length === 0) return arrowToRows<T>(await conn.query(sql));
      const statement = await conn.prepare(sql);
      try {
        return arrowToRows<T>(await statement.query(...params));
      } finally {
        await statement.close();
      }
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async registerFile(name: string, bytes: Uint8Array) {
      await db.registerFileBuffer(name, bytes);
      return name;
    },
    async dropFile(name: string) {
      await db.dropFile(name);
    },
    async connect() {
      const other = await db.connect();
      for (const statement of SESSION_SETUP) await other.query(statement);
      return connectionDb(db, other, async () => undefined);
    },
    async close() {
      await conn.close();
      await closeDatabase();
    }
  };
}
