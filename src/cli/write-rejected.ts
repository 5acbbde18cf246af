import { writeFileSync } from 'node:fs';
import type { Db } from '../lib/db/types';
import type { LoadReport } from '../lib/ingest/load/load';
import { rejectedRowsCsv } from '../lib/export/rejected-csv';

/** Writes every rejected row (line, reason, original fields) as the page's download does. */
export async function writeRejected(db: Db, report: LoadReport, path: string): Promise<void> {
  const csv = await rejectedRowsCsv(db, report);
  try {
    writeFileSync(path, csv);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`--rejected ${path}: cannot write the file (${reason})`, { cause: error });
  }
  process.stderr.write(
    `${report.rows.rejected.toLocaleString('en')} rejected rows written to ${path}\n`
  );
}
