import type { DurationUnit } from '../load/duration-sql';
import type { TimestampFormat } from '../load/timestamp-formats';

/** How a file's columns and values map onto the canonical ticket schema. */
export interface Mapping {
  /** Canonical column name → 0-based index of the source column in the file's header. */
  columns: Partial<Record<string, number>>;
  /**
   * Canonical enum/bool column → source value (trimmed, lower-cased) → canonical code.
   * Values not listed are taken as written (then validated against the contract).
   */
  values: Partial<Record<string, Record<string, string>>>;
  /**
   * Canonical timestamp column → how its source values are written (see timestamp-formats.ts).
   * Absent → `iso`.
   */
  timestampFormats?: Partial<Record<string, TimestampFormat>>;
  /**
   * Canonical duration column → the unit its plain numbers are written in (a header
   * `处理时长(分钟)`). Absent → the column's own unit (`handle_seconds`: seconds).
   */
  units?: Partial<Record<string, DurationUnit>>;
  /**
   * Canonical column → one value for every row, for a column the file lacks (e.g. all these
   * tickets came in on the hotline). Read and validated like a source value; a source column
   * of the same canonical column wins.
   */
  constants?: Partial<Record<string, string>>;
  /** Id of a built-in preset whose trusted SQL expressions build some columns (e.g. a bank log). */
  presetId?: string;
  /** The file is an event log: its events fold into one ticket per case (see event-folding.ts). */
  events?: EventLogMapping;
}

/** Moments of a ticket that an activity value can mark (the first such event, or the last). */
export const EVENT_MARKS = [
  'opened',
  'humanRequested',
  'answered',
  'firstResponse',
  'resolved',
  'closed'
] as const;
export type EventMark = (typeof EVENT_MARKS)[number];

/**
 * How an event log (one row per activity or state change) becomes tickets. Mapped columns of
 * the `Mapping` are attributes: each ticket takes the value of its case's last event that has one.
 */
export interface EventLogMapping {
  /** 0-based source column holding the case id: one ticket per distinct value. */
  caseColumn: number;
  /** Source column holding each event's timestamp, and how it is written (absent → `iso`). */
  timeColumn: number;
  timeFormat?: TimestampFormat;
  /** Source column naming the activity or state; the marks are values of it. */
  activityColumn?: number;
  /** Activity values (compared trimmed, case-insensitive) marking each moment of a ticket. */
  marks: Partial<Record<EventMark, string[]>>;
}

/** Why the loader proposes each mapped column, shown to the user in the load report. */
export interface MappingEvidence {
  column: string;
  sourceIndex: number;
  sourceHeader: string;
  reason: string;
  confidence: 'exact' | 'synonym' | 'values' | 'preset' | 'user';
}

export interface SuggestedMapping {
  mapping: Mapping;
  evidence: MappingEvidence[];
  /** Canonical required columns with no source column. */
  missingRequired: string[];
  /** For each enum column, source values that matched no canonical code. */
  unmatchedValues: Partial<Record<string, string[]>>;
  /** True when every required column and every value of each mapped enum matched. */
  unambiguous: boolean;
}
