/** Built-in presets: trusted SQL that turns a known real-world log into canonical tickets. */
import type { EventMark, Mapping } from '../map/mapping-types';
import { normaliseName } from '../map/synonyms';

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
  /**
   * Event logs: SQL key over `c0..cN`; the file's events fold into one ticket per key. An event
   * whose key is NULL or empty is rejected on its own line.
   */
  groupBy?: string;
  /** Event logs: how each event is timed and marked (see event-folding.ts). */
  events?: EventPlan;
  /** IANA zone of offset-less timestamps in this log. */
  timeZone: string;
}

/**
 * Per-event columns of a grouped plan. The loader adds them to every event before folding, so
 * aggregate expressions may use `__case`, `__t` (UTC TIMESTAMP), `__seq` (order within the case),
 * `__opened_at`, `__human_at` (case-level times) and one boolean per mark (`__m_resolved` …).
 */
export interface EventPlan {
  /** SQL over `c0..cN`: the event's UTC TIMESTAMP; NULL rejects the event (unreadable). */
  time: string;
  /** SQL over `c0..cN`: the activity text the marks are compared with. */
  activity?: string;
  /** Activity values per mark; bound as parameters, never pasted into SQL. */
  marks: Partial<Record<EventMark, readonly string[]>>;
  /** Source columns, for the report and the reasons of rejected events. */
  columns: { case: number; time: number; activity?: number };
}

export interface Preset {
  id: string;
  label: { zh: string; en: string };
  /**
   * Choices the preset makes that a user should know about, in both interface languages (the
   * load report shows the current one, the CLI prints the English).
   */
  notes: Array<{ zh: string; en: string }>;
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
