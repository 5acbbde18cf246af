/** Parquet → CSV bytes, for duckdb-wasm builds without the parquet extension. */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { SchemaElement } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import Papa from 'papaparse';

function isUtcTimestamp(element: SchemaElement): boolean {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC;
  return (
    element.converted_type === 'TIMESTAMP_MILLIS' || element.converted_type === 'TIMESTAMP_MICROS'
  );
}

function isDate(element: SchemaElement): boolean {
  return element.logical_type?.type === 'DATE' || element.converted_type === 'DATE';
}

function cell(value: unknown, element: SchemaElement): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (isDate(element)) return iso.slice(0, 10);
    return isUtcTimestamp(element) ? iso : iso.slice(0, -1);
  }
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array)
    return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * Reads a Parquet file (snappy, gzip, zstd, brotli, lz4) and writes its top-level columns
 * as RFC 4180 CSV. Timestamps become ISO 8601: with `Z` when the column is UTC-adjusted,
 * naive otherwise; dates `YYYY-MM-DD`; nested values JSON; binary hex.
 */
export async function parquetToCsvBytes(
  bytes: Uint8Array
): Promise<{ bytes: Uint8Array; header: string[] }> {
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength
  ) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`This Parquet file could not be read: ${reason}`, { cause: error });
  }
  const fields = parquetSchema(metadata).children.map((c) => c.element);
  const header = fields.map((f) => f.name);
  const rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  const data = rows.map((row) => fields.map((f) => cell(row[f.name], f)));
  const csv = Papa.unparse({ fields: header, data }, { newline: '\n' });
  return { bytes: new TextEncoder().encode(`${csv}\n`), header };
}
