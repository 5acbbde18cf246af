import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import type { Db } from '../../src/lib/db/types';
import { MESSAGES } from '../../src/lib/i18n/messages';
import { prepareBaseline, type Baseline } from '../../src/lib/sim/staffing/baseline';
import { EFFECTS, formatEffect, isKnownEffect } from '../../src/lib/sim/scenarios/effect-kinds';
import {
  agentsDeltaScope,
  nightShiftScope,
  staffingChange
} from '../../src/lib/sim/staffing/lever-scope';
import { loadHistory } from '../../src/lib/sim/history/load-history';
import { applyScenario } from '../../src/lib/sim/scenarios/scenario-apply';
import { scheduledAgentHours } from '../../src/lib/sim/model/engine';

/** Two queues, hand-made: a flat 1 agent, and 3 agents 9–17 on weekdays (0 otherwise). */
const flat = new Array<number>(168).fill(1);
const dayShift = Array.from({ length: 168 }, (_, s) =>
  Math.floor(s / 24) < 5 && s % 24 >= 9 && s % 24 < 17 ? 3 : 0
);
const staffing = { a: flat, b: dayShift };
const baselineWeek = 168 + 5 * 8 * 3; // 288

describe('lever scope (agent-hours a week, before the run)', () => {
  it('+2 on all queues in every hour: 2 × 2 queues × 168 h', () => {
    const s = agentsDeltaScope(staffing, { queue: '*', weekday: '*', hour: '*', delta: 2 });
    expect(s).toEqual({
      queues: 2,
      hoursPerWeek: 168,
      agentHoursPerWeek: 672,
      baselinePerWeek: baselineWeek
    });
  });

  it('a cut floors each hour at 0 agents: −2 on queue b removes only what is there', () => {
    const s = agentsDeltaScope(staffing, { queue: 'b', weekday: '1-5', hour: '8-10', delta: -2 });
    // 08:00 has 0 agents (nothing to remove); 09:00 has 3 (−2): 5 days × 2 = 10.
    expect(s).toMatchObject({ queues: 1, hoursPerWeek: 10, agentHoursPerWeek: -10 });
  });

  it('names what it cannot read', () => {
    expect(agentsDeltaScope(staffing, { queue: 'zz', weekday: '*', hour: '*', delta: 1 })).toMatch(
      /unknown queue "zz"/
    );
    expect(agentsDeltaScope(staffing, { queue: '*', weekday: '9', hour: '*', delta: 1 })).toMatch(
      /weekday/
    );
  });

  it('night seats: 3 seats × 9 local hours × 7 days, whatever the clock', () => {
    const s = nightShiftScope(staffing, { region: 'europe', seats: 3, local_hours: '9-18' });
    expect(s).toMatchObject({ queues: 1, hoursPerWeek: 63, agentHoursPerWeek: 189 });
  });

  it('the scenario total is the sum of its rows when no cut hits the floor', () => {
    expect(
      staffingChange(staffing, {
        agents_delta: [
          { queue: '*', weekday: '*', hour: '*', delta: 2 },
          { queue: 'a', weekday: 6, hour: '0-24', delta: 1 }
        ],
        night_shift: [{ region: 'europe', seats: 3, local_hours: '9-18' }]
      })
    ).toBe(672 + 24 + 189);
  });
});

describe('scenario effects on the bundled data: every one labelled in zh and en', () => {
  let db: Db;
  let baseline: Baseline;
  beforeAll(async () => {
    ({ db } = await loadForCli());
    baseline = prepareBaseline(await loadHistory(db));
  }, 120_000);
  afterAll(() => db?.close());

  it('each kind of scenario yields only effects with a kind, a unit and both labels', () => {
    const kinds = [
      { unified_tracking: { awareness: 0.8 } },
      { confidence_labelling: { threshold: 0.6 } },
      { night_shift: [{ region: 'europe', seats: 3, local_hours: '18-24' }] },
      { enterprise_api: { share: 0.5, handle_time_reduction: 0.2, misrouting_removed: true } },
      { agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 2 }] },
      { volume_growth: 0.1 }
    ];
    const seen = new Set<string>();
    for (const scenario of kinds) {
      for (const [key, value] of Object.entries(applyScenario(baseline, scenario).effects)) {
        seen.add(key);
        expect(isKnownEffect(key), key).toBe(true);
        const label = (MESSAGES as Record<string, { zh: string; en: string }>)[`simEffect_${key}`];
        expect(label?.zh, key).toBeTruthy();
        expect(label?.en, key).toBeTruthy();
        if (isKnownEffect(key)) expect(formatEffect(key, value)).not.toBe('—');
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(EFFECTS).sort());
  });

  it('the +2 agents lever on the bundled staffing: the same agent-hours as the run schedules', () => {
    const plus = { agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 2 }] };
    const perWeek = staffingChange(baseline.staffing.queues, plus);
    const queues = Object.keys(baseline.staffing.queues).length;
    expect(perWeek).toBeCloseTo(2 * queues * 168, 6);
    const run = applyScenario(baseline, plus);
    let added = 0;
    for (const [q, slots] of Object.entries(run.input.staffing.queues))
      added +=
        scheduledAgentHours(slots, baseline.window) -
        scheduledAgentHours(baseline.staffing.queues[q]!, baseline.window);
    const weeks = (baseline.window.end - baseline.window.start) / (7 * 86_400);
    expect(added / weeks).toBeCloseTo(perWeek, -1);
  });
});
