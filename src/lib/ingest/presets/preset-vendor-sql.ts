/**
 * Trusted SQL building blocks shared by the vendor-export presets (Zendesk, Freshdesk, ServiceNow,
 * Jira): finding columns by their exported name, reading timestamps and durations, mapping codes.
 * Every value a preset builds comes out as text in the contract's form, so the loader validates it.
 */
import { literal } from './preset-types';

/**
 * Finds columns by their exported name, trimmed and case-insensitive but otherwise exact:
 * vendor names such as "Custom field (Time to resolution)" differ only inside parentheses,
 * which the general header matcher ignores.
 */
export function vendorColumns(header: readonly string[]) {
  const names = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase()
  );
  const index = (...aliases: string[]): number => {
    for (const alias of aliases) {
      const i = names.indexOf(alias.toLowerCase());
      if (i >= 0) return i;
    }
    return -1;
  };
  return {
    has: (...aliases: string[]) => index(...aliases) >= 0,
    /** `cN` of the first alias present; throws naming the first alias when none is. */
    col(...aliases: string[]): string {
      const i = index(...aliases);
      if (i < 0) throw new Error(`preset expects a column named "${aliases[0]}"`);
      return `c${i}`;
    },
    /** `cN` of the first alias present, or null. */
    optional(...aliases: string[]): string | null {
      const i = index(...aliases);
      return i < 0 ? null : `c${i}`;
    }
  };
}

/** The cell's trimmed text, NULL when empty. */
export const cell = (col: string): string => `NULLIF(trim(${col}), '')`;

/** The cell as a number (NULL when empty or not a number). */
export const numberOf = (col: string): string => `TRY_CAST(trim(${col}) AS DOUBLE)`;

/** A reject rule for a duration cell that holds something other than a number. */
export function notANumber(col: string, header: string): { when: string; reason: string } {
  return {
    when: `${cell(col)} IS NOT NULL AND ${numberOf(col)} IS NULL`,
    reason: `"${header}" is not a number`
  };
}

/**
 * How a vendor writes timestamps: the cell as text the loader reads (it parses ISO itself and
 * reports unreadable values by name), and that time moved by a number of seconds.
 * Both stay small: the loader repeats a column's SQL in each of its checks.
 */
export interface TimeReader {
  text(col: string): string;
  /** The cell's time plus `seconds` (SQL), as text in the cell's own offset; NULL if unreadable. */
  shifted(col: string, seconds: string): string;
}

/** A time of day followed by an offset (`…09:15:00Z`, `…09:15 +0200`); group 1 is the offset. */
const TIME_AND_OFFSET = `'(\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?)\\s*(Z|z|[+-]\\d\\d(?::?\\d\\d)?)$'`;

const plusSeconds = (ts: string, seconds: string): string =>
  `make_timestamp(epoch_us(${ts}) + CAST(round((${seconds}) * 1000000) AS BIGINT))`;

/** ISO 8601 with or without an offset (`2026-03-01 09:15`, `2026-03-01T09:15:00Z`, `… +0800`). */
export const ISO_TIME: TimeReader = {
  text: (col) => `NULLIF(regexp_replace(trim(${col}), ${TIME_AND_OFFSET}, '\\1\\2'), '')`,
  shifted(col, seconds) {
    const wall = `TRY_CAST(regexp_replace(trim(${col}), ${TIME_AND_OFFSET}, '\\1') AS TIMESTAMP)`;
    const offset = `regexp_extract(trim(${col}), ${TIME_AND_OFFSET}, 2)`;
    // A wall-clock time moved by a duration keeps its offset, so the instant moves by the duration.
    return `strftime(${plusSeconds(wall, seconds)}, '%Y-%m-%d %H:%M:%S') || ${offset}`;
  }
};

/** A timestamp cell as text the loader reads; an unreadable value is passed on by name. */
export function timestampCell(reader: TimeReader, col: string): string {
  return reader.text(col);
}

/** The cell's time moved by `seconds` (SQL); NULL when the cell or the seconds are unreadable. */
export function timeText(reader: TimeReader, col: string, seconds: string): string {
  return reader.shifted(col, seconds);
}

/** `CASE lower(trim(x)) WHEN source THEN code … ELSE fallback END` from a constant table. */
export function codeMap(
  col: string,
  codes: Readonly<Record<string, string | null>>,
  fallback = `lower(${cell(col)})`
): string {
  const arms = Object.entries(codes)
    .map(([from, to]) => `WHEN ${literal(from)} THEN ${to === null ? 'NULL' : literal(to)}`)
    .join(' ');
  return `CASE lower(${cell(col)}) ${arms} ELSE ${fallback} END`;
}

/** A free-text channel name as a lower-case code: known names mapped, others snake_cased. */
export function channelCode(col: string, codes: Readonly<Record<string, string>>): string {
  const snake = `NULLIF(trim(regexp_replace(lower(${cell(col)}), '[^a-z0-9]+', '_', 'g'), '_'), '')`;
  return codeMap(col, codes, snake);
}

/**
 * The first candidate whose cell is present, when `condition` holds (NULL otherwise). The
 * candidates' own columns come first in the SQL, so the load report names them as its source.
 */
export function firstPresent(
  candidates: ReadonlyArray<{ present: string; value: string }>,
  condition = 'true'
): string {
  const arms = candidates.map((c) => `WHEN ${c.present} AND ${condition} THEN ${c.value}`);
  return `CASE ${arms.join(' ')} END`;
}

/** platform from a channel cell: names whose channel code is `phone` or `web` (else NULL). */
export function platformOf(col: string, codes: Readonly<Record<string, string>>): string {
  const names = (code: string) =>
    Object.entries(codes)
      .filter(([, to]) => to === code)
      .map(([from]) => literal(from))
      .join(', ');
  const name = `lower(${cell(col)})`;
  return `CASE WHEN ${name} IN (${names('phone')}) THEN 'phone' WHEN ${name} IN (${names('web')}) THEN 'web' END`;
}
