/** One sheet of an .xlsx / .xls / .ods workbook as RFC 4180 CSV bytes (SheetJS). */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { LoadError } from '../load/load-error';
import { cellText, type CellContext, type SheetCell } from './sheet-cell';
import type {
  SheetCsv,
  SheetProgress,
  SheetRequest,
  SheetSummary,
  SpreadsheetFormat
} from './spreadsheet-source';

// Code pages: pre-2007 .xls files store text in the writer's code page (GBK for Chinese Excel).
XLSX.set_cptable(cptable);

const FORMAT_LABEL: Record<SpreadsheetFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  xlsb: 'Excel binary (.xlsb)',
  xls: 'Excel 97–2003 (.xls)',
  ods: 'OpenDocument (.ods)'
};
const PROGRESS_ROWS = 5000;
const CHUNK_ROWS = 10_000;

type Grid = (SheetCell | undefined)[][];

function hasContent(cell: SheetCell | undefined): boolean {
  if (!cell || cell.t === 'z') return false;
  return !(cell.t === 's' && (cell.v === '' || cell.v === undefined));
}

/** The sheet's non-empty rows (their indices) and the columns they span. */
interface Layout {
  rows: number[];
  firstColumn: number;
  lastColumn: number;
  /** Title or notes rows above the header, left out. */
  titles: number;
}

const TITLE_SCAN_ROWS = 20;

function filledCells(row: readonly (SheetCell | undefined)[] | undefined): number {
  return (row ?? []).reduce((n, cell) => n + (hasContent(cell) ? 1 : 0), 0);
}

/**
 * How many of the first non-empty rows are a title or notes block above the header (a report
 * name in a merged cell, "导出时间：…"): rows filling less than 60 % of the widest row near the
 * top. The header is the first row as wide as a table's.
 */
function titleRows(grid: Grid, rows: readonly number[]): number {
  const top = rows.slice(0, TITLE_SCAN_ROWS).map((r) => filledCells(grid[r]));
  const widest = Math.max(0, ...top);
  if (widest < 2) return 0;
  const header = top.findIndex((n) => n >= Math.max(2, Math.ceil(widest * 0.6)));
  return Math.max(0, header);
}

function layout(grid: Grid): Layout {
  const rows: number[] = [];
  let firstColumn = Infinity;
  let lastColumn = -1;
  grid.forEach((row, r) => {
    if (!row) return;
    let any = false;
    row.forEach((cell, c) => {
      if (!hasContent(cell)) return;
      any = true;
      if (c < firstColumn) firstColumn = c;
      if (c > lastColumn) lastColumn = c;
    });
    if (any) rows.push(r);
  });
  const titles = titleRows(grid, rows);
  if (titles === 0) return { rows, firstColumn: rows.length ? firstColumn : 0, lastColumn, titles };
  const kept = rows.slice(titles);
  let first = Infinity;
  let last = -1;
  for (const r of kept) {
    (grid[r] ?? []).forEach((cell, c) => {
      if (!hasContent(cell)) return;
      first = Math.min(first, c);
      last = Math.max(last, c);
    });
  }
  return { rows: kept, firstColumn: first, lastColumn: last, titles };
}

function parseWorkbook(bytes: Uint8Array, format: SpreadsheetFormat): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellText: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LoadError(
      'unreadable',
      `This ${FORMAT_LABEL[format]} workbook could not be read (${reason}). ` +
        'Open it in a spreadsheet program and save it again, or export the sheet as CSV.'
    );
  }
}

function chooseSheet(
  summaries: readonly SheetSummary[],
  layouts: readonly Layout[],
  wanted?: string
): number {
  if (wanted !== undefined) {
    const index = summaries.findIndex((s) => s.name === wanted);
    if (index >= 0) return index;
    const names = summaries.map((s) => `"${s.name}"`).join(', ');
    throw new LoadError(
      'bad-setting',
      `This workbook has no sheet named "${wanted}"; its sheets are ${names}.`
    );
  }
  const withRows = summaries.findIndex((s) => s.rows > 0);
  if (withRows >= 0) return withRows;
  const withHeader = layouts.findIndex((l) => l.rows.length > 0);
  if (withHeader >= 0) return withHeader;
  throw new LoadError('empty', 'Every sheet of this workbook is empty.');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function writeCsv(
  grid: Grid,
  shape: Layout,
  context: CellContext,
  progress: (done: number) => void
): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let lines: string[] = [];
  shape.rows.forEach((r, i) => {
    const row = grid[r] ?? [];
    const fields: string[] = [];
    for (let c = shape.firstColumn; c <= shape.lastColumn; c++) {
      fields.push(csvField(cellText(row[c], context)));
    }
    lines.push(fields.join(','));
    if (lines.length >= CHUNK_ROWS) {
      chunks.push(encoder.encode(`${lines.join('\n')}\n`));
      lines = [];
    }
    if (i > 0 && i % PROGRESS_ROWS === 0) progress(i);
  });
  if (lines.length > 0) chunks.push(encoder.encode(`${lines.join('\n')}\n`));
  return concat(chunks);
}

function layoutNotes(shape: Layout, grid: Grid): string[] {
  const notes: string[] = [];
  const first = shape.rows[0] ?? 0;
  const last = shape.rows[shape.rows.length - 1] ?? 0;
  if (first > 0) notes.push(`header on row ${first + 1}`);
  if (shape.titles > 0) notes.push(`${shape.titles} title row(s) above the header left out`);
  const skipped = last - first + 1 - shape.rows.length;
  if (skipped > 0) notes.push(`${skipped} empty row(s) between the rows left out`);
  if (shape.firstColumn > 0) notes.push(`columns from ${XLSX.utils.encode_col(shape.firstColumn)}`);
  if (grid.length === 0) notes.push('the sheet is empty');
  return notes;
}

/**
 * Reads a workbook and writes one sheet as CSV: the first non-empty row is the header, empty
 * rows are left out, cells are their text except that cells stored as serial dates (1900 or
 * 1904 system) become `YYYY-MM-DD HH:MM:SS` and numbers are plain decimals.
 */
export function workbookToCsv(
  bytes: Uint8Array,
  request: SheetRequest,
  onProgress?: (progress: SheetProgress) => void
): SheetCsv {
  onProgress?.({ stage: 'parse' });
  const book = parseWorkbook(bytes, request.format);
  const context: CellContext = {
    date1904: Boolean(book.Workbook?.WBProps?.date1904),
    isDateFormat: (format) => Boolean(XLSX.SSF.is_date(format))
  };
  const grids = book.SheetNames.map((name) => (book.Sheets[name]?.['!data'] ?? []) as Grid);
  const layouts = grids.map(layout);
  const sheets = book.SheetNames.map((name, i) => ({
    name,
    rows: Math.max(0, (layouts[i]?.rows.length ?? 0) - 1)
  }));
  const index = chooseSheet(sheets, layouts, request.sheet);
  const grid = grids[index]!;
  const shape = layouts[index]!;
  const sheet = sheets[index]!.name;
  const total = Math.max(0, shape.rows.length - 1);
  const csv = writeCsv(grid, shape, context, (done) =>
    onProgress?.({ stage: 'convert', sheet, done, total })
  );
  return {
    bytes: csv,
    workbook: { format: request.format, sheet, sheets, notes: layoutNotes(shape, grid) }
  };
}
