import { resolve } from 'node:path';
import { openNodeDb } from '../lib/db/node';
import type { Db } from '../lib/db/types';
import type { LoadReport } from '../lib/ingest/load/load';
import { storedLoad } from '../cli/load-cache';
import type { CliEngineOptions } from '../cli/load-for-cli';

/**
 * Opens a loaded database file for serving: read-only, file access off and the settings locked,
 * so that even a SELECT cannot read other files (`read_csv('/etc/…')`), attach or install.
 */
export async function openServedDb(
  path: string,
  engine: CliEngineOptions
): Promise<{ db: Db; report: LoadReport }> {
  const db = await openNodeDb({
    path,
    readOnly: true,
    memoryLimit: engine.memory,
    tempDirectory: engine.temp
  });
  try {
    const report = await storedLoad(db);
    await lockDown(db, []);
    return { db, report };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * No file but `files` readable (`tickets` may be a view over them), no setting changeable. A
 * load served in place is not read-only: the query guard's one-SELECT rule keeps its tables.
 */
export async function lockDown(db: Db, files: readonly string[]): Promise<void> {
  if (files.length > 0) {
    // Both spellings: the view names each file as it was given (relative or not).
    const paths = [...new Set(files.flatMap((f) => [f, resolve(f)]))];
    await db.exec(`SET allowed_paths = [${paths.map(quoted).join(', ')}]`);
  }
  await db.exec('SET enable_external_access = false');
  await db.exec('SET lock_configuration = true');
}

function quoted(path: string): string {
  return `'${path.replaceAll("'", "''")}'`;
}
