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
    await db.exec('SET enable_external_access = false');
    await db.exec('SET lock_configuration = true');
    return { db, report };
  } catch (error) {
    await db.close();
    throw error;
  }
}
