import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/lib/random/rng';
import { arrivalSpeeds, estimateAgentSpeed } from '../../src/lib/sim/model/agent-speed';
import { simulate } from '../../src/lib/sim/model/engine';
import { buildHandleSampler } from '../../src/lib/sim/model/handle-sampler';
import { hourOfWeek } from '../../src/lib/sim/model/clock';
import { prepareFitTest } from '../../src/lib/sim/history/fit-split';
import type { TicketRow } from '../../src/lib/sim/history/load-history';
import type { QueueArrivals } from '../../src/lib/sim/model/types';
import { flatStaffing, MONDAY } from '../fixtures/sim/poisson';

const DAY = 86_400;

/** A picked-up-at-once call of `agent` (null: abandoned) at `t` taking `handle` seconds. */
function row(t: number, agent: string | null, handle: number): TicketRow {
  return {
    queue: 'domestic',
    created: t,
    requested: t,
    priority: 2,
    anonymous: false,
    handleSeconds: agent === null ? null : handle,
    abandoned: agent === null,
    waitSeconds: agent === null ? null : 0,
    agentId: agent,
    issueType: null,
    statusFollowups: 0,
    statusLookups: 0,
    aiConfidence: null,
    intentWrong: null,
    botAnswered: false,
    duplicateAnswer: false,
    enterprise: false,
    entryChannel: 'help_feedback',
    handlingChannel: 'help_feedback',
    region: 'domestic',
    status: agent === null ? 'unresolved' : 'resolved',
    resolvedBy: agent === null ? null : 'agent',
    resolveMinutes: null,
    firstResponseMinutes: null,
    utcOffsetHours: 0
  };
}

/** Poisson calls, 60 an hour, each taken by an agent drawn from `mix`, exponential handle times. */
function calls(
  from: number,
  days: number,
  mix: { agent: string; share: number; mean: number }[],
  seed: number
): TicketRow[] {
  const rng = createRng(seed);
  const out: TicketRow[] = [];
  for (let t = from + rng.exp(60); t < from + days * DAY; t += rng.exp(60)) {
    let u = rng.next();
    const who = mix.find((m) => (u -= m.share) < 0) ?? mix[mix.length - 1]!;
    out.push(row(t, who.agent, rng.exp(who.mean)));
  }
  return out;
}

function queueOf(agents: (string | null)[], hours: number[], handle: number[]): QueueArrivals {
  const n = agents.length;
  return {
    queue: 'q',
    time: Float64Array.from(hours, (h, i) => MONDAY + h * 3600 + i),
    priority: new Uint8Array(n).fill(2),
    handleSeconds: Float64Array.from(handle),
    abandoned: Uint8Array.from(agents, (a) => (a === null ? 1 : 0)),
    waitSeconds: new Float64Array(n),
    agent: agents
  };
}

describe('agent speed (observed ÷ expected handle time)', () => {
  it('reads a slow and a fast agent, and leaves out an agent with too few calls', () => {
    const agents: string[] = [];
    const handle: number[] = [];
    for (let i = 0; i < 200; i++) {
      agents.push(i % 2 ? 'fast' : 'slow');
      handle.push(i % 2 ? 100 : 300);
    }
    for (let i = 0; i < 10; i++) {
      agents.push('rare');
      handle.push(1000);
    }
    const hours = agents.map(() => 10);
    const q = queueOf(agents, hours, handle);
    const speed = estimateAgentSpeed(q, buildHandleSampler(handle, hours))!;
    const mean = (200 * 200 + 10 * 1000) / 210;
    expect(speed.slow).toBeCloseTo(300 / mean, 6);
    expect(speed.fast).toBeCloseTo(100 / mean, 6);
    expect(speed.rare).toBeUndefined();
  });

  it('does not call an agent slow for working the hours with long calls', () => {
    // night calls (hour 2) take 300 s whoever answers, day calls (hour 14) 100 s
    const agents: string[] = [];
    const hours: number[] = [];
    const handle: number[] = [];
    for (let i = 0; i < 300; i++) {
      const night = i % 3 === 0;
      agents.push(night ? 'night' : 'day');
      hours.push(night ? 2 : 14);
      handle.push(night ? 300 : 100);
    }
    const q = queueOf(agents, hours, handle);
    const speed = estimateAgentSpeed(
      q,
      buildHandleSampler(
        handle,
        Array.from(q.time, (t) => hourOfWeek(t) % 24)
      )
    )!;
    expect(speed.night).toBeCloseTo(1, 6);
    expect(speed.day).toBeCloseTo(1, 6);
  });

  it('gives an unserved arrival the last served one’s speed, and an unseen agent the pooled 1', () => {
    const q = queueOf(['slow', null, 'new', null, 'fast'], [1, 1, 1, 1, 1], [1, NaN, 1, NaN, 1]);
    expect(Array.from(arrivalSpeeds(q, { slow: 2, fast: 0.5 })!)).toEqual([2, 2, 1, 1, 0.5]);
    const first = queueOf([null, 'fast'], [1, 1], [NaN, 1]);
    expect(Array.from(arrivalSpeeds(first, { fast: 0.5 })!)).toEqual([1, 0.5]);
    expect(arrivalSpeeds({ ...q, agent: undefined }, { slow: 2 })).toBeUndefined();
  });
});

describe('out of sample: the later period’s agents are known, their speeds fitted before', () => {
  // week 1: 'slow' (240 s) and 'fast' (60 s) take half the calls each (mean 150 s);
  // week 2: 'slow' takes 80 %, 'fast' 10 %, and 'new' (400 s, never seen before) 10 %
  const before = calls(
    MONDAY,
    7,
    [
      { agent: 'slow', share: 0.5, mean: 240 },
      { agent: 'fast', share: 0.5, mean: 60 }
    ],
    31
  );
  const after = calls(
    MONDAY + 7 * DAY,
    7,
    [
      { agent: 'slow', share: 0.8, mean: 240 },
      { agent: 'fast', share: 0.1, mean: 60 },
      { agent: 'new', share: 0.1, mean: 400 }
    ],
    32
  );
  const split = prepareFitTest(
    [...before, ...after],
    new Date((MONDAY + 7 * DAY) * 1000).toISOString().slice(0, 10),
    20,
    flatStaffing('domestic', 40)
  );

  it('fits the speeds on the earlier week only', () => {
    const speed = split.test.models.domestic!.agentSpeed!;
    expect(speed.slow).toBeGreaterThan(1.45);
    expect(speed.slow).toBeLessThan(1.75);
    expect(speed.fast).toBeGreaterThan(0.3);
    expect(speed.fast).toBeLessThan(0.5);
    expect(speed.new).toBeUndefined();
  });

  it('simulates the later mix’s handle time, pooled for the agent it never saw', () => {
    const b = split.test;
    const out = simulate(
      { queues: b.arrivals.queues, models: b.models, staffing: b.staffing, window: b.window },
      { replications: 2, seed: 5 }
    );
    if (out.status !== 'done') throw new Error('cancelled');
    const k = out.result.kpis;
    const meanHandle = (k.occupancy.mean * k.agent_hours.mean * 3600) / k.human_requests.mean;
    // 0.8 × 240 + 0.1 × 60 + 0.1 × 150 (pooled) = 213 s; the pooled bands alone would give 150 s
    expect(meanHandle).toBeGreaterThan(213 * 0.93);
    expect(meanHandle).toBeLessThan(213 * 1.07);
  });
});
