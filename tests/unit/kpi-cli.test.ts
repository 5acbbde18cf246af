import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_IDS } from '../../src/lib/metrics/catalogue/service';
import { csvBytes } from '../fixtures/metrics/harness';
import { MINIMAL_CSV, SERVICE_CSV } from '../fixtures/metrics/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'kpi-cli-'));
const BANK = '../shared/evaldata/anonymous_bank_february_1999.txt';

function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, csvBytes(lines));
  return path;
}

function kpi(...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/kpi.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function kpiJson(...args: string[]) {
  const run = kpi(...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    metrics: Record<string, unknown>;
    unavailable: Record<string, string>;
  };
}

describe('kpi CLI: service basics', () => {
  it('puts every service-basics id in metrics (hand-computed, see metrics-service.test.ts)', () => {
    const { metrics, unavailable } = kpiJson(file('service.csv', SERVICE_CSV));
    for (const id of SERVICE_IDS) expect(unavailable[id], id).toBeUndefined();
    expect(metrics.tickets).toBe(8);
    expect(metrics.open_tickets).toBe(3);
    expect(metrics.first_response_minutes_median).toBeCloseTo(30, 9);
    expect(metrics.first_response_minutes_p90).toBeCloseTo(76, 9);
    expect(metrics.resolve_minutes_median).toBeCloseTo(90, 9);
    expect(metrics.resolve_minutes_p90).toBeCloseTo(204, 9);
    expect(metrics.handle_seconds_mean).toBeCloseTo(200, 9);
    expect(metrics.csat_mean).toBeCloseTo(19 / 6, 9);
    expect(metrics.csat_satisfied_rate).toBeCloseTo(0.5, 12);
  });

  it('a file with no seed column: null metrics say what they need', () => {
    const { metrics, unavailable } = kpiJson(file('minimal.csv', MINIMAL_CSV));
    expect(metrics.tickets).toBe(4);
    expect(metrics.resolve_minutes_median).toBeCloseTo(90, 9);
    expect(metrics.csat_mean).toBeNull();
    expect(unavailable.csat_mean).toBe('not available — needs column csat');
    expect(unavailable.self_service_rate).toBe('not available — needs column resolved_by');
  });

  it('the text table shows minutes as readable durations', () => {
    const run = kpi(file('service.csv', SERVICE_CSV));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/resolve_minutes_p90\s+3 h 24 min/);
    expect(run.stdout).toMatch(/first_response_minutes_median\s+30 min/);
    expect(run.stderr).toContain('load path: typed fast path');
  });

  it('--sla-target is validated', () => {
    const contract = kpi(file('service.csv', SERVICE_CSV), '--sla-target', 'hotline=5');
    expect(contract.status).toBe(1);
    expect(contract.stderr).toContain('hotline is a contract channel with its own target');
    const bad = kpi(file('service.csv', SERVICE_CSV), '--sla-target', 'mail=soon');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('expected a number > 0 and ≤ 525,600');
  });

  it('a channel filter may name any code, but it must occur in the file', () => {
    const run = kpi(file('service.csv', SERVICE_CSV), '--channel', 'mail');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'no ticket has entry_channel mail; the file has hotline, mini_program'
    );
  });
});

/** Served calls as the anonymous-bank preset counts them: outcome AGENT with a service start. */
function bankServedCalls(): Array<{ serTime: number; resolveMinutes: number }> {
  const [header, ...lines] = readFileSync(BANK, 'latin1').split(/\r?\n/);
  const col = Object.fromEntries(header!.split('\t').map((h, i) => [h.trim(), i]));
  const seconds = (clock: string) => {
    const [h, m, s] = clock.split(':').map(Number);
    return h! * 3600 + m! * 60 + s!;
  };
  const calls = [];
  for (const line of lines) {
    const f = line.split('\t').map((v) => v.trim());
    if (f.length < 17 || f[col.outcome!] !== 'AGENT' || f[col.ser_start!] === '0:00:00') continue;
    const entry = seconds(f[col.vru_entry!]!);
    let exit = seconds(f[col.ser_exit!]!);
    if (exit < entry - 12 * 3600) exit += 86_400; // a service that ends after midnight
    calls.push({ serTime: Number(f[col.ser_time!]), resolveMinutes: (exit - entry) / 60 });
  }
  return calls;
}

// The real log lives beside the repository, never in it: without it there is nothing to check.
describe.skipIf(!existsSync(BANK))(
  'kpi CLI on the anonymous-bank log, checked against the raw file',
  () => {
    it('handle_seconds_mean is the mean ser_time of served calls; resolve median from the clocks', () => {
      const calls = bankServedCalls();
      expect(calls.length).toBe(27_112);
      const aht = calls.reduce((sum, c) => sum + c.serTime, 0) / calls.length;
      const sorted = calls.map((c) => c.resolveMinutes).sort((a, b) => a - b);
      const mid = (sorted.length - 1) / 2;
      const median = (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;

      const { metrics } = kpiJson(BANK);
      expect(metrics.handle_seconds_mean).toBeCloseTo(aht, 9);
      expect(metrics.resolve_minutes_median).toBeCloseTo(median, 9);
      expect(metrics.tickets).toBe(33_066); // 33,344 calls − 278 PHANTOM
    }, 120_000);
  }
);
