import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIES_IDS } from '../../src/lib/metrics/catalogue';

/**
 * `--by` and `--compare previous` against an independent computation in plain JS (Intl for the
 * local day, sorting for quantiles) over a generated file that crosses the US DST change
 * (America/New_York springs forward on Sunday 2026-03-08).
 */
const ZONE = 'America/New_York';
const dir = mkdtempSync(join(tmpdir(), 'kpi-periods-'));

interface Ticket {
  created: number;
  region: string;
  firstResponse: number | null;
  status: 'resolved' | 'unresolved' | 'open';
  resolved: number | null;
  handle: number | null;
  csat: number | null;
  human: number | null;
  answered: number | null;
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function generate(count: number): Ticket[] {
  const next = random(13);
  const start = Date.parse('2026-02-23T00:00:00Z');
  const span = 5 * 7 * 86_400_000;
  return Array.from({ length: count }, () => {
    const created = start + Math.floor((next() * span) / 1000) * 1000;
    const status = next() < 0.7 ? 'resolved' : next() < 0.5 ? 'unresolved' : 'open';
    const human = next() < 0.5 ? created + Math.floor(next() * 300) * 1000 : null;
    return {
      created,
      region: next() < 0.8 ? 'domestic' : 'overseas',
      firstResponse: next() < 0.9 ? created + Math.floor(next() * 600) * 60_000 : null,
      status,
      resolved: status === 'resolved' ? created + Math.floor(next() * 3000) * 60_000 : null,
      handle: next() < 0.8 ? Math.floor(next() * 900) : null,
      csat: next() < 0.6 ? 1 + Math.floor(next() * 5) : null,
      human,
      answered: human !== null && next() < 0.85 ? human + Math.floor(next() * 45) * 1000 : null
    };
  });
}

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());

function toCsv(tickets: Ticket[]): string {
  const header =
    'ticket_id,created_at,entry_channel,region,first_response_at,status,resolved_at,handle_seconds,csat,human_requested_at,agent_answered_at';
  const lines = tickets.map((t, i) =>
    [
      `t${i}`,
      iso(t.created),
      'hotline',
      t.region,
      iso(t.firstResponse),
      t.status,
      iso(t.resolved),
      t.handle ?? '',
      t.csat ?? '',
      iso(t.human),
      iso(t.answered)
    ].join(',')
  );
  return [header, ...lines].join('\n') + '\n';
}

const localDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit'
});
const dayOf = (ms: number) => localDay.format(ms);
function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return (
    sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!)
  );
}
const mean = (values: number[]) =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
const share = (hits: number, of: number) => (of === 0 ? null : hits / of);

/** The service basics and the two headline rates this file supports, computed by hand. */
function expected(tickets: Ticket[]): Record<string, number | null> {
  const fr = tickets.flatMap((t) =>
    t.firstResponse === null ? [] : [(t.firstResponse - t.created) / 60_000]
  );
  const resolved = tickets.flatMap((t) =>
    t.status === 'resolved' && t.resolved !== null ? [(t.resolved - t.created) / 60_000] : []
  );
  const csat = tickets.flatMap((t) => (t.csat === null ? [] : [t.csat]));
  const humans = tickets.filter((t) => t.human !== null);
  const domestic = tickets.filter((t) => t.region === 'domestic' && t.status !== 'open');
  return {
    tickets: tickets.length || null,
    open_tickets: tickets.length ? tickets.filter((t) => t.status === 'open').length : null,
    first_response_minutes_median: quantile(fr, 0.5),
    first_response_minutes_p90: quantile(fr, 0.9),
    resolve_minutes_median: quantile(resolved, 0.5),
    resolve_minutes_p90: quantile(resolved, 0.9),
    handle_seconds_mean: mean(tickets.flatMap((t) => (t.handle === null ? [] : [t.handle]))),
    csat_mean: mean(csat),
    csat_satisfied_rate: share(csat.filter((c) => c >= 4).length, csat.length),
    pickup_within_20s: share(
      humans.filter((t) => t.answered !== null && t.answered - t.human! <= 20_000).length,
      humans.length
    ),
    domestic_resolution_rate: share(
      domestic.filter((t) => t.status === 'resolved').length,
      domestic.length
    )
  };
}

function groupBy(tickets: Ticket[], key: (t: Ticket) => string): Map<string, Ticket[]> {
  const groups = new Map<string, Ticket[]>();
  for (const t of tickets) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  return groups;
}

const TICKETS = generate(1500);
const FILE = join(dir, 'dst.csv');
writeFileSync(FILE, toCsv(TICKETS));

function kpiJson(...args: string[]) {
  const run = spawnSync(
    'npx',
    ['tsx', 'src/cli/kpi.ts', FILE, '--time-zone', ZONE, '--json', ...args],
    { encoding: 'utf8', timeout: 120_000 }
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as {
    metrics: Record<string, number | null>;
    series: Record<string, Record<string, number | null>>;
    previous: { from: string; to: string; metrics: Record<string, number | null> };
  };
}

function expectClose(actual: number | null | undefined, wanted: number | null, label: string) {
  if (wanted === null) expect(actual, label).toBeNull();
  else expect(actual, label).toBeCloseTo(wanted, 9);
}

describe('kpi CLI --by and --compare previous (independent JS computation, DST zone)', () => {
  it('--by week: one value per Monday-first local week for every headline and service figure', () => {
    const { series } = kpiJson('--by', 'week');
    expect(Object.keys(series).sort()).toEqual([...SERIES_IDS].sort());
    const weeks = groupBy(TICKETS, (t) => mondayOf(dayOf(t.created)));
    expect(Object.keys(series.tickets!).sort()).toEqual([...weeks.keys()].sort());
    for (const [week, tickets] of weeks) {
      for (const [id, value] of Object.entries(expected(tickets))) {
        expectClose(series[id]![week], value, `${id} ${week}`);
      }
    }
  }, 60_000);

  it('--by day: local days across the DST change (the 23-hour Sunday is one day)', () => {
    const { series } = kpiJson('--by', 'day');
    const days = groupBy(TICKETS, (t) => dayOf(t.created));
    expect(Object.keys(series.tickets!).sort()).toEqual([...days.keys()].sort());
    expect(days.get('2026-03-08')?.length).toBeGreaterThan(0);
    for (const [day, tickets] of days) {
      for (const [id, value] of Object.entries(expected(tickets))) {
        expectClose(series[id]![day], value, `${id} ${day}`);
      }
    }
  }, 60_000);

  it('--compare previous: the period of the same length just before --from … --to', () => {
    const out = kpiJson('--from', '2026-03-05', '--to', '2026-03-11', '--compare', 'previous');
    expect([out.previous.from, out.previous.to]).toEqual(['2026-02-26', '2026-03-04']);
    const inRange = (from: string, to: string) =>
      TICKETS.filter((t) => dayOf(t.created) >= from && dayOf(t.created) <= to);
    const current = expected(inRange('2026-03-05', '2026-03-11'));
    const previous = expected(inRange('2026-02-26', '2026-03-04'));
    for (const id of Object.keys(current)) {
      expectClose(out.metrics[id], current[id]!, `current ${id}`);
      expectClose(out.previous.metrics[id], previous[id]!, `previous ${id}`);
    }
  }, 60_000);

  it('--compare needs a closed range; --by takes day or week', () => {
    const bad = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'src/cli/kpi.ts', FILE, '--json', ...args], { encoding: 'utf8' });
    const open = bad('--compare', 'previous', '--from', '2026-03-05');
    expect(open.status).toBe(1);
    expect(open.stderr).toContain('--compare previous needs --from and --to');
    const grain = bad('--by', 'month');
    expect(grain.status).toBe(1);
    expect(grain.stderr).toContain('--by month: expected day or week');
  }, 60_000);
});
