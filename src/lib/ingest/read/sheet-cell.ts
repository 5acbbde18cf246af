/** One spreadsheet cell as the CSV text the loader reads: dates as naive timestamps, numbers plain. */

/** The fields of a SheetJS cell this module reads. */
export interface SheetCell {
  /** b boolean, n number, s string, d date, e error, z stub. */
  t: string;
  v?: unknown;
  /** The text the spreadsheet displays. */
  w?: string;
  /** The number format. */
  z?: string | number;
}

export interface CellContext {
  /** The workbook counts its serial dates from 1904-01-01 (old Mac Excel). */
  date1904: boolean;
  /** True for a number format that shows a date or a time (SheetJS `SSF.is_date`). */
  isDateFormat: (format: string) => boolean;
}

const SECOND_MS = 1000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;
const YEAR_10000 = Date.UTC(10000, 0, 1);

/** `2024-01-01 12:00:00` for an Excel serial date, or undefined when it names no real date. */
export function serialDateText(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const offset = Math.round(serial * 86_400) * SECOND_MS;
  // The 1900 system counts a 29 February 1900 that never was: serials before it are a day later.
  const epoch = date1904 ? EPOCH_1904 : serial < 60 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  const ms = epoch + offset;
  if (ms >= YEAR_10000) return undefined;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** A number as plain decimal digits: no exponent, no grouping, Excel's 15 significant digits for fractions. */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value))
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!/e/i.test(text)) return text;
  // Only fractions below 1e-6 reach here (every number from 1e21 up is an integer).
  const [mantissa = '', exponent = '0'] = rounded.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  return `${sign}0.${'0'.repeat(-Number(exponent) - 1)}${digits}`;
}

/** The format without its literal text, escapes and bracketed parts (colours, locales, elapsed units). */
function formatTokens(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

/** A date-or-time format that shows a calendar date (not only a time of day or a duration). */
function showsCalendarDate(format: string): boolean {
  return /[yd]|m{3,}/i.test(formatTokens(format));
}

/** Zero-padded whole numbers (`00000`) and text (`@`): the displayed digits are the value. */
function keepsDisplayedDigits(format: string): boolean {
  return /^0+$/.test(format) || format === '@';
}

function numberText(value: number, cell: SheetCell, context: CellContext): string {
  const format = typeof cell.z === 'string' ? cell.z : '';
  if (format !== '' && format !== 'General' && context.isDateFormat(format)) {
    if (!showsCalendarDate(format)) return cell.w ?? plainNumber(value);
    return serialDateText(value, context.date1904) ?? cell.w ?? plainNumber(value);
  }
  if (cell.w !== undefined && keepsDisplayedDigits(format)) return cell.w;
  return plainNumber(value);
}

function dateText(value: Date): string {
  const ms = value.getTime();
  if (Number.isNaN(ms)) return '';
  const iso = value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** The CSV text of a cell; '' for an empty one. */
export function cellText(cell: SheetCell | undefined, context: CellContext): string {
  if (!cell) return '';
  const { v } = cell;
  switch (cell.t) {
    case 'n':
      return typeof v === 'number' ? numberText(v, cell, context) : (cell.w ?? '');
    case 'b':
      return v ? 'true' : 'false';
    case 's':
      return typeof v === 'string' ? v : (cell.w ?? '');
    case 'd':
      return v instanceof Date ? dateText(v) : (cell.w ?? '');
    case 'e':
      return cell.w ?? '#ERROR';
    default:
      return '';
  }
}
