/** Built-in presets: trusted SQL that turns a known real-world log into canonical tickets. */
import type { Mapping } from './mapping-types';
import { normaliseName } from './synonyms';

/** What a preset contributes for one concrete header (column positions can differ per file). */
export interface PresetPlan {
  /**
   * Columns read from the file as usual (value maps and timestamp formats apply);
   * `presetId` is set. A column listed here and in `expressions` takes the expression.
   */
  mapping: Mapping;
  /**
   * Canonical column → trusted SQL over the VARCHAR columns `c0..cN` yielding VARCHAR text
   * in the contract's canonical form (codes, `YYYY-MM-DD HH:MM:SS` naive timestamps in
   * `timeZone`, decimal numbers) or NULL. The loader validates it like a source column.
   * When `groupBy` is set these are aggregate expressions.
   */
  expressions: Partial<Record<string, string>>;
  /**
   * Rows (tickets, when grouped) matching a condition are rejected with its reason,
   * counted and downloadable like any rejected row. Never silently dropped.
   */
  rejectIf: Array<{ when: string; reason: string }>;
  /** Event logs: SQL key over `c0..cN`; the file's events fold into one ticket per key. */
  groupBy?: string;
  /** IANA zone of offset-less timestamps in this log. */
  timeZone: string;
}

export interface Preset {
  id: string;
  label: { zh: string; en: string };
  /** Choices the preset makes that a user should know about (shown in the load report). */
  notes: string[];
  /** Seed metric ids the export has no columns for (vendor presets name them in `notes`). */
  unsupported?: readonly string[];
  /** True when the header is this log's header. */
  matches(header: readonly string[]): boolean;
  /** The plan for a matching header; `sampleRows` help detect timestamp formats. */
  plan(header: readonly string[], sampleRows: readonly (readonly string[])[]): PresetPlan;
}

/** Finds source columns by normalised name; `col('q_start')` → `c9`. Throws if absent. */
export function columnFinder(header: readonly string[]): {
  has(name: string): boolean;
  index(name: string): number;
  col(name: string): string;
} {
  const names = header.map(normaliseName);
  const index = (name: string): number => {
    const i = names.indexOf(normaliseName(name));
    if (i < 0) throw new Error(`preset expects a column named "${name}"`);
    return i;
  };
  return {
    has: (name) => names.includes(normaliseName(name)),
    index,
    col: (name) => `c${index(name)}`
  };
}

/** SQL string literal for a constant chosen by preset code (never for file content). */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
