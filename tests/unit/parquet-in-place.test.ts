import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKpiJson } from '../../src/cli/kpi-output';
import { loadForCli } from '../../src/cli/load-for-cli';
import { openNodeDb } from '../../src/lib/db/node';
import { rejectedRows } from '../../src/lib/ingest/load/load';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { expectSame } from '../support/expect-same';

const dir = mkdtempSync(join(tmpdir(), 'parquet-in-place-'));
const at = (name: string) => join(dir, name);

const BOOLEANS = ['fund_safety', 'cross_business', 'escalated', 'bot_answered', 'duplicate_answer'];

/**
 * 3,000 typed rows of the bundled dataset; the bad copy breaks a rule on a few of them; the
 * words copy writes its booleans as text (yes / no).
 */
async function writeFixtures(): Promise<void> {
  const db = await openNodeDb();
  const rows = `(SELECT *, row_number() OVER () AS k FROM read_csv('data/tickets.csv.gz') LIMIT 3000)`;
  try {
    await db.exec(`COPY (SELECT * EXCLUDE (k) FROM ${rows}) TO '${at('clean.parquet')}'`);
    await db.exec(`COPY (SELECT * EXCLUDE (k) REPLACE (
        CASE WHEN k % 700 = 3 THEN 9 ELSE csat END AS csat,
        CASE WHEN k = 1500 THEN NULL ELSE created_at END AS created_at,
        CASE WHEN k = 2000 THEN (SELECT ticket_id FROM read_csv('data/tickets.csv.gz') LIMIT 1)
             ELSE ticket_id END AS ticket_id)
      FROM ${rows}) TO '${at('bad.parquet')}'`);
    const words = BOOLEANS.map(
      (c) => `CASE WHEN ${c} THEN 'yes' WHEN NOT ${c} THEN 'no' END AS ${c}`
    ).join(', ');
    await db.exec(
      `COPY (SELECT * EXCLUDE (k) REPLACE (${words}) FROM ${rows}) TO '${at('words.parquet')}'`
    );
  } finally {
    await db.close();
  }
}

/** Figures, rejected rows and how `tickets` is held, in memory (in place) or with `--db` (copied). */
async function run(path: string, db?: string) {
  const loaded = await loadForCli(path, {}, db ? { db } : {});
  try {
    const results = await computeMetrics(loaded.db, { present: loaded.report.presentColumns });
    const [kind] = await loaded.db.query<{ type: string }>(
      `SELECT table_type AS type FROM information_schema.tables WHERE table_name = 'tickets'`
    );
    return {
      json: toKpiJson(loaded.report, results),
      rejected: await rejectedRows(loaded.db, loaded.report.header.length),
      loadPath: loaded.report.loadPath.kind,
      tickets: kind?.type
    };
  } finally {
    await loaded.db.close();
  }
}

describe('well-typed Parquet read in place (a view) or copied into a table', () => {
  beforeAll(writeFixtures, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a clean file is validated over read_parquet and kept as a view, with the copy’s figures', async () => {
    const inPlace = await run(at('clean.parquet'));
    const copied = await run(at('clean.parquet'), at('clean.duckdb'));
    expect([inPlace.loadPath, inPlace.tickets]).toEqual(['typed', 'VIEW']);
    expect([copied.loadPath, copied.tickets]).toEqual(['typed', 'BASE TABLE']);
    expect(inPlace.json.rows).toEqual({ total: 3000, accepted: 3000, rejected: 0, tickets: 3000 });
    expect(inPlace.json.rows).toEqual(copied.json.rows);
    expect(inPlace.rejected).toEqual([]);
    expectSame(inPlace.json.metrics, copied.json.metrics, 'metrics');
    expect(inPlace.json.unavailable).toEqual(copied.json.unavailable);
  }, 90_000);

  it('BOOLEAN columns read as they are give the figures of booleans written as words', async () => {
    const db = await openNodeDb();
    try {
      const types = await db.query<{ name: string; type: string }>(
        `SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet(?))`,
        [at('clean.parquet')]
      );
      const bools = types.filter((t) => t.type === 'BOOLEAN').map((t) => t.name);
      expect(bools.sort()).toEqual([...BOOLEANS].sort());
    } finally {
      await db.close();
    }
    const native = await run(at('clean.parquet'));
    const words = await run(at('words.parquet'));
    expect([native.loadPath, words.loadPath]).toEqual(['typed', 'typed']);
    expect(native.json.rows).toEqual(words.json.rows);
    expectSame(native.json.metrics, words.json.metrics, 'metrics');
    expect(native.json.unavailable).toEqual(words.json.unavailable);
  }, 90_000);

  it('a file with rows that break a rule falls back to the copy, rejecting the same rows', async () => {
    const inPlace = await run(at('bad.parquet'));
    const copied = await run(at('bad.parquet'), at('bad.duckdb'));
    expect([inPlace.loadPath, inPlace.tickets]).toEqual(['text', 'BASE TABLE']);
    expect(inPlace.json.rows).toEqual(copied.json.rows);
    // 5 csat out of range, 1 without created_at, 1 repeated id.
    expect(inPlace.json.rows.rejected).toBe(7);
    expect(inPlace.rejected).toEqual(copied.rejected);
    expect(inPlace.rejected.map((r) => r.line)).toEqual([4, 704, 1404, 1501, 2001, 2104, 2804]);
    expectSame(inPlace.json.metrics, copied.json.metrics, 'metrics');
  }, 90_000);
});
