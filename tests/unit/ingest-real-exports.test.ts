/**
 * Exports as analysts really upload them, loaded with no mapping file: Chinese date forms
 * (2026年3月1日 14:05, 2026/3/1 下午3:00, 9时30分), day/month order decided by the whole file, 12-hour
 * clocks, spelled durations (00:05:23, 5分23秒, 1小时5分), units in the header (处理时长(分钟)), an
 * unrated satisfaction cell (未评价), and a workbook with a title block above the header and a totals
 * row under the tickets. Every expected figure is worked out by hand from the rows written here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { headerUnit } from '../../src/lib/ingest/load/duration-sql';
import { loadTicketFile, type LoadReport } from '../../src/lib/ingest/load/load';
import { detectFileTimestampFormats } from '../../src/lib/ingest/load/timestamp-formats';
import { ENGINES } from '../support/engines';
import { gb18030 } from '../support/gb18030';
import { writeWorkbook, type Cell } from '../support/workbook';

const CONSOLE = [
  '工单编号,创建时间,渠道,状态,首次响应时间,解决时间,满意度,处理时长',
  'T1,2026年3月1日 14:05,电话,已解决,2026年3月1日 14:10,2026年3月1日 15:05,满意,00:05:23',
  'T2,2026/3/1 下午3:00,在线,已解决,2026/3/1 下午3:02,2026/3/1 下午4:30,一般,5分23秒',
  'T3,2026年3月2日 9时30分,邮件,处理中,--,,未评价,',
  'T4,2026.3.2 10:00,微信,已关闭,2026.3.2 10:20,2026.3.2 12:00:00,不满意,1小时5分'
].join('\r\n');

type Ticket = {
  ticket_id: string;
  created: string;
  status: string;
  resolve: number | null;
  first: number | null;
  handle: number | null;
  csat: number | null;
};

async function tickets(db: Db): Promise<Ticket[]> {
  return db.query<Ticket>(
    `SELECT ticket_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created, status,
       resolve_minutes::DOUBLE AS resolve, first_response_minutes::DOUBLE AS first,
       handle_seconds::DOUBLE AS handle, csat::INTEGER AS csat
     FROM tickets ORDER BY ticket_id`
  );
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe.each(ENGINES)('real exports on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it.each([
    ['UTF-8', () => bytes(CONSOLE)],
    ['GB18030', () => gb18030(CONSOLE)]
  ])(
    'a %s console export: Chinese dates and clocks, spelled durations, unrated csat',
    async (_, file) => {
      const report = await loadTicketFile(db, { name: '工单导出.csv', bytes: file() });
      expect(report.rows).toEqual({ total: 4, accepted: 4, rejected: 0, tickets: 4 });
      // created_at is stored in UTC: the file's wall clock is Asia/Shanghai (UTC+8)
      // 满意 / 一般 / 不满意 and no five-step word: read on three steps, 5 / 3 / 1.
      expect(await tickets(db)).toEqual([
        {
          ticket_id: 'T1',
          created: '2026-03-01 06:05:00',
          status: 'resolved',
          resolve: 60,
          first: 5,
          handle: 323,
          csat: 5
        },
        {
          ticket_id: 'T2',
          created: '2026-03-01 07:00:00',
          status: 'resolved',
          resolve: 90,
          first: 2,
          handle: 323,
          csat: 3
        },
        {
          ticket_id: 'T3',
          created: '2026-03-02 01:30:00',
          status: 'open',
          resolve: null,
          first: null,
          handle: null,
          csat: null
        },
        {
          ticket_id: 'T4',
          created: '2026-03-02 02:00:00',
          status: 'resolved',
          resolve: 120,
          first: 20,
          handle: 3900,
          csat: 1
        }
      ]);
      // 未评价 is no rating (not a rejected row); the words keep the five-step reading (满意 = 4)
    }
  );

  it('reads day/month from the one value that tells, for every date column of the file', async () => {
    const text = [
      'Ticket ID,Created,Status,Resolved',
      '1,01/03/2026 09:00,Resolved,01/03/2026 10:00',
      '2,02/03/2026 09:00,Resolved,05/03/2026 09:00',
      '3,14/03/2026 08:30,Open,',
      '4,03/13/2026 09:00,Open,'
    ].join('\n');
    const report = await loadTicketFile(db, { name: 'eu.csv', bytes: bytes(text) });
    expect(report.rows).toMatchObject({ total: 4, accepted: 3, rejected: 1 });
    // the odd row is refused by name, never read the other way round
    expect(report.rejectedSample).toEqual([
      expect.objectContaining({
        line: 5,
        reason: 'unreadable timestamp created_at "03/13/2026 09:00"'
      })
    ]);
    const got = await tickets(db);
    expect(got.map((t) => [t.ticket_id, t.created, t.resolve])).toEqual([
      ['1', '2026-03-01 01:00:00', 60],
      ['2', '2026-03-02 01:00:00', 3 * 24 * 60],
      ['3', '2026-03-14 00:30:00', null]
    ]);
  });

  it('reads the same tickets written month first, and 12-hour clocks', async () => {
    const text = [
      'Ticket ID,Created,Status,Resolved',
      '1,3/1/2026 9:00:00 AM,Resolved,3/1/2026 10:00:00 AM',
      '2,3/2/2026 12:15:00 AM,Resolved,3/5/2026 12:15:00 PM',
      '3,3/14/2026 8:30 PM,Open,'
    ].join('\n');
    const report = await loadTicketFile(db, { name: 'us.csv', bytes: bytes(text) });
    expect(report.rows).toMatchObject({ total: 3, accepted: 3, rejected: 0 });
    const got = await tickets(db);
    // 12:15 AM is 00:15 (16:15 UTC the day before); 12:15 PM is noon
    expect(got.map((t) => [t.ticket_id, t.created, t.resolve])).toEqual([
      ['1', '2026-03-01 01:00:00', 60],
      ['2', '2026-03-01 16:15:00', 3 * 24 * 60 + 12 * 60],
      ['3', '2026-03-14 12:30:00', null]
    ]);
  });

  it('scales plain numbers by the unit the header names', async () => {
    const text = [
      '工单号,创建时间,处理时长(分钟),满意度',
      'A1,2026-03-01 09:00,5,非常满意',
      'A2,2026-03-01 10:00,2.5,满意',
      'A3,2026-03-01 11:00,00:01:30,一般'
    ].join('\n');
    const report = await loadTicketFile(db, { name: 'units.csv', bytes: bytes(text) });
    expect(report.rows).toMatchObject({ accepted: 3, rejected: 0 });
    const got = await tickets(db);
    // minutes → seconds; a spelled duration carries its own unit; a five-step column keeps 满意 = 4
    expect(got.map((t) => [t.handle, t.csat])).toEqual([
      [300, 5],
      [150, 4],
      [90, 3]
    ]);
  });

  it('reads a two-part clock as minutes and seconds of a handle time, hours and minutes of a wait in hours', async () => {
    const text = [
      'ticket_id,created_at,通话时长,translation_delay_hours',
      'B1,2026-03-01 09:00,05:23,01:30',
      'B2,2026-03-01 10:00,125:07,00:45',
      'B3,2026-03-01 11:00,0:59.5,',
      'B4,2026-03-01 12:00,05:75,'
    ].join('\n');
    const report = await loadTicketFile(db, { name: 'clocks.csv', bytes: bytes(text) });
    expect(report.rows).toMatchObject({ total: 4, accepted: 3, rejected: 1 });
    expect(report.rejectedSample[0]?.reason).toContain('handle_seconds');
    const got = await db.query<{ id: string; handle: number; delay: number | null }>(
      `SELECT ticket_id AS id, handle_seconds::DOUBLE AS handle,
         translation_delay_hours::DOUBLE AS delay FROM tickets ORDER BY 1`
    );
    expect(got).toEqual([
      { id: 'B1', handle: 5 * 60 + 23, delay: 1.5 },
      { id: 'B2', handle: 125 * 60 + 7, delay: 0.75 },
      { id: 'B3', handle: 59.5, delay: null }
    ]);
  });

  it('reads decimal commas and grouped thousands where the form tells, and rejects 1,234 by name', async () => {
    const text = [
      'ticket_id;created_at;ai_confidence;handle_seconds;load_ms',
      'E1;2026-03-01 09:00;0,85;1.234,5;1,234.5',
      'E2;2026-03-01 10:00;0.5;12,5;1,234,567',
      'E3;2026-03-01 11:00;1;1234,25;3',
      'E4;2026-03-01 12:00;;1,234;'
    ].join('\n');
    const report = await loadTicketFile(db, { name: 'eu.csv', bytes: bytes(text) });
    expect(report.delimiter).toBe(';');
    expect(report.rows).toMatchObject({ total: 4, accepted: 3, rejected: 1 });
    expect(report.rejectedSample[0]?.reason).toContain('handle_seconds "1,234"');
    const got = await db.query<{ id: string; conf: number; handle: number; load: number }>(
      `SELECT ticket_id AS id, ai_confidence::DOUBLE AS conf, handle_seconds::DOUBLE AS handle,
         load_ms::DOUBLE AS load FROM tickets ORDER BY 1`
    );
    expect(got).toEqual([
      { id: 'E1', conf: 0.85, handle: 1234.5, load: 1234.5 },
      { id: 'E2', conf: 0.5, handle: 12.5, load: 1234567 },
      { id: 'E3', conf: 1, handle: 1234.25, load: 3 }
    ]);
  });

  it('reads 1,234 the way the rest of the file writes its numbers, and says so', async () => {
    const handles = async (lines: string[]) => {
      const report = await loadTicketFile(db, { name: 'n.csv', bytes: bytes(lines.join('\n')) });
      const got = await db.query<{ handle: number }>(
        'SELECT handle_seconds::DOUBLE AS handle FROM tickets ORDER BY ticket_id'
      );
      const notices = report.notices.filter((n) => n.id.startsWith('numbers-')).map((n) => n.id);
      return { handles: got.map((r) => r.handle), rejected: report.rows.rejected, notices };
    };
    // Decimal points elsewhere: the comma groups thousands.
    expect(
      await handles([
        'ticket_id,created_at,handle_seconds,ai_confidence',
        'U1,2026-03-01 09:00,"1,234",0.85',
        'U2,2026-03-01 10:00,"12,500",0.5'
      ])
    ).toEqual({ handles: [1234, 12500], rejected: 0, notices: ['numbers-thousands'] });
    // Decimal commas elsewhere: the comma is the decimal mark.
    expect(
      await handles([
        'ticket_id;created_at;handle_seconds;ai_confidence',
        'D1;2026-03-01 09:00;1,234;0,85',
        'D2;2026-03-01 10:00;12,5;1'
      ])
    ).toEqual({ handles: [1.234, 12.5], rejected: 0, notices: ['numbers-decimal-comma'] });
    // Nothing else tells: rejected by name, as before.
    expect(
      await handles([
        'ticket_id;created_at;handle_seconds',
        'N1;2026-03-01 09:00;1,234',
        'N2;2026-03-01 10:00;5'
      ])
    ).toEqual({ handles: [5], rejected: 1, notices: [] });
  });

  it('two exports joined end to end: the second header line is left out by name, its words map nothing', async () => {
    const text = [
      '工单ID,创建时间,客户类型,状态,解决时间',
      '"\t10023",2026-03-01T09:00:00+08:00,企业,已解决,2026-03-01T10:00:00+08:00',
      '="10024",2026-03-01 09:30:00 Z,个人,已解决,2026-03-01 11:00:00 Z',
      '工单ID,创建时间,客户类型,状态,解决时间',
      '10026,2026-03-01 10:00:00 +0800,个人,已关闭,2026-03-02 10:00:00 +0800'
    ].join('\n');
    const report = await loadTicketFile(db, { name: 'joined.csv', bytes: bytes(text) });
    expect(report.rows).toMatchObject({ total: 4, accepted: 3, rejected: 1 });
    expect(report.unmatchedValues).toEqual({});
    expect(report.rejectedSample.map((r) => [r.line, r.reason])).toEqual([
      [4, expect.stringContaining('the header line again')]
    ]);
    const got = await db.query<{ id: string; created: string; resolve: number }>(
      `SELECT ticket_id AS id, strftime(created_at, '%Y-%m-%d %H:%M') AS created,
         resolve_minutes::DOUBLE AS resolve FROM tickets ORDER BY created_at`
    );
    // kept as UTC instants: 09:00+08:00 is 01:00Z; an Excel text guard and a tab are not the id
    expect(got).toEqual([
      { id: '10023', created: '2026-03-01 01:00', resolve: 60 },
      { id: '10026', created: '2026-03-01 02:00', resolve: 1440 },
      { id: '10024', created: '2026-03-01 09:30', resolve: 90 }
    ]);
  });

  it('a workbook with a title block, a second sheet and a totals row', async () => {
    const serial = (text: string) =>
      (Date.parse(`${text.replace(' ', 'T')}:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const date = (text: string): Cell => ({ t: 'n', v: serial(text), z: 'yyyy/m/d h:mm' });
    const sheet: Cell[][] = [
      ['工单明细报表'],
      ['导出时间：2026-03-05 10:00', null, '导出人：张三'],
      [],
      ['工单编号', '创建时间', '渠道', '状态', '解决时间', '处理时长', '满意度'],
      [
        'T1',
        date('2026-03-01 09:00'),
        '电话',
        '已解决',
        date('2026-03-01 10:00'),
        '00:05:00',
        '满意'
      ],
      [
        'T2',
        date('2026-03-01 11:00'),
        '在线',
        '已解决',
        date('2026-03-01 14:00'),
        '00:10:00',
        '不满意'
      ],
      ['T3', '2026/3/2 下午3:00', '邮件', '处理中', null, null, null],
      ['合计', null, null, null, null, '00:15:00', null]
    ];
    const book = writeWorkbook([
      ['工单', sheet],
      ['说明', [['说明'], ['本报表由系统生成']]]
    ]);
    const report: LoadReport = await loadTicketFile(db, { name: '报表.xlsx', bytes: book });
    expect(report.workbook?.sheet).toBe('工单');
    expect(report.workbook?.notes).toContain('2 title row(s) above the header left out');
    expect(report.rows).toEqual({ total: 4, accepted: 3, rejected: 1, tickets: 3 });
    expect(report.rejectedSample[0]?.reason).toMatch(/^a totals row, not a ticket/);
    const got = await tickets(db);
    expect(got.map((t) => [t.ticket_id, t.created, t.resolve, t.handle, t.csat])).toEqual([
      // 满意 / 不满意 with no five-step word: a three-step survey's top and bottom.
      ['T1', '2026-03-01 01:00:00', 60, 300, 5],
      ['T2', '2026-03-01 03:00:00', 180, 600, 1],
      ['T3', '2026-03-02 07:00:00', null, null, null]
    ]);
  });
});

describe('day and month order is one per file', () => {
  it('a column that tells decides for the columns that cannot', () => {
    expect(
      detectFileTimestampFormats([
        ['created_at', ['01/03/2026 09:00', '02/03/2026 10:00']],
        ['resolved_at', ['25/03/2026 09:00']]
      ])
    ).toEqual({ created_at: 'dmy', resolved_at: 'dmy' });
  });

  it('with nothing to tell: month first, dotted dates day first', () => {
    expect(detectFileTimestampFormats([['created_at', ['01/03/2026 09:00']]])).toEqual({
      created_at: 'mdy'
    });
    expect(detectFileTimestampFormats([['created_at', ['01.03.2026 09:00']]])).toEqual({
      created_at: 'dmy'
    });
  });
});

describe('headerUnit', () => {
  it.each([
    ['处理时长(分钟)', 'min'],
    ['处理时长（秒）', 's'],
    ['通话时长(s)', 's'],
    ['AHT (min)', 'min'],
    ['Handle time in seconds', 's'],
    ['Handle time (hrs)', 'h'],
    ['加载耗时(毫秒)', 'ms'],
    ['等待时长小时', 'h'],
    ['处理时长', undefined],
    ['Handle time', undefined]
  ])('%s → %s', (header, unit) => {
    expect(headerUnit(header)).toBe(unit);
  });
});
