import { describe, expect, it } from 'vitest';
import { arrivalWindow, simulate } from '../../src/lib/sim/model/engine';
import { observedKpis } from '../../src/lib/sim/history/observed';
import { buildQueueModels } from '../../src/lib/sim/model/queue-model';
import { inferStaffingFromPresence } from '../../src/lib/sim/staffing/staffing';
import { BANK_LOG, bankLogPresent, readBankLog } from '../fixtures/sim/anonymous-bank';

const present = bankLogPresent();
if (!present)
  console.warn(`SKIPPED sim-bank: ${BANK_LOG} not found (shared evaluation data absent)`);

describe.skipIf(!present)('backtest on the Anonymous Bank log (Feb 1999)', () => {
  it('builds arrivals (PHANTOM excluded, never-queued served calls wait 0) and reproduces observed KPIs', () => {
    const { queues, work } = readBankLog();
    const n = queues.reduce((s, q) => s + q.time.length, 0);
    expect(n).toBe(31_125);
    const window = arrivalWindow({ queues });
    const staffing = inferStaffingFromPresence(work, ['bank'], window);
    const out = simulate(
      { queues, models: buildQueueModels(queues), staffing, window },
      { replications: 20, seed: 1 }
    );
    if (out.status !== 'done') throw new Error('cancelled');
    const sim = out.result.kpis;
    const obs = observedKpis(queues);
    console.log(
      `bank backtest (20 reps): pickup≤20s observed ${obs.pickup_within_20s.toFixed(3)} simulated ${sim.pickup_within_20s.mean.toFixed(3)} [${sim.pickup_within_20s.lo.toFixed(3)}, ${sim.pickup_within_20s.hi.toFixed(3)}]; ` +
        `wait observed ${obs.avg_wait_seconds.toFixed(1)} s simulated ${sim.avg_wait_seconds.mean.toFixed(1)} s; ` +
        `abandon observed ${obs.abandon_rate.toFixed(3)} simulated ${sim.abandon_rate.mean.toFixed(3)}; ` +
        `occupancy ${sim.occupancy.mean.toFixed(3)}, agent-hours ${sim.agent_hours.mean.toFixed(0)}; ${Math.round(out.result.arrivalsPerSecond)} arrivals/s`
    );
    expect(Math.abs(sim.pickup_within_20s.mean - obs.pickup_within_20s)).toBeLessThan(0.08);
    expect(Math.abs(sim.avg_wait_seconds.mean - obs.avg_wait_seconds)).toBeLessThan(10);
    expect(Math.abs(sim.abandon_rate.mean - obs.abandon_rate)).toBeLessThan(0.02);
  });
});
