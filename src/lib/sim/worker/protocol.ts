import type { StaffingSource } from '../staffing/baseline';
import type { ConfidencePoint } from '../scenarios/confidence';
import type { ResolutionByDelay } from '../scenarios/night-shift';
import type { ObservedKpis } from '../history/observed';
import type { RowColumns } from '../history/row-columns';
import type { Scenario } from '../scenarios/scenario';
import type { WhatIfReport } from '../scenarios/what-if';

/**
 * Messages between the page and the simulation worker. Every request carries an `id`;
 * every response echoes the id of the request it answers.
 */

/** The history and staffing a baseline is built from. `key` names it for the worker's cache. */
export interface BaselineInput {
  key: string;
  rows: RowColumns;
  thresholdSeconds: number;
  /** Uploaded/edited staffing per queue (168 hours of week); absent = inferred from the data. */
  staffing?: Record<string, number[]>;
  /** YYYY-MM-DD: also backtest out of sample, fitted before that day (as `--fit-until`). */
  fitUntil?: string;
}

export type SimRequest =
  | { type: 'prepare'; id: number; input: BaselineInput }
  | {
      type: 'run';
      id: number;
      input: BaselineInput;
      /** Absent = baseline only (the backtest). */
      scenario?: Scenario;
      replications: number;
      seed: number;
    }
  | { type: 'cancel'; id: number };

/** What the page shows before any run: staffing, how it was found, and the scenario assumptions. */
export interface BaselineSummary {
  queues: string[];
  staffing: Record<string, number[]>;
  staffingSource: Record<string, StaffingSource>;
  observed: ObservedKpis;
  window: { start: number; end: number };
  humanRequests: number;
  confidenceCurve: ConfidencePoint[];
  resolutionByDelay: ResolutionByDelay[];
  /** Status-lookup awareness measured on the data (unified-tracking starting point). */
  currentAwareness: number;
}

export type SimResponse =
  | { type: 'prepared'; id: number; summary: BaselineSummary }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; report: WhatIfReport }
  | { type: 'cancelled'; id: number }
  /** `path` names the scenario field at fault, when a scenario is. */
  | { type: 'error'; id: number; message: string; path?: string };
