/** Persisting mappings: a header fingerprint to remember them by, and validated JSON. */
import { columnSpec } from '../../contract/columns';
import { EVENT_MARKS, type EventLogMapping, type EventMark, type Mapping } from './mapping-types';
import { presetById } from '../presets/presets';
import { normaliseName } from './synonyms';
import { TIMESTAMP_FORMATS, type TimestampFormat } from '../load/timestamp-formats';
import { COLUMN_UNITS, DURATION_UNITS, type DurationUnit } from '../load/duration-sql';
import { normaliseConstant } from './mapping-constants';
import { isAllowedTarget, allowedTargets } from './value-synonyms';

/** Stable hash (cyrb53) of the normalised header: same names in the same order → same key. */
export function headerFingerprint(header: readonly string[]): string {
  const text = header.map(normaliseName).join('\u001f');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
  return `h${header.length}-${hash}`;
}

/** Serialises a mapping (versioned) for storage. */
export function mappingToJson(mapping: Mapping): string {
  return JSON.stringify({ version: 1, ...mapping });
}

/** Keys that would reach an object's prototype machinery if a mapping were merged carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own entries of a parsed JSON object; a prototype-like key is refused, named, with where. */
function entriesOf(value: Record<string, unknown>, where: string): Array<[string, unknown]> {
  const entries = Object.entries(value);
  const bad = entries.find(([key]) => FORBIDDEN_KEYS.has(key));
  if (bad) throw new Error(`key "${bad[0]}" is not allowed in ${where}`);
  return entries;
}

function parseColumns(raw: unknown, headerLength: number | undefined): Mapping['columns'] {
  if (!isRecord(raw)) throw new Error('mapping.columns must be an object');
  const out: Mapping['columns'] = {};
  for (const [column, index] of entriesOf(raw, 'mapping.columns')) {
    if (!columnSpec(column)) throw new Error(`unknown canonical column "${column}"`);
    const bad = typeof index !== 'number' || !Number.isInteger(index) || index < 0;
    if (bad || (headerLength !== undefined && index >= headerLength)) {
      throw new Error(`bad source index ${JSON.stringify(index)} for column "${column}"`);
    }
    out[column] = index;
  }
  return out;
}

function parseValues(raw: unknown): Mapping['values'] {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new Error('mapping.values must be an object');
  const out: Mapping['values'] = {};
  for (const [column, map] of entriesOf(raw, 'mapping.values')) {
    const targets = allowedTargets(column);
    if (!columnSpec(column)) throw new Error(`unknown canonical column "${column}" in value maps`);
    if (!targets)
      throw new Error(`column "${column}" is not an enum or bool column and takes no value map`);
    if (!isRecord(map)) throw new Error(`value map of "${column}" must be an object`);
    const entries: Record<string, string> = {};
    for (const [from, to] of entriesOf(map, `the value map of "${column}"`)) {
      if (typeof to !== 'string' || !isAllowedTarget(column, to)) {
        throw new Error(
          `unknown target code ${JSON.stringify(to)} for column "${column}" (value "${from}")`
        );
      }
      entries[from] = to;
    }
    out[column] = entries;
  }
  return out;
}

function parseFormats(raw: unknown): Mapping['timestampFormats'] {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw new Error('mapping.timestampFormats must be an object');
  const out: Partial<Record<string, TimestampFormat>> = {};
  for (const [column, format] of entriesOf(raw, 'mapping.timestampFormats')) {
    if (columnSpec(column)?.type !== 'ts') throw new Error(`"${column}" is not a timestamp column`);
    const known = (TIMESTAMP_FORMATS as readonly unknown[]).includes(format);
    if (!known)
      throw new Error(`unknown timestamp format ${JSON.stringify(format)} for column "${column}"`);
    out[column] = format as TimestampFormat;
  }
  return out;
}

function parseUnits(raw: unknown): Mapping['units'] {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw new Error('mapping.units must be an object');
  const out: Partial<Record<string, DurationUnit>> = {};
  for (const [column, unit] of entriesOf(raw, 'mapping.units')) {
    if (COLUMN_UNITS[column] === undefined) throw new Error(`"${column}" is not a duration column`);
    if (!(DURATION_UNITS as readonly unknown[]).includes(unit)) {
      throw new Error(
        `unknown unit ${JSON.stringify(unit)} for column "${column}" (known: ${DURATION_UNITS.join(', ')})`
      );
    }
    out[column] = unit as DurationUnit;
  }
  return out;
}

function parseConstants(
  raw: unknown,
  columns: Mapping['columns']
): Mapping['constants'] | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) throw new Error('mapping.constants must be an object');
  const out: Partial<Record<string, string>> = {};
  for (const [column, value] of entriesOf(raw, 'mapping.constants')) {
    if (!columnSpec(column)) throw new Error(`unknown canonical column "${column}" in constants`);
    if (columns[column] !== undefined) {
      throw new Error(`column "${column}" has both a source column and a constant; keep one`);
    }
    const result = normaliseConstant(column, value);
    if ('error' in result) throw new Error(result.error);
    out[column] = result.value;
  }
  return out;
}

function parseIndex(raw: unknown, field: string, headerLength: number | undefined): number {
  const bad = typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0;
  if (bad || (headerLength !== undefined && raw >= headerLength)) {
    const bound = headerLength === undefined ? '' : ` below ${headerLength}`;
    throw new Error(
      `${field} must be a column index (an integer ≥ 0${bound}), not ${JSON.stringify(raw)}`
    );
  }
  return raw;
}

function parseMarks(raw: unknown): EventLogMapping['marks'] {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new Error('events.marks must be an object');
  const marks: EventLogMapping['marks'] = {};
  for (const [mark, values] of Object.entries(raw)) {
    if (!(EVENT_MARKS as readonly string[]).includes(mark)) {
      throw new Error(`unknown mark events.marks.${mark} (known: ${EVENT_MARKS.join(', ')})`);
    }
    const ok = Array.isArray(values) && values.every((v) => typeof v === 'string' && v.trim());
    if (!ok) throw new Error(`events.marks.${mark} must be a list of activity values (text)`);
    marks[mark as EventMark] = values as string[];
  }
  return marks;
}

function parseEvents(raw: unknown, headerLength: number | undefined): EventLogMapping {
  if (!isRecord(raw)) throw new Error('events must be an object');
  const events: EventLogMapping = {
    caseColumn: parseIndex(raw.caseColumn, 'events.caseColumn', headerLength),
    timeColumn: parseIndex(raw.timeColumn, 'events.timeColumn', headerLength),
    marks: parseMarks(raw.marks)
  };
  if (raw.timeFormat !== undefined) {
    if (!(TIMESTAMP_FORMATS as readonly unknown[]).includes(raw.timeFormat)) {
      throw new Error(
        `unknown timestamp format ${JSON.stringify(raw.timeFormat)} in events.timeFormat`
      );
    }
    events.timeFormat = raw.timeFormat as TimestampFormat;
  }
  if (raw.activityColumn !== undefined) {
    events.activityColumn = parseIndex(raw.activityColumn, 'events.activityColumn', headerLength);
  } else if (Object.keys(events.marks).length > 0) {
    throw new Error('events.marks need events.activityColumn (the column the values are read in)');
  }
  return events;
}

/**
 * Parses and validates a stored mapping. Throws an Error naming the unknown column, bad
 * index, unknown target code, bad constant, prototype-like key or unknown preset. `headerLength` bounds the indices.
 */
export function mappingFromJson(json: string, headerLength?: number): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new Error(`stored mapping is not valid JSON (${error.message})`, { cause: error });
  }
  if (!isRecord(raw)) throw new Error('stored mapping must be a JSON object');
  entriesOf(raw, 'the mapping');
  if (raw.version !== undefined && raw.version !== 1)
    throw new Error(`unsupported mapping version ${String(raw.version)}`);
  const mapping: Mapping = {
    columns: parseColumns(raw.columns, headerLength),
    values: parseValues(raw.values)
  };
  const formats = parseFormats(raw.timestampFormats);
  if (formats) mapping.timestampFormats = formats;
  const units = parseUnits(raw.units);
  if (units) mapping.units = units;
  const constants = parseConstants(raw.constants, mapping.columns);
  if (constants) mapping.constants = constants;
  if (raw.presetId !== undefined) {
    if (typeof raw.presetId !== 'string') throw new Error('presetId must be a string');
    mapping.presetId = presetById(raw.presetId).id;
  }
  if (raw.events !== undefined) mapping.events = parseEvents(raw.events, headerLength);
  return mapping;
}
