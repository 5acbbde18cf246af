import { prepareBaseline, type Baseline } from './baseline';
import { confidenceCurve } from './confidence';
import { resolutionByFirstResponse } from './night-shift';
import type { BaselineInput, BaselineSummary, SimRequest, SimResponse } from './protocol';
import { decodeRows } from './row-columns';
import { ScenarioError, validateScenario } from './scenario';
import { currentAwareness } from './scenario-apply';
import { runWhatIf } from './what-if';

/**
 * The worker's logic without the Worker: feed it requests, it posts responses. Baselines are
 * cached by input key. A `cancel` stops the matching run at its next `shouldStop` check.
 */
export function createSimHandler(
  post: (message: SimResponse) => void
): (request: SimRequest) => void {
  let cached: { key: string; baseline: Baseline } | undefined;
  const cancelled = new Set<number>();

  const baselineFor = (input: BaselineInput): Baseline => {
    if (cached?.key !== input.key) {
      const rows = decodeRows(input.rows);
      const staffing = input.staffing ? { queues: input.staffing } : undefined;
      cached = {
        key: input.key,
        baseline: prepareBaseline(rows, input.thresholdSeconds, staffing)
      };
    }
    return cached.baseline;
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

  return (request) => {
    if (request.type === 'cancel') {
      cancelled.add(request.id);
      return;
    }
    const { id } = request;
    try {
      const baseline = baselineFor(request.input);
      if (request.type === 'prepare') {
        post({ type: 'prepared', id, summary: summaryOf(baseline) });
        return;
      }
      const scenario =
        request.scenario === undefined ? undefined : validateScenario(request.scenario);
      const total = request.replications * (scenario ? 2 : 1);
      let done = 0;
      post({ type: 'progress', id, done, total });
      const report = runWhatIf(baseline, scenario, {
        replications: request.replications,
        seed: request.seed,
        shouldStop: () => cancelled.has(id),
        onProgress: (fraction) => {
          const now = Math.floor(fraction * total + 1e-9);
          if (now > done) post({ type: 'progress', id, done: (done = now), total });
        }
      });
      post('cancelled' in report ? { type: 'cancelled', id } : { type: 'result', id, report });
    } catch (error) {
      fail(id, error);
    } finally {
      cancelled.delete(id);
    }
  };
}
