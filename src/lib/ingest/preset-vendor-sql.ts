/**
 * Trusted SQL building blocks shared by the vendor-export presets (Zendesk, Freshdesk, ServiceNow,
 * Jira): finding columns by their exported name, reading timestamps and durations, mapping codes.
 * Every value a preset builds comes out as text in the contract's form, so the loader validates it.
 */
import { literal } from './preset-types';
import { hasOffsetSql, instantSql, timestampSql } from './timestamp-formats';

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

const FMT = "'%Y-%m-%d %H:%M:%S'";

/** How a vendor writes timestamps: SQL for the wall-clock TIMESTAMP and, if any, the UTC instant. */
export interface TimeReader {
  wall(col: string): string;
  instant(col: string): string | null;
}

/** Joins an offset written after a space (`… 09:15:00 +0200`) to the time, as ISO casts need. */
const joinOffset = (col: string): string =>
  `regexp_replace(trim(${col}), '\\s+([+-]\\d\\d(:?\\d\\d)?)$', '\\1')`;

/** ISO 8601 text with or without an offset (`2026-03-01 09:15`, `2026-03-01T09:15:00Z`). */
export const ISO_TIME: TimeReader = {
  wall: (col) => timestampSql('iso', joinOffset(col)),
  instant: (col) => instantSql('iso', joinOffset(col))
};

function shifted(ts: string, seconds: string | null): string {
  if (seconds === null) return ts;
  return `make_timestamp(epoch_us(${ts}) + CAST(round((${seconds}) * 1000000) AS BIGINT))`;
}

/**
 * ISO text for a timestamp cell, optionally moved by `seconds` (SQL): naive values stay naive
 * (the dataset's time zone), values naming an instant become UTC with `Z`. NULL when unreadable.
 */
export function timeText(reader: TimeReader, col: string, seconds: string | null = null): string {
  const wall = `strftime(${shifted(reader.wall(col), seconds)}, ${FMT})`;
  const instant = reader.instant(col);
  if (instant === null) return wall;
  return `CASE WHEN ${hasOffsetSql(col)} THEN strftime(${shifted(instant, seconds)}, ${FMT}) || 'Z' ELSE ${wall} END`;
}

/** A timestamp cell as ISO text; an unreadable value is passed on so the loader rejects it by name. */
export function timestampCell(reader: TimeReader, col: string): string {
  return `coalesce(${timeText(reader, col)}, ${cell(col)})`;
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
