import { prepareBaseline, type Baseline } from '../lib/sim/staffing/baseline';
import { holdoutDay, prepareFitTest, type HoldoutSource } from '../lib/sim/history/fit-split';
import type { TicketRow } from '../lib/sim/history/load-history';
import type { Scenario } from '../lib/sim/scenarios/scenario';
import type { StaffingTable } from '../lib/sim/model/types';
import { runWhatIf, type WhatIfReport } from '../lib/sim/scenarios/what-if';

/**
 * What `npm run simulate` computes from loaded rows: the baseline (threshold from the scenario,
 * 20 s by default), the out-of-sample split (on `fitUntil`, else on `defaultFitUntil`'s day
 * when the history is long enough, none with `NO_HOLDOUT`), and the what-if report.
 * Tests import it to compare the page with the CLI.
 */
export function cliWhatIf(
  rows: readonly TicketRow[],
  scenario: Scenario | undefined,
  options: { replications: number; seed: number; fitUntil?: string },
  staffing?: StaffingTable
): { baseline: Baseline; report: WhatIfReport; holdout: HoldoutSource } {
  const threshold = scenario?.service_level_seconds ?? 20;
  const baseline = prepareBaseline(rows, threshold, staffing);
  const holdout = holdoutDay(rows, options.fitUntil);
  const split = holdout.fitUntil
    ? prepareFitTest(rows, holdout.fitUntil, threshold, staffing)
    : undefined;
  const { replications, seed } = options;
  const report = runWhatIf(baseline, scenario, { replications, seed }, split);
  if ('cancelled' in report) throw new Error('simulation cancelled');
  return { baseline, report, holdout: holdout.source };
}
