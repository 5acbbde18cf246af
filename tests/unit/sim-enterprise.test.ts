import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { prepareBaseline } from '../../src/lib/sim/staffing/baseline';
import {
  enterpriseFigures,
  windowClock,
  type TicketShift
} from '../../src/lib/sim/scenarios/enterprise-figures';
import { loadHistory, type TicketRow } from '../../src/lib/sim/history/load-history';
import { runWhatIf } from '../../src/lib/sim/scenarios/what-if';
import { scalar } from '../fixtures/metrics/harness';

const DAY = Date.UTC(2026, 2, 2) / 1000;
const W = { start: 9, end: 21, targetMinutes: 60 };

function row(over: Partial<TicketRow>): TicketRow {
  return {
    queue: 'enterprise',
    created: DAY + 10 * 3600,
    requested: null,
    priority: 2,
    anonymous: false,
    handleSeconds: null,
    abandoned: false,
    waitSeconds: null,
    agentId: null,
    issueType: null,
    statusFollowups: 0,
    statusLookups: 0,
    aiConfidence: null,
    intentWrong: null,
    botAnswered: false,
    duplicateAnswer: false,
    enterprise: true,
    entryChannel: 'enterprise_line',
    handlingChannel: 'enterprise_line',
    region: 'domestic',
    status: 'resolved',
    resolvedBy: 'agent',
    resolveMinutes: null,
    firstResponseMinutes: null,
    utcOffsetHours: 0,
    ...over
  };
}

describe('enterprise figures by the catalogue’s definitions', () => {
  it('counts only window minutes: opened 20:30 and answered 21:30 is 30 min; 08:00 → 10:30 is 90', () => {
    expect(windowClock(DAY + 21.5 * 3600, W) - windowClock(DAY + 20.5 * 3600, W)).toBe(30);
    expect(windowClock(DAY + 10.5 * 3600, W) - windowClock(DAY + 8 * 3600, W)).toBe(90);
    // opened 22:00, answered 09:30 the next morning: the clock starts at 09:00 → 30 min
    expect(windowClock(DAY + 33.5 * 3600, W) - windowClock(DAY + 22 * 3600, W)).toBe(30);
  });

  it('computes median resolve, speed-up and SLA, and moves them by per-ticket shifts', () => {
    const rows = [
      row({ resolveMinutes: 10, firstResponseMinutes: 30 }),
      row({ resolveMinutes: 20, firstResponseMinutes: 50 }),
      row({ resolveMinutes: 40, firstResponseMinutes: 70 }),
      row({ created: DAY + 8 * 3600, firstResponseMinutes: 150, resolveMinutes: null }),
      row({ enterprise: false, resolveMinutes: 50 }),
      row({ enterprise: false, resolveMinutes: 30 }),
      row({ enterprise: false, resolveMinutes: 90, status: 'unresolved' })
    ];
    const f = enterpriseFigures(rows, undefined, W);
    expect(f.enterprise_resolve_minutes).toBe(20);
    expect(f.enterprise_speedup).toBeCloseTo(1 - 20 / 40, 12);
    expect(f.enterprise_sla_rate).toBe(2 / 4);
    const shift: TicketShift = {
      resolve: Float64Array.from([0, -15, 0, 0, 0, 0, 0]),
      firstResponse: Float64Array.from([0, 0, -20, -40, 0, 0, 0])
    };
    const g = enterpriseFigures(rows, shift, W);
    expect(g.enterprise_resolve_minutes).toBe(10);
    expect(g.enterprise_sla_rate).toBe(4 / 4);
  });
});

describe('enterprise API scenario on the bundled dataset', () => {
  let db: Db;
  let report: LoadReport;
  let rows: TicketRow[];
  beforeAll(async () => {
    ({ db, report } = await loadForCli());
    rows = await loadHistory(db);
  });
  afterAll(() => db.close());

  it('reproduces the metric catalogue on the history, then reports the scenario with intervals', async () => {
    const observed = enterpriseFigures(rows);
    const speedup = await scalar(db, report, 'enterprise_speedup');
    const sla = await scalar(db, report, 'enterprise_sla_rate');
    expect(observed.enterprise_speedup).toBeCloseTo(speedup.value!, 9);
    expect(observed.enterprise_sla_rate).toBeCloseTo(sla.value!, 9);

    const out = runWhatIf(
      prepareBaseline(rows),
      { enterprise_api: { share: 1, handle_time_reduction: 0.5 } },
      { replications: 3, seed: 5 }
    );
    if ('cancelled' in out) throw new Error('cancelled');
    const ent = out.scenario!.enterprise!;
    expect(ent.observed).toEqual(observed);
    const e = ent.scenario.enterprise_resolve_minutes;
    // half the handle time of every enterprise ticket taken to a human: resolution gets faster
    expect(e.mean).toBeLessThan(observed.enterprise_resolve_minutes);
    expect(e.lo).toBeLessThanOrEqual(e.mean);
    expect(e.hi).toBeGreaterThanOrEqual(e.mean);
    expect(ent.scenario.enterprise_speedup.mean).toBeGreaterThan(observed.enterprise_speedup);
  });
});
