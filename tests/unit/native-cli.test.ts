import { mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toKpiJson } from '../../src/cli/kpi-output';
import { engineOptions } from '../../src/cli/engine-flags';
import { defaultMemoryLimit, loadForCli } from '../../src/cli/load-for-cli';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, rejectedRows, type LoadReport } from '../../src/lib/ingest/load/load';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { expectSame } from '../support/expect-same';

const dir = mkdtempSync(join(tmpdir(), 'native-cli-'));
const at = (name: string) => join(dir, name);

/** 3,000 rows of the bundled dataset, every 500th with an unreadable created_at. */
async function writeFixtures(): Promise<void> {
  const db = await openNodeDb();
  const rows = `(SELECT * REPLACE (CASE WHEN k % 500 = 7 THEN 'not a time' ELSE created_at END AS created_at)
    FROM (SELECT *, row_number() OVER () AS k
          FROM read_csv('data/tickets.csv.gz', all_varchar = true) LIMIT 3000))`;
  const clean = `(SELECT * FROM read_csv('data/tickets.csv.gz') LIMIT 3000)`;
  const part = (sql: string, where: string) => `(SELECT * EXCLUDE (k) FROM ${sql} WHERE ${where})`;
  try {
    await db.exec(`COPY ${part(rows, 'true')} TO '${at('whole.csv')}' (HEADER)`);
    await db.exec(`COPY ${part(rows, 'k <= 1200')} TO '${at('part-1.csv')}' (HEADER)`);
    await db.exec(`COPY ${part(rows, 'k > 1200')} TO '${at('part-2.csv.gz')}' (HEADER)`);
    await db.exec(`COPY ${clean} TO '${at('clean.csv')}' (HEADER)`);
    await db.exec(`COPY (FROM ${clean} LIMIT 1000) TO '${at('clean-1.parquet')}'`);
    await db.exec(`COPY (FROM ${clean} OFFSET 1000) TO '${at('clean-2.parquet')}'`);
    // UTC-adjusted times and the bad rows: the validating text path, as the page reads them.
    await db.exec(`COPY (SELECT * EXCLUDE (k) REPLACE (
        CASE WHEN created_at = 'not a time' THEN NULL ELSE CAST(created_at AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai' END AS created_at)
      FROM ${rows}) TO '${at('zoned.parquet')}'`);
  } finally {
    await db.close();
  }
}

async function figures(db: Db, report: LoadReport) {
  const results = await computeMetrics(db, { present: report.presentColumns });
  return toKpiJson(report, results);
}

async function cliFigures(paths: string | string[], engine = {}) {
  const { db, report, reused } = await loadForCli(paths, {}, engine);
  try {
    return {
      json: await figures(db, report),
      report,
      reused,
      rejected: await rejectedRows(db, report.header.length)
    };
  } finally {
    await db.close();
  }
}

/** The page's way: the file's bytes through the JS readers (hyparquet for Parquet). */
async function pageFigures(path: string) {
  const db = await openNodeDb();
  try {
    const report = await loadTicketFile(db, { name: path, bytes: readFileSync(path) });
    return {
      json: await figures(db, report),
      rejected: await rejectedRows(db, report.header.length)
    };
  } finally {
    await db.close();
  }
}

describe('CLI on many files, globs and Parquet, read by DuckDB itself', () => {
  beforeAll(writeFixtures, 60_000);

  it('a glob over CSV parts (plain and .gz) gives the whole file’s rows and figures', async () => {
    const whole = await cliFigures(at('whole.csv'));
    const parts = await cliFigures(join(dir, 'part-*.csv*'));
    expect(whole.json.rows).toEqual({ total: 3000, accepted: 2994, rejected: 6, tickets: 2994 });
    expect(parts.json.rows).toEqual(whole.json.rows);
    expectSame(parts.json.metrics, whole.json.metrics, 'metrics');
    expect(parts.report.name).toBe('2 files');
  }, 60_000);

  it('a natively read CSV rejects the same rows, with the same lines and reasons, as the page', async () => {
    const cli = await cliFigures(at('whole.csv'));
    const page = await pageFigures(at('whole.csv'));
    expect(cli.rejected).toEqual(page.rejected);
    expect(cli.rejected[0]).toMatchObject({
      line: 8,
      reason: 'unreadable timestamp created_at "not a time"'
    });
    expectSame(cli.json.metrics, page.json.metrics, 'metrics');
  }, 60_000);

  it('Parquet parts are read with read_parquet and give the CSV’s figures', async () => {
    const csv = await cliFigures(at('clean.csv'));
    const parquet = await cliFigures([at('clean-1.parquet'), at('clean-2.parquet')]);
    expect(parquet.report.encoding).toBe('parquet');
    expect(parquet.json.rows).toEqual(csv.json.rows);
    expectSame(parquet.json.metrics, csv.json.metrics, 'metrics');
  }, 60_000);

  it('a Parquet file with UTC-adjusted times and bad rows gives the page’s rows and figures', async () => {
    const cli = await cliFigures(at('zoned.parquet'));
    const page = await pageFigures(at('zoned.parquet'));
    expect(cli.json.rows).toEqual(page.json.rows);
    expect(cli.json.rows.rejected).toBe(6);
    expect(cli.rejected.map((r) => [r.line, r.reason])).toEqual(
      page.rejected.map((r) => [r.line, r.reason])
    );
    expectSame(cli.json.metrics, page.json.metrics, 'metrics');
  }, 60_000);

  it('--db keeps the load and reuses it until a file changes', async () => {
    const db = at('kept.duckdb');
    const first = await cliFigures(join(dir, 'part-*.csv*'), { db });
    const second = await cliFigures(join(dir, 'part-*.csv*'), { db });
    expect([first.reused, second.reused]).toEqual([false, true]);
    expectSame(second.json, first.json, 'json');
    expect(second.rejected).toEqual(first.rejected);
    const later = new Date(Date.now() + 60_000);
    utimesSync(at('part-1.csv'), later, later);
    const third = await cliFigures(join(dir, 'part-*.csv*'), { db });
    expect(third.reused).toBe(false);
    const other = await cliFigures(at('whole.csv'), { db });
    expect(other.reused).toBe(false);
  }, 90_000);

  it('--memory becomes DuckDB’s memory limit; the default is half the machine', async () => {
    const { db } = await loadForCli(at('part-1.csv'), {}, { memory: '512MiB' });
    try {
      const [row] = await db.query<{ limit: string }>(
        `SELECT current_setting('memory_limit') AS "limit"`
      );
      expect(row?.limit).toBe('512.0 MiB');
    } finally {
      await db.close();
    }
    expect(defaultMemoryLimit()).toMatch(/^\d+MiB$/);
    expect(() => engineOptions({ memory: 'lots' })).toThrow(/--memory lots: expected a size/);
  }, 30_000);

  it('a pattern matching nothing, and parts with different headers, are clear errors', async () => {
    await expect(loadForCli(join(dir, 'none-*.parquet'))).rejects.toThrow(
      /no file matches this pattern/
    );
    await expect(loadForCli([at('part-1.csv'), 'tests/fixtures/tiny.csv'])).rejects.toThrow(
      /header differs/
    );
  }, 30_000);
});
