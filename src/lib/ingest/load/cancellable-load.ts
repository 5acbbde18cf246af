/** A load that either completes or leaves the database exactly as it was. */
import type { Db } from '../../db/types';
import { loadTicketFile, type LoadOptions, type LoadReport } from './load';

/** The same database, refusing to start another statement once `signal` is aborted. */
function stopOnAbort(db: Db, signal: AbortSignal): Db {
  return {
    engine: db.engine,
    query(sql, params) {
      signal.throwIfAborted();
      return db.query(sql, params);
    },
    exec(sql) {
      signal.throwIfAborted();
      return db.exec(sql);
    },
    registerFile(name, bytes) {
      signal.throwIfAborted();
      return db.registerFile(name, bytes);
    },
    dropFile: (name) => db.dropFile(name),
    close: () => db.close()
  };
}

/**
 * Loads a file inside one transaction: on an error or when `signal` is aborted (checked
 * between statements), it rolls back, so the tickets, rejected rows and time-zone macros of
 * the previous load stay as they were. Rethrows the error (an abort: `signal.reason`).
 */
export async function loadTicketFileAtomically(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  options: LoadOptions,
  signal: AbortSignal
): Promise<LoadReport> {
  signal.throwIfAborted();
  await db.exec('BEGIN TRANSACTION');
  try {
    const report = await loadTicketFile(stopOnAbort(db, signal), file, options);
    signal.throwIfAborted();
    await db.exec('COMMIT');
    return report;
  } catch (error) {
    await db.exec('ROLLBACK');
    throw signal.aborted ? signal.reason : error;
  }
}
