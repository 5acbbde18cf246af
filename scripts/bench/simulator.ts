import type { Db } from '../../src/lib/db/types';
import { prepareBaseline } from '../../src/lib/sim/staffing/baseline';
import { DEFAULT_REPLICATIONS, simulate } from '../../src/lib/sim/model/engine';
import { loadHistory } from '../../src/lib/sim/history/load-history';

export interface SimulatorRun {
  arrivals_per_second: number;
  arrivals: number;
  replications: number;
  ms: number;
}

/** Baseline replay of the loaded tickets, 20 replications, on the simulator engine (src/lib/sim). */
export async function runSimulator(db: Db): Promise<SimulatorRun> {
  const baseline = prepareBaseline(await loadHistory(db));
  const started = performance.now();
  const outcome = simulate(
    {
      queues: baseline.arrivals.queues,
      models: baseline.models,
      staffing: baseline.staffing,
      thresholdSeconds: baseline.thresholdSeconds,
      window: baseline.window
    },
    { replications: DEFAULT_REPLICATIONS, seed: 1 }
  );
  const ms = performance.now() - started;
  if (outcome.status !== 'done') throw new Error(`simulation ${outcome.status}`);
  const arrivals = outcome.result.arrivalsSimulated;
  return {
    arrivals_per_second: Math.round(arrivals / (ms / 1000)),
    arrivals,
    replications: DEFAULT_REPLICATIONS,
    ms: Math.round(ms)
  };
}
