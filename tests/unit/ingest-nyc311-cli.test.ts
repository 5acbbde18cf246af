import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { explainMapping } from '../../src/cli/mapping-report';
import { loadForCli } from '../../src/cli/load-for-cli';

const FILES = ['nyc311_sample_2022-05-01_924rows.csv', 'nyc311_sample_2024-05-27_1000rows.csv'];
const path = (file: string) => `../shared/evaldata/${file}`;

/** Wall-clock reading of a 311 timestamp (`05/01/2022 12:00:03 AM` or ISO), as epoch ms. */
function wallClockMs(text: string): number {
  const us = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) ([AP]M)$/.exec(text);
  if (us) {
    const [, mm, dd, yyyy, hh, mi, ss, ampm] = us;
    const hour = (Number(hh) % 12) + (ampm === 'PM' ? 12 : 0);
    return Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd), hour, Number(mi), Number(ss));
  }
  return Date.parse(`${text.slice(0, 19)}Z`);
}

/** Median of Closed Date − Created Date (minutes) over closed requests, from the raw CSV. */
function independentMedian(file: string): { closed: number; median: number } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path(file), 'utf8'), {
    header: true,
    skipEmptyLines: true
  });
  const key = (name: string) =>
    Object.keys(parsed.data[0]!).find((k) => k.toLowerCase().replace(/ /g, '_') === name)!;
  const [status, created, closed] = ['status', 'created_date', 'closed_date'].map(key);
  const minutes = parsed.data
    .filter((r) => r[status!] === 'Closed' && r[closed!])
    .map((r) => (wallClockMs(r[closed!]!) - wallClockMs(r[created!]!)) / 60_000)
    .sort((a, b) => a - b);
  const mid = minutes.length / 2;
  const median =
    minutes.length % 2 ? minutes[Math.floor(mid)]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
  return { closed: minutes.length, median };
}

describe.each(FILES)('NYC 311 %s loads through the CLI path with no mapping file', (file) => {
  const present = existsSync(path(file));

  it.runIf(present)('npm run kpi exits 0 and explains the kept channel code', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/kpi.ts', path(file), '--json'], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' }
    });
    expect(run.stderr).not.toContain('error:');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { rows: { total: number; rejected: number } };
    expect(json.rows.total).toBe(file.includes('924') ? 924 : 1000);
    expect(json.rows.rejected).toBe(0);
    expect(run.stderr).toContain('entry_channel: 1 code the contract does not list');
  });

  it.runIf(present)('resolve time median equals an independent computation', async () => {
    const { db, report } = await loadForCli(path(file));
    try {
      expect(() => explainMapping(report)).not.toThrow();
      const [got] = await db.query<{ n: number; median: number; open: number; unknown: number }>(
        `SELECT count(*) FILTER (WHERE status = 'resolved') AS n,
           median(resolve_minutes) FILTER (WHERE status = 'resolved') AS median,
           count(*) FILTER (WHERE status = 'open') AS open,
           count(*) FILTER (WHERE entry_channel = 'unknown') AS unknown
         FROM tickets`
      );
      const expected = independentMedian(file);
      expect(got?.n).toBe(expected.closed);
      expect(got?.median).toBeCloseTo(expected.median, 6);
      // Open, In Progress and Assigned are open; nothing else is in these samples
      expect((got?.n ?? 0) + (got?.open ?? 0)).toBe(report.rows.accepted);
      expect(got?.unknown).toBe(file.includes('924') ? 4 : 14);
    } finally {
      await db.close();
    }
  });
});
