import { prepareBaseline, type Baseline } from '../lib/sim/baseline';
import type { TicketRow } from '../lib/sim/load-history';
import type { Scenario } from '../lib/sim/scenario';
import type { StaffingTable } from '../lib/sim/types';
import { runWhatIf, type WhatIfReport } from '../lib/sim/what-if';

/**
 * What `npm run simulate` computes from loaded rows: the baseline (threshold from the scenario,
 * 20 s by default) and the what-if report. Tests import it to compare the page with the CLI.
 */
export function cliWhatIf(
  rows: readonly TicketRow[],
  scenario: Scenario | undefined,
  options: { replications: number; seed: number },
  staffing?: StaffingTable
): { baseline: Baseline; report: WhatIfReport } {
  const baseline = prepareBaseline(rows, scenario?.service_level_seconds ?? 20, staffing);
  const report = runWhatIf(baseline, scenario, options);
  if ('cancelled' in report) throw new Error('simulation cancelled');
  return { baseline, report };
}
