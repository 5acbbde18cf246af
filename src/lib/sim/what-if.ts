import type { Baseline } from './baseline';
import { confidenceCurve, type ConfidencePoint } from './confidence';
import { simulateSteps } from './engine';
import type { Estimate } from './interval';
import { nightShiftReport, type NightShiftReport } from './night-shift';
import type { Scenario } from './scenario';
import { applyScenario } from './scenario-apply';
import { drain, type Steps } from './steps';
import type { SimulationOptions, SimulationResult } from './types';

/** Baseline vs scenario, as the page and the CLI report them. */
export interface WhatIfReport {
  baseline: { observed: Baseline['observed']; simulated: SimulationResult };
  scenario?: {
    name?: string;
    simulated: SimulationResult;
    effects: Record<string, number>;
    delta: Record<string, number>;
    nightShift?: NightShiftReport;
    confidenceCurve?: ConfidencePoint[];
    /** The trade-off without labelling (τ = 0) and at the scenario's τ. */
    confidenceAt?: { baseline: ConfidencePoint; scenario: ConfidencePoint };
  };
}

/** What a cancelled run returns. */
export interface Cancelled {
  cancelled: true;
}

/**
 * Runs the baseline and (when given) the scenario on common random numbers, and adds the
 * scenario's own analytic reports. Progress covers both runs.
 */
export function runWhatIf(
  baseline: Baseline,
  scenario: Scenario | undefined,
  options: SimulationOptions = {}
): WhatIfReport | Cancelled {
  return drain(whatIfSteps(baseline, scenario, options));
}

/** `runWhatIf` as steps, for a caller that pauses between them (the worker). */
export function* whatIfSteps(
  baseline: Baseline,
  scenario: Scenario | undefined,
  options: SimulationOptions = {}
): Steps<WhatIfReport | Cancelled> {
  const halves = scenario ? 2 : 1;
  const base = yield* simulateSteps(
    {
      queues: baseline.arrivals.queues,
      models: baseline.models,
      staffing: baseline.staffing,
      thresholdSeconds: baseline.thresholdSeconds,
      window: baseline.window
    },
    { ...options, onProgress: (f) => options.onProgress?.(f / halves) }
  );
  if (base.status === 'cancelled') return { cancelled: true };
  const report: WhatIfReport = {
    baseline: { observed: baseline.observed, simulated: base.result }
  };
  if (!scenario) return report;
  const run = applyScenario(baseline, scenario, options.seed ?? 1);
  const out = yield* simulateSteps(run.input, {
    ...options,
    onProgress: (f) => options.onProgress?.(0.5 + f / 2)
  });
  if (out.status === 'cancelled') return { cancelled: true };
  const delta: Record<string, number> = {};
  for (const [id, est] of Object.entries(out.result.kpis) as [string, Estimate][]) {
    delta[id] = est.mean - base.result.kpis[id as keyof typeof base.result.kpis].mean;
  }
  report.scenario = { simulated: out.result, effects: run.effects, delta };
  if (scenario.name !== undefined) report.scenario.name = scenario.name;
  if (scenario.night_shift)
    report.scenario.nightShift = nightShiftReport(scenario.night_shift, baseline.rows);
  if (scenario.confidence_labelling) {
    report.scenario.confidenceCurve = confidenceCurve(baseline.rows);
    const tau = scenario.confidence_labelling.threshold ?? 0.6;
    const [before, after] = confidenceCurve(baseline.rows, [0, tau]);
    report.scenario.confidenceAt = { baseline: before!, scenario: after! };
  }
  return report;
}
