import { snapshot, snapshotUrl } from 'virtual:bundled-figures';
import { loadBundledSnapshot } from '../bundled/bundled-snapshot';
import type { Db } from '../db/types';
import type { LoadReport } from '../ingest/load/load';

export { snapshot as bundledSnapshot };

/**
 * Starts downloading the bundled dataset's snapshot file now (overlapping the engine's
 * start-up); the returned loader copies its tables into the database once it is open.
 */
export function bundledSnapshotSource(): (db: Db) => Promise<LoadReport> {
  const file = fetch(snapshotUrl).then(async (response) => {
    if (!response.ok) throw new Error(`the bundled dataset is missing (${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  });
  file.catch(() => undefined);
  // A copy each time: the database takes over (detaches) the buffer it is handed.
  return async (db) => loadBundledSnapshot(db, (await file).slice(), snapshot);
}
