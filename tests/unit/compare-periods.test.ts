import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { SERIES_IDS } from '../../src/lib/metrics/catalogue';
import { computeComparison } from '../../src/lib/metrics/compare/compare';
import { lastFullWeek, previousPeriod, weekStart } from '../../src/lib/metrics/compare/periods';
import {
  mannWhitneyFromRanks,
  rankSums,
  twoProportionTest,
  welchTest
} from '../../src/lib/metrics/compare/significance';
import { ENGINES } from '../support/engines';
import { loadCsv, scalar } from '../fixtures/metrics/harness';

describe('periods', () => {
  it('the previous period has the same length and ends the day before', () => {
    expect(previousPeriod({ from: '2026-03-09', to: '2026-03-15' })).toEqual({
      from: '2026-03-02',
      to: '2026-03-08'
    });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01' })).toEqual({
      from: '2026-02-28',
      to: '2026-02-28'
    });
    // 2024 is a leap year: 29 days of February before March 1–29
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-29' })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29'
    });
    expect(() => previousPeriod({ from: '2026-03-09', to: '2026-03-01' })).toThrow(/after the end/);
    expect(() => previousPeriod({ from: '2026-02-30', to: '2026-03-01' })).toThrow(/calendar/);
  });

  it('weeks start on Monday; the last full week ends on a Sunday the data reaches', () => {
    expect(weekStart('2026-03-08')).toBe('2026-03-02'); // a Sunday
    expect(weekStart('2026-03-09')).toBe('2026-03-09'); // a Monday
    expect(lastFullWeek('2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(lastFullWeek('2026-03-11')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
  });
});

// Two weeks, 2026-03-02 … 03-15 (Shanghai), first responses in whole minutes so ranks tie.
const ROWS = Array.from({ length: 140 }, (_, i) => {
  const day = 2 + (i % 14);
  const late = day >= 9;
  const fr = (i * 7) % (late ? 40 : 55);
  const csat = ((i * 3) % 5) + (late && i % 4 === 0 ? 1 : 0);
  const handle = 100 + ((i * 37) % 200) + (late ? 30 : 0);
  const created = `2026-03-${String(day).padStart(2, '0')} 10:00:00`;
  const response = `2026-03-${String(day).padStart(2, '0')} 10:${String(fr).padStart(2, '0')}:00`;
  return { late, fr, csat: Math.min(5, Math.max(1, csat)), handle, created, response, i };
});
const CSV = [
  'ticket_id,created_at,entry_channel,first_response_at,status,resolved_at,handle_seconds,csat',
  ...ROWS.map(
    (r) => `c${r.i},${r.created},hotline,${r.response},resolved,${r.response},${r.handle},${r.csat}`
  )
];
const CURRENT = { from: '2026-03-09', to: '2026-03-15' };

function meanVariance(values: number[]) {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance, n: values.length };
}

describe.each(ENGINES)('period comparison on $name DuckDB', ({ open }) => {
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    db = await open();
    report = await loadCsv(db, CSV);
  });
  afterAll(() => db.close());

  it('each period equals the figure computed with that period as the date range', async () => {
    const comparison = await computeComparison(db, {
      ids: SERIES_IDS,
      current: CURRENT,
      present: report.presentColumns
    });
    expect(comparison.previous).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    for (const id of [
      'tickets',
      'first_response_minutes_median',
      'csat_mean',
      'csat_satisfied_rate'
    ]) {
      const c = comparison.metrics.get(id)!;
      const now = await scalar(db, report, id, { filters: CURRENT });
      const before = await scalar(db, report, id, { filters: comparison.previous });
      expect(c.current, id).toEqual({ value: now.value, n: now.n });
      expect(c.previous, id).toEqual({ value: before.value, n: before.n });
      expect(c.change).toBeCloseTo(now.value! - before.value!, 12);
    }
  });

  it('the tests match the same tests run on the values in memory', async () => {
    const { metrics } = await computeComparison(db, {
      ids: [
        'tickets',
        'first_response_minutes_median',
        'handle_seconds_mean',
        'csat_satisfied_rate'
      ],
      current: CURRENT,
      present: report.presentColumns
    });
    const late = ROWS.filter((r) => r.late);
    const early = ROWS.filter((r) => !r.late);
    const ranks = mannWhitneyFromRanks(
      rankSums(
        late.map((r) => r.fr),
        early.map((r) => r.fr)
      )
    );
    const median = metrics.get('first_response_minutes_median')!.test;
    expect(median.kind).toBe('mann-whitney');
    expect(median.z).toBeCloseTo(ranks.z!, 9);
    const aht = metrics.get('handle_seconds_mean')!.test;
    expect(aht.kind).toBe('welch');
    const welch = welchTest(
      meanVariance(late.map((r) => r.handle)),
      meanVariance(early.map((r) => r.handle))
    );
    expect(aht.z).toBeCloseTo(welch.z!, 9);
    expect(aht.significant).toBe(welch.significant);
    const satisfied = (rows: typeof ROWS) => rows.filter((r) => r.csat >= 4).length;
    const rate = metrics.get('csat_satisfied_rate')!.test;
    expect(rate.kind).toBe('two-proportion');
    expect(rate.z).toBeCloseTo(
      twoProportionTest(satisfied(late), late.length, satisfied(early), early.length).z!,
      9
    );
    const count = metrics.get('tickets')!.test;
    expect(count.kind).toBe('poisson');
    expect(count.z).toBe(0); // 70 tickets in each week
  });

  it('the open backlog is compared but not tested: the later week has had less time to close', async () => {
    const { metrics } = await computeComparison(db, {
      ids: ['open_tickets'],
      current: CURRENT,
      present: report.presentColumns
    });
    const open = metrics.get('open_tickets')!;
    expect(open.test).toEqual({ kind: 'backlog', z: null, p: null, significant: false });
    expect(open.current.value).not.toBeNull();
  });

  it('a time to resolve is tested only while no ticket of either period is open', async () => {
    const request = { ids: ['resolve_minutes_median'], current: CURRENT };
    const closed = await computeComparison(db, { ...request, present: report.presentColumns });
    expect(closed.metrics.get('resolve_minutes_median')!.test.kind).toBe('mann-whitney');
    // one ticket in ten still open, the later ones with it
    const someOpen = CSV.map((line, i) =>
      i > 0 && i % 10 === 0 ? line.replace(/,resolved,[^,]+,/, ',open,,') : line
    );
    const reopened = await loadCsv(db, someOpen);
    const open = await computeComparison(db, { ...request, present: reopened.presentColumns });
    expect(open.metrics.get('resolve_minutes_median')!.test).toEqual({
      kind: 'censored',
      z: null,
      p: null,
      significant: false
    });
    report = await loadCsv(db, CSV);
  });

  it('a metric the file cannot compute is left out; an empty previous period has no test', async () => {
    const { metrics } = await computeComparison(db, {
      ids: ['tickets', 'pickup_within_20s'],
      current: { from: '2026-03-02', to: '2026-03-15' },
      present: report.presentColumns
    });
    expect(metrics.has('pickup_within_20s')).toBe(false);
    const tickets = metrics.get('tickets')!;
    expect(tickets.previous).toEqual({ value: null, n: 0 });
    expect(tickets.change).toBeNull();
  });
});
