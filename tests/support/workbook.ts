/** Workbooks written by SheetJS inside the tests (no binary fixtures in the repository). */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { columnSpec } from '../../src/lib/contract/columns';

export type Cell = XLSX.CellObject | string | number | boolean | null;
export type BookType = 'xlsx' | 'biff8' | 'ods';

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The Excel serial number of a naive `YYYY-MM-DD HH:MM:SS`, computed here independently. */
export function serialOf(text: string, date1904 = false): number {
  const [date = '', time = '00:00:00'] = text.split(' ');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  return (ms - (date1904 ? EPOCH_1904 : EPOCH_1900)) / 86_400_000;
}

/** A typed date cell: a serial number with a date-time number format. */
export function dateCell(text: string, date1904 = false): XLSX.CellObject {
  return { t: 'n', v: serialOf(text, date1904), z: 'yyyy-mm-dd hh:mm:ss' };
}

/** Writes sheets (name → rows) as a workbook of the given type. */
export function writeWorkbook(
  sheets: ReadonlyArray<[string, Cell[][]]>,
  bookType: BookType = 'xlsx',
  options: { date1904?: boolean; compression?: boolean } = {}
): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of sheets) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  }
  if (options.date1904) book.Workbook = { ...book.Workbook, WBProps: { date1904: true } };
  const compression = options.compression ?? false;
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType, compression }) as ArrayBuffer);
}

/**
 * The rows of a canonical ticket CSV as typed cells: timestamps as serial dates, numbers as
 * numbers, booleans as booleans, everything else as text; empty fields stay empty.
 */
export function canonicalRows(csv: string): Cell[][] {
  const [header = [], ...rows] = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  const types = header.map((name) => columnSpec(name)?.type);
  return [
    header,
    ...rows.map((row) =>
      row.map((value, i): Cell => {
        if (value === '') return null;
        const type = types[i];
        if (type === 'ts') return dateCell(value);
        if (type === 'num' || type === 'int') return Number(value);
        if (type === 'bool' && (value === 'true' || value === 'false')) return value === 'true';
        return value;
      })
    )
  ];
}
