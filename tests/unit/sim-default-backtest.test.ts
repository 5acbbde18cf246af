import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadForCli } from '../../src/cli/load-for-cli';
import type { Db } from '../../src/lib/db/types';
import { prepareBaseline, type Baseline } from '../../src/lib/sim/staffing/baseline';
import { loadHistory } from '../../src/lib/sim/history/load-history';
import { runWhatIf } from '../../src/lib/sim/scenarios/what-if';

describe('backtest on the bundled dataset (queue-simulated history, low volume per queue)', () => {
  let db: Db;
  let baseline: Baseline;
  beforeAll(async () => {
    ({ db } = await loadForCli());
    baseline = prepareBaseline(await loadHistory(db));
  });
  afterAll(() => db.close());

  it('picks, per queue, the staffing reading that replays that queue best', () => {
    for (const method of Object.values(baseline.staffingMethod)) {
      expect([
        'agent_presence',
        'agents_active',
        'agents_when_called',
        'busy_while_waiting',
        'available_presence'
      ]).toContain(method);
    }
  });

  it('reproduces the observed pickup and abandonment within a few points', () => {
    const report = runWhatIf(baseline, undefined, { replications: 4, seed: 3 });
    if ('cancelled' in report) throw new Error('cancelled');
    const simulated = report.baseline.simulated.kpis;
    const observed = report.baseline.observed;
    expect(Math.abs(simulated.pickup_within_20s.mean - observed.pickup_within_20s)).toBeLessThan(
      0.03
    );
    expect(Math.abs(simulated.abandon_rate.mean - observed.abandon_rate)).toBeLessThan(0.02);
    expect(Math.abs(simulated.avg_wait_seconds.mean / observed.avg_wait_seconds - 1)).toBeLessThan(
      0.15
    );
  });
});
