/** Pure edits of a Mapping for the mapping editor, and the rows it shows. */
import { COLUMNS, type ColumnSpec } from '../../contract/columns';
import type { LoadReport } from '../load/load';
import type { KeptCode } from '../load/kept-codes';
import { DAY_MONTH_FORMATS } from '../load/timestamp-formats';

type DayMonthFormat = (typeof DAY_MONTH_FORMATS)[number];
import type { Mapping, MappingEvidence } from './mapping-types';
import { normaliseConstant } from './mapping-constants';
import { allowedTargets, valueKey } from './value-synonyms';

export interface ColumnRow {
  spec: ColumnSpec;
  /** Source column index in the draft, if any. */
  source: number | undefined;
  /** The constant every row takes instead of a source column, if any. */
  constant: string | undefined;
  /** Why the loaded mapping chose its source (absent when the draft changed it). */
  evidence: MappingEvidence | undefined;
  /** The preset builds this column with its own SQL; a source column is not used. */
  builtByPreset: boolean;
  /** Enum and bool columns take a value map. */
  hasValues: boolean;
}

export interface ValueRow {
  /** The value as the file writes it (for display) and its value-map key. */
  value: string;
  key: string;
  /** Canonical code it maps to; '' = unmapped (taken as written, rejected if not a code). */
  target: string;
  unmatched: boolean;
  /** An open column's own code that loaded as written (the seed's figures do not count it). */
  kept: boolean;
  /** Tickets carrying it, where the load counted them. */
  tickets?: number;
}

/** A deep copy that shares nothing with the input (which may be a frozen report field). */
export function copyMapping(mapping: Mapping): Mapping {
  return JSON.parse(JSON.stringify(mapping)) as Mapping;
}

/** One row per canonical column, in contract order. */
export function columnRows(report: LoadReport, draft: Mapping): ColumnRow[] {
  return COLUMNS.map((spec) => {
    const evidence = report.evidence.find((e) => e.column === spec.name);
    const source = draft.columns[spec.name];
    const builtByPreset =
      evidence?.confidence === 'preset' && evidence.reason.includes('computed by its SQL');
    return {
      spec,
      source,
      constant: draft.constants?.[spec.name],
      evidence:
        evidence && evidence.sourceIndex === source
          ? evidence
          : builtByPreset
            ? evidence
            : undefined,
      builtByPreset,
      hasValues: allowedTargets(spec.name) !== undefined
    };
  });
}

/** The value map of a column plus the file's unmatched values, unmatched first. */
export function valueRows(
  column: string,
  draft: Mapping,
  unmatched: readonly string[] = [],
  kept: readonly KeptCode[] = []
): ValueRow[] {
  const map = draft.values[column] ?? {};
  const rows = new Map<string, ValueRow>();
  const targetOf = (key: string) => (Object.hasOwn(map, key) ? map[key]! : '');
  for (const value of unmatched) {
    const key = valueKey(value);
    const target = targetOf(key);
    rows.set(key, { value, key, target, unmatched: target === '', kept: false });
  }
  for (const { value, tickets } of kept) {
    const key = valueKey(value);
    if (!rows.has(key))
      rows.set(key, { value, key, target: targetOf(key), unmatched: false, kept: true, tickets });
  }
  for (const [key, target] of Object.entries(map)) {
    if (!rows.has(key)) rows.set(key, { value: key, key, target, unmatched: false, kept: false });
  }
  const rank = (r: ValueRow) => (r.unmatched ? 0 : r.kept ? 1 : 2);
  return [...rows.values()].sort((a, b) => rank(a) - rank(b));
}

/**
 * Points a canonical column at another source column (or none); its value map, format and
 * constant go.
 */
export function setSource(draft: Mapping, column: string, source: number | undefined): Mapping {
  if (draft.columns[column] === source) return draft;
  const next = copyMapping(draft);
  if (source === undefined) delete next.columns[column];
  else next.columns[column] = source;
  delete next.values[column];
  if (next.timestampFormats) delete next.timestampFormats[column];
  if (next.units) delete next.units[column];
  if (next.constants) delete next.constants[column];
  return next;
}

/**
 * Gives a canonical column one value for every row instead of a source column (the source,
 * value map and format go). Returns the error instead when the value is not one the column takes.
 */
export function setConstant(
  draft: Mapping,
  column: string,
  value: string
): { mapping: Mapping } | { error: string } {
  const result = normaliseConstant(column, value);
  if ('error' in result) return result;
  const next = setSource(draft, column, undefined);
  const copy = next === draft ? copyMapping(draft) : next;
  copy.constants = { ...copy.constants, [column]: result.value };
  return { mapping: copy };
}

/** Removes a column's constant (the column is then absent unless a source is picked). */
export function clearConstant(draft: Mapping, column: string): Mapping {
  if (draft.constants?.[column] === undefined) return draft;
  const next = copyMapping(draft);
  delete next.constants![column];
  return next;
}

/** Maps one source value of a column to a canonical code ('' removes the entry). */
export function setValue(draft: Mapping, column: string, key: string, target: string): Mapping {
  const next = copyMapping(draft);
  const map = { ...next.values[column] };
  if (target === '') delete map[key];
  else map[key] = target;
  next.values[column] = map;
  return next;
}

/** Required canonical columns that have neither a source column nor a preset expression. */
export function missingRequired(rows: readonly ColumnRow[]): string[] {
  return rows
    .filter(
      (r) =>
        r.spec.required && r.source === undefined && r.constant === undefined && !r.builtByPreset
    )
    .map((r) => r.spec.name);
}

/** True when two mappings say the same thing. */
export function sameMapping(a: Mapping, b: Mapping): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && !isEmptyObject(v))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 0
  );
}

/** The file's day/month order, when some date column reads `1/3/2026` either way; else null. */
export function dayMonthOrder(draft: Mapping): DayMonthFormat | null {
  const formats = Object.values(draft.timestampFormats ?? {});
  return formats.find((f): f is DayMonthFormat => isDayMonth(f)) ?? null;
}

/** Reads every such date column of the file in `order` (one order per file, as at load). */
export function setDayMonthOrder(draft: Mapping, order: DayMonthFormat): Mapping {
  const next = copyMapping(draft);
  for (const [column, format] of Object.entries(next.timestampFormats ?? {})) {
    if (isDayMonth(format)) next.timestampFormats![column] = order;
  }
  return next;
}

const isDayMonth = (format: string | undefined): format is DayMonthFormat =>
  (DAY_MONTH_FORMATS as readonly string[]).includes(format ?? '');
