import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../lib/db/types';
import { EMPTY_REJECT_TABLES, sqlPaths } from '../lib/ingest/read/read-csv-sql';
import { csvRowReader, type RowReader } from '../lib/ingest/read/row-reader';
import { headBytes, wholeLines, type InputFile } from './native-files';

/** Rows DuckDB reads from the files itself, and a sample of them for sniffing and mapping. */
export interface NativeRows {
  reader: RowReader;
  sample: Uint8Array;
  /** For the report: `parquet` or the CSV's encoding. */
  container: 'parquet' | 'csv';
}

const SAMPLE_BYTES = 512 * 1024;

/** UTF-8 CSV files (plain or .gz) read by DuckDB's `read_csv`; all must share one header line. */
export async function csvRows(files: readonly InputFile[]): Promise<NativeRows> {
  const head = await headBytes(files[0]!.path, SAMPLE_BYTES);
  const sample = wholeLines(head, head.length < SAMPLE_BYTES);
  const header = firstLine(sample);
  for (const file of files.slice(1)) {
    const other = firstLine(await headBytes(file.path, 64 * 1024));
    if (other !== header) {
      throw new Error(
        `${file.path}: its header differs from ${files[0]!.path}'s; files read together need the same columns in the same order`
      );
    }
  }
  return {
    reader: csvRowReader(files.map((f) => f.path)),
    sample,
    container: 'csv'
  };
}

function firstLine(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024));
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!;
}

interface ParquetColumn {
  name: string;
  type: string;
}

/**
 * Parquet files read by DuckDB's `read_parquet` (columns matched by name across files). The
 * text the validating path sees is what the page's Parquet reader writes: ISO times (`Z` for
 * UTC-adjusted ones), whole doubles without `.0`.
 */
export async function parquetRows(db: Db, files: readonly InputFile[]): Promise<NativeRows> {
  const source = `read_parquet(${sqlPaths(files.map((f) => f.path))}, union_by_name = true)`;
  let columns: ParquetColumn[];
  try {
    const rows = await db.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${source}`
    );
    columns = rows.map((r) => ({ name: r.column_name, type: r.column_type }));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`the Parquet files could not be read: ${reason}`, { cause: error });
  }
  const text = columns.map((c) => `${asText(c)} AS ${ident(c.name)}`).join(', ');
  const samplePath = join(tmpdir(), `cs-dash-sample-${process.pid}-${Date.now()}.csv`);
  try {
    await db.exec(
      `COPY (SELECT ${text} FROM ${source} LIMIT 2000) TO '${samplePath}' (HEADER true, DELIMITER ',')`
    );
    const sample = new Uint8Array(readFileSync(samplePath));
    return { reader: parquetReader(source, columns), sample, container: 'parquet' };
  } finally {
    rmSync(samplePath, { force: true });
  }
}

function parquetReader(source: string, columns: readonly ParquetColumn[]): RowReader {
  return {
    reset: EMPTY_REJECT_TABLES,
    typed: !columns.some((c) => c.type.includes('WITH TIME ZONE')),
    rereadable: true,
    booleans: columns.filter((c) => c.type === 'BOOLEAN').map((c) => c.name),
    sql(prepared, wanted) {
      const select = wanted.map(([name, type], i) => {
        const column = columns.find((c) => c.name === prepared.header[i]);
        if (!column) throw new Error(`the Parquet files lack column ${prepared.header[i]}`);
        const value =
          type === 'VARCHAR' ? asText(column) : `CAST(${ident(column.name)} AS ${type})`;
        return `${value} AS ${ident(name)}`;
      });
      return `(SELECT ${select.join(', ')} FROM ${source})`;
    }
  };
}

/** A Parquet column as the text the page's Parquet → CSV conversion gives it. */
function asText(column: ParquetColumn): string {
  const c = ident(column.name);
  const type = column.type;
  if (type.includes('WITH TIME ZONE')) {
    return `strftime(make_timestamp(epoch_us(${c})), '%Y-%m-%dT%H:%M:%S.%gZ')`;
  }
  if (type.startsWith('TIMESTAMP'))
    return `strftime(CAST(${c} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%g')`;
  if (type === 'DATE') return `strftime(${c}, '%Y-%m-%d')`;
  if (type === 'DOUBLE' || type === 'FLOAT' || type.startsWith('DECIMAL')) {
    return `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END`;
  }
  return `CAST(${c} AS VARCHAR)`;
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
