import {
  backtestMargin,
  backtestVerdict,
  checkKpis,
  type BacktestKpi,
  type KpiCheck,
  type KpiVerdict
} from './backtest';
import type { Baseline } from '../staffing/baseline';
import {
  calibrationCells,
  cellErrorSummary,
  diagnoseCells,
  type CalibrationCell,
  type CellFinding,
  type QueueEvidence
} from './calibration-cells';
import { HOURS_PER_WEEK, hourOfWeek } from '../model/clock';
import { HOUR_BAND_WIDTH } from '../model/handle-sampler';
import { observedByHour } from '../history/observed';
import type { SimulationResult } from '../model/types';

/** One backtested period: the aggregate checks and the per queue × hour-of-week cells. */
export interface BacktestPeriod {
  /** Local seconds [from, to) of the period's arrivals. */
  window: { start: number; end: number };
  requests: number;
  kpis: Record<BacktestKpi, KpiCheck>;
  cells: CalibrationCell[];
  cellError: Record<BacktestKpi, { rms: number; cells: number }>;
}

/** The backtest as reported beside every scenario. */
export interface BacktestReport {
  /** YYYY-MM-DD: models fitted on tickets before this day, out-of-sample period from it. */
  fitUntil?: string;
  inSample: BacktestPeriod;
  outOfSample?: BacktestPeriod;
  /** Model-error margin per KPI (see `modelErrorInterval`) and where it was measured. */
  margin: Record<BacktestKpi, number>;
  marginSource: 'out_of_sample' | 'in_sample';
  verdict: Record<BacktestKpi, KpiVerdict>;
  /** Large cell errors and the assumption each points to, largest first. */
  findings: CellFinding[];
}

/** Evidence per queue for `diagnoseCells`, from what the baseline was built on. */
export function queueEvidence(baseline: Baseline): Record<string, QueueEvidence> {
  const out: Record<string, QueueEvidence> = {};
  for (const q of baseline.arrivals.queues) {
    const sum = new Float64Array(HOURS_PER_WEEK);
    const n = new Float64Array(HOURS_PER_WEEK);
    for (let i = 0; i < q.time.length; i++) {
      const h = q.handleSeconds[i]!;
      if (!Number.isFinite(h)) continue;
      const s = hourOfWeek(q.time[i]!);
      sum[s]! += h;
      n[s]!++;
    }
    const service = baseline.models[q.queue]!.service;
    const handleModel = Array.from({ length: HOURS_PER_WEEK }, (_, s) => {
      if (service.kind === 'exponential') return service.meanSeconds;
      const pool = service.sampler.bands[Math.floor((s % 24) / HOUR_BAND_WIDTH)]!;
      let total = 0;
      for (let i = 0; i < pool.length; i++) total += pool[i]!;
      return pool.length ? total / pool.length : NaN;
    });
    const ev: QueueEvidence = {
      staffing: baseline.staffing.queues[q.queue]!,
      handleObserved: Array.from(sum, (v, s) => (n[s]! ? v / n[s]! : NaN)),
      handleModel
    };
    const presence = baseline.staffingReadings?.[q.queue]?.find(
      (c) => c.method === 'agent_presence'
    );
    if (presence) ev.onDuty = presence.agents;
    out[q.queue] = ev;
  }
  return out;
}

/** Checks and cells of one period: the baseline it replays and the run that replayed it. */
export function backtestPeriod(baseline: Baseline, simulated: SimulationResult): BacktestPeriod {
  const observed = baseline.observed.byQueueHour ?? {};
  for (const q of baseline.arrivals.queues)
    observed[q.queue] ??= observedByHour(q, baseline.thresholdSeconds);
  const cells = calibrationCells(observed, simulated.byQueueHour ?? {});
  return {
    window: baseline.window,
    requests: baseline.observed.human_requests,
    kpis: checkKpis(baseline.observed, simulated.kpis),
    cells,
    cellError: cellErrorSummary(cells)
  };
}

/**
 * The backtest report: in-sample checks, out-of-sample checks when a fit/test split was run,
 * the model-error margin taken from the out-of-sample period when there is one, the verdict,
 * and the findings of the period the margin came from.
 */
export function backtestReport(
  inSample: { baseline: Baseline; simulated: SimulationResult },
  outOfSample?: { baseline: Baseline; simulated: SimulationResult; fitUntil: string }
): BacktestReport {
  const inPeriod = backtestPeriod(inSample.baseline, inSample.simulated);
  const outPeriod = outOfSample
    ? backtestPeriod(outOfSample.baseline, outOfSample.simulated)
    : undefined;
  const { source, margin } = backtestMargin(inPeriod.kpis, outPeriod?.kpis);
  const judged = outPeriod ?? inPeriod;
  const judgedBaseline = outOfSample?.baseline ?? inSample.baseline;
  const report: BacktestReport = {
    inSample: inPeriod,
    margin,
    marginSource: source,
    verdict: backtestVerdict(judged.kpis, source),
    findings: diagnoseCells(judged.cells, queueEvidence(judgedBaseline))
  };
  if (outOfSample) {
    report.fitUntil = outOfSample.fitUntil;
    report.outOfSample = outPeriod;
  }
  return report;
}
