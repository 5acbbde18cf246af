import { prepareBaseline, type Baseline } from '../staffing/baseline';
import { holdoutDay, prepareFitTest, type FitTestSplit } from '../history/fit-split';
import { confidenceCurve } from '../scenarios/confidence';
import { resolutionByFirstResponse } from '../scenarios/night-shift';
import type { BaselineInput, BaselineSummary, SimRequest, SimResponse } from './protocol';
import { decodeRows } from '../history/row-columns';
import { ScenarioError, validateScenario } from '../scenarios/scenario';
import { currentAwareness } from '../scenarios/scenario-apply';
import { drainInSlices } from '../scenarios/steps';
import { whatIfSteps } from '../scenarios/what-if';
import { numberProblem } from '../../limits';

/** Back to the event loop for a moment, so that queued messages (a cancel) are delivered. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The worker's logic without the Worker: feed it requests, it posts responses. Baselines are
 * cached by input key. Runs and prepares are answered one at a time, in order; a run pauses
 * (`pause`) every few milliseconds, so a `cancel` is read mid-run and stops it at the next
 * check, leaving the worker and its cached baseline in place. The promise settles when the
 * request has been answered.
 */
export function createSimHandler(
  post: (message: SimResponse) => void,
  pause: () => Promise<void> = nextTask
): (request: SimRequest) => Promise<void> {
  let cached: { key: string; baseline: Baseline; splits: Map<string, FitTestSplit> } | undefined;
  const cancelled = new Set<number>();

  const baselineFor = (input: BaselineInput): Baseline => {
    if (cached?.key !== input.key) {
      const rows = decodeRows(input.rows);
      const staffing = input.staffing ? { queues: input.staffing } : undefined;
      cached = {
        key: input.key,
        baseline: prepareBaseline(rows, input.thresholdSeconds, staffing),
        splits: new Map()
      };
    }
    return cached.baseline;
  };

  /**
   * The fit/test split of the cached baseline's rows, on the CLI's day (`holdoutDay`): the one
   * asked for, else `defaultFitUntil`'s (none when the history is too short to hold days out).
   */
  const splitFor = (input: BaselineInput): FitTestSplit | undefined => {
    if (!cached) return undefined;
    const day = holdoutDay(cached.baseline.rows, input.fitUntil || undefined).fitUntil;
    if (!day) return undefined;
    let split = cached.splits.get(day);
    if (!split) {
      const staffing = input.staffing ? { queues: input.staffing } : undefined;
      split = prepareFitTest(cached.baseline.rows, day, input.thresholdSeconds, staffing);
      cached.splits.set(day, split);
    }
    return split;
  };

  const summaryOf = (b: Baseline): BaselineSummary => ({
    queues: b.arrivals.queues.map((q) => q.queue),
    staffing: b.staffing.queues,
    staffingSource: b.staffingSource,
    observed: b.observed,
    window: b.window,
    humanRequests: b.observed.human_requests,
    confidenceCurve: confidenceCurve(b.rows),
    resolutionByDelay: resolutionByFirstResponse(b.rows),
    currentAwareness: currentAwareness(b.rows)
  });

  const fail = (id: number, error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    post(
      error instanceof ScenarioError
        ? { type: 'error', id, message, path: error.path }
        : { type: 'error', id, message }
    );
  };

  const answer = async (request: Exclude<SimRequest, { type: 'cancel' }>): Promise<void> => {
    const { id } = request;
    try {
      const baseline = baselineFor(request.input);
      if (request.type === 'prepare') {
        post({ type: 'prepared', id, summary: summaryOf(baseline) });
        return;
      }
      const scenario =
        request.scenario === undefined ? undefined : validateScenario(request.scenario);
      for (const [name, value] of [
        ['replications', request.replications],
        ['seed', request.seed]
      ] as const) {
        const problem = numberProblem(name, value);
        if (problem) throw new Error(`${name} ${value}: ${problem}`);
      }
      const total = request.replications * (scenario ? 2 : 1);
      let done = 0;
      post({ type: 'progress', id, done, total });
      const split = splitFor(request.input);
      const steps = whatIfSteps(
        baseline,
        scenario,
        {
          replications: request.replications,
          seed: request.seed,
          shouldStop: () => cancelled.has(id),
          onProgress: (fraction) => {
            const now = Math.floor(fraction * total + 1e-9);
            if (now > done) post({ type: 'progress', id, done: (done = now), total });
          }
        },
        split
      );
      const report = await drainInSlices(steps, pause);
      post('cancelled' in report ? { type: 'cancelled', id } : { type: 'result', id, report });
    } catch (error) {
      fail(id, error);
    } finally {
      cancelled.delete(id);
    }
  };

  let queue: Promise<void> = Promise.resolve();
  return (request) => {
    if (request.type === 'cancel') {
      cancelled.add(request.id);
      return Promise.resolve();
    }
    return (queue = queue.then(() => answer(request)));
  };
}
