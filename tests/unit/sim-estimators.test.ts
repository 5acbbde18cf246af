import { describe, expect, it } from 'vitest';
import { arrivalWindow, simulate } from '../../src/lib/sim/model/engine';
import { observedKpis } from '../../src/lib/sim/history/observed';
import { buildQueueModels, estimatePatience } from '../../src/lib/sim/model/queue-model';
import {
  inferStaffingFromAgents,
  inferStaffingFromCongestion,
  inferStaffingFromPresence
} from '../../src/lib/sim/staffing/staffing';
import type { QueueArrivals } from '../../src/lib/sim/model/types';
import { mmnHistory } from '../fixtures/sim/mmn-history';

const hide = (q: QueueArrivals): QueueArrivals => ({
  ...q,
  waitSeconds: Float64Array.from(q.waitSeconds, (w, i) => (q.abandoned[i] ? NaN : w))
});

describe('patience when abandoners’ waits are unknown (M/M/14+M, mean patience 300 s)', () => {
  const h = mmnHistory({
    perHour: 300,
    handle: 180,
    agents: 14,
    days: 21,
    patience: 300,
    seed: 11
  });
  it('imputing the delayed picked-up waits as time at risk recovers the mean within 15 %', () => {
    const hidden = estimatePatience(hide(h.queue));
    if (hidden.kind !== 'exponential') throw new Error(hidden.kind);
    expect(hidden.meanSeconds).toBeGreaterThan(300 * 0.85);
    expect(hidden.meanSeconds).toBeLessThan(300 * 1.15);
  });
});

describe('staffing from the moments someone was waiting', () => {
  it('sees agents busy with other work between calls, which presence counts as on duty', () => {
    // 14 agents on duty; after every call an agent spends 60 s (mean) on work the log does not show
    const h = mmnHistory({
      perHour: 220,
      handle: 180,
      agents: 14,
      days: 21,
      otherWork: 60,
      seed: 12
    });
    const window = arrivalWindow({ queues: [h.queue] });
    const presence = inferStaffingFromPresence(h.work, ['q'], window).queues.q!;
    const congestion = inferStaffingFromCongestion(h.queue, h.work, window, presence);
    expect(presence[40]).toBeCloseTo(14, 0);
    // on average an agent is in a call 180/(180+60) of its busy cycle: ≈ 10.5 of 14 available
    expect(congestion[40]).toBeGreaterThan(9.5);
    expect(congestion[40]).toBeLessThan(12);
    const observed = observedKpis([h.queue]);
    const run = (agents: number[]) => {
      const out = simulate(
        {
          queues: [h.queue],
          models: buildQueueModels([h.queue]),
          staffing: { queues: { q: agents } }
        },
        { replications: 3, seed: 4 }
      );
      if (out.status !== 'done') throw new Error('cancelled');
      return out.result.kpis.pickup_within_20s.mean;
    };
    expect(Math.abs(run(congestion) - observed.pickup_within_20s)).toBeLessThan(
      Math.abs(run(presence) - observed.pickup_within_20s)
    );
  });

  it('falls back where nobody waited long enough to read capacity from', () => {
    const h = mmnHistory({ perHour: 10, handle: 60, agents: 5, days: 7, seed: 13 });
    const window = arrivalWindow({ queues: [h.queue] });
    const fallback = new Array<number>(168).fill(5);
    expect(inferStaffingFromCongestion(h.queue, h.work, window, fallback)).toEqual(fallback);
  });
});

describe('agents seen when somebody called (low-volume queue)', () => {
  it('one agent always on duty, one call every 3 hours: counted over the hours with a call', () => {
    const h = mmnHistory({ perHour: 1 / 3, handle: 300, agents: 1, days: 84, seed: 14 });
    const window = arrivalWindow({ queues: [h.queue] });
    const everyHour = inferStaffingFromAgents(h.work, ['q'], window).queues.q!;
    const whenCalled = inferStaffingFromAgents(h.work, ['q'], window, { q: h.queue.time }).queues
      .q!;
    const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
    expect(mean(everyHour)).toBeLessThan(0.5);
    expect(mean(whenCalled)).toBeGreaterThan(0.97);
    expect(Math.max(...whenCalled)).toBe(1);
  });
});
