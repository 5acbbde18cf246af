import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import { TOKEN_HEADER } from '../../src/lib/db/remote';
import type { Db } from '../../src/lib/db/types';
import { createQueryServer } from '../../src/server/http-server';
import { ResultCache } from '../../src/server/result-cache';
import { openServedDb } from '../../src/server/served-db';

const TOKEN = 'test-token-0123456789';

describe('npm run serve: the query server', () => {
  let server: Server;
  let db: Db;
  let origin: string;
  const cache = new ResultCache();
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'native-server-'));
    const root = join(dir, 'build');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    const path = join(dir, 'served.duckdb');
    const loaded = await loadForCli('tests/fixtures/tiny.csv', {}, { db: path });
    await loaded.db.close();
    const served = await openServedDb(path, {});
    db = served.db;
    server = createQueryServer({ db, report: served.report, bytes: 1, token: TOKEN, root, cache });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  function query(sql: string, params: unknown[] = [], headers: Record<string, string> = {}) {
    return fetch(`${origin}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
      body: JSON.stringify({ sql, params })
    });
  }

  it('answers a prepared SELECT with bound parameters', async () => {
    const response = await query('SELECT count(*) AS n FROM tickets WHERE entry_channel = ?', [
      'hotline'
    ]);
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as { rows: { n: number }[] };
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a repeated query from its cache, the same rows; other parameters are run', async () => {
    const sql = 'SELECT count(*) AS n FROM tickets WHERE entry_channel <> ?';
    const rows = async (channel: string) =>
      ((await (await query(sql, [channel])).json()) as { rows: unknown[] }).rows;
    const first = await rows('hotline');
    const hits = cache.hits;
    expect(await rows('hotline')).toEqual(first);
    expect(cache.hits).toBe(hits + 1);
    const other = await rows('no such channel');
    expect(cache.hits).toBe(hits + 1);
    expect(other).not.toEqual(first);
  });

  it('wants the token on every API request', async () => {
    expect((await query('SELECT 1', [], { [TOKEN_HEADER]: 'wrong' })).status).toBe(401);
    const noToken = await fetch(`${origin}/api/dataset`);
    expect(noToken.status).toBe(401);
    const dataset = await fetch(`${origin}/api/dataset`, { headers: { [TOKEN_HEADER]: TOKEN } });
    expect(((await dataset.json()) as { report: { name: string } }).report.name).toBe('tiny.csv');
  });

  it('refuses other origins and other hosts (no CORS, no DNS rebinding)', async () => {
    expect((await query('SELECT 1', [], { origin: 'http://evil.example' })).status).toBe(403);
    expect((await query('SELECT 1', [], { origin })).status).toBe(200);
    // fetch forbids setting Host; a raw request does.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const port = Number(new URL(origin).port);
      request(
        { host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } },
        (r) => resolve(r.statusCode ?? 0)
      ).end();
    });
    expect(status).toBe(403);
  });

  it('refuses DDL, DML, ATTACH, COPY, INSTALL, SET, PRAGMA and stacked statements', async () => {
    for (const sql of [
      'DROP TABLE tickets',
      'CREATE TABLE x AS SELECT 1',
      'DELETE FROM tickets',
      "ATTACH 'other.db'",
      "COPY tickets TO 'out.csv'",
      'INSTALL httpfs',
      'LOAD httpfs',
      'SET threads = 1',
      'PRAGMA version',
      'CALL pragma_version()',
      'SELECT 1; DROP TABLE tickets'
    ]) {
      const response = await query(sql);
      expect(response.status, sql).toBe(403);
    }
    const [{ n }] = (await (await query('SELECT count(*) AS n FROM tickets')).json()).rows;
    expect(n).toBeGreaterThan(0);
  });

  it('a SELECT cannot read other files: file access is off and locked', async () => {
    const response = await query('SELECT * FROM read_text(?)', ['/etc/hostname']);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /disabled by configuration/
    );
    expect((await query('SET enable_external_access = true')).status).toBe(403);
  });

  it('serves the built app, with the SPA fallback for page routes, and nothing outside it', async () => {
    const page = await fetch(`${origin}/channels`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>app</title>');
    expect((await fetch(`${origin}/..%2f..%2fetc%2fhostname`)).status).toBe(404);
  });
});
