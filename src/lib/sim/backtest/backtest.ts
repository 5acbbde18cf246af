import type { Estimate } from '../model/interval';
import type { ObservedKpis } from '../history/observed';
import type { KpiEstimates } from '../model/types';

/** The KPIs a backtest checks, and how far the simulation may be from the history. */
export const BACKTEST_KPIS = ['pickup_within_20s', 'abandon_rate', 'avg_wait_seconds'] as const;
export type BacktestKpi = (typeof BACKTEST_KPIS)[number];

/**
 * Targets: service level within 3 percentage points, abandonment within 2 points (absolute
 * differences of rates), average wait within 15 % (a relative difference).
 */
export const BACKTEST_TARGETS: Record<
  BacktestKpi,
  { kind: 'absolute' | 'relative'; value: number }
> = {
  pickup_within_20s: { kind: 'absolute', value: 0.03 },
  abandon_rate: { kind: 'absolute', value: 0.02 },
  avg_wait_seconds: { kind: 'relative', value: 0.15 }
};

/** One KPI of one backtest period: observed, simulated, and the error in the target's units. */
export interface KpiCheck {
  observed: number;
  simulated: Estimate;
  /** simulated − observed (rates), or simulated ÷ observed − 1 (average wait). */
  error: number;
  target: number;
  within: boolean;
}

/** Error of a simulated figure against an observed one, in the KPI's target units. */
export function kpiError(kpi: BacktestKpi, observed: number, simulated: number): number {
  return BACKTEST_TARGETS[kpi].kind === 'relative'
    ? simulated / observed - 1
    : simulated - observed;
}

/** Observed vs simulated for every backtest KPI. */
export function checkKpis(
  observed: Pick<ObservedKpis, BacktestKpi>,
  simulated: Pick<KpiEstimates, BacktestKpi>
): Record<BacktestKpi, KpiCheck> {
  const out = {} as Record<BacktestKpi, KpiCheck>;
  for (const kpi of BACKTEST_KPIS) {
    const error = kpiError(kpi, observed[kpi], simulated[kpi].mean);
    const target = BACKTEST_TARGETS[kpi].value;
    out[kpi] = {
      observed: observed[kpi],
      simulated: simulated[kpi],
      error,
      target,
      within: Number.isFinite(error) && Math.abs(error) <= target
    };
  }
  return out;
}

/**
 * The interval a planner should read a figure with: the replication 95 % interval (the
 * simulation's own noise) widened on each side by the model error the backtest measured for
 * that KPI — |error| in rate points for rates, |relative error| × the figure's mean for the
 * average wait. Rates are clipped to [0, 1], waits at 0. The margin is the out-of-sample
 * error when a fit/test split was run, else the in-sample error (see `backtestMargin`).
 */
export function modelErrorInterval(kpi: BacktestKpi, estimate: Estimate, margin: number): Estimate {
  const m = Math.abs(margin);
  const half = BACKTEST_TARGETS[kpi].kind === 'relative' ? m * Math.abs(estimate.mean) : m;
  const hi = kpi === 'avg_wait_seconds' ? Infinity : 1;
  return {
    mean: estimate.mean,
    lo: Math.min(hi, Math.max(0, estimate.lo - half)),
    hi: Math.min(hi, Math.max(0, estimate.hi + half))
  };
}

/** The model-error margin per KPI: out-of-sample errors when available, else in-sample ones. */
export function backtestMargin(
  inSample: Record<BacktestKpi, KpiCheck>,
  outOfSample?: Record<BacktestKpi, KpiCheck>
): { source: 'out_of_sample' | 'in_sample'; margin: Record<BacktestKpi, number> } {
  const from = outOfSample ?? inSample;
  const margin = {} as Record<BacktestKpi, number>;
  for (const kpi of BACKTEST_KPIS) margin[kpi] = Math.abs(from[kpi].error);
  return { source: outOfSample ? 'out_of_sample' : 'in_sample', margin };
}

/** Per KPI: is the model within target, and what that means for scenario figures. */
export interface KpiVerdict {
  within: boolean;
  /** One sentence for the CLI and for tooltips (the page words it itself). */
  meaning: string;
}

const pp = (v: number): string => `${(v * 100).toFixed(1)} pp`;
const pct = (v: number): string => `${(v * 100).toFixed(0)} %`;

/** The verdict on each KPI from the checks the margin was taken from. */
export function backtestVerdict(
  checks: Record<BacktestKpi, KpiCheck>,
  source: 'out_of_sample' | 'in_sample'
): Record<BacktestKpi, KpiVerdict> {
  const out = {} as Record<BacktestKpi, KpiVerdict>;
  const where = source === 'out_of_sample' ? 'on days it was not fitted on' : 'in sample';
  for (const kpi of BACKTEST_KPIS) {
    const c = checks[kpi];
    const relative = BACKTEST_TARGETS[kpi].kind === 'relative';
    const err = relative ? pct(Math.abs(c.error)) : pp(Math.abs(c.error));
    const target = relative ? pct(c.target) : pp(c.target);
    out[kpi] = {
      within: c.within,
      meaning: c.within
        ? `within target (${err} ≤ ${target} ${where}): scenario figures carry ±${err} of model error on top of the replication interval`
        : `outside target (${err} > ${target} ${where}): scenario levels are uncertain by ±${err}; read only changes clearly larger than that`
    };
  }
  return out;
}
