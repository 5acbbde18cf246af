import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import { openNodeDb } from '../../src/lib/db/node';
import { TOKEN_HEADER } from '../../src/lib/db/remote';
import type { Db, Row, SqlParam } from '../../src/lib/db/types';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { createQueryServer } from '../../src/server/http-server';
import { lockDown } from '../../src/server/served-db';
import { COPY_MAX_TICKETS, materializeTickets } from '../../src/server/served-table';
import { expectSame } from '../support/expect-same';

const TOKEN = 'test-token-in-place-0123';
const dir = mkdtempSync(join(tmpdir(), 'serve-in-place-'));
const at = (name: string) => join(dir, name);

/** The bundled dataset's first 4,000 rows as two Parquet files, and a third file not served. */
async function writeFixtures(): Promise<void> {
  const db = await openNodeDb();
  const rows = `(SELECT *, row_number() OVER () AS k FROM read_csv('data/tickets.csv.gz') LIMIT 4000)`;
  try {
    for (const [name, where] of <Array<[string, string]>>[
      ['part-1.parquet', 'k <= 2500'],
      ['part-2.parquet', 'k > 2500'],
      ['other.parquet', 'k <= 10']
    ]) {
      await db.exec(`COPY (SELECT * EXCLUDE (k) FROM ${rows} WHERE ${where}) TO '${at(name)}'`);
    }
  } finally {
    await db.close();
  }
}

describe('npm run serve without --db: the load kpi makes, its Parquet view copied once', () => {
  let server: Server;
  let served: Db;
  let origin: string;
  let copied: boolean;
  beforeAll(async () => {
    await writeFixtures();
    const root = at('build');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    const loaded = await loadForCli(at('part-*.parquet'));
    served = loaded.db;
    copied = await materializeTickets(served, loaded.report.rows.tickets);
    await lockDown(served, []);
    server = createQueryServer({ db: served, report: loaded.report, bytes: 1, token: TOKEN, root });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function query(sql: string, params: unknown[] = []) {
    return fetch(`${origin}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN },
      body: JSON.stringify({ sql, params })
    });
  }

  /** The page's connector in miniature: every query goes over HTTP to the server. */
  const remote = {
    engine: 'duckdb-native',
    async query<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []) {
      const response = await query(sql, [...params]);
      const body = (await response.json()) as { rows?: T[]; error?: string };
      if (!response.ok) throw new Error(body.error);
      return body.rows!;
    }
  } as Db;

  it('copies the view kpi reads the Parquet through into a table, and keeps no view', async () => {
    expect(copied).toBe(true);
    const response = await query(
      `SELECT table_name AS name, table_type AS type FROM information_schema.tables
       WHERE table_name IN ('tickets', 'checked', 'typed') ORDER BY 1`
    );
    expect(((await response.json()) as { rows: unknown[] }).rows).toEqual([
      { name: 'tickets', type: 'BASE TABLE' }
    ]);
    expect(await materializeTickets(served, 4000)).toBe(false);
  });

  it('past COPY_MAX_TICKETS the view stays: the server starts in the time of the load', async () => {
    const large = await loadForCli(at('part-*.parquet'));
    try {
      expect(await materializeTickets(large.db, COPY_MAX_TICKETS + 1)).toBe(false);
      const [kind] = await large.db.query<{ type: string }>(
        `SELECT table_type AS type FROM information_schema.tables WHERE table_name = 'tickets'`
      );
      expect(kind?.type).toBe('VIEW');
    } finally {
      await large.db.close();
    }
  });

  it('gives the page the figures the CLI computes on its own load of the same files', async () => {
    const cli = await loadForCli(at('part-*.parquet'));
    try {
      const present = cli.report.presentColumns;
      const filters = { entry_channel: ['hotline', 'mini_program'], region: ['domestic'] };
      for (const request of [{ present }, { present, filters }]) {
        const page = await computeMetrics(remote, request);
        const own = await computeMetrics(cli.db, request);
        expectSame(page, own, 'figures');
        expect(page.find((m) => m.id === 'tickets')).toMatchObject({
          value: request.filters ? expect.any(Number) : 4000
        });
      }
    } finally {
      await cli.db.close();
    }
  });

  it('a SELECT reads no file, not the served ones nor one beside them', async () => {
    for (const path of [at('part-1.parquet'), at('other.parquet'), '/etc/hostname']) {
      const response = await query('SELECT * FROM read_text(?)', [path]);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(
        /disabled by configuration/
      );
    }
    expect((await query("SET allowed_paths = ['/etc/hostname']")).status).toBe(403);
  });

  it('nothing changes the load: only one SELECT is answered, query() runs SELECTs only', async () => {
    for (const sql of [
      'DROP TABLE tickets',
      'CREATE TABLE x AS SELECT 1',
      'DELETE FROM rejected'
    ]) {
      expect((await query(sql)).status, sql).toBe(403);
    }
    expect((await query("SELECT * FROM query('DROP TABLE tickets')")).status).toBe(400);
    const rows = await remote.query<{ n: number }>('SELECT count(*) AS n FROM tickets');
    expect(rows[0]!.n).toBe(4000);
  });
});
