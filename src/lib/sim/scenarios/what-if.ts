import { BACKTEST_KPIS, modelErrorInterval, type BacktestKpi } from '../backtest/backtest';
import { backtestReport, type BacktestReport } from '../backtest/backtest-report';
import type { Baseline } from '../staffing/baseline';
import { enterpriseReport, type EnterpriseReport } from './enterprise-figures';
import type { FitTestSplit } from '../history/fit-split';
import { confidenceCurve, type ConfidencePoint } from './confidence';
import { simulateSteps } from '../model/engine';
import type { Estimate } from '../model/interval';
import { nightShiftReport, type NightShiftReport } from './night-shift';
import type { Scenario } from './scenario';
import { applyScenario } from './scenario-apply';
import { drain, type Steps } from './steps';
import type { SimulationOptions, SimulationResult } from '../model/types';

/** Baseline vs scenario, as the page and the CLI report them. */
export interface WhatIfReport {
  baseline: {
    observed: Baseline['observed'];
    simulated: SimulationResult;
    /** Replication interval widened by the backtest's model error (see `modelErrorInterval`). */
    modelInterval?: Record<BacktestKpi, Estimate>;
  };
  /** Calibration: in-sample (and out-of-sample) checks, cells, margin and verdict. */
  backtest?: BacktestReport;
  scenario?: {
    name?: string;
    simulated: SimulationResult;
    modelInterval?: Record<BacktestKpi, Estimate>;
    effects: Record<string, number>;
    delta: Record<string, number>;
    nightShift?: NightShiftReport;
    /** Enterprise API scenario: resolution time, speed-up and SLA, historical vs scenario. */
    enterprise?: EnterpriseReport;
    confidenceCurve?: ConfidencePoint[];
    /** The trade-off without labelling (τ = 0) and at the scenario's τ. */
    confidenceAt?: { baseline: ConfidencePoint; scenario: ConfidencePoint };
  };
}

/** What a cancelled run returns. */
export interface Cancelled {
  cancelled: true;
}

function withModelError(
  result: SimulationResult,
  margin: Record<BacktestKpi, number>
): Record<BacktestKpi, Estimate> {
  const out = {} as Record<BacktestKpi, Estimate>;
  for (const kpi of BACKTEST_KPIS)
    out[kpi] = modelErrorInterval(kpi, result.kpis[kpi], margin[kpi]);
  return out;
}

/**
 * Runs the baseline and (when given) the scenario on common random numbers, and adds the
 * scenario's own analytic reports and the backtest. With `split`, the backtest also replays the
 * fitting period and the later period with the models fitted before it, and the model error
 * comes from the later period. Progress covers all runs.
 */
export function runWhatIf(
  baseline: Baseline,
  scenario: Scenario | undefined,
  options: SimulationOptions = {},
  split?: FitTestSplit
): WhatIfReport | Cancelled {
  return drain(whatIfSteps(baseline, scenario, options, split));
}

/** `runWhatIf` as steps, for a caller that pauses between them (the worker). */
export function* whatIfSteps(
  baseline: Baseline,
  scenario: Scenario | undefined,
  options: SimulationOptions = {},
  split?: FitTestSplit
): Steps<WhatIfReport | Cancelled> {
  const halves = scenario ? 2 : 1;
  const base = yield* simulateSteps(inputOf(baseline), {
    ...options,
    onProgress: (f) => options.onProgress?.(f / halves)
  });
  if (base.status === 'cancelled') return { cancelled: true };
  const report: WhatIfReport = {
    baseline: { observed: baseline.observed, simulated: base.result }
  };
  if (split) {
    const quiet = { ...options, onProgress: undefined };
    const fitRun = yield* simulateSteps(inputOf(split.fit), quiet);
    const testRun = yield* simulateSteps(inputOf(split.test), quiet);
    if (fitRun.status === 'cancelled' || testRun.status === 'cancelled') return { cancelled: true };
    report.backtest = backtestReport(
      { baseline: split.fit, simulated: fitRun.result },
      { baseline: split.test, simulated: testRun.result, fitUntil: split.fitUntil }
    );
  } else report.backtest = backtestReport({ baseline, simulated: base.result });
  report.baseline.modelInterval = withModelError(base.result, report.backtest.margin);
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
  report.scenario = {
    simulated: out.result,
    modelInterval: withModelError(out.result, report.backtest.margin),
    effects: run.effects,
    delta
  };
  if (scenario.name !== undefined) report.scenario.name = scenario.name;
  if (scenario.night_shift)
    report.scenario.nightShift = nightShiftReport(scenario.night_shift, baseline.rows);
  if (scenario.enterprise_api)
    report.scenario.enterprise = enterpriseReport(
      baseline.rows,
      { arrivals: baseline.arrivals, result: base.result },
      { arrivals: run.arrivals, result: out.result }
    );
  if (scenario.confidence_labelling) {
    report.scenario.confidenceCurve = confidenceCurve(baseline.rows);
    const tau = scenario.confidence_labelling.threshold ?? 0.6;
    const [before, after] = confidenceCurve(baseline.rows, [0, tau]);
    report.scenario.confidenceAt = { baseline: before!, scenario: after! };
  }
  return report;
}

function inputOf(b: Baseline) {
  return {
    queues: b.arrivals.queues,
    models: b.models,
    staffing: b.staffing,
    thresholdSeconds: b.thresholdSeconds,
    window: b.window
  };
}
