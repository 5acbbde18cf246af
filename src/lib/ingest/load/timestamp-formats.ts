/**
 * How timestamps are written in a source column, and DuckDB SQL that reads them using only
 * core functions (no ICU: duckdb-wasm has no TIMESTAMPTZ arithmetic and no `SET TimeZone`).
 */

// `ymd`, `dmy` and `mdy` read any separator (`-` `/` `.` `年月日`), a date alone, `T` or a space
// before the time, `:` or `时分秒`, and a 12-hour clock (`PM`, `下午`) before or after the time.
// The earlier, narrower formats stay for saved mappings and presets that name them.
export const TIMESTAMP_FORMATS = [
  'iso',
  'slash-ymd',
  'mdy-ampm',
  'epoch-s',
  'epoch-ms',
  'ymd',
  'mdy',
  'dmy'
] as const;
export type TimestampFormat = (typeof TIMESTAMP_FORMATS)[number];

/** The formats whose day and month order a whole file decides (see {@link detectFileTimestampFormats}). */
export const DAY_MONTH_FORMATS = ['mdy', 'dmy'] as const;

// RE2 (DuckDB) and JavaScript read these alike; they run on the trimmed, lower-cased value.
const HALF_DAY = '(上午|下午|中午|晚上|早上|凌晨|am|pm|a\\.m\\.|p\\.m\\.)';
const CLOCK = `(?:(?:t|\\s)*${HALF_DAY}?\\s*(\\d{1,2})\\s*[:时點点]\\s*(\\d{1,2})\\s*(?:[:分]\\s*(\\d{1,2}(?:\\.\\d{1,9})?)\\s*秒?|分)?\\s*${HALF_DAY}?)?\\s*`;
const YMD = `(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?`;
const SHORT = '(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{4}|\\d{2})';
const WALL_CLOCK: Record<'ymd' | 'mdy' | 'dmy', { pattern: string; groups: string[] }> = {
  ymd: { pattern: `^${YMD}${CLOCK}$`, groups: ['y', 'm', 'd'] },
  mdy: { pattern: `^${SHORT}${CLOCK}$`, groups: ['m', 'd', 'y'] },
  dmy: { pattern: `^${SHORT}${CLOCK}$`, groups: ['d', 'm', 'y'] }
};
const CLOCK_GROUPS = ['h1', 'hh', 'mi', 'ss', 'h2'];

/** The date fields of a value in a wall-clock format, or null when the value is not one. */
function wallClockFields(
  format: 'ymd' | 'mdy' | 'dmy',
  value: string
): { y: number; m: number; d: number; hh: number; mi: number; ss: number; half: string } | null {
  const spec = WALL_CLOCK[format];
  const match = new RegExp(spec.pattern).exec(value.trim().toLowerCase());
  if (!match) return null;
  const named: Record<string, string> = {};
  [...spec.groups, ...CLOCK_GROUPS].forEach((g, i) => (named[g] = match[i + 1] ?? ''));
  const year = Number(named.y);
  return {
    y: named.y!.length === 2 ? 2000 + year : year,
    m: Number(named.m),
    d: Number(named.d),
    hh: Number(named.hh || 0),
    mi: Number(named.mi || 0),
    ss: Number(named.ss || 0),
    half: named.h1 || named.h2 || ''
  };
}

function readsAsWallClock(format: 'ymd' | 'mdy' | 'dmy', value: string): boolean {
  const f = wallClockFields(format, value);
  if (!f) return false;
  const hour = f.half === '' ? f.hh : f.hh % 12;
  const days = new Date(Date.UTC(f.y, f.m, 0)).getUTCDate();
  return f.m >= 1 && f.m <= 12 && f.d >= 1 && f.d <= days && hour < 24 && f.mi < 60 && f.ss < 60;
}

const PATTERNS: Record<TimestampFormat, (value: string) => boolean> = {
  iso: (v) =>
    /^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i.test(
      v
    ),
  'slash-ymd': (v) => /^\d{4}\/\d{1,2}\/\d{1,2}( \d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/.test(v),
  'mdy-ampm': (v) => /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}(:\d{2})? ?[AP]M$/i.test(v),
  'epoch-s': (v) => /^\d{9,10}(\.\d+)?$/.test(v),
  'epoch-ms': (v) => /^\d{12,13}$/.test(v),
  ymd: (v) => readsAsWallClock('ymd', v),
  mdy: (v) => readsAsWallClock('mdy', v),
  dmy: (v) => readsAsWallClock('dmy', v)
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
    const matched = values.filter((v) => PATTERNS[format](v)).length;
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
  return PATTERNS[format](value.trim());
}

const OFFSET_RE = `'\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?\\s*(Z|z|[+-]\\d\\d(:?\\d\\d)?)$'`;

/** Boolean SQL: the trimmed value ends with an explicit UTC offset (`Z`, `+08:00`, `-0500`). */
export function hasOffsetSql(colExpr: string): string {
  return `regexp_matches(trim(${colExpr}), ${OFFSET_RE})`;
}

const PM_WORDS = ['pm', 'p.m.', '下午', '中午', '晚上'];
const AM_WORDS = ['am', 'a.m.', '上午', '早上', '凌晨'];

/** TIMESTAMP SQL reading a value in a wall-clock format; NULL when it is not a real time. */
function wallClockSql(format: 'ymd' | 'mdy' | 'dmy', x: string): string {
  const spec = WALL_CLOCK[format];
  const names = [...spec.groups, ...CLOCK_GROUPS].map((g) => `'${g}'`).join(', ');
  const f = `regexp_extract(lower(${x}), '${spec.pattern}', [${names}])`;
  const half = `coalesce(NULLIF(${f}.h1, ''), NULLIF(${f}.h2, ''))`;
  const hh = `CAST(coalesce(NULLIF(${f}.hh, ''), '0') AS INTEGER)`;
  const list = (words: string[]) => `[${words.map((w) => `'${w}'`).join(', ')}]`;
  const hour = `(CASE WHEN list_contains(${list(PM_WORDS)}, ${half}) AND ${hh} < 12 THEN ${hh} + 12 WHEN list_contains(${list(AM_WORDS)}, ${half}) AND ${hh} = 12 THEN 0 ELSE ${hh} END)`;
  const year = `(CASE WHEN length(${f}.y) = 2 THEN '20' || ${f}.y ELSE ${f}.y END)`;
  const two = (text: string) => `lpad(${text}, 2, '0')`;
  const ss = `coalesce(NULLIF(${f}.ss, ''), '0')`;
  const seconds = `${two(`split_part(${ss}, '.', 1)`)} || CASE WHEN contains(${ss}, '.') THEN '.' || split_part(${ss}, '.', 2) ELSE '' END`;
  const text = `${year} || '-' || ${two(`${f}.m`)} || '-' || ${two(`${f}.d`)} || ' ' || ${two(`CAST(${hour} AS VARCHAR)`)} || ':' || ${two(`coalesce(NULLIF(${f}.mi, ''), '0')`)} || ':' || ${seconds}`;
  return `(CASE WHEN regexp_full_match(lower(${x}), '${spec.pattern}') THEN TRY_CAST(${text} AS TIMESTAMP) END)`;
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
    case 'ymd':
    case 'mdy':
    case 'dmy':
      return wallClockSql(format, x);
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
      // DuckDB reads `+0800` and `Z` only against the time: `10:00:00 +0800` loses its space.
      return `CASE WHEN ${hasOffsetSql(colExpr)} THEN make_timestamp(epoch_us(TRY_CAST(regexp_replace(regexp_replace(${x}, 'z$', 'Z'), '\\s+([+-]\\d\\d(:?\\d\\d)?|Z)$', '\\1') AS TIMESTAMPTZ))) END`;
    case 'epoch-ms':
      return `CASE WHEN regexp_full_match(${x}, '\\d{1,13}') THEN epoch_ms(CAST(${x} AS BIGINT)) END`;
    case 'epoch-s':
      return `CASE WHEN regexp_full_match(${x}, '\\d{1,10}(\\.\\d{1,6})?') THEN make_timestamp(CAST(round(CAST(${x} AS DOUBLE) * 1000000) AS BIGINT)) END`;
    case 'slash-ymd':
    case 'mdy-ampm':
    case 'ymd':
    case 'mdy':
    case 'dmy':
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

/**
 * Each timestamp column's format, with day and month read in one order for the whole file: a
 * column where some value has a day above 12 decides it for columns whose values would read
 * either way; when no value anywhere tells, dotted dates (`01.03.2026`) are day-first and others
 * month-first. A value the chosen order cannot read is rejected by name, never read the other way.
 */
export function detectFileTimestampFormats(
  columns: ReadonlyArray<readonly [column: string, samples: readonly string[]]>
): Record<string, TimestampFormat> {
  const out: Record<string, TimestampFormat> = {};
  const undecided: string[] = [];
  const votes = { mdy: 0, dmy: 0 };
  let dotted = false;
  for (const [column, samples] of columns) {
    const detail = detectTimestampFormatDetail(samples);
    out[column] = detail.format;
    if (detail.format !== 'mdy' && detail.format !== 'dmy') continue;
    const values = samples.map((s) => s.trim()).filter((s) => s !== '');
    const mdy = values.filter(PATTERNS.mdy).length;
    const dmy = values.filter(PATTERNS.dmy).length;
    dotted ||= values.some((v) => /^\d{1,2}\s*\.\s*\d{1,2}\s*\./.test(v));
    if (mdy === dmy) undecided.push(column);
    else votes[mdy > dmy ? 'mdy' : 'dmy'] += Math.abs(mdy - dmy);
  }
  const order =
    votes.mdy === votes.dmy ? (dotted ? 'dmy' : 'mdy') : votes.mdy > votes.dmy ? 'mdy' : 'dmy';
  for (const column of undecided) out[column] = order;
  return out;
}
