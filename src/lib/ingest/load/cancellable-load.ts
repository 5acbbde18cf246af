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
 * Loads a file inside one transaction on a connection of its own (`db.connect`): page queries
 * on `db` keep reading the tables of the previous load until the new ones are committed, and a
 * failing page query cannot abort the load. On an error or when `signal` is aborted (checked
 * between statements), it rolls back, so the tickets, rejected rows and time-zone macros of
 * the previous load stay as they were. `beforeCommit` runs in the same transaction, on the
 * load's connection. Rethrows the error (an abort: `signal.reason`).
 */
export async function loadTicketFileAtomically(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  options: LoadOptions,
  signal: AbortSignal,
  beforeCommit?: (db: Db, report: LoadReport) => Promise<void>
): Promise<LoadReport> {
  signal.throwIfAborted();
  const own = db.connect ? await db.connect() : db;
  try {
    await own.exec('BEGIN TRANSACTION');
    try {
      const report = await loadTicketFile(stopOnAbort(own, signal), file, options);
      await beforeCommit?.(own, report);
      signal.throwIfAborted();
      await own.exec('COMMIT');
      return report;
    } catch (error) {
      await own.exec('ROLLBACK');
      throw signal.aborted ? signal.reason : error;
    }
  } finally {
    if (own !== db) await own.close();
  }
}
