import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseStaffingCsv } from '../../src/lib/sim/staffing/staffing-csv';

function cli(script: string, ...args: string[]) {
  const run = spawnSync('npx', ['tsx', script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** Absurd values end at once with one line naming the flag, the bound and the reason. */
describe('absurd flags', () => {
  it.each([
    [
      'src/cli/simulate.ts',
      ['--replications', '1000000000'],
      '--replications 1000000000: at most 2,000 replications: past 2,000 replications'
    ],
    [
      'src/cli/simulate.ts',
      ['--replications', '1'],
      '--replications 1: expected a whole number from 2 to 2,000'
    ],
    ['src/cli/simulate.ts', ['--seed', '1e300'], '--seed 1e300: at most 4,294,967,295 seed'],
    [
      'src/cli/simulate.ts',
      ['--fit-until', '2026-02-30'],
      '--fit-until 2026-02-30: 2026-02 has 28 days, so there is no day 30'
    ],
    [
      'src/cli/kpi.ts',
      ['--from', '2026-02-30'],
      '--from 2026-02-30: 2026-02 has 28 days, so there is no day 30'
    ],
    ['src/cli/kpi.ts', ['--to', '2026-13-01'], '--to 2026-13-01: there is no month 13'],
    [
      'src/cli/kpi.ts',
      ['--from', '2026-05-10', '--to', '2026-05-01'],
      '--from 2026-05-10 is after --to 2026-05-01'
    ],
    [
      'src/cli/kpi.ts',
      ['--pickup-threshold', '1e308'],
      '--pickup-threshold 1e308: at most 86,400 pickup threshold in seconds'
    ],
    [
      'src/cli/kpi.ts',
      ['--sla-target', 'mail=1e308'],
      '--sla-target mail=1e308: at most 525,600 first-response target in minutes'
    ],
    [
      'scripts/generate-data.ts',
      ['--rows', '1000000000'],
      '--rows 1000000000: at most 10,000,000 generated rows'
    ],
    ['scripts/generate-data.ts', ['--days', '0'], '--days 0: expected a whole number from 1']
  ])(
    '%s %j',
    (script, args, message) => {
      const run = cli(script, ...args, ...(script.startsWith('src/cli/') ? ['--json'] : []));
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`error: ${message}`);
      // Refused before any data is read or generated.
      expect(run.stdout).toBe('');
    },
    90_000
  );

  it('a staffing value of 1e308 (or Infinity) is refused with its line', () => {
    expect(() => parseStaffingCsv('q,*,*,1e308\n', ['q'])).toThrow(
      'staffing CSV line 1, field agents: "1e308": at most 10,000 agents in one queue and hour'
    );
    expect(() => parseStaffingCsv('queue,weekday,hour,agents\nq,*,*,Infinity\n', ['q'])).toThrow(
      /line 2, field agents: "Infinity": expected a number from 0 to 10,000/
    );
    expect(parseStaffingCsv('q,*,*,2.5\n', ['q']).queues.q?.[0]).toBe(2.5);
  });
});
