/**
 * Durations as exports write them (`00:05:23`, `5分23秒`, `1小时5分`, `5 min`, `2h 5m`) and the unit
 * a plain number is written in (a header `处理时长(分钟)`), read into a duration column's own unit.
 */

export const DURATION_UNITS = ['ms', 's', 'min', 'h', 'd'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const SECONDS: Record<DurationUnit, number> = { ms: 0.001, s: 1, min: 60, h: 3600, d: 86400 };

/** The unit of each canonical duration column. */
export const COLUMN_UNITS: Readonly<Partial<Record<string, DurationUnit>>> = {
  handle_seconds: 's',
  translation_delay_hours: 'h',
  load_ms: 'ms'
};

// Longest words first: the alternation takes the first that matches.
const UNIT_WORDS: ReadonlyArray<[DurationUnit, string]> = [
  ['ms', '毫秒|ms|msec|milliseconds?'],
  ['d', '天|日|days?|d'],
  ['h', '小时|小時|时|hours?|hrs?|h'],
  ['min', '分钟|分鐘|分|minutes?|mins?|m'],
  ['s', '秒钟|秒|seconds?|secs?|s']
];

/** The unit a header names (`处理时长(分钟)`, `Handle time (min)`, `AHT in seconds`), if any. */
export function headerUnit(header: string): DurationUnit | undefined {
  const text = header.normalize('NFKC').toLowerCase();
  const bracket = /[([【]\s*([^)\]】]+?)\s*[)\]】]/.exec(text)?.[1];
  const tail = /(?:^|[\s_(])(?:in\s+)?([a-z]+)\s*$/.exec(text)?.[1];
  const cjkTail = /(毫秒|秒|分钟|小时|天)$/.exec(text)?.[1];
  for (const candidate of [bracket, tail, cjkTail]) {
    if (!candidate) continue;
    const found = UNIT_WORDS.find(([, words]) => new RegExp(`^(?:${words})$`).test(candidate));
    if (found) return found[0];
  }
  return undefined;
}

const NUM = '(\\d+(?:\\.\\d+)?)';
const WORD_PATTERN =
  '^' +
  UNIT_WORDS.filter(([unit]) => unit !== 'ms')
    .map(([, words]) => `(?:${NUM}(?:${words}))?`)
    .join('') +
  '$';
const CLOCK_PATTERN = '^(\\d+):([0-5]\\d):([0-5]\\d(?:\\.\\d+)?)$';
const TWO_PART_PATTERN = '^(\\d+):([0-5]\\d(?:\\.\\d+)?)$';

/**
 * How a two-part clock (`05:23`) reads in a column of this unit: minutes and seconds for a
 * handle or load time (a call's length, as telephony reports write it), hours and minutes for
 * a wait counted in hours.
 */
export function twoPartReading(column: string): 'min:s' | 'h:min' | undefined {
  const unit = COLUMN_UNITS[column];
  if (unit === undefined) return undefined;
  return SECONDS[unit] >= SECONDS.h ? 'h:min' : 'min:s';
}

/**
 * DOUBLE SQL: the seconds a duration text spells (`1:05:23`, `05:23`, `5分23秒`, `5 min`,
 * `1h30m`); NULL for any other text. A two-part clock reads as {@link twoPartReading} says.
 */
function spelledSecondsSql(text: string, twoPart: 'min:s' | 'h:min'): string {
  const compact = `regexp_replace(lower(${text}), '\\s+', '', 'g')`;
  const parts = ['d', 'h', 'min', 's'] as const;
  const names = parts.map((p) => `'${p}'`).join(', ');
  const words = `regexp_extract(${compact}, '${WORD_PATTERN}', [${names}])`;
  const sum = parts
    .map((p) => `coalesce(TRY_CAST(NULLIF(${words}.${p}, '') AS DOUBLE), 0) * ${SECONDS[p]}`)
    .join(' + ');
  const clock = `regexp_extract(${compact}, '${CLOCK_PATTERN}', ['h', 'm', 's'])`;
  const clockSum = `CAST(${clock}.h AS DOUBLE) * 3600 + CAST(${clock}.m AS DOUBLE) * 60 + CAST(${clock}.s AS DOUBLE)`;
  const pair = `regexp_extract(${compact}, '${TWO_PART_PATTERN}', ['a', 'b'])`;
  const [big, small] = twoPart === 'h:min' ? [3600, 60] : [60, 1];
  const pairSum = `CAST(${pair}.a AS DOUBLE) * ${big} + CAST(${pair}.b AS DOUBLE) * ${small}`;
  return `(CASE WHEN regexp_full_match(${compact}, '${CLOCK_PATTERN}') THEN ${clockSum} WHEN regexp_full_match(${compact}, '${TWO_PART_PATTERN}') THEN ${pairSum} WHEN regexp_full_match(${compact}, '${WORD_PATTERN}') AND regexp_matches(${compact}, '\\d') THEN ${sum} END)`;
}

/**
 * VARCHAR SQL for a duration column's text in the column's own unit: a plain number scaled from
 * the unit the source is written in, a spelled duration converted; anything else as it was, for
 * the number check to reject by name.
 */
export function durationTextSql(text: string, column: string, source?: DurationUnit): string {
  const unit = COLUMN_UNITS[column];
  if (unit === undefined) return text;
  const factor = SECONDS[source ?? unit] / SECONDS[unit];
  const plain = factor === 1 ? text : `CAST(TRY_CAST(${text} AS DOUBLE) * ${factor} AS VARCHAR)`;
  return `(CASE WHEN TRY_CAST(${text} AS DOUBLE) IS NOT NULL THEN ${plain} ELSE coalesce(CAST(${spelledSecondsSql(text, twoPartReading(column)!)} / ${SECONDS[unit]} AS VARCHAR), ${text}) END)`;
}
