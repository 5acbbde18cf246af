import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/lib/sim/model/engine';
import { buildHandleSampler } from '../../src/lib/sim/model/handle-sampler';
import { estimateHeadStart } from '../../src/lib/sim/model/head-start';
import { segmentPatience } from '../../src/lib/sim/model/queue-model';
import {
  patienceSegment,
  type QueueArrivals,
  type QueueModel,
  type SimulationInput
} from '../../src/lib/sim/model/types';
import type { TicketRow } from '../../src/lib/sim/history/load-history';
import { flatStaffing, MONDAY } from '../fixtures/sim/poisson';

const T = MONDAY + 10 * 3600;

/** Every call takes exactly 100 s: the sampler's only observation. */
const fixedService = {
  kind: 'empirical' as const,
  sampler: buildHandleSampler([100], [10])
};

function queue(times: number[], tiers: number[], anonymous?: number[]): QueueArrivals {
  const n = times.length;
  const q: QueueArrivals = {
    queue: 'q',
    time: Float64Array.from(times),
    priority: Uint8Array.from(tiers),
    handleSeconds: new Float64Array(n).fill(100),
    abandoned: new Uint8Array(n),
    waitSeconds: new Float64Array(n)
  };
  if (anonymous) q.anonymous = Uint8Array.from(anonymous);
  return q;
}

function run(q: QueueArrivals, model: QueueModel, thresholdSeconds: number) {
  const input: SimulationInput = {
    queues: [q],
    models: { q: model },
    staffing: flatStaffing('q', 1),
    thresholdSeconds
  };
  const out = simulate(input, { replications: 1, seed: 1 });
  if (out.status !== 'done') throw new Error('cancelled');
  return out.result;
}

describe('P2 head start over P3 in the shared class', () => {
  // one agent, 100 s calls: P3 at 0 is served at once; P3 at 10 and P2 at 50 wait for t = 100
  const q = () => queue([T, T + 10, T + 50], [3, 3, 2]);
  const infinite = { kind: 'infinite' as const };

  it('without a head start the earlier P3 goes first: waits 0, 90, 150 → 1 of 3 within 60 s', () => {
    const r = run(q(), { service: fixedService, patience: infinite }, 60);
    expect(r.kpis.pickup_within_20s.mean).toBeCloseTo(1 / 3, 12);
    expect(r.kpis.avg_wait_seconds.mean).toBeCloseTo(80, 9);
  });

  it('a 90 s head start puts the P2 (50 − 90 < 10) first: waits 0, 190, 50 → 2 of 3 within 60 s', () => {
    const model = { service: fixedService, patience: infinite, headStartSeconds: 90 };
    expect(run(q(), model, 60).kpis.pickup_within_20s.mean).toBeCloseTo(2 / 3, 12);
  });

  it('a 30 s head start is not enough (50 − 30 > 10): FIFO order stays', () => {
    const model = { service: fixedService, patience: infinite, headStartSeconds: 30 };
    expect(run(q(), model, 60).kpis.pickup_within_20s.mean).toBeCloseTo(1 / 3, 12);
  });

  it('P1 still beats a P2 with any head start', () => {
    // P1 at 60 arrives after the P2 at 50 and is served first anyway: waits 0, 40 (P1), 150 (P2)
    const model = { service: fixedService, patience: infinite, headStartSeconds: 600 };
    const r = run(queue([T, T + 50, T + 60], [3, 2, 1]), model, 60);
    expect(r.byPriority.P1.avg_wait_seconds.mean).toBeCloseTo(40, 9);
    expect(r.byPriority.rest.avg_wait_seconds.mean).toBeCloseTo(75, 9);
  });
});

describe('patience per segment in the engine', () => {
  it('anonymous callers with near-zero patience leave, identified ones with infinite patience wait', () => {
    // 0 served at once; 1 and 3 (anonymous) give up within a millisecond; 2 waits and is served
    const q = queue([T, T + 1, T + 2, T + 3], [3, 3, 3, 3], [0, 1, 0, 1]);
    const bySegment = new Array(8).fill(undefined);
    bySegment[patienceSegment(3, true)] = { kind: 'exponential', meanSeconds: 0.001 };
    const model: QueueModel = {
      service: fixedService,
      patience: { kind: 'infinite' },
      patienceBySegment: bySegment
    };
    expect(run(q, model, 20).kpis.abandon_rate.mean).toBeCloseTo(0.5, 12);
  });
});

describe('segmentPatience', () => {
  /** `picked` delayed pickups waiting `wait` s and `gone` abandonments with unknown waits. */
  function block(tier: number, anon: number, picked: number, gone: number, wait: number) {
    const rows: { tier: number; anon: number; abandoned: number; wait: number }[] = [];
    for (let i = 0; i < picked; i++) rows.push({ tier, anon, abandoned: 0, wait });
    for (let i = 0; i < gone; i++) rows.push({ tier, anon, abandoned: 1, wait: NaN });
    return rows;
  }
  const build = (rows: ReturnType<typeof block>): QueueArrivals => ({
    ...queue(
      rows.map((_, i) => T + i),
      rows.map((r) => r.tier),
      rows.map((r) => r.anon)
    ),
    abandoned: Uint8Array.from(rows, (r) => r.abandoned),
    waitSeconds: Float64Array.from(rows, (r) => r.wait)
  });

  it('estimates each thick segment on its own and leaves thin ones to the pooled model', () => {
    // P2 identified: exposure 300·10 + 100·10 over 100 abandons = 40 s;
    // P3 anonymous: 200·30 + 200·30 over 200 = 60 s; P3 identified: 10 calls, too thin
    const q = build([
      ...block(2, 0, 300, 100, 10),
      ...block(3, 1, 200, 200, 30),
      ...block(3, 0, 5, 5, 20)
    ]);
    const out = segmentPatience(q)!;
    expect(out[patienceSegment(2, false)]).toEqual({ kind: 'exponential', meanSeconds: 40 });
    expect(out[patienceSegment(3, true)]).toEqual({ kind: 'exponential', meanSeconds: 60 });
    expect(out[patienceSegment(3, false)]).toBeUndefined();
  });

  it('with a single thick segment there is nothing to tell apart', () => {
    expect(segmentPatience(build([...block(2, 0, 300, 100, 10), ...block(3, 0, 5, 5, 20)]))).toBe(
      undefined
    );
  });
});

describe('estimateHeadStart', () => {
  function row(requested: number, wait: number, priority: 2 | 3, issueType = 'PS'): TicketRow {
    return {
      queue: 'q',
      created: requested,
      requested,
      priority,
      anonymous: false,
      handleSeconds: 100,
      abandoned: false,
      waitSeconds: wait,
      agentId: 'a',
      issueType,
      statusFollowups: 0,
      statusLookups: 0,
      aiConfidence: null,
      intentWrong: null,
      botAnswered: false,
      duplicateAnswer: false,
      enterprise: false,
      entryChannel: 'hotline',
      handlingChannel: 'hotline',
      region: 'domestic',
      status: 'resolved',
      resolvedBy: 'agent',
      resolveMinutes: null,
      firstResponseMinutes: null,
      utcOffsetHours: 0
    };
  }
  /** 40 overtakes 1000 s apart: a P3 at t, a P2 at t + g picked up 4 s before it, g = 2…80. */
  const overtakes = (p2Type = 'PS'): TicketRow[] =>
    Array.from({ length: 40 }, (_, k) => {
      const t = T + 1000 * k;
      const g = 2 * (k + 1);
      return [row(t, g + 5, 3), row(t + g, 1, 2, p2Type)];
    }).flat();

  it('reads the 95th percentile of the gaps: index ⌊0.95·39⌋ = 37 of 2, 4, …, 80 → 76 s', () => {
    expect(estimateHeadStart(overtakes(), 'q')).toBe(76);
  });

  it('overtakes across issue types are not read (another skill may have served)', () => {
    expect(estimateHeadStart(overtakes('IN'), 'q')).toBe(0);
  });

  it('P3 overtaking earlier P2 callers in more than 10 % of cases means no head start', () => {
    const reverse = Array.from({ length: 5 }, (_, k) => {
      const t = T + 100_000 + 1000 * k;
      return [row(t, 30, 2), row(t + 5, 1, 3)];
    }).flat();
    expect(estimateHeadStart([...overtakes(), ...reverse.slice(0, 8)], 'q')).toBe(76);
    expect(estimateHeadStart([...overtakes(), ...reverse], 'q')).toBe(0);
  });

  it('needs 30 overtakes', () => {
    expect(estimateHeadStart(overtakes().slice(0, 58), 'q')).toBe(0);
    expect(estimateHeadStart(overtakes().slice(0, 60), 'q')).toBeGreaterThan(0);
  });
});
