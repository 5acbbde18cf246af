import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mmnHistory } from '../fixtures/sim/mmn-history';

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
const iso = (s: number) => new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ');

function ticketsCsv(): string {
  const h = mmnHistory({ perHour: 120, handle: 180, agents: 8, days: 7, patience: 300, seed: 3 });
  const q = h.queue;
  const agentAt = new Map(h.work.map((w) => [w.start.toFixed(3), w.agent]));
  const lines = [
    'ticket_id,created_at,entry_channel,human_requested_at,agent_answered_at,handle_seconds,agent_id'
  ];
  for (let i = 0; i < q.time.length; i++) {
    const t = q.time[i]!;
    const start = t + q.waitSeconds[i]!;
    const served = !q.abandoned[i];
    lines.push(
      [
        `h${i}`,
        iso(t),
        'hotline',
        iso(t),
        served ? iso(start) : '',
        served ? Math.round(q.handleSeconds[i]!) : '',
        served ? (agentAt.get(start.toFixed(3)) ?? '') : ''
      ].join(',')
    );
  }
  return lines.join('\n') + '\n';
}

function cli(...args: string[]) {
  return spawnSync('npx', ['tsx', 'src/cli/simulate.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000
  });
}

describe('npm run simulate', () => {
  const data = join(dir, 'tickets.csv');
  writeFileSync(data, ticketsCsv());

  it('prints baseline and scenario JSON with intervals, and arrivals/s on stderr', () => {
    const scenario = join(dir, 'scenario.json');
    writeFileSync(
      scenario,
      JSON.stringify({ agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 1 }] })
    );
    const r = cli('--data', data, '--scenario', scenario, '--replications', '4', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['pickup_within_20s', 'avg_wait_seconds', 'abandon_rate']) {
      expect(out.baseline.observed[k]).toBeTypeOf('number');
      expect(out.baseline.simulated[k].lo).toBeLessThanOrEqual(out.baseline.simulated[k].hi);
      expect(out.scenario.simulated[k].mean).toBeTypeOf('number');
    }
    expect(out.scenario.simulated.pickup_within_20s.mean).toBeGreaterThan(
      out.baseline.simulated.pickup_within_20s.mean
    );
    expect(
      Math.abs(
        out.baseline.simulated.pickup_within_20s.mean - out.baseline.observed.pickup_within_20s
      )
    ).toBeLessThan(0.03);
    expect(['agent_presence', 'agents_active', 'available_presence']).toContain(
      out.staffing.source.hotline
    );
    const speeds = Object.values(out.service.agent_speed.hotline as Record<string, number>);
    expect(speeds.length).toBeGreaterThan(0);
    for (const s of speeds) expect(s).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/arrivals\/s/);
  });

  it('omits the scenario without --scenario and prints a table without --json', () => {
    const json = JSON.parse(cli('--data', data, '--replications', '2', '--json').stdout);
    expect(json.scenario).toBeUndefined();
    expect(cli('--data', data, '--replications', '2').stdout).toMatch(/pickup_within_20s\s+\d/);
  });

  it.each([
    [['--scenario', 'bad'], /scenario field volume_growth/],
    [['--staffing', 'bad'], /staffing CSV line 1, field hour/],
    [['--replications', 'x'], /--replications x/]
  ])('bad input %j: exit ≠ 0 and one clear line', (args, message) => {
    writeFileSync(join(dir, 'bad-scenario.json'), '{"volume_growth": 20}');
    writeFileSync(join(dir, 'bad-staffing.csv'), '*,*,30,1\n');
    const resolved = args.map((a) =>
      a === 'bad'
        ? join(dir, args[0] === '--scenario' ? 'bad-scenario.json' : 'bad-staffing.csv')
        : a
    );
    const r = cli('--data', data, ...resolved);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
