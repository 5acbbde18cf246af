import { describe, expect, it } from 'vitest';
import { fitAvailability, worstTargetError } from '../../src/lib/sim/backtest/calibration';
import { arrivalWindow, simulate } from '../../src/lib/sim/model/engine';
import { observedKpis } from '../../src/lib/sim/history/observed';
import { buildQueueModels } from '../../src/lib/sim/model/queue-model';
import {
  busyShareWhileWaiting,
  congestion,
  inferStaffingFromPresence
} from '../../src/lib/sim/staffing/staffing';
import { estimateWrapUp } from '../../src/lib/sim/staffing/wrap-up';
import { prepareBaseline } from '../../src/lib/sim/staffing/baseline';
import { historyRows, mmnHistory } from '../fixtures/sim/mmn-history';

// a busy M/M/N+M queue whose agents do unseen work (mean 40 s) after every call
const busy = mmnHistory({
  perHour: 90,
  handle: 180,
  agents: 6,
  days: 14,
  patience: 240,
  otherWork: 40,
  seed: 5
});
const plain = mmnHistory({ perHour: 90, handle: 180, agents: 6, days: 14, patience: 240, seed: 5 });

describe('after-call unavailability read from gaps while callers waited', () => {
  it('recovers the unseen work an agent does after each call', () => {
    const w = estimateWrapUp(historyRows(busy), 'domestic');
    expect(w.events).toBeGreaterThan(100);
    expect(w.seconds).toBeGreaterThan(30);
    expect(w.seconds).toBeLessThan(50);
  });

  it('reads about nothing when agents take the next caller at once', () => {
    const w = estimateWrapUp(historyRows(plain), 'domestic');
    expect(w.seconds).toBeLessThan(3);
  });

  it('counts a gap only while a caller of a type that agent serves waits', () => {
    const rows = historyRows(busy);
    const same = estimateWrapUp(rows, 'domestic');
    // agent-0 serves only type x, everyone else only type y: agent-0's gaps count only while
    // an x caller (one agent-0 will take) waits, so fewer gaps are read
    const split = estimateWrapUp(
      rows.map((r) => ({ ...r, issueType: r.agentId === 'agent-0' ? 'x' : 'y' })),
      'domestic'
    );
    expect(split.events + split.censored).toBeLessThan(same.events + same.censored);
  });
});

describe('availability: the share of on-duty time that served this queue', () => {
  const window = arrivalWindow({ queues: [busy.queue] });
  const presence = inferStaffingFromPresence(busy.work, ['q'], window).queues.q!;
  const models = buildQueueModels([busy.queue]);
  const replay = (agents: number[]) => {
    const out = simulate(
      { queues: [busy.queue], models, staffing: { queues: { q: agents } }, window },
      { replications: 3, seed: 11 }
    );
    if (out.status !== 'done') throw new Error('cancelled');
    const k = out.result.kpis;
    return worstTargetError(observedKpis([busy.queue]), {
      pickup_within_20s: k.pickup_within_20s.mean,
      abandon_rate: k.abandon_rate.mean,
      avg_wait_seconds: k.avg_wait_seconds.mean
    });
  };

  it('presence alone overstates capacity; the fitted share brings the replay within target', () => {
    const floor = busyShareWhileWaiting(congestion(busy.queue, busy.work, window));
    expect(floor).toBeLessThan(1);
    const fit = fitAvailability(
      busy.queue,
      models.q!,
      presence,
      { floor, ceiling: 1.5 },
      window,
      20
    );
    expect(fit.availability).toBeGreaterThanOrEqual(floor);
    expect(fit.availability).toBeLessThan(0.95);
    expect(replay(presence)).toBeGreaterThan(1);
    expect(replay(fit.agents)).toBeLessThanOrEqual(1);
  });

  it('reads above 1 when presence undercounts who was on duty (up to the ceiling)', () => {
    const w = arrivalWindow({ queues: [plain.queue] });
    const on = inferStaffingFromPresence(plain.work, ['q'], w).queues.q!;
    const undercounted = on.map((a) => a * 0.7);
    const m = buildQueueModels([plain.queue]).q!;
    const fit = fitAvailability(plain.queue, m, undercounted, { floor: 0.5, ceiling: 2 }, w, 20);
    expect(fit.availability).toBeGreaterThan(1.2);
    expect(fit.availability).toBeLessThanOrEqual(2);
    const capped = fitAvailability(plain.queue, m, undercounted, { floor: 0.5, ceiling: 1 }, w, 20);
    expect(capped.availability).toBeLessThanOrEqual(1);
  });

  it('the baseline picks the fitted share when it replays best, and hands it to a later period', () => {
    const rows = historyRows(busy);
    const half = rows.length >> 1;
    const fit = prepareBaseline(rows.slice(0, half));
    expect(fit.staffingMethod.domestic).toBe('available_presence');
    const share = fit.availability!.domestic!;
    const test = prepareBaseline(rows.slice(half), 20, undefined, fit);
    const presenceLater = test.staffingReadings!.domestic!.find(
      (c) => c.method === 'agent_presence'
    )!.agents;
    expect(test.staffing.queues.domestic).toEqual(presenceLater.map((a) => a * share));
  });
});
