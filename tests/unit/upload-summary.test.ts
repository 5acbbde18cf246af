import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { rejectionGroups, timestampPrecision } from '../../src/lib/queries/upload-summary';
import { ENGINES } from '../support/engines';
import { loadCsv } from '../fixtures/metrics/harness';

const HEADER =
  'ticket_id,created_at,entry_channel,region,human_requested_at,agent_answered_at,resolved_at';

describe.each(ENGINES)('after-upload summary on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('groups rejected rows by reason without their values, counted, each with its fix', async () => {
    const report = await loadCsv(db, [
      HEADER,
      'a1,2026-03-02 10:00,hotline,domestic,2026-03-02 10:01,2026-03-02 10:02,',
      'a2,2026-03-02 10:00,hotline,mars,,,',
      'a3,2026-03-02 10:00,hotline,mars,,,',
      'a4,2026-03-02 10:00,hotline,venus,,,',
      'a5,not a date,hotline,domestic,,,',
      'a6,2026-03-02 10:00,hotline,domestic,,,2026-03-01 10:00',
      'a7,2026-03-02 10:00,hotline,moon,,,2026-03-01 10:00'
    ]);
    expect(report.rows.rejected).toBe(6);
    const groups = await rejectionGroups(db);
    const byKind = Object.fromEntries(groups.map((g) => [g.kind, g]));
    expect(byKind['unknown region']).toEqual({
      kind: 'unknown region',
      rows: 4,
      examples: ['mars', 'moon', 'venus'],
      fix: 'value-map',
      column: 'region'
    });
    expect(byKind['unreadable timestamp created_at']).toMatchObject({
      rows: 1,
      fix: 'column',
      column: 'created_at'
    });
    expect(byKind['resolved_at before created_at']).toMatchObject({ rows: 2, fix: 'time-zone' });
    expect(groups[0]!.kind).toBe('unknown region');
  });

  it('says a totals row and a repeated header need no fix', async () => {
    const report = await loadCsv(db, [
      HEADER,
      'a1,2026-03-02 10:00,hotline,domestic,,,',
      HEADER,
      'a2,2026-03-02 11:00,hotline,domestic,,,',
      '合计,2,,,,,'
    ]);
    expect(report.rows.rejected).toBe(2);
    const groups = await rejectionGroups(db);
    expect(groups.map((g) => g.fix)).toEqual(['report-line', 'report-line']);
    expect(groups.map((g) => g.rows)).toEqual([1, 1]);
  });

  it('warns when every timestamp is on a whole minute, and not when one has seconds', async () => {
    const minutes = await loadCsv(db, [
      HEADER,
      'a1,2026-03-02 10:00,hotline,domestic,2026-03-02 10:01,2026-03-02 10:02,',
      'a2,2026-03-02 11:00:00,hotline,domestic,2026-03-02 11:01,2026-03-02 11:03,'
    ]);
    const coarse = await timestampPrecision(db, minutes.presentColumns);
    expect(coarse.minutesOnly).toBe(true);
    expect(coarse.pickupAffected).toBe(true);
    const seconds = await loadCsv(db, [
      HEADER,
      'a1,2026-03-02 10:00,hotline,domestic,2026-03-02 10:01,2026-03-02 10:01:19,'
    ]);
    const fine = await timestampPrecision(db, seconds.presentColumns);
    expect(fine.minutesOnly).toBe(false);
    expect(fine.pickupAffected).toBe(false);
    expect(fine.columns.find((c) => c.column === 'agent_answered_at')).toEqual({
      column: 'agent_answered_at',
      values: 1,
      withSeconds: 1
    });
  });
});
