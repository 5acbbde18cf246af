import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/lib/sim/model/engine';
import type { QueueArrivals, QueueModel } from '../../src/lib/sim/model/types';

const MONDAY = Date.UTC(2026, 2, 2, 9) / 1000;

/** One overloaded hour: a call every 10 s, 60 s calls, 2 agents (6 erlangs offered). */
function overloaded(): QueueArrivals {
  const n = 360;
  return {
    queue: 'hotline',
    time: Float64Array.from({ length: n }, (_, i) => MONDAY + i * 10),
    priority: new Uint8Array(n).fill(2),
    handleSeconds: new Float64Array(n).fill(60),
    abandoned: new Uint8Array(n),
    waitSeconds: new Float64Array(n).fill(NaN)
  };
}

function run(model: QueueModel) {
  const q = overloaded();
  const out = simulate(
    {
      queues: [q],
      models: { hotline: model },
      staffing: { queues: { hotline: new Array<number>(168).fill(2) } },
      window: { start: MONDAY, end: MONDAY + 3600 }
    },
    { replications: 3, seed: 4 }
  );
  if (out.status !== 'done') throw new Error('cancelled');
  return out.result.kpis;
}

describe('surge: on-duty agents join once a caller has waited long', () => {
  const plain: QueueModel = {
    service: { kind: 'exponential', meanSeconds: 60 },
    patience: { kind: 'exponential', meanSeconds: 600 }
  };

  it('caps the waits near the threshold where the hour alone would overflow', () => {
    const without = run(plain);
    const surged = run({ ...plain, surge: { afterSeconds: 30, factor: 5 } });
    // 2 agents for 6 erlangs: the queue grows all hour
    expect(without.avg_wait_seconds.mean).toBeGreaterThan(300);
    expect(without.abandon_rate.mean).toBeGreaterThan(0.3);
    // 10 agents once someone has waited 30 s: nobody waits much longer than that
    expect(surged.avg_wait_seconds.mean).toBeGreaterThan(0);
    expect(surged.avg_wait_seconds.mean).toBeLessThan(60);
    expect(surged.abandon_rate.mean).toBeLessThan(0.08);
    // nobody is served before 30 s unless one of the 2 hour agents is free
    expect(surged.pickup_within_20s.mean).toBeLessThan(0.6);
  });

  it('changes nothing when the surge level is the hour level', () => {
    expect(run({ ...plain, surge: { afterSeconds: 30, factor: 1 } })).toEqual(run(plain));
  });
});
