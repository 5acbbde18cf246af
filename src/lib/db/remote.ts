import type { LoadReport } from '../ingest/load/load';
import type { Db, Row, SqlParam } from './types';

/*
 * The page's connector to `npm run serve`: the same `Db` interface, answered by native DuckDB
 * on this machine (Mosaic's REST connector is the model). The server prints a URL with a token;
 * every request carries it in a header, and the server answers only read-only SELECTs.
 */

const TOKEN_KEY = 'nativeServerToken';
export const TOKEN_HEADER = 'x-dashboard-token';

/** The server's token when the page was opened from `npm run serve` (kept for the tab). */
export function serverToken(): string | null {
  if (typeof location === 'undefined' || typeof sessionStorage === 'undefined') return null;
  const fromUrl = new URL(location.href).searchParams.get('token');
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, fromUrl);
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY);
}

async function call<T>(path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const payload = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) {
    throw new Error(payload.error ?? `the DuckDB server answered ${response.status}`);
  }
  return payload;
}

/** What the server loaded: the load report, as the page's own load would give it. */
export async function serverDataset(token: string): Promise<{ report: LoadReport; bytes: number }> {
  return call('/api/dataset', token);
}

let remote: Db | undefined;

/** The server's database; loading files into it from the page is refused (the server owns the data). */
export function serverDb(token: string): Db {
  remote ??= {
    engine: 'duckdb-native',
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      const { rows } = await call<{ rows: T[] }>('/api/query', token, { sql, params });
      return rows;
    },
    async exec() {
      throw new Error('the DuckDB server is read-only: it serves the data it was started with');
    },
    async registerFile() {
      throw new Error('the DuckDB server is read-only: restart it with --data to load other files');
    },
    async dropFile() {},
    async close() {
      remote = undefined;
    }
  };
  return remote;
}
