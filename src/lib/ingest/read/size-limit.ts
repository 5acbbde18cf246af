/** The largest upload a tab should try to load, checked before the file is read. */
import { LIMITS } from '../../limits';
import { LoadError } from '../load/load-error';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** Bytes: `LIMITS.fileBytes` (1 GiB), or an eighth of the device memory when the browser reports less than 8 GiB. */
export function fileSizeLimit(deviceMemoryGiB?: number): number {
  const max = LIMITS.fileBytes.max;
  if (deviceMemoryGiB === undefined || !Number.isFinite(deviceMemoryGiB) || deviceMemoryGiB <= 0) {
    return max;
  }
  return Math.min(max, Math.max(64 * MiB, (deviceMemoryGiB * GiB) / 8));
}

/** `1.5 GiB`, `300 MiB`, `12 KiB`, `80 B`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
}

/** Throws a `too-large` LoadError naming the file's size and the limit. */
export function assertFileSize(name: string, size: number, limit: number): void {
  if (size <= limit) return;
  throw new LoadError(
    'too-large',
    `"${name}" is ${formatBytes(size)}; files up to ${formatBytes(limit)} are loaded. ` +
      'Nothing was read. Split the file (e.g. by month) or export fewer columns, then load a part.'
  );
}

/**
 * Throws a `too-large` LoadError when a workbook's unpacked size (the sum of its zip entries'
 * declared uncompressed sizes) is over the limit: checked before anything is inflated.
 */
export function assertUnpackedSize(format: string, unpacked: number, limit: number): void {
  if (unpacked <= limit) return;
  throw new LoadError(
    'too-large',
    `This ${format} workbook unpacks to ${formatBytes(unpacked)} (the sum of its zip entries' ` +
      `uncompressed sizes); files up to ${formatBytes(limit)} are loaded. Nothing was parsed. ` +
      'Save fewer rows or columns per workbook (e.g. one month), or export the sheet as CSV.'
  );
}

/** Throws a `too-large` LoadError when a workbook's entries inflate past the limit despite smaller declared sizes. */
export function assertInflatedSize(
  format: string,
  declared: number,
  inflated: number,
  limit: number
): void {
  if (inflated <= limit) return;
  throw new LoadError(
    'too-large',
    `This ${format} workbook declares ${formatBytes(declared)} unpacked, but its data inflates ` +
      `past ${formatBytes(limit)}; files up to ${formatBytes(limit)} are loaded. Nothing was ` +
      'parsed. The archive may be damaged or built to exhaust memory: open it in a spreadsheet ' +
      'program and save it again.'
  );
}

/**
 * Throws a `too-large` LoadError when a gzip file inflates past the limit (counted while
 * inflating) or its trailer declares more (`declared`, checked before).
 */
export function assertGunzippedSize(
  compressed: number,
  inflated: number,
  limit: number,
  declared = false
): void {
  if (inflated <= limit) return;
  const size = declared
    ? `declares ${formatBytes(inflated)} unpacked`
    : `expands to more than ${formatBytes(limit)}`;
  throw new LoadError(
    'too-large',
    `This gzip file (${formatBytes(compressed)}) ${size}; files up to ${formatBytes(limit)} ` +
      `unpacked are loaded. ${declared ? 'Nothing was decompressed' : 'Decompression stopped there'} ` +
      'and nothing was loaded. Split the data (e.g. by month) and compress each part; a file ' +
      'that should be small may be damaged or built to exhaust memory.'
  );
}
