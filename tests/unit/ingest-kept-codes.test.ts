import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { valueRows } from '../../src/lib/ingest/map/mapping-edit';
import { ENGINES } from '../support/engines';
import { csvBytes } from '../fixtures/metrics/harness';

// A team's own channel codes: two of CH01, one each of CH02 and hotline; one of each platform kind.
const LINES = [
  'ticket_id,created_at,entry_channel,platform',
  'a,2026-03-02 10:00:00,CH01,ios',
  'b,2026-03-02 10:05:00,CH01,WeChat-PC',
  'c,2026-03-02 10:10:00,ch02,android',
  'd,2026-03-02 10:15:00,hotline,ios'
];

describe.each(ENGINES)('own codes of open columns on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('are counted per code, most frequent first, and offered in the value map', async () => {
    const report = await loadTicketFile(db, { name: 'own.csv', bytes: csvBytes(LINES) });
    expect(report.keptCodes.entry_channel).toEqual({
      codes: [
        { value: 'ch01', tickets: 2 },
        { value: 'ch02', tickets: 1 }
      ],
      distinct: 2
    });
    expect(report.keptCodes.platform).toEqual({
      codes: [{ value: 'wechat-pc', tickets: 1 }],
      distinct: 1
    });
    const notice = report.notices.find((n) => n.id === 'kept-codes-entry_channel');
    expect(notice?.count).toBe(2);
    expect(notice?.en).toContain('ch01, ch02');

    const rows = valueRows(
      'entry_channel',
      report.mapping,
      report.unmatchedValues.entry_channel ?? [],
      report.keptCodes.entry_channel?.codes ?? []
    );
    const kept = rows.filter((r) => r.kept);
    expect(kept.map((r) => [r.key, r.target, r.tickets])).toEqual([
      ['ch01', '', 2],
      ['ch02', '', 1]
    ]);
    // they come before the values already mapped, after nothing (no closed column is unmatched)
    expect(rows.slice(0, 2)).toEqual(kept);
  });

  it('once mapped, count as the code they were mapped to and are no longer listed', async () => {
    const first = await loadTicketFile(db, { name: 'own.csv', bytes: csvBytes(LINES) });
    const mapping = structuredClone(first.mapping);
    mapping.values.entry_channel = { ...mapping.values.entry_channel, ch01: 'hotline' };
    const report = await loadTicketFile(
      db,
      { name: 'own.csv', bytes: csvBytes(LINES) },
      { mapping }
    );
    expect(report.keptCodes.entry_channel).toEqual({
      codes: [{ value: 'ch02', tickets: 1 }],
      distinct: 1
    });
    const rows = await db.query<{ entry_channel: string; n: number }>(
      'SELECT entry_channel, count(*)::INTEGER AS n FROM tickets GROUP BY 1 ORDER BY 1'
    );
    expect(rows).toEqual([
      { entry_channel: 'ch02', n: 1 },
      { entry_channel: 'hotline', n: 3 }
    ]);
  });
});
