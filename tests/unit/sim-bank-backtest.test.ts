import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import type { Db } from '../../src/lib/db/types';
import { BACKTEST_KPIS } from '../../src/lib/sim/backtest/backtest';
import { prepareBaseline } from '../../src/lib/sim/staffing/baseline';
import { prepareFitTest } from '../../src/lib/sim/history/fit-split';
import { loadHistory, type TicketRow } from '../../src/lib/sim/history/load-history';
import { runWhatIf } from '../../src/lib/sim/scenarios/what-if';
import { BANK_LOG } from '../fixtures/sim/anonymous-bank';

const present = existsSync(BANK_LOG);
if (!present) console.warn(`SKIPPED sim-bank-backtest: ${BANK_LOG} not found`);

describe.skipIf(!present)('backtest through the anonymous-bank preset (Feb 1999)', () => {
  let db: Db;
  let rows: TicketRow[];
  beforeAll(async () => {
    ({ db } = await loadForCli(BANK_LOG));
    rows = await loadHistory(db);
  });
  afterAll(() => db.close());

  it('in sample: service level within 3 pp, abandonment within 2 pp, average wait within 15 % (presence × fitted availability)', () => {
    const baseline = prepareBaseline(rows);
    // the agents are busy with other work too: less than all of their on-duty time serves callers
    expect(baseline.staffingMethod.hotline).toBe('available_presence');
    expect(baseline.availability!.hotline).toBeGreaterThan(0.8);
    expect(baseline.availability!.hotline).toBeLessThan(1);
    const out = runWhatIf(baseline, undefined, { replications: 5, seed: 3 });
    if ('cancelled' in out) throw new Error('cancelled');
    const b = out.backtest!;
    const k = b.inSample.kpis;
    console.log(
      'bank in-sample: ' +
        BACKTEST_KPIS.map(
          (id) =>
            `${id} observed ${k[id].observed.toFixed(3)} simulated ${k[id].simulated.mean.toFixed(3)} error ${k[id].error.toFixed(3)}`
        ).join('; ')
    );
    // observed figures, checked against an independent conversion of the raw log
    expect(k.pickup_within_20s.observed).toBeCloseTo(0.5205, 3);
    expect(k.abandon_rate.observed).toBeCloseTo(0.1274, 3);
    expect(Math.abs(k.pickup_within_20s.error)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(k.abandon_rate.error)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(k.avg_wait_seconds.error)).toBeLessThanOrEqual(0.15);
    for (const id of BACKTEST_KPIS) {
      expect(b.verdict[id].within).toBe(Math.abs(k[id].error) <= k[id].target);
      const m = out.baseline.modelInterval![id];
      expect(m.hi - m.lo).toBeGreaterThanOrEqual(
        k[id].simulated.hi -
          k[id].simulated.lo +
          (id === 'avg_wait_seconds' ? 0 : 2 * b.margin[id]) -
          1e-9
      );
    }
  });

  it('out of sample (fitted before Feb 15): reports both periods and takes the margin from the later one', () => {
    const split = prepareFitTest(rows, '1999-02-15', 20);
    const out = runWhatIf(split.fit, undefined, { replications: 3, seed: 3 }, split);
    if ('cancelled' in out) throw new Error('cancelled');
    const b = out.backtest!;
    expect(b.fitUntil).toBe('1999-02-15');
    expect(b.marginSource).toBe('out_of_sample');
    expect(b.inSample.requests + b.outOfSample!.requests).toBe(
      rows.filter((r) => r.requested !== null).length
    );
    const o = b.outOfSample!.kpis;
    console.log(
      'bank out-of-sample: ' +
        BACKTEST_KPIS.map(
          (id) => `${id} error ${o[id].error.toFixed(3)} within ${o[id].within}`
        ).join('; ')
    );
    for (const id of BACKTEST_KPIS) expect(b.margin[id]).toBe(Math.abs(o[id].error));
  });
});
