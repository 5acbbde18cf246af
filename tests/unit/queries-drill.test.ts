import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { sql } from '../../src/lib/db/sql';
import {
  drillFromParams,
  drillWhere,
  paramsWithDrill,
  type DrillCondition
} from '../../src/lib/drill/drill';
import { filteredTickets } from '../../src/lib/metrics/filters';
import { DEFAULT_SETTINGS } from '../../src/lib/metrics/settings';
import { histogram } from '../../src/lib/queries/distributions';
import { ticketsByHourOfWeek, ticketsByLocalHour } from '../../src/lib/queries/hours';
import { topConfusedIntents } from '../../src/lib/queries/intents';
import { ticketCount, ticketExport, ticketPage } from '../../src/lib/queries/tickets';
import { dailyVolumeByChannel } from '../../src/lib/queries/trends';
import { loadCsv } from '../fixtures/metrics/harness';
import { ENGINES } from '../support/engines';

/**
 * Local wall-clock times in America/New_York around the 2026 spring-forward (8 March, 02:00 →
 * 03:00): offsets −05:00 before, −04:00 after. Expectations below are worked out by hand.
 */
const CSV = [
  'ticket_id,created_at,entry_channel,region,customer_type,human_requested_at,agent_answered_at,status,resolved_at,resolved_by,ai_intent,true_intent,escalated',
  'a,2026-03-07 12:00:00,hotline,domestic,individual,2026-03-07 12:00:00,2026-03-07 12:00:30,resolved,2026-03-07 13:00:00,agent,refund,refund,false',
  'b,2026-03-07 23:30:00,hotline,europe,enterprise,2026-03-07 23:30:00,2026-03-07 23:32:00,resolved,2026-03-08 04:30:00,expert,refund,login,true',
  'c,2026-03-08 09:15:00.250,mini_program,domestic,individual,,,resolved,2026-03-08 09:20:00,bot,login,login,false',
  'd,2026-03-09 12:00:00,mini_program,europe,individual,2026-03-09 12:00:00,2026-03-09 12:00:10,open,,,refund,login,false',
  'e,2026-03-09 22:00:00,hotline,domestic,enterprise,2026-03-09 22:00:00,,unresolved,,,,,false'
];

describe('drill conditions from a link', () => {
  it('keeps valid conditions and drops unknown keys, bad hours, stages and booleans', () => {
    const params = new URLSearchParams(
      'drill=region:europe&drill=hour:24&drill=stage:nope&drill=escalated:yes&drill=nokey:x&drill=hour:9&drill=:x&drill=stage:picked_up'
    );
    expect(drillFromParams(params)).toEqual([
      { key: 'region', value: 'europe' },
      { key: 'hour', value: '9' },
      { key: 'stage', value: 'picked_up' }
    ]);
    const back = paramsWithDrill(new URLSearchParams('from=2026-03-01'), drillFromParams(params));
    expect(drillFromParams(back)).toEqual(drillFromParams(params));
    expect(back.get('from')).toBe('2026-03-01');
  });
});

describe.each(ENGINES)('queries and drill on $name DuckDB', ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
    const report = await loadCsv(db, CSV, { timeZone: 'America/New_York' });
    expect(report.rows.accepted).toBe(5);
  });
  afterAll(async () => db.close());

  const ids = async (drill: DrillCondition[], staffed?: { start: number; end: number }) => {
    const q = sql`${filteredTickets({})} SELECT ticket_id FROM t WHERE ${drillWhere(drill, staffed ? { ...DEFAULT_SETTINGS, staffedHours: staffed } : DEFAULT_SETTINGS)} ORDER BY ticket_id`;
    return (await db.query<{ ticket_id: string }>(q.text, q.params)).map((r) => r.ticket_id);
  };

  it('each drill key selects the tickets it names', async () => {
    expect(await ids([])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await ids([{ key: 'entry_channel', value: 'hotline' }])).toEqual(['a', 'b', 'e']);
    expect(await ids([{ key: 'is_overseas', value: 'true' }])).toEqual(['b', 'd']);
    expect(await ids([{ key: 'escalated', value: 'false' }])).toEqual(['a', 'c', 'd', 'e']);
    expect(await ids([{ key: 'stage', value: 'human_requested' }])).toEqual(['a', 'b', 'd', 'e']);
    expect(await ids([{ key: 'stage', value: 'picked_up' }])).toEqual(['a', 'b', 'd']);
    expect(await ids([{ key: 'stage', value: 'resolved_by_human' }])).toEqual(['a', 'b']);
    // Local hours of creation: 12, 23, 9, 12, 22.
    expect(await ids([{ key: 'hour', value: '12' }])).toEqual(['a', 'd']);
    expect(await ids([{ key: 'staffed', value: 'false' }])).toEqual(['b', 'e']);
    expect(await ids([{ key: 'staffed', value: 'false' }], { start: 9, end: 23 })).toEqual(['b']);
    expect(
      await ids([
        { key: 'customer_type', value: 'enterprise' },
        { key: 'entry_channel', value: "hotline' OR TRUE --" }
      ])
    ).toEqual([]);
  });

  it('a page, its count and the export agree, in the table’s order', async () => {
    const drill: DrillCondition[] = [{ key: 'entry_channel', value: 'hotline' }];
    expect(await ticketCount(db, {}, drill)).toBe(3);
    const request = { filters: {}, drill, sort: 'wait_seconds', direction: 'desc' } as const;
    const first = await ticketPage(db, { ...request, limit: 2, offset: 0 });
    expect(first.map((r) => [r.ticket_id, r.wait_seconds])).toEqual([
      ['b', 120],
      ['a', 30]
    ]);
    const rest = await ticketPage(db, { ...request, limit: 2, offset: 2 });
    expect(rest.map((r) => r.ticket_id)).toEqual(['e']); // no wait: nulls last
    const exported = await ticketExport(db, {}, drill, { sort: 'wait_seconds', direction: 'desc' });
    const id = exported.header.indexOf('ticket_id');
    expect(exported.rows.map((r) => r[id])).toEqual(['b', 'a', 'e']);
    const byDate = await ticketExport(db, {}, [], { sort: 'created_at', direction: 'desc' });
    expect(byDate.rows.map((r) => r[id])).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('exports instants as ISO 8601 with the zone’s offset at that instant (DST), as the screen shows them', async () => {
    const { header, rows } = await ticketExport(db, {}, []);
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    expect(col('created_at')).toEqual([
      '2026-03-07T12:00:00-05:00',
      '2026-03-07T23:30:00-05:00',
      '2026-03-08T09:15:00.250000-04:00',
      '2026-03-09T12:00:00-04:00',
      '2026-03-09T22:00:00-04:00'
    ]);
    // b resolves after the clocks moved: 04:30 local is EDT.
    expect(col('resolved_at')).toEqual([
      '2026-03-07T13:00:00-05:00',
      '2026-03-08T04:30:00-04:00',
      '2026-03-08T09:20:00-04:00',
      null,
      null
    ]);
    const shown = await ticketPage(db, {
      filters: {},
      drill: [],
      sort: 'created_at',
      direction: 'asc',
      limit: 5,
      offset: 0
    });
    expect(shown.map((r) => r.created_at)).toEqual(
      col('created_at').map((v) => String(v).slice(0, 19).replace('T', ' '))
    );
    // The exported text names the same instant as the source's local time in its zone.
    expect(Date.parse(String(col('created_at')[0]))).toBe(Date.parse('2026-03-07T17:00:00Z'));
    expect(Date.parse(String(col('resolved_at')[1]))).toBe(Date.parse('2026-03-08T08:30:00Z'));
  });

  it('daily volume, local hours and hour of week count each ticket once on its local day', async () => {
    expect(await dailyVolumeByChannel(db, {})).toEqual([
      { day: '2026-03-07', key: 'hotline', count: 2 },
      { day: '2026-03-08', key: 'mini_program', count: 1 },
      { day: '2026-03-09', key: 'hotline', count: 1 },
      { day: '2026-03-09', key: 'mini_program', count: 1 }
    ]);
    expect(await dailyVolumeByChannel(db, { from: '2026-03-08', to: '2026-03-08' })).toEqual([
      { day: '2026-03-08', key: 'mini_program', count: 1 }
    ]);
    expect(await ticketsByLocalHour(db, {})).toEqual([
      { hour: 9, key: 'domestic', count: 1 },
      { hour: 12, key: 'domestic', count: 1 },
      { hour: 12, key: 'overseas', count: 1 },
      { hour: 22, key: 'domestic', count: 1 },
      { hour: 23, key: 'overseas', count: 1 }
    ]);
    // 7 March 2026 is a Saturday (6), the 8th a Sunday (7), the 9th a Monday (1).
    expect(await ticketsByHourOfWeek(db, {})).toEqual([
      { dow: 1, hour: 12, count: 1 },
      { dow: 1, hour: 22, count: 1 },
      { dow: 6, hour: 12, count: 1 },
      { dow: 6, hour: 23, count: 1 },
      { dow: 7, hour: 9, count: 1 }
    ]);
  });

  it('confused intents count ai ≠ true pairs, most frequent first', async () => {
    expect(await topConfusedIntents(db, {})).toEqual([
      { ai_intent: 'refund', true_intent: 'login', count: 2 }
    ]);
    expect(await topConfusedIntents(db, { region: ['domestic'] })).toEqual([]);
  });

  it('a duration histogram holds every ticket it is defined on once, with continuous quantiles', async () => {
    const h = await histogram(db, {}, 'wait_seconds');
    expect(h.scale).toBe('log');
    expect(h.groups).toHaveLength(1);
    const [all] = h.groups;
    expect(all!.n).toBe(3);
    expect(all!.counts.reduce((a, b) => a + b, 0)).toBe(3);
    // waits 10, 30, 120 s: median 30, p90 = 30 + 0.8 × 90 = 102.
    expect(all!.p50).toBe(30);
    expect(all!.p90).toBeCloseTo(102, 9);
    const byCustomer = await histogram(db, {}, 'resolve_minutes', 'customer_type');
    // Resolved only: a 60, c 4 min 59.75 s (individual); b 240 (enterprise: 23:30 EST → 04:30
    // EDT is 5 wall-clock hours but 4 elapsed, the night the clocks moved).
    expect(byCustomer.groups.map((g) => [g.key, g.n])).toEqual([
      ['enterprise', 1],
      ['individual', 2]
    ]);
    expect(byCustomer.groups[0]!.p50).toBe(240);
    expect(byCustomer.groups[1]!.p50).toBeCloseTo((60 + 299.75 / 60) / 2, 9);
  });
});
