import { COLUMNS, FALSE_WORDS, TRUE_WORDS, type ColumnSpec } from '../../contract/columns';
import { join, raw, sql, type Sql } from '../../db/sql';
import type { Mapping } from '../map/mapping-types';
import { durationTextSql } from './duration-sql';
import { numberOrderSql, plainNumberTextSql, type AmbiguousNumbers } from './number-text-sql';
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
  /**
   * Trusted constants for columns the file lacks and the mapping sets no constant for
   * (e.g. entry_channel = `unspecified`). Bound as parameters like the mapping's constants.
   */
  defaults?: Partial<Record<string, string>>;
  /** Trusted SQL over `raw` giving the row's id when it has none (no column, or a blank cell). */
  rowIdSql?: string;
  parseTimestamp?: TimestampParser;
  /** Trusted SQL (from a built-in preset) that replaces a column's source value. */
  expressions?: Partial<Record<string, string>>;
  /** Trusted row conditions over the raw columns (from a preset) that reject a row. */
  rejectIf?: ReadonlyArray<{ when: string; reason: string }>;
  /** The file's header, to know its line again where exports were joined end to end. */
  header?: readonly string[];
  /** Satisfaction words are a three-step survey's (see {@link threeStepCsatSql}). */
  csatThreeStep?: boolean;
  /** How the file writes `1,234` where its other numbers tell (see {@link numberOrderSql}). */
  ambiguousNumbers?: AmbiguousNumbers | null;
}

const stringList = (values: readonly string[]) =>
  `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * Words and placeholder dates that exports write into a timestamp cell that has no value; Chinese
 * consoles print dashes (`--`, `—`, `——`).
 */
const SENTINEL_WORDS = ['?', 'null', 'n/a', '-', '--', '—', '——'];
const SENTINEL_DATES = '^(1900-0?1-0?1|0000-00-00|1900/0?1/0?1|0?1/0?1/1900)([^0-9]|$)';

/** Boolean SQL: the trimmed, non-empty text is a placeholder word (`-`, `n/a`, `--` …). */
function sentinelWordSql(textExpr: string): string {
  return `lower(${textExpr}) IN (${SENTINEL_WORDS.map((w) => `'${w}'`).join(', ')})`;
}

/** Boolean SQL: the trimmed, non-empty text is a sentinel that means "no timestamp". */
export function sentinelTimestampSql(textExpr: string): string {
  return `(${sentinelWordSql(textExpr)} OR regexp_matches(${textExpr}, '${SENTINEL_DATES}'))`;
}

/** The constants that stand in for a column: the mapping's own, then the loader's defaults. */
function constantColumns(options: NormaliseOptions): Array<[column: string, value: string]> {
  const out = new Map<string, string>();
  for (const [column, value] of Object.entries(options.defaults ?? {})) {
    if (value !== undefined) out.set(column, value);
  }
  for (const [column, value] of Object.entries(options.mapping.constants ?? {})) {
    if (value !== undefined) out.set(column, value);
  }
  return [...out].filter(([column]) => COLUMNS.some((c) => c.name === column));
}

const constantName = (column: string) => `__k_${column}`;

// Spaces exports leave around a value: tab, CR/LF, no-break space, the ideographic space.
const BLANKS = "' ' || chr(9) || chr(10) || chr(13) || chr(160) || chr(12288)";

/** A cell's text without the blanks around it; an Excel text guard `="00123"` is its value. */
function cellText(cell: string, spec: ColumnSpec): string {
  const text = `trim(${cell}, ${BLANKS})`;
  if (spec.type !== 'string') return `NULLIF(${text}, '')`;
  return `NULLIF((CASE WHEN regexp_full_match(${text}, '="[^"]*"') THEN ${text}[3:-2] ELSE ${text} END), '')`;
}

function rawSourceText(spec: ColumnSpec, options: NormaliseOptions): string {
  const expression = options.expressions?.[spec.name];
  if (expression) return `NULLIF(trim(CAST((${expression}) AS VARCHAR)), '')`;
  const index = options.mapping.columns[spec.name];
  if (index !== undefined && index !== null) {
    if (!Number.isInteger(index) || index < 0) throw new Error(`bad source index for ${spec.name}`);
    if (spec.name === 'ticket_id' && options.rowIdSql) {
      return `coalesce(${cellText(`c${index}`, spec)}, ${options.rowIdSql})`;
    }
    return cellText(`c${index}`, spec);
  }
  if (constantColumns(options).some(([column]) => column === spec.name)) {
    return `NULLIF(trim(${constantName(spec.name)}), '')`;
  }
  if (spec.name === 'ticket_id' && options.rowIdSql) return `(${options.rowIdSql})`;
  return 'CAST(NULL AS VARCHAR)';
}

type CsatWords = ReadonlyArray<[score: number, words: readonly string[]]>;

/** The five-step satisfaction scale Chinese and English survey exports write as words. */
const CSAT_WORDS: CsatWords = [
  [5, ['非常满意', '很满意', 'very satisfied', 'extremely satisfied']],
  [4, ['满意', '比较满意', '较满意', 'satisfied']],
  [3, ['一般', '基本满意', 'neutral', 'neither satisfied nor dissatisfied']],
  [2, ['不满意', '不太满意', 'dissatisfied', 'unsatisfied']],
  [1, ['非常不满意', '很不满意', 'very dissatisfied', 'very unsatisfied']]
];

/**
 * Three-step surveys (满意 / 一般 / 不满意, 好评 / 中评 / 差评, Zendesk's good / bad) placed on the
 * contract's 1–5 scale at its top, middle and bottom.
 */
const CSAT_WORDS_THREE_STEP: CsatWords = [
  [5, ['满意', '好评', 'satisfied', 'good']],
  [3, ['一般', '中评', 'neutral']],
  [1, ['不满意', '差评', 'dissatisfied', 'unsatisfied', 'bad']]
];

/** Words only a three-step survey writes, and words only a five-step one writes. */
const THREE_STEP_ONLY = ['好评', '中评', '差评', 'good', 'bad'];
const FIVE_STEP_ONLY = CSAT_WORDS.flatMap(([, words]) => words).filter(
  (w) => !CSAT_WORDS_THREE_STEP.some(([, three]) => three.includes(w))
);

/** SQL aggregate over `raw`: how the file's number columns write `1,234` (NULL: nothing tells). */
export function fileNumberOrderSql(options: NormaliseOptions): string | null {
  const texts = COLUMNS.filter((c) => (c.type === 'int' || c.type === 'num') && c.name !== 'csat')
    .map((spec) => rawSourceText(spec, options))
    .filter((text) => text !== 'CAST(NULL AS VARCHAR)');
  return numberOrderSql(texts);
}

/**
 * Boolean SQL aggregate over `raw`: the satisfaction column reads as a three-step survey — it holds
 * a word only such surveys write, or three-step words and neither a five-step word nor a number.
 */
export function threeStepCsatSql(options: NormaliseOptions): string | null {
  const spec = COLUMNS.find((c) => c.name === 'csat')!;
  const text = rawSourceText(spec, options);
  if (text === 'CAST(NULL AS VARCHAR)') return null;
  const word = `lower(${text})`;
  const shared = CSAT_WORDS_THREE_STEP.flatMap(([, words]) => words);
  const has = (condition: string) => `coalesce(bool_or(${condition}), false)`;
  return `(${has(`list_contains(${stringList(THREE_STEP_ONLY)}, ${word})`)} OR (${has(
    `list_contains(${stringList(shared)}, ${word})`
  )} AND NOT ${has(`list_contains(${stringList(FIVE_STEP_ONLY)}, ${word})`)} AND NOT ${has(
    `TRY_CAST(${text} AS DOUBLE) IS NOT NULL`
  )}))`;
}

/** What survey exports write where a ticket was never rated: no score, not a bad one. */
const CSAT_NO_SCORE = [
  '未评价',
  '未评',
  '未邀评',
  '暂无',
  '无',
  '无评价',
  'not rated',
  'unrated',
  'no rating'
];

function csatScoreSql(text: string, threeStep: boolean): string {
  const cases = (threeStep ? CSAT_WORDS_THREE_STEP : CSAT_WORDS).map(
    ([score, words]) => `WHEN list_contains(${stringList(words)}, lower(${text})) THEN '${score}'`
  );
  return `(CASE WHEN list_contains(${stringList(CSAT_NO_SCORE)}, lower(${text})) THEN NULL ${cases.join(' ')} ELSE ${text} END)`;
}

/**
 * A column's trimmed source text. A timestamp's sentinel (`1900-01-01`, `NULL`, …) and a number's
 * placeholder (`-`, `--`, `n/a`) are NULL; satisfaction words are their score on the 1–5 scale.
 */
export function sourceText(spec: ColumnSpec, options: NormaliseOptions): string {
  return sourceTextOf(spec, options, rawSourceText(spec, options));
}

/**
 * {@link sourceText} over `text`, the column's raw text (an expression or a column name), and
 * `numberText`, that text as a plain decimal where its form tells (see `plainNumberTextSql`).
 */
function sourceTextOf(
  spec: ColumnSpec,
  options: NormaliseOptions,
  text: string,
  numberText = plainNumberTextSql(text, options.ambiguousNumbers)
): string {
  if (spec.type === 'int' || spec.type === 'num') {
    const number =
      spec.name === 'csat'
        ? csatScoreSql(text, options.csatThreeStep === true)
        : durationTextSql(numberText, spec.name, options.mapping.units?.[spec.name]);
    return `(CASE WHEN ${sentinelWordSql(text)} THEN NULL ELSE ${number} END)`;
  }
  if (spec.type !== 'ts') return text;
  return `(CASE WHEN ${sentinelTimestampSql(text)} THEN NULL ELSE ${text} END)`;
}

/** The raw text of a timestamp column before sentinels are removed (null: no source). */
export function timestampSourceText(spec: ColumnSpec, options: NormaliseOptions): string | null {
  const text = rawSourceText(spec, options);
  return text === 'CAST(NULL AS VARCHAR)' ? null : text;
}

/** `raw` with one bound column per constant (the value reaches SQL only as a parameter). */
export function rawWithConstants(options: NormaliseOptions): Sql {
  const constants = constantColumns(options);
  if (constants.length === 0) return raw('raw');
  const columns = constants.map(
    ([column, value]) => sql`CAST(${value} AS VARCHAR) AS ${raw(constantName(column))}`
  );
  return sql`(SELECT *, ${join(columns, ', ')} FROM raw)`;
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
  if (spec.name !== 'priority') return mapped;
  // Known priorities are written P0–P3; any other priority code is kept lower-cased.
  const codes = stringList(spec.codes ?? []);
  return sql`(CASE WHEN list_contains(${raw(codes)}, upper(${mapped})) THEN upper(${mapped}) ELSE ${mapped} END)`;
}

interface ParsedColumn {
  value: Sql;
  invalid: Sql | null;
  reason: Sql;
}

/** Parses `text`, the column's source text (see {@link sourceText}), as the column's type. */
function parseColumn(spec: ColumnSpec, options: NormaliseOptions, text: string): ParsedColumn {
  const name = spec.name;
  const quoted = (label: string) => sql`${raw(`'${label} ${name} "' || left(${text}, 80) || '"'`)}`;
  switch (spec.type) {
    case 'string':
      return { value: raw(spec.open ? `lower(${text})` : text), invalid: null, reason: raw("''") };
    case 'enum': {
      const value = mappedEnum(spec, text, options.mapping);
      if (spec.open) return { value, invalid: null, reason: raw("''") };
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
  // Each cell's text is worked out once, a step at a time: written out inline, a number's
  // readings (placeholder, decimal comma, duration) nest into thousands of copies of the cell.
  const rawText = COLUMNS.map((spec) => `${rawSourceText(spec, options)} AS __r_${spec.name}`);
  const numbers = COLUMNS.filter((spec) => spec.type === 'int' || spec.type === 'num');
  const numberText = numbers.map(
    (spec) =>
      `${plainNumberTextSql(`__r_${spec.name}`, options.ambiguousNumbers)} AS __n_${spec.name}`
  );
  const sourced = COLUMNS.map(
    (spec) =>
      `${sourceTextOf(spec, options, `__r_${spec.name}`, `__n_${spec.name}`)} AS __s_${spec.name}`
  );
  const parsed = COLUMNS.map((spec) => ({
    spec,
    ...parseColumn(spec, options, `__s_${spec.name}`)
  }));
  const values = parsed.map((p) => sql`${p.value} AS ${raw(p.spec.name)}`);
  const problems: Sql[] = [];
  for (const p of parsed) {
    if (p.spec.required) {
      problems.push(raw(`CASE WHEN __s_${p.spec.name} IS NULL THEN 'missing ${p.spec.name}' END`));
    }
    if (p.invalid) problems.push(sql`CASE WHEN ${p.invalid} THEN ${p.reason} END`);
  }
  for (const rule of options.rejectIf ?? []) {
    problems.push(sql`CASE WHEN coalesce(${raw(rule.when)}, false) THEN ${rule.reason} END`);
  }
  const created = parsed.find((p) => p.spec.required)?.value ?? raw('NULL');
  const reason = sql`CASE WHEN ${created} IS NULL AND ${repeatedHeaderSql(options)} THEN ${REPEATED_HEADER_REASON} WHEN ${created} IS NULL AND ${raw(totalsRowSql())} THEN ${TOTALS_REASON} ELSE concat_ws('; ', ${join(problems, ', ')}) END`;
  const cells = sql`(SELECT *, ${raw(rawText.join(', '))} FROM ${rawWithConstants(options)} raw)`;
  const numbered = sql`(SELECT *, ${raw(numberText.join(', '))} FROM ${cells} raw)`;
  const source = sql`(SELECT *, ${raw(sourced.join(', '))} FROM ${numbered} raw)`;
  return sql`SELECT __rec, ${join(values, ', ')}, ${reason} AS __reason FROM ${source} raw`;
}

const REPEATED_HEADER_REASON =
  'the header line again (exports joined end to end?): left out of the figures, nothing to fix';

/**
 * Boolean SQL over `raw`: the row's creation-time cell is the header's text for it, as in two
 * exports joined into one file. False when the header is not known.
 */
export function repeatedHeaderSql(options: Pick<NormaliseOptions, 'mapping' | 'header'>): Sql {
  const index = options.mapping.columns.created_at;
  const label = index === undefined ? undefined : options.header?.[index]?.trim();
  if (index === undefined || !label) return raw('false');
  return sql`coalesce(trim(${raw(`c${index}`)}) = ${label}, false)`;
}

/** First-cell labels of the totals row a report export adds under its tickets. */
const TOTALS_WORDS = [
  '合计',
  '总计',
  '小计',
  '汇总',
  '合計',
  '總計',
  'total',
  'totals',
  'grand total',
  'sum',
  'subtotal'
];
const TOTALS_REASON =
  'a totals row, not a ticket: left out of the figures (nothing to fix, or delete it from the export)';

/** Boolean SQL: the row's first cell is a totals label (`合计`, `Total:`). */
function totalsRowSql(): string {
  return `list_contains(${stringList(TOTALS_WORDS)}, rtrim(lower(trim(c0)), ':：'))`;
}

/** Row-level checks that compare columns after parsing (durations, order of events). */
export const CROSS_COLUMN_CHECKS: ReadonlyArray<[condition: string, reason: string]> = [
  ['resolved_at < created_at', 'resolved_at before created_at'],
  ['first_response_at < created_at', 'first_response_at before created_at'],
  ['agent_answered_at < human_requested_at', 'agent_answered_at before human_requested_at']
];
