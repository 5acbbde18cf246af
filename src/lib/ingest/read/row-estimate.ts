/**
 * How many rows a text file holds, estimated before it is read (file size ÷ the bytes per
 * line of its first KiBs), and whether this tab can hold that many.
 */
import { isGzip, isParquet } from './decode';
import { LoadError } from '../load/load-error';

/** Bytes read from the head of the file to measure its bytes per line. */
export const ROW_SAMPLE_BYTES = 256 * 1024;

/**
 * Peak memory of the tab per ticket row while a canonical CSV loads (the file's bytes, the
 * typed read, the tickets table with its derived columns, the previous tickets kept until the
 * load commits). Measured in headless Chromium 156 with duckdb-wasm 1.32 on 2026-12-02: a
 * 1,000,000-row canonical file (255 MB) took the tab's renderer to a peak RSS of 1,499 MiB,
 * the bundled data and the app included, so this errs on the safe side.
 */
export const PEAK_BYTES_PER_ROW = Math.ceil((1499 * 2 ** 20) / 1_000_000);

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40
};

/** Bytes of a DuckDB size setting (`3.1 GiB`, `512.0 MiB`); null when it is not one. */
export function parseMemorySize(text: string): number | null {
  const match = /^\s*([\d.]+)\s*([KMGT]?I?B)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toUpperCase()] : undefined;
  return match && unit ? Number(match[1]) * unit : null;
}

const NEWLINE = 0x0a;

/**
 * Rows (lines after the header) in a file of `totalBytes` whose first bytes are `head`;
 * null for a compressed or binary format, or when the head holds no complete row.
 */
export function estimateRows(head: Uint8Array, totalBytes: number): number | null {
  if (isGzip(head) || isParquet(head)) return null;
  const headerEnd = head.indexOf(NEWLINE);
  const lastEnd = head.lastIndexOf(NEWLINE);
  if (headerEnd < 0 || lastEnd <= headerEnd) return null;
  let lines = 0;
  for (let i = headerEnd + 1; i <= lastEnd; i++) if (head[i] === NEWLINE) lines++;
  const bytesPerRow = (lastEnd - headerEnd) / lines;
  return Math.round((totalBytes - headerEnd - 1) / bytesPerRow);
}

/** Rows this tab's database can hold while loading, given its memory limit in bytes. */
export function tabRowLimit(memoryLimitBytes: number): number {
  return Math.floor(memoryLimitBytes / PEAK_BYTES_PER_ROW);
}

/** "5.2 million", "870,000": a row count as a manager reads it. */
export function aboutRows(rows: number): string {
  if (rows >= 1_000_000) {
    return `${(rows / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} million`;
  }
  const rounded = Number(rows.toPrecision(2));
  return rounded.toLocaleString('en');
}

/** Throws a `too-large` LoadError, before anything is read, when the rows would not fit. */
export function assertRowsFit(name: string, rows: number | null, limit: number): void {
  if (rows === null || rows <= limit) return;
  throw new LoadError(
    'too-large',
    `"${name}" has about ${aboutRows(rows)} rows; this browser tab holds about ` +
      `${aboutRows(limit)}. Nothing was read. The command line takes files of any size: ` +
      `run \`npm run kpi -- ${name}\` in the project folder for its figures, or split the file ` +
      '(e.g. by month) and load one part here.'
  );
}
