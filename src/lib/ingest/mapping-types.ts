import type { TimestampFormat } from './timestamp-formats';

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
   * Canonical column → one value for every row, for a column the file lacks (e.g. all these
   * tickets came in on the hotline). Read and validated like a source value; a source column
   * of the same canonical column wins.
   */
  constants?: Partial<Record<string, string>>;
  /** Id of a built-in preset whose trusted SQL expressions build some columns (e.g. a bank log). */
  presetId?: string;
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
