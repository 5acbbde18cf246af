import { columnSpec, COLUMN_NAMES, REQUIRED_COLUMNS } from '../contract/columns';
import { isParquet, maybeGunzip, toUtf8 } from './decode';
import { LoadError } from './load-error';
import type { Mapping, MappingEvidence, SuggestedMapping } from './mapping-types';
import { parquetToCsvBytes } from './parquet';
import { presetById, type PresetPlan } from './presets';
import { sniffCsv } from './sniff';
import { suggestMapping } from './suggest-mapping';
import { detectTimestampFormat } from './timestamp-formats';

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
  options: { complete?: boolean } = {}
): Promise<PreparedFile> {
  if (input.length === 0) throw new LoadError('empty', 'The file is empty.');
  let bytes: Uint8Array;
  let fromParquet = false;
  try {
    bytes = await maybeGunzip(input);
    if (isParquet(bytes)) {
      bytes = (await parquetToCsvBytes(bytes)).bytes;
      fromParquet = true;
    }
  } catch (error) {
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
  const suggestion = mapping ? null : suggestMapping(sniffed.header, sniffed.sampleRows);
  const chosen = mapping ?? suggestion!.mapping;
  const plan = chosen.presetId
    ? presetById(chosen.presetId).plan(sniffed.header, sniffed.sampleRows)
    : null;
  const built = new Set(Object.keys(plan?.expressions ?? {}));
  return {
    bytes: decoded.bytes,
    encoding: fromParquet ? 'parquet' : decoded.encoding,
    encodingEvidence: decoded.evidence,
    delimiter: sniffed.delimiter,
    dialectEvidence: sniffed.evidence,
    header: sniffed.header,
    duplicateHeaders: sniffed.duplicateHeaders,
    sampleRows: sniffed.sampleRows,
    mapping: chosen,
    evidence: suggestion?.evidence ?? userEvidence(chosen, sniffed.header),
    missingRequired: REQUIRED_COLUMNS.filter(
      (c) => chosen.columns[c] === undefined && !built.has(c) && chosen.constants?.[c] === undefined
    ),
    unmatchedValues: suggestion?.unmatchedValues ?? {},
    userMapping: mapping !== undefined,
    canonicalHeader: sniffed.header.every((h) => COLUMN_NAMES.includes(h)),
    plan
  };
}

function copyMapping(mapping: Mapping): Mapping {
  const values = Object.entries(mapping.values).map(([column, map]) => [column, { ...map }]);
  const copy: Mapping = { columns: { ...mapping.columns }, values: Object.fromEntries(values) };
  if (mapping.timestampFormats) copy.timestampFormats = { ...mapping.timestampFormats };
  if (mapping.constants) copy.constants = { ...mapping.constants };
  if (mapping.presetId !== undefined) copy.presetId = mapping.presetId;
  return copy;
}

function detectMissingFormats(mapping: Mapping, rows: readonly (readonly string[])[]): void {
  for (const [column, index] of Object.entries(mapping.columns)) {
    if (index === undefined || columnSpec(column)?.type !== 'ts') continue;
    if (mapping.timestampFormats?.[column] !== undefined) continue;
    mapping.timestampFormats = {
      ...mapping.timestampFormats,
      [column]: detectTimestampFormat(rows.map((r) => r[index] ?? ''))
    };
  }
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
