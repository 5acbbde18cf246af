import { describe, expect, it } from 'vitest';
import {
  defaultFitUntil,
  parseFitUntil,
  prepareFitTest,
  splitHistory
} from '../../src/lib/sim/history/fit-split';
import { cliWhatIf } from '../../src/cli/what-if-run';
import { runWhatIf } from '../../src/lib/sim/scenarios/what-if';
import { historyRows as rowsOf, mmnHistory } from '../fixtures/sim/mmn-history';
import { MONDAY } from '../fixtures/sim/poisson';

const TWO_WEEKS = 14 * 86_400;
// weeks 1–2: 14 agents; weeks 3–4: 11 agents, same arrivals rate, handle and patience
const before = rowsOf(
  mmnHistory({ perHour: 220, handle: 180, agents: 14, days: 14, patience: 300, seed: 21 }),
  0
);
const after = rowsOf(
  mmnHistory({ perHour: 220, handle: 180, agents: 11, days: 14, patience: 300, seed: 22 }),
  TWO_WEEKS
);
const rows = [...before, ...after];
const DAY = new Date((MONDAY + TWO_WEEKS) * 1000).toISOString().slice(0, 10);

describe('fit-until split', () => {
  it('parses a calendar day and refuses anything else', () => {
    expect(parseFitUntil('2026-03-16')).toBe(Date.UTC(2026, 2, 16) / 1000);
    for (const bad of ['2026-02-30', '16/03/2026', '2026-3-16', ''])
      expect(() => parseFitUntil(bad)).toThrow(/expected a calendar day as YYYY-MM-DD/);
  });

  it('splits every ticket to exactly one side of the day', () => {
    const { before: b, after: a } = splitHistory(rows, parseFitUntil(DAY));
    expect(b.length).toBe(before.length);
    expect(a.length).toBe(after.length);
  });

  it('fits models before the day, reads the later agents from the later log, and backtests both', () => {
    const split = prepareFitTest(rows, DAY, 20);
    expect(split.test.models).toEqual(split.fit.models);
    expect(split.test.staffingMethod.domestic).toBe(split.fit.staffingMethod.domestic);
    const mid = (t: number[]) => t[2 * 24 + 12]!;
    expect(mid(split.fit.staffing.queues.domestic!)).toBeGreaterThan(12.5);
    expect(mid(split.test.staffing.queues.domestic!)).toBeLessThan(12);
    expect(split.test.arrivals.queues[0]!.time.length).toBe(after.length);

    const out = runWhatIf(split.fit, undefined, { replications: 3, seed: 2 }, split);
    if ('cancelled' in out) throw new Error('cancelled');
    const b = out.backtest!;
    expect(b.fitUntil).toBe(DAY);
    expect(b.marginSource).toBe('out_of_sample');
    expect(b.outOfSample!.requests).toBe(after.length);
    // the later weeks are busier (fewer agents): the out-of-sample observed level is lower
    expect(b.outOfSample!.kpis.pickup_within_20s.observed).toBeLessThan(
      b.inSample.kpis.pickup_within_20s.observed - 0.1
    );
    for (const period of [b.inSample, b.outOfSample!]) {
      expect(Math.abs(period.kpis.pickup_within_20s.error)).toBeLessThan(0.03);
      expect(Math.abs(period.kpis.abandon_rate.error)).toBeLessThan(0.02);
      expect(Math.abs(period.kpis.avg_wait_seconds.error)).toBeLessThan(0.15);
    }
    expect(b.margin.pickup_within_20s).toBe(Math.abs(b.outOfSample!.kpis.pickup_within_20s.error));
  });

  it('says so when a side of the day is empty', () => {
    expect(() => prepareFitTest(rows, '2020-01-01', 20)).toThrow(/no human requests before/);
    expect(() => prepareFitTest(rows, '2030-01-01', 20)).toThrow(/no human requests from that day/);
  });

  it('holds out the later half by default: the week boundary nearest the median request day', () => {
    expect(defaultFitUntil(rows)).toBe(DAY);
    // 13 days cannot keep 7 on each side; 14 can, split after the first week
    const day = (t: number) => Math.floor(t / 86_400);
    const first = day(before[0]!.requested!);
    expect(defaultFitUntil(before.filter((r) => day(r.requested!) < first + 13))).toBeUndefined();
    expect(defaultFitUntil(before)).toBe(
      new Date((first + 7) * 86_400_000).toISOString().slice(0, 10)
    );
  });

  it('without --fit-until the CLI judges on the held-out half; "none" judges in sample', () => {
    const auto = cliWhatIf(rows, undefined, { replications: 2, seed: 2 });
    expect(auto.holdout).toBe('automatic');
    expect(auto.report.backtest!.fitUntil).toBe(DAY);
    expect(auto.report.backtest!.marginSource).toBe('out_of_sample');
    // fitted on 14 agents, replayed on the later weeks' own presence: the margin is the later error
    const o = auto.report.backtest!.outOfSample!.kpis;
    expect(auto.report.backtest!.margin.abandon_rate).toBe(Math.abs(o.abandon_rate.error));
    const none = cliWhatIf(rows, undefined, { replications: 2, seed: 2, fitUntil: 'none' });
    expect(none.holdout).toBe('none');
    expect(none.report.backtest!.outOfSample).toBeUndefined();
    expect(none.report.backtest!.marginSource).toBe('in_sample');
  });
});
