import { describe, expect, it } from 'vitest';
import { rejectedRows } from '../../src/lib/ingest/load/load';
import { rejectedRowsCsv } from '../../src/lib/export/rejected-csv';
import { loadCsv } from '../fixtures/metrics/harness';
import { ENGINES } from '../support/engines';

/** A canonical log past the 64 KiB sample, then a row whose field holds a NUL byte. */
function lines(): string[] {
  const out = ['ticket_id,created_at,entry_channel,user_id'];
  for (let i = 0; i < 3000; i++)
    out.push(`t${i},2026-03-02 10:00:00,hotline,user-${i}-padding-padding`);
  out.push('tnul,2026-03-02 10:00:00,hotline,bad\u0000user');
  out.push('tlast,2026-03-02 11:00:00,hotline,ok');
  return out;
}

describe.each(ENGINES)('a NUL byte past the sample on $name DuckDB', ({ open }) => {
  it('rejects that row with its line and reason, keeps the rest, offers it for download', async () => {
    const db = await open();
    try {
      const csv = lines();
      expect(csv.join('\n').indexOf('\u0000')).toBeGreaterThan(64 * 1024);
      const report = await loadCsv(db, csv);
      expect(report.rows).toMatchObject({ total: 3002, accepted: 3001, rejected: 1 });
      const [row] = await rejectedRows(db, report.header.length);
      expect(row).toMatchObject({
        line: 3002,
        reason: 'a field holds a NUL byte (binary data, not text)'
      });
      expect(row!.fields[0]).toBe('tnul');
      const download = await rejectedRowsCsv(db, report);
      expect(download).toContain('3002,"a field holds a NUL byte (binary data, not text)",tnul,');
      const [last] = await db.query<{ n: number }>(
        "SELECT CAST(count(*) AS DOUBLE) AS n FROM tickets WHERE ticket_id = 'tlast'"
      );
      expect(last!.n).toBe(1);
    } finally {
      await db.close();
    }
  });
});
