import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { loadTicketFile, rejectedRows, type LoadReport } from '../../src/lib/ingest/load/load';
import { mappingFromJson, mappingToJson } from '../../src/lib/ingest/map/mapping-json';
import type { Mapping } from '../../src/lib/ingest/map/mapping-types';
import { eventLogPlan, eventRowsSql, foldSql } from '../../src/lib/ingest/events/event-folding';
import { columnRows, missingRequired } from '../../src/lib/ingest/map/mapping-edit';
import { ENGINES } from '../support/engines';

const FIXTURES = 'tests/fixtures/ingest';
const EVALDATA = '../shared/evaldata';

const iso = (ms: unknown) =>
  typeof ms === 'number' ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : ms;

/** The generic fixture, described by hand: columns Case, Timestamp, Activity, Agent, Impact. */
const EVENT_MAPPING: Mapping = {
  columns: { agent_id: 3, priority: 4 },
  values: { priority: { high: 'P1', medium: 'P2', low: 'P3' } },
  events: {
    caseColumn: 0,
    timeColumn: 1,
    timeFormat: 'iso',
    activityColumn: 2,
    marks: {
      opened: ['Created'],
      humanRequested: ['Queued'],
      answered: ['Assigned'],
      resolved: ['Resolved'],
      closed: ['Closed']
    }
  }
};

async function load(db: Db, path: string, options: Parameters<typeof loadTicketFile>[2] = {}) {
  const bytes = new Uint8Array(readFileSync(path));
  return loadTicketFile(db, { name: path.split('/').pop()!, bytes }, options);
}

async function tickets(db: Db, columns: string) {
  const rows = await db.query(`SELECT ${columns} FROM tickets ORDER BY ticket_id`);
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k.endsWith('_at') ? iso(v) : v]))
  );
}

function expectEveryEventAccounted(report: LoadReport, events: number): void {
  expect(report.rows.total).toBe(events);
  expect(report.rows.accepted + report.rows.rejected).toBe(events);
  expect(report.eventLog?.events).toBe(events);
}

/** Median of resolution minutes straight from the file: no project code. */
function independentMedian(
  text: string,
  caseName: string,
  timeName: string,
  resolving: (row: Record<string, string>) => boolean,
  toMs: (text: string) => number
) {
  const [head, ...lines] = text.trim().split('\n');
  const header = head!.split(',');
  const first = new Map<string, number>();
  const resolved = new Map<string, number>();
  for (const line of lines) {
    const cells = line.split(',');
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const key = row[caseName]!;
    const t = toMs(row[timeName]!);
    first.set(key, Math.min(first.get(key) ?? t, t));
    if (resolving(row)) resolved.set(key, Math.max(resolved.get(key) ?? t, t));
  }
  const minutes = [...resolved].map(([k, t]) => (t - first.get(k)!) / 60_000).sort((a, b) => a - b);
  const mid = minutes.length / 2;
  const median =
    minutes.length % 2 ? minutes[Math.floor(mid)]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
  return { events: lines.length, cases: first.size, resolved: minutes.length, median };
}

const ROME = new Intl.DateTimeFormat('en', {
  timeZone: 'Europe/Rome',
  timeZoneName: 'shortOffset'
});

/** Europe/Rome wall clock → UTC ms, by asking Intl for the offset (independent of the loader). */
function romeToUtc(text: string): number {
  const [d, t] = text.split(' ');
  const [y, m, day] = d!.split('/').map(Number);
  const [hh, mm, ss] = t!.split(':').map(Number);
  const naive = Date.UTC(y!, m! - 1, day!, hh!, mm!, Math.floor(ss!));
  const offsetHours = (ms: number) =>
    Number(
      ROME.formatToParts(new Date(ms))
        .find((p) => p.type === 'timeZoneName')!
        .value.replace('GMT', '') || 0
    );
  return naive - offsetHours(naive - offsetHours(naive) * 3_600_000) * 3_600_000;
}

describe.each(ENGINES)('event logs on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('compiles a mapping into SQL that folds events on its own (no loader)', async () => {
    await db.exec('CREATE OR REPLACE MACRO from_local(ts) AS ts');
    await db.exec(`CREATE OR REPLACE TABLE raw AS SELECT * FROM (VALUES
      (1, 'X', '2026-01-01 10:00:00', 'Created', 'ann', 'low'),
      (2, 'X', '2026-01-01 10:30:00', 'Assigned', 'bob', ''),
      (3, 'X', '2026-01-01 10:20:00', 'assigned ', 'cy', 'high'),
      (4, 'X', '2026-01-01 12:00:00', 'Resolved', '', ''),
      (5, 'Y', 'soon', 'Created', 'dee', 'low'),
      (6, ' ', '2026-01-01 09:00:00', 'Created', 'eve', 'low')
    ) t(__rec, c0, c1, c2, c3, c4)`);
    const plan = eventLogPlan(EVENT_MAPPING);
    const events = eventRowsSql(plan, ['Case', 'Timestamp', 'Activity', 'Agent', 'Impact']);
    // the mark values are bound parameters, not SQL text
    expect(events.params.slice(0, 5)).toEqual([
      'created',
      'queued',
      'assigned',
      'resolved',
      'closed'
    ]);
    expect(events.text).not.toContain("'assigned'");
    await db.query(`CREATE OR REPLACE TABLE events AS ${events.text}`, events.params);
    const reasons = await db.query(
      `SELECT __rec, __event_reason AS r FROM events WHERE __event_reason <> '' ORDER BY __rec`
    );
    expect(reasons).toEqual([
      { __rec: 5, r: 'unreadable timestamp Timestamp "soon"' },
      { __rec: 6, r: 'no case id (column "Case" is empty)' }
    ]);
    const fold = foldSql(plan, [
      ['agent_id', 3],
      ['priority', 4]
    ]);
    const rows = await db.query(fold.text);
    const byName = Object.fromEntries(fold.columns.map((c, k) => [c, rows[0]![`c${k}`]]));
    expect(rows).toHaveLength(1);
    expect(byName).toEqual({
      ticket_id: 'X',
      created_at: '2026-01-01 10:00:00.000000Z',
      human_requested_at: null, // Queued marks humans, and X has no Queued event
      agent_answered_at: '2026-01-01 10:20:00.000000Z', // "assigned " matches trimmed, any case
      resolved_at: '2026-01-01 12:00:00.000000Z',
      status: 'resolved',
      agent_id: 'bob', // last non-empty by time: bob at 10:30, after cy at 10:20
      priority: 'high' // last non-empty: the empty ones at 10:30 and 12:00 do not count
    });
  });

  describe('a hand-folded event log with a saved mapping', () => {
    let report: LoadReport;
    beforeAll(async () => {
      report = await load(db, `${FIXTURES}/event-log.csv`, {
        mapping: EVENT_MAPPING,
        timeZone: 'UTC'
      });
    });

    it('accounts for every event: accepted in a ticket or rejected on its line', async () => {
      expectEveryEventAccounted(report, 15);
      // D's "Urgent" is no priority code the mapping lists: kept as `urgent` (open vocabulary, v2)
      expect(report.rows).toEqual({ total: 15, accepted: 12, rejected: 3, tickets: 4 });
      expect(report.eventLog).toMatchObject({
        caseColumn: 'Case',
        timeColumn: 'Timestamp',
        activityColumn: 'Activity',
        ticketsBuilt: 4,
        ticketsRejected: 0,
        detection: []
      });
      const rejected = await rejectedRows(db, report.header.length);
      expect(rejected.map((r) => [r.line, r.reason])).toEqual([
        [8, 'unreadable timestamp Timestamp "not a time"'],
        [11, 'no case id (column "Case" is empty)'],
        [16, 'wrong number of fields: expected 5, found 3']
      ]);
      expect(rejected[0]!.fields).toEqual(['B', 'not a time', 'Assigned', 'bob', 'Low']);
    });

    it('folds each case as worked out by hand', async () => {
      expect(
        await tickets(
          db,
          'ticket_id, created_at, human_requested_at, agent_answered_at, resolved_at, status, agent_id, priority, entry_channel'
        )
      ).toEqual([
        {
          // events out of file order; answered = first Assigned after the Queued request
          ticket_id: 'A',
          created_at: '2026-03-01 09:00',
          human_requested_at: '2026-03-01 09:05',
          agent_answered_at: '2026-03-01 09:10',
          resolved_at: '2026-03-01 11:00',
          status: 'resolved',
          agent_id: 'alice',
          priority: 'P2',
          entry_channel: 'unspecified'
        },
        {
          // line 8 rejected alone; Assigned twice → first; last non-empty Agent and Impact
          ticket_id: 'B',
          created_at: '2026-03-02 08:00',
          human_requested_at: null,
          agent_answered_at: '2026-03-02 08:30',
          resolved_at: null,
          status: 'open',
          agent_id: 'carol',
          priority: 'P3',
          entry_channel: 'unspecified'
        },
        {
          // no resolution
          ticket_id: 'C',
          created_at: '2026-03-03 10:00',
          human_requested_at: null,
          agent_answered_at: '2026-03-03 10:20',
          resolved_at: null,
          status: 'open',
          agent_id: 'dave',
          priority: 'P3',
          entry_channel: 'unspecified'
        },
        {
          // resolved with no Assigned event; an unlisted priority kept as written
          ticket_id: 'D',
          created_at: '2026-03-04 10:00',
          human_requested_at: null,
          agent_answered_at: null,
          resolved_at: '2026-03-04 10:30',
          status: 'resolved',
          agent_id: 'erin',
          priority: 'urgent',
          entry_channel: 'unspecified'
        }
      ]);
      const [wait] = await db.query(
        "SELECT wait_seconds, resolve_minutes FROM tickets WHERE ticket_id = 'A'"
      );
      expect(wait).toEqual({ wait_seconds: 300, resolve_minutes: 120 });
    });

    it('detects the same log with no mapping and guesses the same marks', async () => {
      const detected = await load(db, `${FIXTURES}/event-log.csv`, { timeZone: 'UTC' });
      expect(detected.eventLog?.detection.join(' ')).toMatch(/"Case" repeats in the sample/);
      expect(detected.eventLog?.detection.join(' ')).toMatch(/"Timestamp" is the event time/);
      expect(detected.eventLog?.marks).toEqual({
        opened: ['Created'],
        answered: ['Assigned'],
        humanRequested: ['Queued'],
        resolved: ['Resolved'],
        closed: ['Closed']
      });
      expect(detected.mapping.events?.caseColumn).toBe(0);
      expect(detected.mapping.events?.activityColumn).toBe(2);
      const rows = await tickets(db, 'ticket_id, created_at, agent_answered_at, status');
      expect(rows.map((r) => [r.ticket_id, r.created_at, r.agent_answered_at, r.status])).toEqual([
        ['A', '2026-03-01 09:00', '2026-03-01 09:10', 'resolved'],
        ['B', '2026-03-02 08:00', '2026-03-02 08:30', 'open'],
        ['C', '2026-03-03 10:00', '2026-03-03 10:20', 'open'],
        // the suggester reads "Urgent" as a priority (a known synonym), so D is not rejected here
        ['D', '2026-03-04 10:00', null, 'resolved']
      ]);
      expect(detected.rows).toEqual({ total: 15, accepted: 12, rejected: 3, tickets: 4 });
      // the mapping editor sees the folded columns as computed, not as missing
      expect(missingRequired(columnRows(detected, detected.mapping))).toEqual([]);
      expect(missingRequired(columnRows(report, report.mapping))).toEqual([]);
    });
  });

  it('folds a ServiceNow incident_event_log export with no mapping', async () => {
    const report = await load(db, `${FIXTURES}/servicenow-incident-events.csv`);
    expect(report.presetId).toBe('servicenow-incident-events');
    expectEveryEventAccounted(report, 14);
    expect(report.rows).toEqual({ total: 14, accepted: 13, rejected: 1, tickets: 4 });
    const rejected = await rejectedRows(db, report.header.length);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [8, 'unreadable timestamp sys_updated_at "??/3/2016 11:00"']
    ]);
    expect(
      await tickets(
        db,
        'ticket_id, created_at, agent_answered_at, resolved_at, status, priority, agent_id, user_id, issue_type, resolve_minutes'
      )
    ).toEqual([
      {
        ticket_id: 'INC0000101',
        created_at: '2016-02-29 01:16',
        agent_answered_at: '2016-02-29 01:40',
        resolved_at: '2016-02-29 03:46',
        status: 'resolved',
        priority: 'P2',
        agent_id: 'Resolver 17',
        user_id: 'Caller 11',
        issue_type: 'category 5',
        resolve_minutes: 150
      },
      {
        ticket_id: 'INC0000102',
        created_at: '2016-03-01 10:00',
        agent_answered_at: '2016-03-01 10:35',
        resolved_at: null,
        status: 'open',
        priority: 'P0',
        agent_id: 'Resolver 3',
        user_id: 'Caller 20',
        issue_type: 'category 9',
        resolve_minutes: null
      },
      {
        // resolved, reopened, resolved again: the final resolution counts
        ticket_id: 'INC0000103',
        created_at: '2016-03-02 09:00',
        agent_answered_at: '2016-03-02 09:30',
        resolved_at: '2016-03-03 10:00',
        status: 'resolved',
        priority: 'P3',
        agent_id: 'Resolver 9',
        user_id: 'Caller 5',
        issue_type: 'category 2',
        resolve_minutes: 1500
      },
      {
        ticket_id: 'INC0000104',
        created_at: '2016-03-04 10:00',
        agent_answered_at: null,
        resolved_at: null,
        status: 'unresolved',
        priority: 'P2',
        agent_id: null,
        user_id: 'Caller 7',
        issue_type: 'category 2',
        resolve_minutes: null
      }
    ]);
  });
});

// The real logs take a while: the SQL is the same on both builds (the fixtures above run on both).
describe('real event logs on native DuckDB', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  it('folds the helpdesk log: every event in a ticket, median resolution as computed from the CSV', async () => {
    const path = `${EVALDATA}/helpdesk_italian_sw_finale.csv`;
    if (!existsSync(path)) return console.warn(`skipping: ${path} not found`);
    const report = await load(db, path);
    const expected = independentMedian(
      readFileSync(path, 'utf8'),
      'Case ID',
      'Complete Timestamp',
      (r) => r.Activity === 'Resolve ticket' || r.Activity === 'RESOLVED',
      romeToUtc
    );
    expect(expected).toMatchObject({ events: 21348, cases: 4580 });
    expect(report.presetId).toBe('helpdesk-events');
    expectEveryEventAccounted(report, expected.events);
    expect(report.rows).toEqual({ total: 21348, accepted: 21348, rejected: 0, tickets: 4580 });
    const [s] = await db.query(
      `SELECT count(*)::DOUBLE AS resolved, median(resolve_minutes) AS median FROM tickets WHERE status = 'resolved'`
    );
    expect(s?.resolved).toBe(expected.resolved);
    expect(s?.median as number).toBeCloseTo(expected.median, 6);
  }, 120_000);

  it('folds the Volvo BPI 2013 log, from its CSV and from its XES original alike', async () => {
    const csv = `${EVALDATA}/bpi2013_volvo_incidents_events.csv`;
    const xes = `${EVALDATA}/bpi2013_volvo_incidents.xes.gz`;
    if (!existsSync(csv) || !existsSync(xes)) return console.warn('skipping: Volvo log not found');
    const expected = independentMedian(
      readFileSync(csv, 'utf8'),
      'sr_number',
      'timestamp',
      (r) => r.sub_status === 'Resolved' || r.sub_status === 'In Call',
      Date.parse
    );
    expect(expected).toMatchObject({ events: 65533, cases: 7554 });
    const summary = `SELECT count(*)::DOUBLE AS tickets, count(*) FILTER (WHERE status = 'resolved')::DOUBLE AS resolved,
        median(resolve_minutes) FILTER (WHERE status = 'resolved') AS median,
        count(*) FILTER (WHERE priority = 'P0')::DOUBLE AS major, sum(epoch(created_at))::DOUBLE AS created_sum,
        sum(epoch(agent_answered_at))::DOUBLE AS answered_sum FROM tickets`;
    const fromCsv = await load(db, csv);
    expect(fromCsv.presetId).toBe('volvo-incidents');
    expectEveryEventAccounted(fromCsv, expected.events);
    expect(fromCsv.rows).toEqual({ total: 65533, accepted: 65533, rejected: 0, tickets: 7554 });
    const [a] = await db.query(summary);
    expect(a?.resolved).toBe(expected.resolved);
    expect(a?.median as number).toBeCloseTo(expected.median, 6);

    const fromXes = await load(db, xes);
    expect(fromXes.encoding).toBe('xes');
    expect(fromXes.presetId).toBe('volvo-incidents');
    expect(fromXes.rows).toEqual(fromCsv.rows);
    const [b] = await db.query(summary);
    expect(b).toEqual(a);
  }, 240_000);
});

describe('event-log mappings in JSON', () => {
  it('round-trip with their events description', () => {
    expect(mappingFromJson(mappingToJson(EVENT_MAPPING), 5)).toEqual(EVENT_MAPPING);
  });

  it.each([
    [{ caseColumn: 'a', timeColumn: 1 }, /events\.caseColumn must be a column index/],
    [{ caseColumn: 0, timeColumn: 9 }, /events\.timeColumn must be a column index.*below 5/],
    [{ caseColumn: 0, timeColumn: 1, timeFormat: 'dd.mm' }, /events\.timeFormat/],
    [
      { caseColumn: 0, timeColumn: 1, activityColumn: 2, marks: { done: ['x'] } },
      /events\.marks\.done/
    ],
    [
      { caseColumn: 0, timeColumn: 1, activityColumn: 2, marks: { resolved: 'x' } },
      /events\.marks\.resolved must be a list/
    ],
    [{ caseColumn: 0, timeColumn: 1, marks: { resolved: ['x'] } }, /need events\.activityColumn/],
    ['yes', /events must be an object/]
  ])('reject %j naming the field', (events, message) => {
    const json = JSON.stringify({ version: 1, columns: {}, values: {}, events });
    expect(() => mappingFromJson(json, 5)).toThrow(message);
  });
});

describe('XES reading', () => {
  const XES = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- made by hand -->
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="event"><string key="concept:name" value="UNKNOWN"/></global>
  <trace>
    <string key="concept:name" value="T-1"/>
    <event>
      <string key="concept:name" value="Created"/>
      <date key="time:timestamp" value="2026-03-01T09:00:00+01:00"/>
    </event>
    <event>
      <string key="concept:name" value="Resolved"/>
      <string key="org:resource" value="Ann &amp; &quot;Bo&quot;, team"/>
      <date key="time:timestamp" value="2026-03-01T10:30:00+01:00"/>
    </event>
  </trace>
  <trace><string key="concept:name" value="T-2"/>
    <event><string key="concept:name" value="Created"/><date key="time:timestamp" value="2026-03-02T09:00:00+01:00"/></event>
  </trace>
</log>`;

  it.each(ENGINES)('loads traces and events as event rows on $name DuckDB', async ({ open }) => {
    const db = await open();
    try {
      const bytes = gzipSync(new TextEncoder().encode(XES));
      const report = await loadTicketFile(db, { name: 'log.xes.gz', bytes }, { timeZone: 'UTC' });
      expect(report.encoding).toBe('xes');
      expect(report.header).toEqual([
        'case:concept:name',
        'concept:name',
        'time:timestamp',
        'org:resource'
      ]);
      expect(report.rows).toEqual({ total: 3, accepted: 3, rejected: 0, tickets: 2 });
      expect(await tickets(db, 'ticket_id, created_at, resolved_at, status, agent_id')).toEqual([
        {
          ticket_id: 'T-1',
          created_at: '2026-03-01 08:00',
          resolved_at: '2026-03-01 09:30',
          status: 'resolved',
          agent_id: 'Ann & "Bo", team'
        },
        {
          ticket_id: 'T-2',
          created_at: '2026-03-02 08:00',
          resolved_at: null,
          status: 'open',
          agent_id: null
        }
      ]);
    } finally {
      await db.close();
    }
  });
});
