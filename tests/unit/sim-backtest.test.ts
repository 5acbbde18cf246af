import { describe, expect, it } from 'vitest';
import {
  backtestMargin,
  backtestVerdict,
  checkKpis,
  modelErrorInterval
} from '../../src/lib/sim/backtest/backtest';
import {
  calibrationCells,
  cellErrorSummary,
  diagnoseCells,
  type QueueEvidence
} from '../../src/lib/sim/backtest/calibration-cells';
import type { SlotKpis } from '../../src/lib/sim/model/types';

const est = (mean: number, half: number) => ({ mean, lo: mean - half, hi: mean + half });

describe('backtest checks, margin and model-error interval', () => {
  const observed = { pickup_within_20s: 0.6, abandon_rate: 0.1, avg_wait_seconds: 50 };
  const simulated = {
    pickup_within_20s: est(0.64, 0.01),
    abandon_rate: est(0.09, 0.005),
    avg_wait_seconds: est(40, 2)
  };

  it('measures errors in the targets’ units and judges them against 3 pp, 2 pp and 15 %', () => {
    const c = checkKpis(observed, simulated);
    expect(c.pickup_within_20s.error).toBeCloseTo(0.04, 12);
    expect(c.pickup_within_20s.within).toBe(false);
    expect(c.abandon_rate.error).toBeCloseTo(-0.01, 12);
    expect(c.abandon_rate.within).toBe(true);
    expect(c.avg_wait_seconds.error).toBeCloseTo(-0.2, 12);
    expect(c.avg_wait_seconds.within).toBe(false);
  });

  it('takes the margin from the out-of-sample period when there is one', () => {
    const inSample = checkKpis(observed, simulated);
    const outOfSample = checkKpis(observed, {
      ...simulated,
      pickup_within_20s: est(0.55, 0.01)
    });
    expect(backtestMargin(inSample).source).toBe('in_sample');
    const m = backtestMargin(inSample, outOfSample);
    expect(m.source).toBe('out_of_sample');
    expect(m.margin.pickup_within_20s).toBeCloseTo(0.05, 12);
    const v = backtestVerdict(outOfSample, 'out_of_sample');
    expect(v.pickup_within_20s.within).toBe(false);
    expect(v.pickup_within_20s.meaning).toMatch(/outside target \(5\.0 pp > 3\.0 pp/);
    expect(v.abandon_rate.meaning).toMatch(/within target \(1\.0 pp ≤ 2\.0 pp/);
  });

  it('widens the replication interval by the margin: points for rates, relative for waits', () => {
    expect(modelErrorInterval('pickup_within_20s', est(0.7, 0.01), 0.03)).toEqual({
      mean: 0.7,
      lo: expect.closeTo(0.66, 12),
      hi: expect.closeTo(0.74, 12)
    });
    const w = modelErrorInterval('avg_wait_seconds', est(40, 2), -0.2);
    expect([w.lo, w.hi]).toEqual([expect.closeTo(30, 12), expect.closeTo(50, 12)]);
    const clipped = modelErrorInterval('abandon_rate', est(0.01, 0.005), 0.02);
    expect([clipped.lo, clipped.hi]).toEqual([0, expect.closeTo(0.035, 12)]);
  });
});

const flat = (v: number): number[] => new Array<number>(168).fill(v);
const slots = (requests: number, sl: number, ab: number, wait: number): SlotKpis => ({
  requests: flat(requests),
  pickup_within_20s: flat(sl),
  abandon_rate: flat(ab),
  avg_wait_seconds: flat(wait)
});

describe('calibration cells and what their errors point to', () => {
  it('pairs observed and simulated per queue × hour and summarises a request-weighted RMS', () => {
    const obs = { q: slots(100, 0.5, 0.1, 60) };
    const sim = { q: slots(100, 0.5, 0.1, 60) };
    sim.q.pickup_within_20s[10] = 0.7;
    obs.q.requests[11] = 10; // too few contacts to count
    sim.q.pickup_within_20s[11] = 0.9;
    const cells = calibrationCells(obs, sim);
    expect(cells).toHaveLength(168);
    expect(cells[10]!.error.pickup_within_20s).toBeCloseTo(0.2, 12);
    const summary = cellErrorSummary(cells);
    expect(summary.pickup_within_20s.cells).toBe(167);
    expect(summary.pickup_within_20s.rms).toBeCloseTo(
      Math.sqrt((100 * 0.04) / (166 * 100 + 100)),
      12
    );
    expect(summary.abandon_rate.rms).toBe(0);
    expect(summary.avg_wait_seconds.rms).toBe(0);
  });

  it('names staffing (other work), handle times, patience or staffing, ignoring sampling noise', () => {
    const obs = { q: slots(400, 0.5, 0.1, 60) };
    const sim = { q: slots(400, 0.5, 0.1, 60) };
    // hour 9: waits too short where 6 agents were on duty but 4 were simulated
    sim.q.pickup_within_20s[9] = 0.65;
    // hour 12: waits too long, handle times that hour 40 % above the band's pool
    sim.q.pickup_within_20s[12] = 0.35;
    // hour 14: more abandonment although waits were shorter
    sim.q.abandon_rate[14] = 0.2;
    sim.q.pickup_within_20s[14] = 0.52;
    // hour 16: waits too long, nothing else to blame
    sim.q.pickup_within_20s[16] = 0.4;
    // hour 18: a 7-point error on 40 contacts is inside sampling noise (SE ≈ 7.9 pp)
    obs.q.requests[18] = 40;
    sim.q.pickup_within_20s[18] = 0.57;
    const staffing = flat(4);
    const onDuty = flat(4);
    onDuty[9] = 6;
    const handleObserved = flat(200);
    handleObserved[12] = 280;
    const evidence: Record<string, QueueEvidence> = {
      q: { staffing, onDuty, handleObserved, handleModel: flat(200) }
    };
    const findings = diagnoseCells(calibrationCells(obs, sim), evidence);
    const by = Object.fromEntries(findings.map((f) => [f.hourOfWeek, f.assumption]));
    expect(by).toEqual({
      9: 'staffing_other_work',
      12: 'handle_time',
      14: 'patience',
      16: 'staffing'
    });
    expect(findings.find((f) => f.hourOfWeek === 9)!.message).toContain(
      'busy with other work (6.0 on duty, 4.0 simulated) → staffing'
    );
  });
});
