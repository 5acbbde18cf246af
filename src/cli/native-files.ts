import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import type { Db } from '../lib/db/types';
import { detectEncoding, isGzip, isParquet } from '../lib/ingest/read/decode';
import { isXes } from '../lib/ingest/read/xes';
import { LIMITS } from '../lib/limits';

/** A file the CLI reads: its path and what makes a cached load of it stale. */
export interface InputFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** How DuckDB can read a set of files: itself (Parquet, UTF-8 CSV) or through the JS loader. */
export type InputKind = 'parquet' | 'csv' | 'bytes';

const GLOB = /[*?[{]/;

/** Every file the paths and glob patterns name, in order, each once; a pattern matching nothing is an error. */
export async function expandInputs(db: Db, patterns: readonly string[]): Promise<InputFile[]> {
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const pattern of patterns) {
    const paths = GLOB.test(pattern) ? await globbed(db, pattern) : [pattern];
    if (paths.length === 0) throw new Error(`${pattern}: no file matches this pattern`);
    for (const path of paths) {
      if (seen.has(path)) continue;
      seen.add(path);
      files.push(stat(path));
    }
  }
  return files;
}

async function globbed(db: Db, pattern: string): Promise<string[]> {
  const rows = await db.query<{ file: string }>('SELECT file FROM glob(?) ORDER BY file', [
    pattern
  ]);
  return rows.map((r) => r.file);
}

function stat(path: string): InputFile {
  try {
    const info = statSync(path);
    if (!info.isFile()) throw new Error('not a file');
    return { path, size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    throw new Error(`cannot read ${path}: no such file or not readable`);
  }
}

const HEAD_BYTES = 512 * 1024;

/** The first bytes of a file, decompressed when it is gzip (at most `limit` bytes either way). */
export async function headBytes(path: string, limit = HEAD_BYTES): Promise<Uint8Array> {
  const raw = readStart(path, limit);
  if (!isGzip(raw)) return raw;
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= limit) break;
    }
  } catch (error) {
    if (length === 0) throw error;
  } finally {
    stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks).subarray(0, limit));
}

function readStart(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const n = readSync(fd, buffer, 0, limit, 0);
    return new Uint8Array(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** Cuts a head at its last line break, so that no line (or UTF-8 character) is cut in half. */
export function wholeLines(head: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return head;
  const end = head.lastIndexOf(0x0a);
  return end < 0 ? head : head.subarray(0, end + 1);
}

/**
 * Parquet when every file is Parquet; CSV when every file is UTF-8 delimited text DuckDB can
 * read itself (plain or `.gz`); otherwise one file goes through the JS loader (workbooks, XES,
 * other encodings), and several such files are refused.
 */
export async function inputKind(files: readonly InputFile[]): Promise<InputKind> {
  const kinds = await Promise.all(files.map(fileKind));
  const first = kinds[0]!;
  if (kinds.every((k) => k === first) && (first !== 'bytes' || files.length === 1)) return first;
  const odd = files.find((_, i) => kinds[i] !== first || kinds[i] === 'bytes')!;
  throw new Error(
    `${odd.path}: several files must all be Parquet or all UTF-8 CSV (plain or .gz); ` +
      'convert workbooks, XES and other encodings first, or load one file at a time'
  );
}

async function fileKind(file: InputFile): Promise<InputKind> {
  const start = readStart(file.path, 4);
  if (isParquet(start)) return 'parquet';
  if (isGzip(start) && !/\.gz$/i.test(file.path)) return 'bytes';
  const head = wholeLines(await headBytes(file.path, 64 * 1024), false);
  if (isGzip(head) || isParquet(head) || isXes(head) || looksBinary(head)) return 'bytes';
  const encoding = detectEncoding(head).encoding;
  return encoding === 'utf-8' || encoding === 'utf-8-bom' ? 'csv' : 'bytes';
}

/** Zip (xlsx, ods) and OLE (xls) containers, or NUL bytes: not delimited text. */
function looksBinary(head: Uint8Array): boolean {
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  const ole = head[0] === 0xd0 && head[1] === 0xcf;
  return zip || ole || head.subarray(0, 4096).includes(0);
}

const RATIO_SAMPLE_BYTES = 32 * 1024 ** 2;

/**
 * How many times its compressed size the start of a gzip file unpacks to (inflating at most
 * `sample` bytes); null when the file is shorter than the sample unpacked, so it cannot be a bomb.
 */
export async function gzipExpansion(
  path: string,
  sample = RATIO_SAMPLE_BYTES
): Promise<number | null> {
  const gunzip = createGunzip();
  const source = createReadStream(path, { highWaterMark: 16 * 1024 });
  let fed = 0;
  let out = 0;
  source.on('data', (chunk) => (fed += chunk.length));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      out += chunk.length;
      if (out >= sample) return out / fed;
    }
    return null;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}

/** Refuses a `.gz` input that unpacks to more times its size than any ticket log does. */
export async function assertNoGzipBomb(file: InputFile): Promise<void> {
  if (!isGzip(readStart(file.path, 2))) return;
  const ratio = await gzipExpansion(file.path);
  const max = LIMITS.gzipRatio.max;
  if (ratio === null || ratio <= max) return;
  throw new Error(
    `${file.path} (${(file.size / 1024 ** 2).toFixed(1)} MiB) unpacks to more than ${Math.floor(ratio)} times its size ` +
      `(ticket logs unpack to 5–30 times; above ${max} times it is refused as a compression bomb). Nothing was loaded. ` +
      'If the file is real, unpack it (gunzip) and pass the CSV.'
  );
}
