import type { Db } from '../db/types';
import { loadTicketFile } from '../ingest/load/load';
import { computeMetrics } from '../metrics/compute';
import type { Filters } from '../metrics/filters';
import type { MetricResult } from '../metrics/types';
import { dailyVolumeByChannel, type DailyCount } from '../queries/trends';
import { recordingMacros, type BundledSnapshot } from './bundled-snapshot';

/** The bundled dataset's file name, in the build and in the page. */
export const BUNDLED_NAME = 'tickets.csv.gz';

/**
 * The figures every page opens with on the bundled dataset (no filter, default settings),
 * computed by the build with the same loader and catalogue the page runs live.
 */
export interface BundledFigures {
  /** Every catalogue metric, in catalogue order. */
  metrics: MetricResult[];
  /** The overview's daily volume per entry channel. */
  daily: DailyCount[];
  rows: { total: number; accepted: number; rejected: number; tickets: number };
  dateRange: { from: string; to: string } | null;
}

/**
 * Loads the bundled file into `db` as the page does, then computes its opening figures; also
 * returns what the load left besides its tables (for the snapshot file).
 */
export async function computeBundledFigures(
  db: Db,
  bytes: Uint8Array
): Promise<{ figures: BundledFigures; snapshot: BundledSnapshot }> {
  const recording = recordingMacros(db);
  const report = await loadTicketFile(
    recording.db,
    { name: BUNDLED_NAME, bytes },
    { completeValues: true }
  );
  return {
    figures: await figuresOf(db, report.presentColumns, report),
    snapshot: { report, macros: recording.macros(), fileBytes: bytes.length }
  };
}

/** The opening figures of whatever `tickets` holds now. */
export async function figuresOf(
  db: Db,
  present: readonly string[],
  report: Pick<BundledFigures, 'rows' | 'dateRange'>
): Promise<BundledFigures> {
  const metrics = await computeMetrics(db, { present });
  const daily = await dailyVolumeByChannel(db, {});
  return { metrics, daily, rows: report.rows, dateRange: report.dateRange };
}

/** Build-time figures hold only for the unfiltered view. */
export function isUnfiltered(filters: Filters): boolean {
  return Object.values(filters).every(
    (v) => v === undefined || (Array.isArray(v) && v.length === 0)
  );
}
