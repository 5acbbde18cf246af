/**
 * Recognises spreadsheet workbooks by their bytes, checks their unpacked size, and hands them
 * to a reader that turns one sheet into CSV bytes. The reader (SheetJS) is loaded only when a
 * workbook arrives; the page passes one that runs in a Web Worker.
 */
import { LoadError } from '../load/load-error';
import { assertInflatedSize, assertUnpackedSize, fileSizeLimit } from './size-limit';
import { inflatedSize, isZip, readZipDirectory, type ZipEntry } from './zip-directory';

export type SpreadsheetFormat = 'xlsx' | 'xlsb' | 'xls' | 'ods';

export interface SheetSummary {
  name: string;
  /** Non-empty rows under the header row; 0 for an empty sheet. */
  rows: number;
}

export interface WorkbookInfo {
  format: SpreadsheetFormat;
  /** The sheet that was read. */
  sheet: string;
  /** Every sheet, in workbook order. */
  sheets: SheetSummary[];
  /** Where the header was and which empty rows were left out. */
  notes: string[];
}

export interface SheetCsv {
  bytes: Uint8Array;
  workbook: WorkbookInfo;
}

export interface SheetRequest {
  format: SpreadsheetFormat;
  /** A sheet name; otherwise the first sheet with data. */
  sheet?: string;
}

/** How far a workbook read has come: parsing the file, then writing the chosen sheet's rows. */
export type SheetProgress =
  { stage: 'parse' } | { stage: 'convert'; sheet: string; done: number; total: number };

export type SpreadsheetReader = (bytes: Uint8Array, request: SheetRequest) => Promise<SheetCsv>;

export interface SpreadsheetOptions {
  sheet?: string;
  /** Largest unpacked size accepted, in bytes (default: `fileSizeLimit()`). */
  sizeLimit?: number;
  /** Reads the workbook; defaults to SheetJS on this thread. */
  read?: SpreadsheetReader;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** The `mimetype` an OpenDocument archive stores uncompressed as its first entry, if it does. */
function openDocumentMimetype(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30 + 8 || view.getUint16(8, true) !== 0) return undefined;
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const size = view.getUint32(18, true);
  const decoder = new TextDecoder('utf-8');
  if (decoder.decode(bytes.subarray(30, 30 + nameLength)) !== 'mimetype') return undefined;
  const start = 30 + nameLength + extraLength;
  return decoder.decode(bytes.subarray(start, Math.min(bytes.length, start + size)));
}

function zipFormat(bytes: Uint8Array, entries: readonly ZipEntry[]): SpreadsheetFormat {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('xl/workbook.bin')) return 'xlsb';
  if (names.has('content.xml')) {
    const mimetype = openDocumentMimetype(bytes);
    if (mimetype === undefined || mimetype === ODS_MIMETYPE) return 'ods';
    throw new LoadError(
      'unreadable',
      `This is an OpenDocument file of type ${mimetype}, not a spreadsheet (.ods).`
    );
  }
  throw new LoadError(
    'unreadable',
    'This is a ZIP archive but not an Excel (.xlsx) or OpenDocument (.ods) workbook: ' +
      'unzip it and load the CSV inside.'
  );
}

function damagedZip(error: unknown): LoadError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LoadError(
    'unreadable',
    `This looks like a ZIP archive (an .xlsx?) but ${reason}: save the workbook again, ` +
      'or export the sheet as CSV.'
  );
}

/**
 * The format of a workbook, its declared unpacked size and (for a zip) its entries, or null
 * when the bytes are no workbook.
 */
export function detectSpreadsheet(
  bytes: Uint8Array
): { format: SpreadsheetFormat; unpackedBytes: number; entries: ZipEntry[] } | null {
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return { format: 'xls', unpackedBytes: bytes.length, entries: [] };
  }
  if (!isZip(bytes)) return null;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (error) {
    throw damagedZip(error);
  }
  const unpackedBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  return { format: zipFormat(bytes, entries), unpackedBytes, entries };
}

async function readOnThisThread(bytes: Uint8Array, request: SheetRequest): Promise<SheetCsv> {
  const { workbookToCsv } = await import('./spreadsheet');
  return workbookToCsv(bytes, request);
}

/**
 * One sheet of a workbook as CSV bytes, or null when `bytes` are no workbook. A workbook whose
 * declared unpacked size is over the limit, or whose entries inflate past it whatever they
 * declare, is refused before it is parsed.
 */
export async function spreadsheetToCsv(
  bytes: Uint8Array,
  options: SpreadsheetOptions = {}
): Promise<SheetCsv | null> {
  const found = detectSpreadsheet(bytes);
  if (!found) return null;
  const limit = options.sizeLimit ?? fileSizeLimit();
  assertUnpackedSize(found.format, found.unpackedBytes, limit);
  let inflated: number;
  try {
    inflated = await inflatedSize(bytes, found.entries, limit);
  } catch (error) {
    throw damagedZip(error);
  }
  assertInflatedSize(found.format, found.unpackedBytes, inflated, limit);
  const read = options.read ?? readOnThisThread;
  return read(bytes, { format: found.format, sheet: options.sheet });
}

/** `xlsx, sheet 'Tickets' (2 sheets: Tickets, Summary)`, for the load report. */
export function workbookEvidence(info: WorkbookInfo): string {
  const names = info.sheets.map((s) => s.name);
  const count = names.length === 1 ? '1 sheet' : `${names.length} sheets: ${names.join(', ')}`;
  const notes = info.notes.length > 0 ? `; ${info.notes.join('; ')}` : '';
  return `${info.format}, sheet '${info.sheet}' (${count})${notes}`;
}
