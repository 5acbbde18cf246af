/**
 * How timestamps are written in a source column, and DuckDB SQL that reads them using only
 * core functions (no ICU: duckdb-wasm has no TIMESTAMPTZ arithmetic and no `SET TimeZone`).
 */

export const TIMESTAMP_FORMATS = ['iso', 'slash-ymd', 'mdy-ampm', 'epoch-s', 'epoch-ms'] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

const PATTERNS: Record<TimestampFormat, RegExp> = {
  iso: /^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i,
  'slash-ymd': /^\d{4}\/\d{1,2}\/\d{1,2}( \d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/,
  'mdy-ampm': /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}(:\d{2})? ?[AP]M$/i,
  'epoch-s': /^\d{9,10}(\.\d+)?$/,
  'epoch-ms': /^\d{12,13}$/
};

export interface TimestampDetection {
  format: TimestampFormat;
  /** Non-empty samples the format reads. */
  matched: number;
  /** Non-empty samples. */
  total: number;
}

/** Counts how many non-empty samples each format reads and picks the best (ties: list order). */
export function detectTimestampFormatDetail(samples: readonly string[]): TimestampDetection {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  let best: TimestampDetection = { format: 'iso', matched: 0, total: values.length };
  for (const format of TIMESTAMP_FORMATS) {
    const matched = values.filter((v) => PATTERNS[format].test(v)).length;
    if (matched > best.matched) best = { format, matched, total: values.length };
  }
  return best;
}

/** The format that reads the most samples; `iso` when none reads any. */
export function detectTimestampFormat(samples: readonly string[]): TimestampFormat {
  return detectTimestampFormatDetail(samples).format;
}

/** True when `value` is fully read by `format` (used for value evidence and tests). */
export function matchesTimestampFormat(format: TimestampFormat, value: string): boolean {
  return PATTERNS[format].test(value.trim());
}

const OFFSET_RE = `'\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?\\s*(Z|z|[+-]\\d\\d(:?\\d\\d)?)$'`;

/** Boolean SQL: the trimmed value ends with an explicit UTC offset (`Z`, `+08:00`, `-0500`). */
export function hasOffsetSql(colExpr: string): string {
  return `regexp_matches(trim(${colExpr}), ${OFFSET_RE})`;
}

/**
 * TIMESTAMP SQL for the wall-clock reading of an offset-less value (to be interpreted in the
 * dataset's time zone). NULL for empty or unreadable values, for values with an explicit
 * offset, and for epoch formats (those are instants: see {@link instantSql}).
 */
export function timestampSql(format: TimestampFormat, colExpr: string): string {
  const x = `trim(${colExpr})`;
  switch (format) {
    case 'iso':
      return `CASE WHEN ${hasOffsetSql(colExpr)} THEN NULL ELSE TRY_CAST(${x} AS TIMESTAMP) END`;
    case 'slash-ymd':
      return `coalesce(try_strptime(${x}, '%Y/%m/%d %H:%M:%S.%f'), try_strptime(${x}, '%Y/%m/%d %H:%M:%S'), try_strptime(${x}, '%Y/%m/%d %H:%M'), try_strptime(${x}, '%Y/%m/%d'))`;
    case 'mdy-ampm':
      return `coalesce(try_strptime(upper(${x}), '%m/%d/%Y %I:%M:%S %p'), try_strptime(upper(${x}), '%m/%d/%Y %I:%M %p'), try_strptime(upper(replace(${x}, ' ', '')), '%m/%d/%Y%I:%M:%S%p'))`;
    case 'epoch-s':
    case 'epoch-ms':
      return 'CAST(NULL AS TIMESTAMP)';
  }
}

/**
 * TIMESTAMP SQL for the UTC instant of a value that names one: an ISO value with an
 * explicit offset, or an epoch number. NULL otherwise (including unreadable values).
 */
export function instantSql(format: TimestampFormat, colExpr: string): string {
  const x = `trim(${colExpr})`;
  switch (format) {
    case 'iso':
      // epoch_us keeps the instant whatever the session's TimeZone (native DuckDB has ICU).
      return `CASE WHEN ${hasOffsetSql(colExpr)} THEN make_timestamp(epoch_us(TRY_CAST(regexp_replace(${x}, 'z$', 'Z') AS TIMESTAMPTZ))) END`;
    case 'epoch-ms':
      return `CASE WHEN regexp_full_match(${x}, '\\d{1,13}') THEN epoch_ms(CAST(${x} AS BIGINT)) END`;
    case 'epoch-s':
      return `CASE WHEN regexp_full_match(${x}, '\\d{1,10}(\\.\\d{1,6})?') THEN make_timestamp(CAST(round(CAST(${x} AS DOUBLE) * 1000000) AS BIGINT)) END`;
    case 'slash-ymd':
    case 'mdy-ampm':
      return 'CAST(NULL AS TIMESTAMP)';
  }
}

/** True when the format's values are instants (never local wall-clock readings). */
export function isInstantFormat(format: TimestampFormat): boolean {
  return format === 'epoch-s' || format === 'epoch-ms';
}

/**
 * TIMESTAMP SQL for the UTC instant of any value in `format`: the explicit instant when the
 * value names one, else `fromLocal(wall clock)`, where `fromLocal` is the loader's SQL macro
 * turning a naive local TIMESTAMP into UTC for the dataset's time zone.
 */
export function utcTimestampSql(
  format: TimestampFormat,
  colExpr: string,
  fromLocal: string
): string {
  return `coalesce(${instantSql(format, colExpr)}, ${fromLocal}(${timestampSql(format, colExpr)}))`;
}
