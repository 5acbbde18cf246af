import Papa from 'papaparse';
import { COLUMN_NAMES, REQUIRED_COLUMNS } from '../contract/columns';
import { LoadError } from './load-error';
import type { Mapping, MappingEvidence } from './mapping-types';

/** A file made ready for DuckDB: UTF-8 bytes, its dialect, its header and a mapping. */
export interface PreparedFile {
  bytes: Uint8Array;
  encoding: string;
  delimiter: string;
  header: string[];
  sampleRows: string[][];
  mapping: Mapping;
  evidence: MappingEvidence[];
  missingRequired: string[];
}

const HEAD_BYTES = 256 * 1024;

export async function prepareFile(input: Uint8Array, mapping?: Mapping): Promise<PreparedFile> {
  if (input.length === 0) throw new LoadError('empty', 'The file is empty.');
  const bytes = isGzip(input) ? await gunzip(input) : input;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, HEAD_BYTES)).replace(/^\ufeff/, '');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '|'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best
  );
  const parsed = Papa.parse<string[]>(head, { delimiter, preview: 21, skipEmptyLines: true });
  const header = (parsed.data[0] ?? []).map((h) => h.trim());
  if (header.length === 0) throw new LoadError('empty', 'The file has no header line.');
  const chosen = mapping ?? canonicalMapping(header);
  const evidence = Object.entries(chosen.columns).map(([column, index]) => ({
    column,
    sourceIndex: index!,
    sourceHeader: header[index!] ?? '',
    reason: 'same name as the data contract',
    confidence: 'exact' as const
  }));
  return {
    bytes,
    encoding: 'utf-8',
    delimiter,
    header,
    sampleRows: parsed.data.slice(1),
    mapping: chosen,
    evidence,
    missingRequired: REQUIRED_COLUMNS.filter((c) => chosen.columns[c] === undefined)
  };
}

function canonicalMapping(header: string[]): Mapping {
  const columns: Mapping['columns'] = {};
  header.forEach((name, index) => {
    const key = name.toLowerCase();
    if (COLUMN_NAMES.includes(key) && columns[key] === undefined) columns[key] = index;
  });
  return { columns, values: {} };
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
