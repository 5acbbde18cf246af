import type { Db } from '../lib/db/types';
import type { LoadReport } from '../lib/ingest/load/load';
import { SERIES_IDS } from '../lib/metrics/catalogue';
import { previousPeriod } from '../lib/metrics/compare/periods';
import { computeMetrics } from '../lib/metrics/compute';
import type { Filters } from '../lib/metrics/filters';
import { computeSeries, type Grain } from '../lib/metrics/series';
import type { MetricSettings } from '../lib/metrics/settings';
import { toKpiJson } from './kpi-output';

export function grainOption(value: string | undefined): Grain | undefined {
  if (value === undefined || value === 'day' || value === 'week') return value;
  throw new Error(`--by ${value}: expected day or week`);
}

export function compareOption(value: string | undefined, filters: Filters): boolean {
  if (value === undefined) return false;
  if (value !== 'previous') throw new Error(`--compare ${value}: expected previous`);
  if (!filters.from || !filters.to) {
    throw new Error(
      '--compare previous needs --from and --to: the previous period has the same length and ends the day before --from'
    );
  }
  return true;
}

interface Ask {
  report: LoadReport;
  filters: Filters;
  settings: MetricSettings;
}

/** `"series": {"<id>": {"<period start>": value}}` for every headline and service-basics figure. */
export async function seriesJson(db: Db, grain: Grain, { report, filters, settings }: Ask) {
  const series = await computeSeries(db, {
    ids: SERIES_IDS,
    grain,
    filters,
    settings,
    present: report.presentColumns
  });
  return Object.fromEntries(
    series.map((s) => [s.id, Object.fromEntries(s.points.map((p) => [p.period, p.value]))])
  );
}

/** The same figures for the period of the same length just before `--from … --to`. */
export async function previousJson(db: Db, { report, filters, settings }: Ask) {
  const period = previousPeriod({ from: filters.from!, to: filters.to! });
  const results = await computeMetrics(db, {
    filters: { ...filters, ...period },
    settings,
    present: report.presentColumns
  });
  return { ...period, metrics: toKpiJson(report, results).metrics };
}
