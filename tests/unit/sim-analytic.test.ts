import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/lib/sim/model/engine';
import { erlangA, erlangC } from '../../src/lib/sim/model/erlang';
import type { QueueModel, SimulationInput, SimulationResult } from '../../src/lib/sim/model/types';
import { dailyPoissonQueue, flatStaffing, poissonQueue } from '../fixtures/sim/poisson';

function run(input: SimulationInput, replications: number, seed = 7): SimulationResult {
  const out = simulate(input, { replications, seed });
  if (out.status !== 'done') throw new Error('cancelled');
  return out.result;
}

const exponential = (handle: number, patience?: number): QueueModel => ({
  service: { kind: 'exponential', meanSeconds: handle },
  patience: patience ? { kind: 'exponential', meanSeconds: patience } : { kind: 'infinite' }
});

const DAYS = 28;
const cases = [
  { perHour: 200, handle: 180, agents: 12 },
  { perHour: 200, handle: 180, agents: 14 },
  { perHour: 200, handle: 180, agents: 16 },
  { perHour: 60, handle: 300, agents: 7 },
  { perHour: 1200, handle: 240, agents: 85 }
];

describe('Poisson arrivals, exponential service: simulation vs Erlang C / Erlang A', () => {
  it.each(cases)('λ=$perHour/h, AHT $handle s, N=$agents: SL within 1 pp of Erlang C', (c) => {
    const q = poissonQueue('q', c.perHour / 3600, DAYS * 86_400, c.agents);
    const empiricalRate = q.time.length / (DAYS * 86_400);
    const r = run(
      { queues: [q], models: { q: exponential(c.handle) }, staffing: flatStaffing('q', c.agents) },
      4
    );
    const erlang = erlangC(
      { arrivalRate: empiricalRate, handleSeconds: c.handle, agents: c.agents },
      20
    );
    expect(Math.abs(r.kpis.pickup_within_20s.mean - erlang.serviceLevel)).toBeLessThan(0.01);
    expect(Math.abs(r.kpis.occupancy.mean - erlang.occupancy)).toBeLessThan(0.01);
    expect(r.kpis.abandon_rate.mean).toBe(0);
  });

  it.each(cases)(
    'λ=$perHour/h, AHT $handle s, N=$agents, patience 300 s: SL and abandonment within 1 pp of Erlang A',
    (c) => {
      const q = poissonQueue('q', c.perHour / 3600, DAYS * 86_400, c.agents + 100);
      const empiricalRate = q.time.length / (DAYS * 86_400);
      const r = run(
        {
          queues: [q],
          models: { q: exponential(c.handle, 300) },
          staffing: flatStaffing('q', c.agents)
        },
        4
      );
      const erlang = erlangA(
        { arrivalRate: empiricalRate, handleSeconds: c.handle, agents: c.agents },
        300,
        20
      );
      expect(Math.abs(r.kpis.pickup_within_20s.mean - erlang.serviceLevel)).toBeLessThan(0.01);
      expect(Math.abs(r.kpis.abandon_rate.mean - erlang.pAbandon)).toBeLessThan(0.01);
    }
  );
});

describe('umontreal contactcenters oracles (MMC.java / MMCAb.java: λ 4.2/min, μ 0.5/min, 12 agents, AWT 20 s, 8 h days)', () => {
  const days = dailyPoissonQueue('q', 4.2 / 60, 8 * 3600, 300, 11);
  const staffing = flatStaffing('q', 12);

  it('M/M/12: service level 0.902 (served within AWT ÷ served), ASA 0.099 min', () => {
    const r = run({ queues: [days], models: { q: exponential(120) }, staffing }, 2);
    expect(Math.abs(r.kpis.pickup_within_20s.mean - 0.902)).toBeLessThan(0.01);
    expect(Math.abs(r.kpis.avg_wait_seconds.mean / 60 - 0.099)).toBeLessThan(0.01);
  });

  it('M/M/12+M (mean patience 1 min): SL among served 0.975, 58.6 abandons/day, ASA 0.024 min', () => {
    const r = run({ queues: [days], models: { q: exponential(120, 60) }, staffing }, 2);
    const k = r.kpis;
    const slServed = k.pickup_within_20s.mean / (1 - k.abandon_rate.mean);
    expect(Math.abs(slServed - 0.975)).toBeLessThan(0.005);
    const abandonsPerDay = (k.abandon_rate.mean * k.human_requests.mean) / 300;
    expect(Math.abs(abandonsPerDay - 58.609)).toBeLessThan(3);
    expect(Math.abs(k.avg_wait_seconds.mean / 60 - 0.024)).toBeLessThan(0.003);
  });
});
