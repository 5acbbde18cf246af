import { tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDb } from '../lib/db/node';
import type { Db } from '../lib/db/types';
import { loadTicketFile, type LoadOptions, type LoadReport } from '../lib/ingest/load/load';
import { assertFileSize } from '../lib/ingest/read/size-limit';
import { LIMITS } from '../lib/limits';
import { cachedLoad, forgetLoad, loadKey, storeLoad } from './load-cache';
import { assertNoGzipBomb, expandInputs, inputKind, type InputFile } from './native-files';
import { csvRows, parquetRows, type NativeRows } from './native-readers';
import { progress } from './progress';
import { readUserFile } from './read-user-file';
import { estimatedRows, SCRATCH_ROWS, useScratchFile } from './scratch-db';

export const DEFAULT_DATASET = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'tickets.csv.gz'
);

/** Where and how native DuckDB works: a database file to keep, its memory limit, spill space. */
export interface CliEngineOptions {
  /** A database file: the load is kept there and reused while the inputs stay the same. */
  db?: string;
  /** DuckDB `memory_limit` (e.g. `4GB`); default half of the machine's memory. */
  memory?: string;
  /** Where DuckDB spills what does not fit in memory. */
  temp?: string;
  /** Wraps the opened database (the profiler times every statement through it). */
  onDb?: (db: Db) => Db;
}

/** Half the machine's memory: leaves room for Node, the OS and other programs. */
export function defaultMemoryLimit(): string {
  return `${Math.floor(totalmem() / 2 / 2 ** 20)}MiB`;
}

/**
 * Opens native DuckDB and loads ticket logs: paths and glob patterns (the bundled dataset when
 * none is given). Parquet and UTF-8 CSV are read by DuckDB itself; one file of another kind
 * (workbook, XES, other encodings) goes through the JS reader as in the page.
 */
export async function loadForCli(
  paths?: string | readonly string[],
  options: LoadOptions = {},
  engine: CliEngineOptions = {}
): Promise<{ db: Db; report: LoadReport; reused: boolean; files: InputFile[] }> {
  const given = typeof paths === 'string' ? [paths] : (paths ?? []);
  const patterns = given.length > 0 ? given : [DEFAULT_DATASET];
  let db = await openNodeDb({
    path: engine.db,
    memoryLimit: engine.memory ?? defaultMemoryLimit(),
    tempDirectory: engine.temp ?? join(tmpdir(), 'cs-dash-spill')
  });
  if (engine.onDb) db = engine.onDb(db);
  try {
    const files = await expandInputs(db, patterns);
    if (!engine.db && (await estimatedRows(db, files)) > SCRATCH_ROWS)
      db = await useScratchFile(db);
    const key = engine.db
      ? loadKey(files, { ...options, spreadsheet: options.spreadsheet?.sheet })
      : '';
    if (engine.db) {
      const report = await cachedLoad(db, key);
      if (report) return { db, report, reused: true, files };
      await forgetLoad(db);
    }
    // A run in memory reads well-typed Parquet in place; a kept database holds a copy.
    const loadOptions = { ...options, ticketsView: !engine.db };
    const report = await progress(describe(files), () => loadFiles(db, files, loadOptions));
    if (engine.db) await storeLoad(db, key, report);
    return { db, report, reused: false, files };
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function loadFiles(
  db: Db,
  files: readonly InputFile[],
  options: LoadOptions
): Promise<LoadReport> {
  for (const file of files) await assertNoGzipBomb(file);
  const kind = await inputKind(files);
  const name = files.length === 1 ? basename(files[0]!.path) : `${files.length} files`;
  if (kind === 'bytes') {
    const file = files[0]!;
    assertFileSize(name, file.size, LIMITS.fileBytes.max);
    const bytes = readUserFile(file.path, `cannot read ${file.path}`);
    return loadTicketFile(db, { name, bytes }, options);
  }
  const rows: NativeRows = kind === 'parquet' ? await parquetRows(db, files) : await csvRows(files);
  const report = await loadTicketFile(
    db,
    { name, bytes: rows.sample },
    { ...options, rows: rows.reader }
  );
  return rows.container === 'parquet' ? { ...report, encoding: 'parquet' } : report;
}

function describe(files: readonly InputFile[]): string {
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const size = bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
  return `loading ${files.length === 1 ? files[0]!.path : `${files.length} files`} (${size})`;
}

/** Prints one clear line and exits non-zero: what a CLI user sees instead of a stack trace. */
export function failAndExit(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
