/**
 * Timestamps as the Chinese service platforms' open APIs write them: epoch milliseconds (Sobot
 * createTime, Lark helpdesk created_at …). A file saved from a console or a spreadsheet may hold
 * `yyyy-MM-dd HH:mm:ss` in the same column, which is read like any ISO cell.
 */
import { literal } from './preset-types';
import { ISO_TIME, type TimeReader } from './preset-vendor-sql';

const trimmed = (col: string): string => `trim(${col})`;
const asNumber = (col: string): string => `TRY_CAST(${trimmed(col)} AS BIGINT)`;
/** 12 or 13 digits: epoch milliseconds from 1973 to 2286. */
const isEpochMs = (col: string): string =>
  `${asNumber(col)} BETWEEN 100000000000 AND 9999999999999`;
/**
 * Cells that mean "no time": the 0 and -1 the APIs return for a time that is not set (Lark:
 * "没有值时为-1") and the dashes consoles print (`-`, `--`, `—`). Plain comparisons, not an IN
 * list or a regex: the loader nests this SQL in each of its checks, and those made the plan
 * many times slower to build.
 */
const isNoTime = (col: string): string =>
  `${asNumber(col)} IN (0, -1) OR trim(${trimmed(col)}, '-—') = ''`;
const utcText = (ms: string): string =>
  `strftime(make_timestamp(${ms} * 1000), '%Y-%m-%d %H:%M:%S') || 'Z'`;

/**
 * Epoch milliseconds (an instant, written as UTC `…Z`), else the cell as written (ISO or
 * `yyyy-MM-dd HH:mm:ss`, which the loader reads in the dataset time zone and names when
 * unreadable).
 */
export const EPOCH_MS_TIME: TimeReader = {
  text: (col) =>
    `CASE WHEN ${isEpochMs(col)} THEN ${utcText(asNumber(col))} WHEN ${isNoTime(col)} THEN NULL ELSE NULLIF(${trimmed(col)}, '') END`,
  shifted: (col, seconds) =>
    `CASE WHEN ${isEpochMs(col)} THEN ${utcText(`(${asNumber(col)} + CAST(round((${seconds}) * 1000) AS BIGINT))`)} WHEN ${isNoTime(col)} THEN NULL ELSE ${ISO_TIME.shifted(col, seconds)} END`
};

/** The cell as an integer code's text (` 3 ` → `3`). */
export function codeOf(col: string): string {
  return trimmed(col);
}

/** `CASE code WHEN from THEN to … ELSE fallback END` over an integer code cell, from a constant table. */
export function numericCodeMap(
  col: string,
  codes: Readonly<Record<string, string | null>>,
  fallback = 'NULL'
): string {
  const arms = Object.entries(codes)
    .map(([from, to]) => `WHEN ${literal(from)} THEN ${to === null ? 'NULL' : literal(to)}`)
    .join(' ');
  return `CASE ${codeOf(col)} ${arms} ELSE ${fallback} END`;
}
