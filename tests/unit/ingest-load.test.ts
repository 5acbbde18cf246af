import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, rejectedRows, type LoadReport } from '../../src/lib/ingest/load/load';
import { LoadError } from '../../src/lib/ingest/load/load-error';
import { ENGINES } from '../support/engines';
import { csvBytes, loadCsv } from '../fixtures/metrics/harness';

const D = '2026-03-02 10:00:00';

async function loadError(db: Db, lines: readonly string[]): Promise<LoadError> {
  try {
    await loadCsv(db, lines);
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error('the load did not fail');
}

function expectBalanced(report: LoadReport, total: number): void {
  expect(report.rows.total).toBe(total);
  expect(report.rows.accepted + report.rows.rejected).toBe(report.rows.total);
}

describe.each(ENGINES)('loadTicketFile on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  describe('a missing created_at stops the load (the only required column in v2)', () => {
    it('names the column and the closest file column', async () => {
      // "creatd_at" is too far from created_at for the mapping suggester, close enough to be named
      const error = await loadError(db, ['ticket_id,creatd_at,entry_channel', `a,${D},hotline`]);
      expect(error.kind).toBe('missing-columns');
      expect(error.message).toContain('created_at (closest column in the file: "creatd_at")');
      expect(error.message).not.toContain('ticket_id');
    });

    it('names only created_at: ticket_id and entry_channel are optional', async () => {
      const error = await loadError(db, ['tickt,creatd,entry_chanel', `a,${D},hotline`]);
      expect(error.kind).toBe('missing-columns');
      expect(error.message).toContain('Missing required column: created_at');
      expect(error.message).toContain('created_at (closest column in the file: "creatd")');
      expect(error.message).not.toContain('ticket_id');
      expect(error.message).not.toContain('entry_channel');
    });
  });

  describe('rows that cannot be read are rejected with a reason and their line', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await loadCsv(db, [
        'ticket_id,created_at,entry_channel,platform,priority,handle_seconds,resolved_at,region', // line 1
        `ok1,${D},hotline,phone,P1,30,2026-03-02 10:10:00,`, // line 2 ✓
        'bad1,not a date,hotline,phone,,,,', // line 3: bad timestamp
        'bad2,2026-02-30 10:00:00,hotline,phone,,,,', // line 4: impossible date
        `bad3,${D},hotline,phone,,,,mars`, // line 5: unknown region (a closed enum)
        `open1,${D},Pigeon,nokia,P9,,,`, // line 6 ✓ open codes are kept (v2)
        `bad5,${D},hotline,phone,,,,Europa`, // line 7: unknown region
        `bad6,${D},hotline,phone,,-5,,`, // line 8: negative duration
        `bad7,${D},hotline,phone,,,2026-03-02 09:59:59,`, // line 9: resolved before created
        `ok1,${D},hotline,phone,,,,`, // line 10: duplicate ticket_id
        `bad8,${D},hotline,phone`, // line 11: too few fields
        `bad9,${D},hotline,phone,,,,,extra`, // line 12: too many fields
        `ok2,${D},HotLine,IOS,p2,0,,`, // line 13 ✓ (codes are case-insensitive, 0 s is fine)
        `,${D},hotline,phone,,,,` // line 14 ✓ empty ticket_id: named after its line
      ]);
    });

    it('accepted + rejected = rows in the file', () => {
      expectBalanced(report, 13);
      expect(report.rows).toEqual({ total: 13, accepted: 4, rejected: 9, tickets: 4 });
    });

    it('reports each problem on its spreadsheet line', () => {
      const byLine = new Map(report.rejectedSample.map((r) => [r.line, r.reason]));
      expect([...byLine.keys()]).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12]);
      expect(byLine.get(3)).toContain('unreadable timestamp created_at "not a date"');
      expect(byLine.get(4)).toContain('unreadable timestamp created_at');
      expect(byLine.get(5)).toContain('unknown region "mars"');
      expect(byLine.get(7)).toContain('unknown region "Europa"');
      expect(byLine.get(8)).toContain('handle_seconds "-5"');
      expect(byLine.get(9)).toContain('resolved_at before created_at');
      expect(byLine.get(10)).toContain('duplicate ticket_id "ok1"');
      expect(byLine.get(11)).toContain('wrong number of fields: expected 8, found 4');
      expect(byLine.get(12)).toContain('wrong number of fields: expected 8, found 9');
    });

    it('keeps open codes lower-cased, known codes canonical, and names a blank id by its line', async () => {
      const rows = await db.query<{
        ticket_id: string;
        entry_channel: string;
        platform: string;
        priority: string | null;
      }>('SELECT ticket_id, entry_channel, platform, priority FROM tickets ORDER BY ticket_id');
      expect(rows).toEqual([
        // line 14, after the two lines the CSV reader rejected (11, 12)
        { ticket_id: 'L14', entry_channel: 'hotline', platform: 'phone', priority: null },
        { ticket_id: 'ok1', entry_channel: 'hotline', platform: 'phone', priority: 'P1' },
        { ticket_id: 'ok2', entry_channel: 'hotline', platform: 'ios', priority: 'P2' },
        { ticket_id: 'open1', entry_channel: 'pigeon', platform: 'nokia', priority: 'p9' }
      ]);
      expect(report.notices.find((n) => n.id === 'ticket-id-blank')?.count).toBe(1);
      const kept = report.notices.find((n) => n.id === 'kept-codes-entry_channel');
      expect(kept?.en).toContain('pigeon');
      expect(report.unmatchedValues).toEqual({ region: ['mars', 'Europa'] });
    });

    it('keeps the raw fields of rejected rows', () => {
      const row = report.rejectedSample.find((r) => r.line === 5);
      expect(row?.fields).toEqual(['bad3', D, 'hotline', 'phone', '', '', '', 'mars']);
    });

    it('rejectedRows lists every rejected row, not only the sample', async () => {
      const all = await rejectedRows(db, 8);
      expect(all.map((r) => r.line)).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12]);
    });
  });

  it('a broken row of a CRLF file is given back as its own line, without the line break before it', async () => {
    const bytes = new TextEncoder().encode(
      'ticket_id,created_at,entry_channel\r\n' +
        `c1,${D},hotline\r\n` +
        `c2,${D},hotline,extra\r\n` +
        `c3,${D},hotline\r\n`
    );
    await loadTicketFile(db, { name: 'crlf.csv', bytes });
    const broken = (await rejectedRows(db, 3)).find((r) => r.line === 3);
    expect(broken?.fields).toEqual([`c2,${D},hotline,extra`]);
  });

  it('line numbers are record index + 1 after a quoted multi-line field', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel,issue_type', // line 1
      `m1,${D},hotline,"two`, // record 1 → line 2 (spans two physical lines)
      'lines"',
      'm2,not a date,hotline,x', // record 2 → line 3
      `m3,${D},hotline`, // record 3 → line 4 (wrong field count)
      'm4,yesterday,hotline,x', // record 4 → line 5
      `m5,${D},hotline,"a`, // record 5 → line 6 (three physical lines)
      'b',
      'c"',
      `m6,${D},hotline,x,y`, // record 6 → line 7 (wrong field count)
      'm7,2026-13-01 10:00:00,hotline,x' // record 7 → line 8
    ]);
    expectBalanced(report, 7);
    expect(report.rows.accepted).toBe(2);
    expect(report.rejectedSample.map((r) => r.line)).toEqual([3, 4, 5, 7, 8]);
    const kept = await db.query<{ ticket_id: string; issue_type: string }>(
      'SELECT ticket_id, issue_type FROM tickets ORDER BY ticket_id'
    );
    expect(kept).toEqual([
      { ticket_id: 'm1', issue_type: 'two\nlines' },
      { ticket_id: 'm5', issue_type: 'a\nb\nc' }
    ]);
  });

  it('accepts every boolean spelling, case-insensitive; anything else is rejected', async () => {
    const spellings: Array<[string, boolean | null]> = [
      ['true', true],
      ['TRUE', true],
      ['1', true],
      ['yes', true],
      ['Yes', true],
      ['y', true],
      ['Y', true],
      ['是', true],
      ['false', false],
      ['False', false],
      ['0', false],
      ['no', false],
      ['NO', false],
      ['n', false],
      ['N', false],
      ['否', false],
      ['', null]
    ];
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel,escalated',
      ...spellings.map(([text], i) => `b${i},${D},hotline,${text}`),
      `bad,${D},hotline,maybe`
    ]);
    expectBalanced(report, spellings.length + 1);
    expect(report.rows.rejected).toBe(1);
    expect(report.rejectedSample[0]?.reason).toContain('escalated "maybe"');
    const rows = await db.query<{ ticket_id: string; escalated: boolean | null }>(
      'SELECT ticket_id, escalated FROM tickets'
    );
    const got = new Map(rows.map((r) => [r.ticket_id, r.escalated]));
    spellings.forEach(([text, value], i) => expect(got.get(`b${i}`), `"${text}"`).toBe(value));
  });

  it('reads timestamps with an offset, with Z and naive (dataset time zone)', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel',
      'o1,2026-03-01T08:15:30+08:00,hotline', // 00:15:30Z
      'o2,2026-03-01T00:15:30Z,hotline', // 00:15:30Z
      'o3,2026-03-01 08:15:30,hotline', // naive Asia/Shanghai → 00:15:30Z
      'o4,2026-03-01T08:15:30,hotline', // naive with T
      'o5,2026-03-01T02:15:30+02:00,hotline', // 00:15:30Z
      'o6,2026-02-28T19:15:30-05:00,hotline' // 00:15:30Z
    ]);
    expect(report.rows).toEqual({ total: 6, accepted: 6, rejected: 0, tickets: 6 });
    const rows = await db.query<{ ticket_id: string; created_at: number; created_local: number }>(
      'SELECT ticket_id, created_at, created_local FROM tickets ORDER BY ticket_id'
    );
    for (const row of rows) {
      expect(row.created_at, row.ticket_id).toBe(Date.UTC(2026, 2, 1, 0, 15, 30));
      expect(row.created_local, row.ticket_id).toBe(Date.UTC(2026, 2, 1, 8, 15, 30));
    }
  });

  it('reads an offset timestamp the same whatever the session time zone of the engine is', async () => {
    // The CLI runs native DuckDB on the analyst's machine, whose time zone is not UTC.
    // (duckdb-wasm has no ICU and no TimeZone setting: there the SET fails and nothing changes.)
    const changed = await db.exec("SET TimeZone = 'Asia/Tokyo'").then(
      () => true,
      () => false
    );
    try {
      const report = await loadCsv(db, [
        'ticket_id,created_at,entry_channel,resolved_at',
        'tz1,2026-03-01T08:15:30+08:00,hotline,2026-03-01 08:30:00'
      ]);
      // 08:15:30+08:00 = 00:15:30Z; resolved 08:30 Shanghai = 00:30Z → valid, 14.5 min
      expect(report.rows).toEqual({ total: 1, accepted: 1, rejected: 0, tickets: 1 });
      const [row] = await db.query<{ created_at: number; resolve_minutes: number }>(
        'SELECT created_at, resolve_minutes FROM tickets'
      );
      expect(row?.created_at).toBe(Date.UTC(2026, 2, 1, 0, 15, 30));
      expect(row?.resolve_minutes).toBeCloseTo(14.5, 9);
    } finally {
      if (changed) await db.exec("SET TimeZone = 'UTC'");
    }
  });

  it('accepts a lower-case z offset, as the ISO parser pattern intends', async () => {
    // normalise-sql.ts isoTimestampParser's pattern lists (Z|z|…) as an offset.
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel',
      'lz,2026-03-01T00:15:30z,hotline'
    ]);
    expect(report.rows).toEqual({ total: 1, accepted: 1, rejected: 0, tickets: 1 });
  });

  it('keeps unknown extra columns and ignores them', async () => {
    const report = await loadTicketFile(db, {
      name: 'extra.csv',
      bytes: csvBytes([
        'ticket_id,notes,created_at,entry_channel,misc_flag',
        `x1,"hello, world",${D},hotline,grumpy`
      ])
    });
    expect(report.rows).toEqual({ total: 1, accepted: 1, rejected: 0, tickets: 1 });
    expect(report.header).toEqual([
      'ticket_id',
      'notes',
      'created_at',
      'entry_channel',
      'misc_flag'
    ]);
    expect(report.presentColumns.sort()).toEqual(['created_at', 'entry_channel', 'ticket_id']);
    const [row] = await db.query<{ ticket_id: string; entry_channel: string }>(
      'SELECT ticket_id, entry_channel FROM tickets'
    );
    expect(row).toEqual({ ticket_id: 'x1', entry_channel: 'hotline' });
  });

  it('derives status, handling_channel, customer_type and region defaults', async () => {
    const report = await loadCsv(db, [
      'ticket_id,created_at,entry_channel,handling_channel,customer_type,region,status,resolved_at',
      `d1,${D},mini_program,,,,,`, // open, handling = entry, individual, domestic
      `d2,${D},mini_program,hotline,enterprise,europe,,2026-03-02 11:00:00`, // resolved (resolved_at set)
      `d3,${D},hotline,,,,unresolved,`, // explicit status kept
      `d4,${D},hotline,,,,open,2026-03-02 11:00:00` // explicit status wins over resolved_at
    ]);
    expect(report.rows.rejected).toBe(0);
    const rows = await db.query<{
      ticket_id: string;
      status: string;
      handling_channel: string;
      customer_type: string;
      region: string;
      is_overseas: boolean;
    }>(
      'SELECT ticket_id, status, handling_channel, customer_type, region, is_overseas FROM tickets ORDER BY ticket_id'
    );
    expect(rows).toEqual([
      {
        ticket_id: 'd1',
        status: 'open',
        handling_channel: 'mini_program',
        customer_type: 'individual',
        region: 'domestic',
        is_overseas: false
      },
      {
        ticket_id: 'd2',
        status: 'resolved',
        handling_channel: 'hotline',
        customer_type: 'enterprise',
        region: 'europe',
        is_overseas: true
      },
      {
        ticket_id: 'd3',
        status: 'unresolved',
        handling_channel: 'hotline',
        customer_type: 'individual',
        region: 'domestic',
        is_overseas: false
      },
      {
        ticket_id: 'd4',
        status: 'open',
        handling_channel: 'hotline',
        customer_type: 'individual',
        region: 'domestic',
        is_overseas: false
      }
    ]);
  });
});
