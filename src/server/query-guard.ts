import type { Db, SqlParam } from '../lib/db/types';

/** Why a request is refused, for the 4xx answer. */
export class RefusedQuery extends Error {}

/**
 * Accepts exactly one SELECT (WITH, FROM-first and DESCRIBE included) with bound parameters:
 * DuckDB's own parser decides, through `json_serialize_sql`, which serialises SELECTs only, so
 * DDL, DML, ATTACH, COPY, INSTALL, LOAD, SET, PRAGMA and CALL are refused whatever their
 * spelling. The database is also opened read-only with file access off (see `serve-db.ts`).
 */
export async function assertReadOnlySelect(db: Db, sql: unknown, params: unknown): Promise<void> {
  if (typeof sql !== 'string' || sql.length === 0 || sql.length > 200_000) {
    throw new RefusedQuery('expected {"sql": "SELECT …", "params": [...]}');
  }
  if (!Array.isArray(params) || !params.every(isParam)) {
    throw new RefusedQuery('params must be a list of strings, numbers, booleans or null');
  }
  const [parsed] = await db.query<{ j: string }>(
    'SELECT json_serialize_sql(CAST(? AS VARCHAR)) AS j',
    [sql]
  );
  const json = JSON.parse(parsed?.j ?? '{}') as {
    error?: boolean;
    error_message?: string;
    statements?: unknown[];
  };
  if (json.error)
    throw new RefusedQuery(`only SELECT statements are answered (${json.error_message})`);
  if (json.statements?.length !== 1) throw new RefusedQuery('send exactly one statement');
}

function isParam(value: unknown): value is SqlParam {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
