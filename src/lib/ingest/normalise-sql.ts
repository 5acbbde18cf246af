import { COLUMNS, FALSE_WORDS, TRUE_WORDS, type ColumnSpec } from '../contract/columns';
import { join, raw, sql, type Sql } from '../db/sql';
import type { Mapping } from './mapping-types';
import { utcTimestampSql } from './timestamp-formats';

/** Builds a SQL expression turning a column's trimmed text into a UTC TIMESTAMP. */
export type TimestampParser = (valueExpr: string, column: string) => string;

/** Values in the column's detected format; offset-less values are the dataset's wall clock. */
export function mappedTimestampParser(mapping: Mapping): TimestampParser {
  return (v, column) =>
    utcTimestampSql(mapping.timestampFormats?.[column] ?? 'iso', v, 'from_local');
}

export interface NormaliseOptions {
  mapping: Mapping;
  parseTimestamp?: TimestampParser;
  /** Trusted SQL (from a built-in preset) that replaces a column's source value. */
  expressions?: Partial<Record<string, string>>;
  /** Trusted row conditions over the raw columns (from a preset) that reject a row. */
  rejectIf?: ReadonlyArray<{ when: string; reason: string }>;
}

const stringList = (values: readonly string[]) =>
  `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

function sourceText(spec: ColumnSpec, options: NormaliseOptions): string {
  const expression = options.expressions?.[spec.name];
  if (expression) return `NULLIF(trim(CAST((${expression}) AS VARCHAR)), '')`;
  const index = options.mapping.columns[spec.name];
  if (index === undefined || index === null) return 'CAST(NULL AS VARCHAR)';
  if (!Number.isInteger(index) || index < 0) throw new Error(`bad source index for ${spec.name}`);
  return `NULLIF(trim(c${index}), '')`;
}

function mappedEnum(spec: ColumnSpec, text: string, mapping: Mapping): Sql {
  const lowered = `lower(${text})`;
  const entries = Object.entries(mapping.values[spec.name] ?? {});
  const mapped =
    entries.length === 0
      ? raw(lowered)
      : sql`CASE ${raw(lowered)} ${join(
          entries.map(([from, to]) => sql`WHEN ${from.trim().toLowerCase()} THEN ${to}`),
          ' '
        )} ELSE ${raw(lowered)} END`;
  return spec.name === 'priority' ? sql`upper(${mapped})` : mapped;
}

interface ParsedColumn {
  value: Sql;
  invalid: Sql | null;
  reason: Sql;
}

function parseColumn(spec: ColumnSpec, options: NormaliseOptions): ParsedColumn {
  const text = sourceText(spec, options);
  const name = spec.name;
  const quoted = (label: string) => sql`${raw(`'${label} ${name} "' || left(${text}, 80) || '"'`)}`;
  switch (spec.type) {
    case 'string':
      return { value: raw(text), invalid: null, reason: raw("''") };
    case 'enum': {
      const value = mappedEnum(spec, text, options.mapping);
      const codes = stringList(spec.codes ?? []);
      return {
        value,
        invalid: sql`(${raw(text)} IS NOT NULL AND NOT list_contains(${raw(codes)}, ${value}))`,
        reason: quoted('unknown')
      };
    }
    case 'bool': {
      const mapped = mappedEnum(spec, text, options.mapping);
      const value = sql`(CASE WHEN list_contains(${raw(stringList(TRUE_WORDS))}, ${mapped}) THEN true WHEN list_contains(${raw(stringList(FALSE_WORDS))}, ${mapped}) THEN false END)`;
      return {
        value,
        invalid: sql`(${raw(text)} IS NOT NULL AND ${value} IS NULL)`,
        reason: quoted('not a yes/no value:')
      };
    }
    case 'int':
    case 'num': {
      const number = `TRY_CAST(${text} AS DOUBLE)`;
      const checks = [`(${text} IS NOT NULL AND ${number} IS NULL)`];
      if (spec.type === 'int') checks.push(`(${number} <> floor(${number}))`);
      if (spec.min !== undefined) checks.push(`(${number} < ${spec.min})`);
      if (spec.max !== undefined) checks.push(`(${number} > ${spec.max})`);
      const range =
        spec.max !== undefined ? `${spec.min}–${spec.max}` : `a number ≥ ${spec.min ?? '-∞'}`;
      return {
        value: raw(spec.type === 'int' ? `CAST(${number} AS INTEGER)` : number),
        invalid: raw(`coalesce(${checks.join(' OR ')}, false)`),
        reason: quoted(`not ${range}:`)
      };
    }
    case 'ts': {
      const parse = options.parseTimestamp ?? mappedTimestampParser(options.mapping);
      const value = raw(parse(text, spec.name));
      return {
        value,
        invalid: sql`(${raw(text)} IS NOT NULL AND ${value} IS NULL)`,
        reason: quoted('unreadable timestamp')
      };
    }
  }
}

/**
 * `SELECT` over the raw table (`__rec`, `c0..cN` as text) giving every canonical column typed,
 * plus `__reason`: empty when the row is valid, else every problem found, separated by `; `.
 */
export function normaliseSelect(options: NormaliseOptions): Sql {
  const parsed = COLUMNS.map((spec) => ({ spec, ...parseColumn(spec, options) }));
  const values = parsed.map((p) => sql`${p.value} AS ${raw(p.spec.name)}`);
  const problems: Sql[] = [];
  for (const p of parsed) {
    if (p.spec.required) {
      problems.push(
        raw(`CASE WHEN ${sourceText(p.spec, options)} IS NULL THEN 'missing ${p.spec.name}' END`)
      );
    }
    if (p.invalid) problems.push(sql`CASE WHEN ${p.invalid} THEN ${p.reason} END`);
  }
  for (const rule of options.rejectIf ?? []) {
    problems.push(sql`CASE WHEN coalesce(${raw(rule.when)}, false) THEN ${rule.reason} END`);
  }
  return sql`SELECT __rec, ${join(values, ', ')}, concat_ws('; ', ${join(problems, ', ')}) AS __reason FROM raw`;
}

/** Row-level checks that compare columns after parsing (durations, order of events). */
export const CROSS_COLUMN_CHECKS: ReadonlyArray<[condition: string, reason: string]> = [
  ['resolved_at < created_at', 'resolved_at before created_at'],
  ['first_response_at < created_at', 'first_response_at before created_at'],
  ['agent_answered_at < human_requested_at', 'agent_answered_at before human_requested_at']
];
