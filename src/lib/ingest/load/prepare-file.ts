import { columnSpec, COLUMN_NAMES, REQUIRED_COLUMNS } from '../../contract/columns';
import { isParquet, maybeGunzip, toUtf8 } from '../read/decode';
import { detectEventLog, foldSuggestion } from '../events/detect-event-log';
import { eventLogPlan, foldEvidence } from '../events/event-folding';
import { LoadError } from './load-error';
import type { Mapping, MappingEvidence, SuggestedMapping } from '../map/mapping-types';
import { parquetToCsvBytes } from '../read/parquet';
import { presetById, type PresetPlan } from '../presets/presets';
import { sniffCsv } from '../read/sniff';
import {
  spreadsheetToCsv,
  workbookEvidence,
  type SpreadsheetOptions,
  type WorkbookInfo
} from '../read/spreadsheet-source';
import { suggestMapping } from '../map/suggest-mapping';
import { detectFileTimestampFormats } from './timestamp-formats';
import { isXes, xesToCsvBytes } from '../read/xes';

/** A file made ready for DuckDB: UTF-8 bytes, its dialect, its header and a mapping. */
export interface PreparedFile {
  bytes: Uint8Array;
  encoding: string;
  encodingEvidence: string;
  delimiter: string;
  /** Why this delimiter (and header notes: duplicates, blanks). */
  dialectEvidence: string;
  header: string[];
  duplicateHeaders: string[];
  sampleRows: string[][];
  mapping: Mapping;
  evidence: MappingEvidence[];
  missingRequired: string[];
  /** Source values of mapped enum columns that matched no canonical code (from the sample). */
  unmatchedValues: SuggestedMapping['unmatchedValues'];
  /** True when the user supplied the mapping; false when the loader suggested it. */
  userMapping: boolean;
  /** True when every header name is already a canonical column name. */
  canonicalHeader: boolean;
  plan: PresetPlan | null;
  /** The workbook and sheet the rows came from, for a spreadsheet. */
  workbook: WorkbookInfo | null;
  /** Why the loader took the file for an event log; empty when it did not guess one. */
  eventLogEvidence: string[];
  /** True when a NUL byte occurs past the sample (one inside it refuses the file as binary). */
  containsNul: boolean;
}

const HEAD_BYTES = 256 * 1024;

/** A mapping, or a lookup that may supply one once the header is known (a remembered mapping). */
export type MappingSource = Mapping | ((header: readonly string[]) => Mapping | undefined);

/**
 * Decodes, sniffs and maps a file; throws a LoadError a person can act on. A given mapping is
 * copied, never changed; with `complete`, its timestamp columns that name no format get the
 * format their sample values are written in.
 */
export async function prepareFile(
  input: Uint8Array,
  mappingSource?: MappingSource,
  options: { complete?: boolean; spreadsheet?: SpreadsheetOptions } = {}
): Promise<PreparedFile> {
  if (input.length === 0) throw new LoadError('empty', 'The file is empty.');
  let bytes: Uint8Array;
  let container: 'parquet' | 'xes' | null = null;
  let workbook: WorkbookInfo | null = null;
  try {
    bytes = await maybeGunzip(input, options.spreadsheet?.sizeLimit);
    if (isParquet(bytes)) {
      bytes = (await parquetToCsvBytes(bytes)).bytes;
      container = 'parquet';
    } else if (isXes(bytes)) {
      bytes = xesToCsvBytes(bytes);
      container = 'xes';
    }
    const sheet = await spreadsheetToCsv(bytes, options.spreadsheet);
    if (sheet) ({ bytes, workbook } = sheet);
  } catch (error) {
    if (error instanceof LoadError || isAbort(error)) throw error;
    throw new LoadError('unreadable', errorMessage(error));
  }
  let decoded: ReturnType<typeof toUtf8>;
  let sniffed: ReturnType<typeof sniffCsv>;
  try {
    decoded = toUtf8(bytes);
    sniffed = sniffCsv(new TextDecoder('utf-8').decode(decoded.bytes.subarray(0, HEAD_BYTES)), {
      truncated: decoded.bytes.length > HEAD_BYTES
    });
  } catch (error) {
    throw new LoadError('not-text', errorMessage(error));
  }
  const given = typeof mappingSource === 'function' ? mappingSource(sniffed.header) : mappingSource;
  const mapping = given && copyMapping(given);
  if (mapping && options.complete) detectMissingFormats(mapping, sniffed.sampleRows);
  let suggestion = mapping ? null : suggestMapping(sniffed.header, sniffed.sampleRows);
  // A file in the contract's own vocabulary is a ticket log: a repeated ticket_id is an error.
  const canonicalHeader = sniffed.header.every((h) => COLUMN_NAMES.includes(h));
  const detected =
    suggestion && !suggestion.mapping.presetId && !canonicalHeader
      ? detectEventLog(sniffed.header, sniffed.sampleRows, suggestion)
      : null;
  if (suggestion && detected) suggestion = foldSuggestion(suggestion, detected);
  const chosen = mapping ?? suggestion!.mapping;
  const plan = chosen.presetId
    ? presetById(chosen.presetId).plan(sniffed.header, sniffed.sampleRows)
    : chosen.events
      ? eventLogPlan(chosen)
      : null;
  const built = new Set(Object.keys(plan?.expressions ?? {}));
  return {
    bytes: decoded.bytes,
    encoding: workbook?.format ?? container ?? decoded.encoding,
    encodingEvidence: workbook ? workbookEvidence(workbook) : decoded.evidence,
    delimiter: sniffed.delimiter,
    dialectEvidence: sniffed.evidence,
    header: sniffed.header,
    duplicateHeaders: sniffed.duplicateHeaders,
    sampleRows: sniffed.sampleRows,
    mapping: chosen,
    evidence: [
      ...(suggestion?.evidence ?? userEvidence(chosen, sniffed.header)),
      ...(plan && chosen.events && !chosen.presetId ? foldEvidence(plan, sniffed.header) : [])
    ],
    missingRequired: REQUIRED_COLUMNS.filter(
      (c) => chosen.columns[c] === undefined && !built.has(c) && chosen.constants?.[c] === undefined
    ),
    unmatchedValues: suggestion?.unmatchedValues ?? {},
    userMapping: mapping !== undefined,
    canonicalHeader,
    plan,
    workbook,
    eventLogEvidence: detected?.evidence ?? [],
    containsNul: decoded.bytes.indexOf(0) >= 0
  };
}

function copyMapping(mapping: Mapping): Mapping {
  const values = Object.entries(mapping.values).map(([column, map]) => [column, { ...map }]);
  const copy: Mapping = { columns: { ...mapping.columns }, values: Object.fromEntries(values) };
  if (mapping.timestampFormats) copy.timestampFormats = { ...mapping.timestampFormats };
  if (mapping.units) copy.units = { ...mapping.units };
  if (mapping.constants) copy.constants = { ...mapping.constants };
  if (mapping.presetId !== undefined) copy.presetId = mapping.presetId;
  if (mapping.events) {
    const marks = Object.entries(mapping.events.marks).map(([mark, list]) => [mark, [...list!]]);
    copy.events = { ...mapping.events, marks: Object.fromEntries(marks) };
  }
  return copy;
}

function detectMissingFormats(mapping: Mapping, rows: readonly (readonly string[])[]): void {
  const columns = Object.entries(mapping.columns).filter(
    ([column, index]) => index !== undefined && columnSpec(column)?.type === 'ts'
  );
  if (columns.every(([column]) => mapping.timestampFormats?.[column] !== undefined)) return;
  const detected = detectFileTimestampFormats(
    columns.map(([column, index]) => [column, rows.map((r) => r[index!] ?? '')] as const)
  );
  const formats = { ...mapping.timestampFormats };
  for (const [column] of columns) formats[column] ??= detected[column];
  mapping.timestampFormats = formats;
}

function userEvidence(mapping: Mapping, header: string[]): MappingEvidence[] {
  return Object.entries(mapping.columns).map(([column, index]) => ({
    column,
    sourceIndex: index!,
    sourceHeader: header[index!] ?? '',
    reason: 'saved mapping',
    confidence: 'user' as const
  }));
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
