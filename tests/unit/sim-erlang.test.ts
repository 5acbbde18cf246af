import { describe, expect, it } from 'vitest';
import {
  agentsForServiceLevelA,
  agentsForServiceLevelC,
  erlangA,
  erlangB,
  erlangC
} from '../../src/lib/sim/model/erlang';

const rate = 100 / 1800;

describe('Erlang C (published values: 100 calls / 30 min, AHT 180 s, 20 s)', () => {
  it('14 agents → P(wait) 0.1741, SL 0.8884, occupancy 0.7143', () => {
    const r = erlangC({ arrivalRate: rate, handleSeconds: 180, agents: 14 }, 20);
    expect(r.pWait).toBeCloseTo(0.1741, 4);
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.occupancy).toBeCloseTo(0.7143, 4);
  });

  it('15 agents → P(wait) 0.1020, SL 0.9415, occupancy 0.6667', () => {
    const r = erlangC({ arrivalRate: rate, handleSeconds: 180, agents: 15 }, 20);
    expect(r.pWait).toBeCloseTo(0.102, 4);
    expect(r.serviceLevel).toBeCloseTo(0.9415, 4);
    expect(r.occupancy).toBeCloseTo(0.6667, 4);
  });

  it('is unstable (everyone waits) when agents ≤ load', () => {
    expect(erlangC({ arrivalRate: rate, handleSeconds: 180, agents: 10 }, 20).serviceLevel).toBe(0);
  });

  it('stays finite for large centres (recursive Erlang B)', () => {
    expect(erlangB(900, 1000)).toBeGreaterThan(0);
    const r = erlangC({ arrivalRate: 5, handleSeconds: 180, agents: 960 }, 20);
    expect(r.serviceLevel).toBeGreaterThan(0.5);
    expect(r.serviceLevel).toBeLessThanOrEqual(1);
  });
});

describe('Erlang A (published values: mean patience 5 min, 14 agents)', () => {
  const r = erlangA({ arrivalRate: rate, handleSeconds: 180, agents: 14 }, 300, 20);
  it('P(wait) 0.14526, P(abandon) 0.013984, ASA 0.069919 min, occupancy 0.704297', () => {
    expect(r.pWait).toBeCloseTo(0.14526, 5);
    expect(r.pAbandon).toBeCloseTo(0.013984, 5);
    expect(r.asa / 60).toBeCloseTo(0.069919, 5);
    expect(r.occupancy).toBeCloseTo(0.704297, 5);
  });

  it('tends to Erlang C as patience grows', () => {
    const a = erlangA({ arrivalRate: rate, handleSeconds: 180, agents: 14 }, 1e9, 20);
    expect(a.serviceLevel).toBeCloseTo(0.8884, 4);
  });

  it('handles overload (agents < load) thanks to abandonment', () => {
    const o = erlangA({ arrivalRate: rate, handleSeconds: 180, agents: 8 }, 300, 20);
    expect(o.pAbandon).toBeGreaterThan(0.1);
    expect(o.serviceLevel).toBeGreaterThan(0);
  });
});

describe('staffing solvers', () => {
  it('smallest N for 80/20 is 14 (Erlang C) and no more under Erlang A', () => {
    const target = { serviceLevel: 0.8, thresholdSeconds: 20 };
    expect(agentsForServiceLevelC(rate, 180, target)).toBe(14);
    expect(agentsForServiceLevelA(rate, 180, 300, target)).toBeLessThanOrEqual(14);
    expect(agentsForServiceLevelC(rate, 180, { serviceLevel: 0.9, thresholdSeconds: 20 })).toBe(15);
  });

  it('respects an occupancy cap and zero load', () => {
    expect(
      agentsForServiceLevelC(rate, 180, {
        serviceLevel: 0.5,
        thresholdSeconds: 20,
        maxOccupancy: 0.6
      })
    ).toBe(17);
    expect(agentsForServiceLevelC(0, 180, { serviceLevel: 0.8, thresholdSeconds: 20 })).toBe(0);
  });
});
