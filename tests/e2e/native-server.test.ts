import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNativeServer, type NativeServer } from '../../scripts/bench/native-server';
import { openNodeDb } from '../../src/lib/db/node';
import { HEADLINE_METRICS } from '../../src/lib/metrics/catalogue/headline';
import { SERVICE_METRICS } from '../../src/lib/metrics/catalogue/service';
import { BUILD_DIR, cardValues, waitForMetrics } from './support/app';
import { launchChromium } from './support/browser';

/** The bundled dataset as two Parquet files, read through a glob by the server and the CLI. */
async function writeParquetParts(dir: string): Promise<string> {
  const db = await openNodeDb();
  try {
    const source = "read_csv('data/tickets.csv.gz', all_varchar = true)";
    await db.exec(`COPY (SELECT * FROM ${source} WHERE created_at < '2026-03')
      TO '${dir}/part-1.parquet'`);
    await db.exec(`COPY (SELECT * FROM ${source} WHERE created_at >= '2026-03')
      TO '${dir}/part-2.parquet'`);
  } finally {
    await db.close();
  }
  return join(dir, 'part-*.parquet');
}

function cliMetrics(args: string[]): Record<string, number | null> {
  const output = execFileSync('npx', ['tsx', 'src/cli/kpi.ts', ...args, '--json'], {
    encoding: 'utf8'
  });
  return JSON.parse(output).metrics;
}

describe('the dashboard on native DuckDB (npm run serve)', () => {
  let dir: string;
  let glob: string;
  let server: NativeServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'native-serve-'));
    glob = await writeParquetParts(dir);
    server = await startNativeServer(['--data', glob, '--build', BUILD_DIR]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the CLI’s figures, says it is on the server, and asks nothing beyond 127.0.0.1', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const foreign: string[] = [];
    const queries: string[] = [];
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(`${server.origin}/`) && !/^(data|blob):/.test(target)) {
        foreign.push(target);
      }
      if (target.endsWith('/api/query')) queries.push(target);
    });
    await page.goto(server.url);
    await waitForMetrics(page);
    const shown = await cardValues(page);
    const cli = cliMetrics([glob]);
    for (const metric of [...SERVICE_METRICS, ...HEADLINE_METRICS]) {
      const expected = cli[metric.id];
      if (expected === null) expect(shown[metric.id], metric.id).toBeNull();
      else expect(shown[metric.id], metric.id).toBeCloseTo(expected as number, 9);
    }
    expect(await page.getAttribute('[data-engine]', 'data-engine')).toBe('server');
    expect(await page.isDisabled('input[type="file"]')).toBe(true);
    expect(queries.length).toBeGreaterThan(0);

    await page.goto(`${server.origin}/channels?entry_channel=hotline`);
    await waitForMetrics(page);
    const filtered = await cardValues(page);
    const cliHotline = cliMetrics([glob, '--channel', 'hotline']);
    expect(filtered.avg_wait_seconds).toBeCloseTo(cliHotline.avg_wait_seconds as number, 9);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('opened without the token, the page stays on its own in-browser engine', async () => {
    const response = await fetch(`${server.origin}/api/dataset`);
    expect(response.status).toBe(401);
  });
});
