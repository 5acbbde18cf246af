import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { prepareBaseline } from '../../src/lib/sim/staffing/baseline';
import { confidenceCurve } from '../../src/lib/sim/scenarios/confidence';
import { loadHistory, type TicketRow } from '../../src/lib/sim/history/load-history';
import { resolutionByFirstResponse } from '../../src/lib/sim/scenarios/night-shift';
import {
  parseScenario,
  ScenarioError,
  validateScenario
} from '../../src/lib/sim/scenarios/scenario';
import { applyScenario } from '../../src/lib/sim/scenarios/scenario-apply';
import { runWhatIf, type WhatIfReport } from '../../src/lib/sim/scenarios/what-if';
import { mmnHistory } from '../fixtures/sim/mmn-history';

describe('scenario validation', () => {
  it('accepts the spec example and fills defaults', () => {
    const s = validateScenario({
      name: 'Night seats for Europe + AI labels',
      volume_growth: 0.1,
      service_level_seconds: 20,
      agents_delta: [{ queue: '*', weekday: '*', hour: '9-17', delta: 2 }],
      unified_tracking: { awareness: 0.8 },
      confidence_labelling: { threshold: 0.6 },
      night_shift: [{ region: 'europe', seats: 3, local_hours: '9-18' }],
      enterprise_api: { share: 0.5, handle_time_reduction: 0.2 }
    });
    expect(s.enterprise_api).toEqual({
      share: 0.5,
      handle_time_reduction: 0.2,
      misrouting_removed: true
    });
    expect(validateScenario({})).toEqual({});
  });

  it.each([
    [{ volume_grwth: 0.1 }, 'volume_grwth'],
    [{ unified_tracking: { awareness: 1.5 } }, 'unified_tracking.awareness'],
    [{ unified_tracking: { awarenes: 0.5 } }, 'unified_tracking.awarenes'],
    [
      { agents_delta: [{ queue: '*', weekday: '*', hour: '25', delta: 1 }] },
      'agents_delta[0].hour'
    ],
    [{ agents_delta: [{ weekday: 9, delta: 1 }] }, 'agents_delta[0].weekday'],
    [{ night_shift: [{ region: 'mars', seats: 1 }] }, 'night_shift[0].region'],
    [{ night_shift: [{ region: 'europe', seats: 1.5 }] }, 'night_shift[0].seats'],
    [{ confidence_labelling: { threshold: -0.1 } }, 'confidence_labelling.threshold'],
    [{ enterprise_api: { share: 2 } }, 'enterprise_api.share'],
    [{ volume_growth: '10%' }, 'volume_growth'],
    [[1], '(document)']
  ])('rejects %j naming %s', (value, path) => {
    try {
      validateScenario(value);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).path).toBe(path);
      expect((e as Error).message).toContain(path);
    }
  });

  it('names the document on bad JSON', () => {
    expect(() => parseScenario('{ nope')).toThrow(/\(document\)/);
  });
});

let db: Db;
let rows: TicketRow[];

/** A small `tickets` table: a known M/M/8 hotline with agent ids, plus bot-only tickets. */
async function createTickets(): Promise<void> {
  const h = mmnHistory({ perHour: 120, handle: 180, agents: 8, days: 7, patience: 300, seed: 3 });
  const lines = [
    'ticket_id,created_local,human_requested_local,answered_local,handle_seconds,agent_id,issue_type,conf,ai_intent,true_intent,bot,dup,lookups,followups,channel,region,status,frt'
  ];
  const iso = (s: number) => new Date(s * 1000).toISOString().replace('T', ' ').replace('Z', '');
  const q = h.queue;
  const work = new Map(h.work.map((w) => [w.start.toFixed(3), w.agent]));
  for (let i = 0; i < q.time.length; i++) {
    const t = q.time[i]!;
    const answered = q.abandoned[i] ? '' : iso(t + q.waitSeconds[i]!);
    const agent = q.abandoned[i] ? '' : (work.get((t + q.waitSeconds[i]!).toFixed(3)) ?? '');
    const conf = ((i * 7919) % 100) / 100;
    const wrong = i % 10 === 0;
    lines.push(
      [
        `h${i}`,
        iso(t - 60),
        iso(t),
        answered,
        q.abandoned[i] ? '' : q.handleSeconds[i],
        agent,
        i % 5 === 0 ? 'status_query' : 'payment',
        conf,
        wrong ? 'x' : 'y',
        'y',
        'true',
        wrong ? 'true' : 'false',
        i % 3 === 0 ? 1 : 0,
        1,
        'hotline',
        'domestic',
        'resolved',
        5
      ].join(',')
    );
  }
  for (let i = 0; i < 2000; i++) {
    const t = q.time[0]! + i * 300;
    lines.push(
      [
        `b${i}`,
        iso(t),
        '',
        '',
        '',
        '',
        'payment',
        (i % 100) / 100,
        'y',
        'y',
        'true',
        'false',
        0,
        0,
        'hotline',
        i % 4 ? 'domestic' : 'europe',
        i % 3 ? 'resolved' : 'unresolved',
        (i % 50) * 60
      ].join(',')
    );
  }
  const path = await db.registerFile('sim-tickets.csv', new TextEncoder().encode(lines.join('\n')));
  await db.exec(
    `CREATE TABLE raw AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true)`
  );
  await db.exec(`CREATE TABLE tickets AS SELECT
    ticket_id, 'hotline' AS handling_channel, channel AS entry_channel, 'individual' AS customer_type, region,
    created_local::TIMESTAMP AS created_local, created_local::TIMESTAMP - INTERVAL 8 HOUR AS created_at,
    NULLIF(human_requested_local, '')::TIMESTAMP AS human_requested_local,
    NULLIF(human_requested_local, '')::TIMESTAMP - INTERVAL 8 HOUR AS human_requested_at,
    NULLIF(answered_local, '')::TIMESTAMP - INTERVAL 8 HOUR AS agent_answered_at,
    'P2' AS priority, NULLIF(handle_seconds, '')::DOUBLE AS handle_seconds, NULLIF(agent_id, '') AS agent_id,
    issue_type, conf::DOUBLE AS ai_confidence, ai_intent, true_intent, bot::BOOLEAN AS bot_answered,
    dup::BOOLEAN AS duplicate_answer, lookups::INTEGER AS status_lookups, followups::INTEGER AS status_followups,
    status, CASE WHEN human_requested_local = '' THEN 'bot' ELSE 'agent' END AS resolved_by,
    NULL::DOUBLE AS resolve_minutes, frt::DOUBLE AS first_response_minutes,
    epoch(NULLIF(answered_local, '')::TIMESTAMP - NULLIF(human_requested_local, '')::TIMESTAMP) AS wait_seconds
    FROM raw`);
}

describe('scenarios on a tickets table', () => {
  beforeAll(async () => {
    db = await openNodeDb();
    await createTickets();
    rows = await loadHistory(db);
  });
  afterAll(() => db.close());

  it('loads rows with the spec queue key and local-clock times', () => {
    const human = rows.filter((r) => r.requested !== null);
    expect(human.length).toBeGreaterThan(15_000);
    expect(new Set(human.map((r) => r.queue))).toEqual(new Set(['hotline']));
    expect(rows[0]!.utcOffsetHours).toBe(8);
    expect(human.some((r) => r.abandoned && r.waitSeconds === null)).toBe(true);
  });

  function whatIf(scenario: Parameters<typeof runWhatIf>[1]): Required<WhatIfReport> {
    const out = runWhatIf(prepareBaseline(rows), scenario, { replications: 4, seed: 9 });
    if ('cancelled' in out || !out.scenario) throw new Error('no scenario result');
    return out as Required<WhatIfReport>;
  }

  it('backtest reproduces the observed pickup (agent presence staffing, exponential patience)', () => {
    const b = prepareBaseline(rows);
    expect(b.staffingSource.hotline).toBe('agent_id');
    const out = runWhatIf(b, undefined, { replications: 4 });
    if ('cancelled' in out) throw new Error('cancelled');
    expect(
      Math.abs(
        out.baseline.simulated.kpis.pickup_within_20s.mean - out.baseline.observed.pickup_within_20s
      )
    ).toBeLessThan(0.05);
    expect(out.scenario).toBeUndefined();
  });

  it('more agents and less volume raise pickup; more volume lowers it', () => {
    const more = whatIf({ agents_delta: [{ queue: '*', weekday: '*', hour: '*', delta: 2 }] });
    expect(more.scenario.delta.pickup_within_20s).toBeGreaterThan(0.05);
    expect(more.scenario.delta.agent_hours).toBeCloseTo(2 * 7 * 24, 6);
    const grow = whatIf({ volume_growth: 0.2 });
    expect(grow.scenario.delta.human_requests).toBeGreaterThan(0);
    expect(grow.scenario.delta.pickup_within_20s).toBeLessThan(0);
  });

  it('unified tracking removes status follow-up contacts; enterprise API leaves individuals alone', () => {
    const u = whatIf({ unified_tracking: { awareness: 0.9 } });
    expect(u.scenario.effects.status_awareness_before).toBe(0);
    expect(u.scenario.effects.human_contacts_avoided).toBeGreaterThan(0);
    expect(u.scenario.delta.human_requests).toBeLessThan(0);
    const e = whatIf({ enterprise_api: { share: 1 } });
    expect(e.scenario.effects.api_tickets).toBe(0);
  });

  it('confidence labelling adds human load from bot-only tickets and reports the curve', () => {
    const c = whatIf({ confidence_labelling: { threshold: 0.5 } });
    expect(c.scenario.effects.extra_human_requests).toBe(1000);
    expect(c.scenario.delta.human_requests).toBe(1000);
    const curve = confidenceCurve(rows, [0, 0.5, 1]);
    expect(curve[0]!.human_load).toBeLessThan(curve[2]!.human_load);
    expect(curve[2]!.misjudgment_reaching_users).toBe(0);
    expect(curve[0]!.duplicate_answer_rate).toBeCloseTo(0.1, 2);
    expect(curve[2]!.duplicate_answer_rate).toBeNaN();
  });

  it('exposes the first-response / resolution relation', () => {
    const rel = resolutionByFirstResponse(rows);
    expect(rel.reduce((s, b) => s + b.tickets, 0)).toBe(500);
  });

  it('rejects a delta on an unknown queue, naming it', () => {
    const b = prepareBaseline(rows);
    expect(() =>
      applyScenario(b, { agents_delta: [{ queue: 'nope', weekday: '*', hour: '*', delta: 1 }] })
    ).toThrow(/agents_delta\[0\]\.queue: unknown queue "nope"/);
  });
});
