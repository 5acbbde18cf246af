import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile } from '../../src/lib/ingest/load/load';
import { mappingFromJson, mappingToJson } from '../../src/lib/ingest/map/mapping-json';
import { computeMetrics } from '../../src/lib/metrics/compute';
import { DEFAULT_SETTINGS } from '../../src/lib/metrics/settings';
import { ENGINES } from '../support/engines';
import { csvBytes, loadCsv } from '../fixtures/metrics/harness';

const noticeIds = (report: { notices: Array<{ id: string }> }) => report.notices.map((n) => n.id);

describe.each(ENGINES)('data contract v2 on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('loads a file with no id and no channel column: ids from lines, channel unspecified', async () => {
    const report = await loadCsv(db, [
      '创建时间,问题类型,解决时间',
      '2026-03-01 08:00:00,Refund,2026-03-01 09:00:00',
      'not a time,refund,',
      '2026-03-01 10:00:00,,'
    ]);
    expect(report.rows).toEqual({ total: 3, accepted: 2, rejected: 1, tickets: 2 });
    expect(report.rejectedSample[0]).toMatchObject({ line: 3 });
    const rows = await db.query<{ ticket_id: string; entry_channel: string; issue_type: string }>(
      'SELECT ticket_id, entry_channel, issue_type FROM tickets ORDER BY ticket_id'
    );
    expect(rows).toEqual([
      { ticket_id: 'L2', entry_channel: 'unspecified', issue_type: 'refund' },
      { ticket_id: 'L4', entry_channel: 'unspecified', issue_type: null }
    ]);
    expect(noticeIds(report)).toEqual([
      'ticket-id-from-line',
      'entry-channel-constant',
      'empty-resolved_at'
    ]);
    expect(report.notices[0]?.count).toBe(2);
    expect(report.emptyTimestamps).toEqual({ resolved_at: 1 });
    // a made-up column is not a column of the file: metrics that need it still say so
    expect(report.presentColumns).not.toContain('entry_channel');
    expect(report.presentColumns).not.toContain('ticket_id');
  });

  it('keeps unknown channel codes (mail, chat, web) and maps known synonyms', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,渠道,平台',
      't1,2026-03-01 08:00:00,Mail,iOS',
      't2,2026-03-01 08:00:00, chat ,安卓',
      't3,2026-03-01 08:00:00,web,PC',
      't4,2026-03-01 08:00:00,电话,鸿蒙'
    ]);
    expect(report.rows).toEqual({ total: 4, accepted: 4, rejected: 0, tickets: 4 });
    expect(report.unmatchedValues).toEqual({});
    const rows = await db.query<{ entry_channel: string; platform: string }>(
      'SELECT entry_channel, platform FROM tickets ORDER BY ticket_id'
    );
    expect(rows).toEqual([
      { entry_channel: 'mail', platform: 'ios' },
      { entry_channel: 'chat', platform: 'android' },
      { entry_channel: 'web', platform: 'pc' },
      { entry_channel: 'hotline', platform: 'harmonyos' }
    ]);
    const kept = report.notices.find((n) => n.id === 'kept-codes-entry_channel');
    expect(kept).toMatchObject({ count: 3 });
    expect(kept?.en).toContain('chat, mail, web');
  });

  it('reads placeholder timestamps as no time, counts them per column, rejects no row for them', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel,resolved_at,first_response_at,human_requested_at',
      'a,2026-03-01 08:00:00,hotline,1900-01-01 00:00:00,?,NULL',
      'b,2026-03-01 08:00:00,hotline,0000-00-00 00:00:00,N/A,-',
      'c,2026-03-01 08:00:00,hotline,2026-03-01 09:00:00,n/a,',
      'd,2026-03-01 08:00:00,hotline,,1900-01-01,null',
      'e,1900-01-01 00:00:00,hotline,,,',
      'f,2026-03-01 08:00:00,hotline,soon,,'
    ]);
    expect(report.rows).toEqual({ total: 6, accepted: 4, rejected: 2, tickets: 4 });
    expect(report.sentinelTimestamps).toEqual({
      created_at: 1,
      resolved_at: 2,
      first_response_at: 4,
      human_requested_at: 3
    });
    const reasons = new Map(report.rejectedSample.map((r) => [r.line, r.reason]));
    expect(reasons.get(6)).toBe('missing created_at'); // the only required column
    expect(reasons.get(7)).toContain('unreadable timestamp resolved_at "soon"'); // not a sentinel
    const rows = await db.query<{
      ticket_id: string;
      resolved_at: unknown;
      first_response_at: unknown;
    }>('SELECT ticket_id, resolved_at, first_response_at FROM tickets ORDER BY ticket_id');
    expect(
      rows.map((r) => [r.ticket_id, r.resolved_at === null, r.first_response_at === null])
    ).toEqual([
      ['a', true, true],
      ['b', true, true],
      ['c', false, true],
      ['d', true, true]
    ]);
    // accepted tickets without the time, empty cells and placeholders alike (a–d)
    expect(report.emptyTimestamps).toEqual({
      resolved_at: 3,
      first_response_at: 4,
      human_requested_at: 4
    });
    const notice = report.notices.find((n) => n.id === 'sentinel-first_response_at');
    expect(notice).toMatchObject({ count: 4 });
    expect(notice?.zh).toContain('占位值');
  });

  it('maps vendor status words by value synonyms', async () => {
    const words: Array<[string, string]> = [
      ['New', 'open'],
      ['On Hold', 'open'],
      ['Waiting', 'open'],
      ['active', 'open'],
      ['Assigned', 'open'],
      ['Solved', 'resolved'],
      ['Done', 'resolved'],
      ['已关闭', 'resolved'],
      ['Canceled', 'unresolved'],
      ["Won't Fix", 'unresolved'],
      ['Duplicate', 'unresolved'],
      ['Rejected', 'unresolved']
    ];
    const report = await loadCsv(db, [
      '工单号,创建时间,状态',
      ...words.map(([word], i) => `s${String(i).padStart(2, '0')},2026-03-01 08:00:00,"${word}"`),
      'zz,2026-03-01 08:00:00,Limbo'
    ]);
    expect(report.rows).toEqual({ total: 13, accepted: 12, rejected: 1, tickets: 12 });
    // status is closed: an unknown status is still rejected and reported
    expect(report.unmatchedValues).toEqual({ status: ['Limbo'] });
    const rows = await db.query<{ status: string }>(
      'SELECT status FROM tickets ORDER BY ticket_id'
    );
    expect(rows.map((r) => r.status)).toEqual(words.map(([, code]) => code));
  });

  it('uses the constants of a mapping, which round-trip through its JSON', async () => {
    const bytes = csvBytes(['when,what', '2026-03-01 08:00:00,x', '2026-03-01 09:00:00,y']);
    const mapping = mappingFromJson(
      mappingToJson({
        columns: { created_at: 0 },
        values: {},
        constants: { entry_channel: '热线', region: 'europe' }
      }),
      2
    );
    expect(mapping.constants).toEqual({ entry_channel: 'hotline', region: 'europe' });
    const report = await loadTicketFile(db, { name: 'c.csv', bytes }, { mapping });
    expect(report.rows).toEqual({ total: 2, accepted: 2, rejected: 0, tickets: 2 });
    const rows = await db.query<{ entry_channel: string; region: string; is_overseas: boolean }>(
      'SELECT DISTINCT entry_channel, region, is_overseas FROM tickets'
    );
    expect(rows).toEqual([{ entry_channel: 'hotline', region: 'europe', is_overseas: true }]);
    expect(report.presentColumns).toEqual(expect.arrayContaining(['entry_channel', 'region']));
    expect(noticeIds(report)).toEqual([
      'ticket-id-from-line',
      'constant-entry_channel',
      'constant-region'
    ]);
  });

  it('computes every metric over open codes the metrics have no meaning for', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel,handling_channel,platform,priority,issue_type,customer_type,human_requested_at,agent_answered_at,resolved_at,status,resolved_by,load_ms',
      'a,2026-03-01 08:00:00,mail,chat,kaios,sev2,late_parcel,enterprise,2026-03-01 08:01:00,2026-03-01 08:01:10,2026-03-01 09:00:00,resolved,agent,900',
      'b,2026-03-01 09:00:00,hotline,hotline,ios,P1,fund_safety,individual,2026-03-01 09:01:00,,,open,,',
      'c,2026-03-02 10:00:00,web,web,web,urgent,status_query,individual,,,2026-03-02 10:30:00,resolved,bot,'
    ]);
    expect(report.rows.accepted).toBe(3);
    const results = await computeMetrics(db, {
      filters: {},
      settings: DEFAULT_SETTINGS,
      present: report.presentColumns
    });
    expect(results.length).toBeGreaterThan(20);
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get('volume_by_channel')).toMatchObject({
      values: { mail: 1, hotline: 1, web: 1 }
    });
  });

  it('loads a Chinese message-board export with no mapping file', async () => {
    const bytes = readFileSync('tests/fixtures/ingest/message-board.csv');
    const report = await loadTicketFile(db, { name: 'board.csv', bytes });
    expect(report.rows).toEqual({ total: 5, accepted: 5, rejected: 0, tickets: 5 });
    expect(report.mapping.columns).toEqual({
      ticket_id: 0,
      user_id: 1,
      created_at: 3,
      first_response_at: 6
    });
    expect(report.sentinelTimestamps).toEqual({ first_response_at: 1 });
    const rows = await db.query<{
      ticket_id: string;
      user_id: string;
      entry_channel: string;
      first_response_minutes: number | null;
    }>(
      'SELECT ticket_id, user_id, entry_channel, first_response_minutes FROM tickets ORDER BY ticket_id'
    );
    expect(rows).toEqual([
      {
        ticket_id: '1001',
        user_id: '张三',
        entry_channel: 'unspecified',
        first_response_minutes: 150
      },
      {
        ticket_id: '1002',
        user_id: '李四',
        entry_channel: 'unspecified',
        first_response_minutes: 630
      },
      {
        ticket_id: '1003',
        user_id: '王五',
        entry_channel: 'unspecified',
        first_response_minutes: null
      },
      {
        ticket_id: '1004',
        user_id: '张三',
        entry_channel: 'unspecified',
        first_response_minutes: 750
      },
      {
        ticket_id: '1005',
        user_id: '赵六',
        entry_channel: 'unspecified',
        first_response_minutes: null
      }
    ]);
    expect(noticeIds(report)).toEqual([
      'entry-channel-constant',
      'sentinel-first_response_at',
      'empty-first_response_at'
    ]);
    // 1003 has no reply time, 1005 a placeholder: two accepted tickets without one
    expect(report.emptyTimestamps).toEqual({ first_response_at: 2 });
  });
});
