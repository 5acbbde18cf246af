import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_REPLICATIONS } from '../lib/sim/engine';
import type { Estimate } from '../lib/sim/interval';
import { loadHistory } from '../lib/sim/load-history';
import { parseScenario, type Scenario } from '../lib/sim/scenario';
import { parseStaffingCsv } from '../lib/sim/staffing-csv';
import type { SimulationResult } from '../lib/sim/types';
import type { WhatIfReport } from '../lib/sim/what-if';
import { failAndExit, loadForCli } from './load-for-cli';
import { cliWhatIf } from './what-if-run';

const USAGE =
  'usage: npm run simulate -- [--data FILE] [--staffing CSV] [--scenario JSON] [--replications R] [--seed S] [--json]';

function read(path: string, flag: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`--${flag} ${path}: no such file or not readable`);
  }
}

function whole(value: string | undefined, flag: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${flag} ${value}: expected a whole number ≥ ${min}`);
  return n;
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

function toJson(report: WhatIfReport, staffing: unknown, sources: unknown): unknown {
  const out: Record<string, unknown> = {
    baseline: {
      observed: {
        pickup_within_20s: report.baseline.observed.pickup_within_20s,
        avg_wait_seconds: report.baseline.observed.avg_wait_seconds,
        abandon_rate: report.baseline.observed.abandon_rate,
        human_requests: report.baseline.observed.human_requests
      },
      simulated: kpiJson(report.baseline.simulated),
      by_queue: report.baseline.simulated.byQueue,
      service_level_by_hour: report.baseline.simulated.serviceLevelByHour
    },
    staffing: { source: sources, table: staffing }
  };
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
      delta: s.delta,
      by_queue: s.simulated.byQueue,
      service_level_by_hour: s.simulated.serviceLevelByHour,
      night_shift: s.nightShift,
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

function table(report: WhatIfReport): string {
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
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      staffing: { type: 'string' },
      scenario: { type: 'string' },
      replications: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}. ${USAGE}`);
  const replications = whole(values.replications, 'replications', DEFAULT_REPLICATIONS, 2);
  const seed = whole(values.seed, 'seed', 1, 0);
  const scenario: Scenario | undefined = values.scenario
    ? parseScenario(read(values.scenario, 'scenario'))
    : undefined;
  const staffingCsv = values.staffing ? read(values.staffing, 'staffing') : undefined;

  const { db } = await loadForCli(values.data);
  try {
    const rows = await loadHistory(db);
    const queues = [
      ...new Set(rows.filter((r) => r.requested !== null).map((r) => r.queue))
    ].sort();
    const uploaded = staffingCsv ? parseStaffingCsv(staffingCsv, queues) : undefined;
    const { baseline, report } = cliWhatIf(rows, scenario, { replications, seed }, uploaded);
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
          toJson(report, baseline.staffing.queues, baseline.staffingMethod),
          (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)
        ) + '\n'
      );
    } else process.stdout.write(table(report));
  } finally {
    await db.close();
  }
}

main().catch(failAndExit);
