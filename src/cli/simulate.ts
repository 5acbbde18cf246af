import { parseArgs } from 'node:util';
import { BACKTEST_KPIS } from '../lib/sim/backtest/backtest';
import type { BacktestPeriod, BacktestReport } from '../lib/sim/backtest/backtest-report';
import { DEFAULT_REPLICATIONS } from '../lib/sim/model/engine';
import type { Estimate } from '../lib/sim/model/interval';
import { loadHistory } from '../lib/sim/history/load-history';
import { parseScenario, type Scenario } from '../lib/sim/scenarios/scenario';
import { parseStaffingCsv } from '../lib/sim/staffing/staffing-csv';
import type { PatienceModel, QueueModel, SimulationResult } from '../lib/sim/model/types';
import { restrictedMean } from '../lib/sim/model/kaplan-meier';
import type { WhatIfReport } from '../lib/sim/scenarios/what-if';
import type { Baseline } from '../lib/sim/staffing/baseline';
import { dateProblem, parseLimited, type LimitName } from '../lib/limits';
import { failAndExit, loadForCli } from './load-for-cli';
import { readUserFile } from './read-user-file';
import { ENGINE_FLAGS, ENGINE_USAGE, engineOptions } from './engine-flags';
import { NO_HOLDOUT, type HoldoutSource } from '../lib/sim/history/fit-split';
import { cliWhatIf } from './what-if-run';

const USAGE =
  'usage: npm run simulate -- [--data FILE|GLOB]... [--staffing CSV] [--scenario JSON] [--replications R] ' +
  `[--seed S] [--fit-until YYYY-MM-DD|none] [--json] ${ENGINE_USAGE}`;

const read = (path: string, flag: string): string =>
  readUserFile(path, `--${flag} ${path}`).toString('utf8');

/** A flag's number held to its limit (`LIMITS`), or the fallback when the flag is absent. */
function limited(
  value: string | undefined,
  flag: string,
  name: LimitName,
  fallback: number
): number {
  return value === undefined ? fallback : parseLimited(name, value, `--${flag} ${value}`);
}

const KPIS = [
  'pickup_within_20s',
  'avg_wait_seconds',
  'abandon_rate',
  'occupancy',
  'agent_hours',
  'human_requests'
] as const;

function kpiJson(r: SimulationResult): Record<string, Estimate> {
  return Object.fromEntries(KPIS.map((k) => [k, r.kpis[k]]));
}

/** How many of the largest cell findings the JSON lists. */
const FINDINGS_SHOWN = 25;

function periodJson(p: BacktestPeriod): unknown {
  return {
    window: p.window,
    requests: p.requests,
    ...Object.fromEntries(BACKTEST_KPIS.map((k) => [k, p.kpis[k]])),
    cell_error: p.cellError
  };
}

function backtestJson(b: BacktestReport, holdout: HoldoutSource): unknown {
  const judged = b.outOfSample ?? b.inSample;
  return {
    fit_until: b.fitUntil ?? null,
    // 'automatic': the CLI held out the later half itself (no --fit-until given)
    fit_until_source: holdout,
    in_sample: periodJson(b.inSample),
    out_of_sample: b.outOfSample ? periodJson(b.outOfSample) : null,
    margin: b.margin,
    margin_source: b.marginSource,
    verdict: b.verdict,
    findings: b.findings.slice(0, FINDINGS_SHOWN),
    findings_total: b.findings.length,
    calibration: judged.cells.map((c) => ({
      queue: c.queue,
      hour_of_week: c.hourOfWeek,
      requests: c.requests,
      observed: c.observed,
      simulated: c.simulated,
      error: c.error
    }))
  };
}

/** How the baseline's staffing was read: per queue, the method and its diagnostics. */
function staffingJson(b: Baseline): unknown {
  return {
    source: b.staffingMethod,
    table: b.staffing.queues,
    availability: b.availability ?? {},
    // measured while callers waited; not simulated on its own (the availability share holds it)
    after_call_seconds_measured: Object.fromEntries(
      Object.entries(b.wrapUp ?? {}).map(([q, w]) => [q, w.seconds])
    )
  };
}

/**
 * How service was modelled: per queue, each agent's handle time relative to the queue's pools,
 * P2's head start over P3 in seconds, and the mean patience of each segment with its own.
 */
function serviceJson(b: Baseline): unknown {
  const perQueue = <T>(f: (m: QueueModel) => T) =>
    Object.fromEntries(Object.entries(b.models).map(([q, m]) => [q, f(m)]));
  return {
    agent_speed: perQueue((m) => m.agentSpeed ?? {}),
    head_start_seconds: perQueue((m) => m.headStartSeconds ?? 0),
    patience_mean_seconds_by_segment: perQueue((m) => segmentMeans(m.patienceBySegment))
  };
}

const SEGMENT_NAMES = ['P0', 'P1', 'P2', 'P3'].flatMap((p) => [p, `${p}_anonymous`]);

/** Mean patience in seconds (Kaplan–Meier: restricted to the last event time). */
const patienceMean = (p: PatienceModel): number =>
  p.kind === 'exponential'
    ? p.meanSeconds
    : p.kind === 'kaplan-meier'
      ? restrictedMean(p.curve)
      : Infinity;

function segmentMeans(bySegment: QueueModel['patienceBySegment']): Record<string, number> {
  const out: Record<string, number> = {};
  bySegment?.forEach((p, i) => {
    if (p) out[SEGMENT_NAMES[i]!] = patienceMean(p);
  });
  return out;
}

function toJson(
  report: WhatIfReport,
  holdout: HoldoutSource,
  staffing: unknown,
  service: unknown
): unknown {
  const out: Record<string, unknown> = {
    baseline: {
      observed: {
        pickup_within_20s: report.baseline.observed.pickup_within_20s,
        avg_wait_seconds: report.baseline.observed.avg_wait_seconds,
        abandon_rate: report.baseline.observed.abandon_rate,
        human_requests: report.baseline.observed.human_requests
      },
      simulated: kpiJson(report.baseline.simulated),
      model_interval: report.baseline.modelInterval,
      by_queue: report.baseline.simulated.byQueue,
      service_level_by_hour: report.baseline.simulated.serviceLevelByHour
    },
    staffing,
    service
  };
  if (report.backtest) out.backtest = backtestJson(report.backtest, holdout);
  if (report.scenario) {
    const s = report.scenario;
    out.scenario = {
      name: s.name,
      simulated: {
        ...kpiJson(s.simulated),
        ...Object.fromEntries(
          Object.entries(s.effects).map(([k, v]) => [k, { mean: v, lo: v, hi: v }])
        )
      },
      model_interval: s.modelInterval,
      delta: s.delta,
      by_queue: s.simulated.byQueue,
      service_level_by_hour: s.simulated.serviceLevelByHour,
      night_shift: s.nightShift,
      enterprise: s.enterprise,
      confidence_curve: s.confidenceCurve
    };
  }
  return out;
}

const fmt = (k: string, v: number): string =>
  !Number.isFinite(v)
    ? '—'
    : k.endsWith('rate') || k.startsWith('pickup') || k === 'occupancy'
      ? `${(v * 100).toFixed(1)}%`
      : v.toFixed(1);
const est = (k: string, e: Estimate): string =>
  `${fmt(k, e.mean)} [${fmt(k, e.lo)}, ${fmt(k, e.hi)}]`;

function table(report: WhatIfReport, holdout: HoldoutSource): string {
  const observed = report.baseline.observed as unknown as Record<string, number>;
  const lines = [
    ['kpi', 'observed', 'baseline (95% CI)', report.scenario ? 'scenario (95% CI)' : ''].join('\t')
  ];
  for (const k of KPIS) {
    const o = observed[k];
    lines.push(
      [
        k,
        o === undefined ? '' : fmt(k, o),
        est(k, report.baseline.simulated.kpis[k]),
        report.scenario ? est(k, report.scenario.simulated.kpis[k]) : ''
      ].join('\t')
    );
  }
  for (const [k, v] of Object.entries(report.scenario?.effects ?? {}))
    lines.push(`${k}\t\t\t${fmt(k, v)}`);
  const ns = report.scenario?.nightShift;
  if (ns) {
    for (const [k, v] of Object.entries(ns)) {
      if (k !== 'relation')
        lines.push(
          `${k}\t\t${fmt(k, (v as { baseline: number }).baseline)}\t${fmt(k, (v as { scenario: number }).scenario)}`
        );
    }
  }
  const ent = report.scenario?.enterprise;
  if (ent) {
    for (const k of Object.keys(ent.observed) as (keyof typeof ent.observed)[]) {
      const f = (v: number) => (k.endsWith('minutes') ? v.toFixed(1) : `${(v * 100).toFixed(1)}%`);
      const e = ent.scenario[k];
      lines.push(`${k}\t${f(ent.observed[k])}\t\t${f(e.mean)} [${f(e.lo)}, ${f(e.hi)}]`);
    }
  }
  if (report.backtest) lines.push('', ...backtestLines(report.backtest, holdout));
  return lines.join('\n') + '\n';
}

function backtestLines(b: BacktestReport, holdout: HoldoutSource): string[] {
  const period = (name: string, p: BacktestPeriod): string[] =>
    BACKTEST_KPIS.map((k) => {
      const c = p.kpis[k];
      const err =
        k === 'avg_wait_seconds'
          ? `${(c.error * 100).toFixed(1)}%`
          : `${(c.error * 100).toFixed(1)} pp`;
      return `${name}\t${k}\t${fmt(k, c.observed)}\t${fmt(k, c.simulated.mean)}\t${err}\t${c.within ? 'within target' : 'OUTSIDE target'}`;
    });
  const lines = [
    `backtest${b.fitUntil ? ` (fitted before ${b.fitUntil}${holdout === 'automatic' ? ', the later half held out' : ''})` : ''}\tkpi\tobserved\tsimulated\terror\tverdict`,
    ...period('in-sample', b.inSample)
  ];
  if (b.outOfSample) lines.push(...period('out-of-sample', b.outOfSample));
  for (const k of BACKTEST_KPIS) lines.push(`${k}: ${b.verdict[k].meaning}`);
  for (const f of b.findings.slice(0, 5)) lines.push(`large error: ${f.message}`);
  return lines;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', multiple: true },
      staffing: { type: 'string' },
      scenario: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      'fit-until': { type: 'string' },
      json: { type: 'boolean', default: false },
      ...ENGINE_FLAGS,
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}. ${USAGE}`);
  const engine = engineOptions(values);
  const replications = limited(
    values.replications,
    'replications',
    'replications',
    DEFAULT_REPLICATIONS
  );
  const seed = limited(values.seed, 'seed', 'seed', 1);
  const fitUntil = values['fit-until'];
  const fitProblem =
    fitUntil === undefined || fitUntil === NO_HOLDOUT ? null : dateProblem(fitUntil);
  if (fitProblem) throw new Error(`--fit-until ${fitUntil}: ${fitProblem}`);
  const scenario: Scenario | undefined = values.scenario
    ? parseScenario(read(values.scenario, 'scenario'))
    : undefined;
  const staffingCsv = values.staffing ? read(values.staffing, 'staffing') : undefined;

  const { db } = await loadForCli(values.data, {}, engine);
  try {
    const rows = await loadHistory(db);
    const queues = [
      ...new Set(rows.filter((r) => r.requested !== null).map((r) => r.queue))
    ].sort();
    const uploaded = staffingCsv ? parseStaffingCsv(staffingCsv, queues) : undefined;
    const { baseline, report, holdout } = cliWhatIf(
      rows,
      scenario,
      { replications, seed, fitUntil },
      uploaded
    );
    const arrivals =
      report.baseline.simulated.arrivalsSimulated +
      (report.scenario?.simulated.arrivalsSimulated ?? 0);
    // Simulation time only (the engine's own clock), not the baseline's preparation.
    const seconds = Math.max(
      (report.baseline.simulated.elapsedMs + (report.scenario?.simulated.elapsedMs ?? 0)) / 1000,
      1e-3
    );
    process.stderr.write(
      `simulated ${arrivals.toLocaleString('en')} arrivals in ${seconds.toFixed(2)} s: ${Math.round(arrivals / seconds).toLocaleString('en')} arrivals/s\n`
    );
    if (values.json) {
      process.stdout.write(
        JSON.stringify(
          toJson(report, holdout, staffingJson(baseline), serviceJson(baseline)),
          (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)
        ) + '\n'
      );
    } else process.stdout.write(table(report, holdout));
  } finally {
    await db.close();
  }
}

main().catch(failAndExit);
