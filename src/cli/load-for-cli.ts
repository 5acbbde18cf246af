import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNodeDb } from '../lib/db/node';
import type { Db } from '../lib/db/types';
import { loadTicketFile, type LoadOptions, type LoadReport } from '../lib/ingest/load/load';
import { assertFileSize } from '../lib/ingest/read/size-limit';
import { LIMITS } from '../lib/limits';
import { fileProblem, isFileSystemError, readUserFile } from './read-user-file';

export const DEFAULT_DATASET = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'tickets.csv.gz'
);

/** Opens native DuckDB and loads a ticket log (the default dataset when no path is given). */
export async function loadForCli(
  path?: string,
  options: LoadOptions = {}
): Promise<{ db: Db; report: LoadReport }> {
  const file = path ?? DEFAULT_DATASET;
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if (!isFileSystemError(error)) throw error;
    throw new Error(`cannot read ${file}: ${fileProblem(error)}`, { cause: error });
  }
  assertFileSize(basename(file), size, LIMITS.fileBytes.max);
  const bytes = readUserFile(file, `cannot read ${file}`);
  const db = await openNodeDb();
  try {
    const report = await loadTicketFile(db, { name: basename(file), bytes }, options);
    return { db, report };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Prints one clear line and exits non-zero: what a CLI user sees instead of a stack trace. */
export function failAndExit(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
}
