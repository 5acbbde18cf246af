import type { Db } from '../db/types';
import { rejectedRows, type LoadReport } from '../ingest/load/load';
import { toCsv } from './csv';

/** Every rejected row: its line, the reason, then the original fields under the file's header. */
export async function rejectedRowsCsv(db: Db, report: LoadReport): Promise<string> {
  const rows = await rejectedRows(db, report.header.length);
  return toCsv(
    ['line', 'reason', ...report.header],
    rows.map((r) => [r.line, r.reason, ...r.fields])
  );
}
