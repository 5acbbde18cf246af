import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { drillFromParams } from '../../src/lib/drill/drill';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import {
  breakdownDimensions,
  breakdownMetrics,
  computeBreakdown,
  MIN_CELL_TICKETS
} from '../../src/lib/metrics/breakdown';
import { computeMetrics } from '../../src/lib/metrics/compute';
import type { ScalarResult } from '../../src/lib/metrics/types';
import { ticketCount } from '../../src/lib/queries/tickets';
import { openBundled } from '../support/bundled-data';
import { ENGINES } from '../support/engines';
import { loadCsv } from '../fixtures/metrics/harness';

const sunday = (monday: string) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);

describe('breakdown week × channel on the bundled data (native DuckDB)', () => {
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    ({ db, report } = await openBundled());
  }, 120_000);
  afterAll(() => db.close());

  it('each cell equals the figure filtered to that week and channel; totals likewise', async () => {
    const b = await computeBreakdown(db, {
      id: 'pickup_within_20s',
      dimension: 'entry_channel',
      present: report.presentColumns
    });
    expect(b.weeks.length).toBeGreaterThan(4);
    expect(b.keys.length).toBeGreaterThan(3);
    const figure = async (from: string, channel?: string) => {
      const filters = { from, to: sunday(from), ...(channel ? { entry_channel: [channel] } : {}) };
      const [r] = await computeMetrics(db, {
        filters,
        present: report.presentColumns,
        ids: ['pickup_within_20s']
      });
      return r as ScalarResult;
    };
    for (const w of [0, Math.floor(b.weeks.length / 2), b.weeks.length - 1]) {
      const week = b.weeks[w]!;
      expect(b.weekTotals[w]!.value).toBeCloseTo((await figure(week)).value ?? NaN, 12);
      for (const k of [0, b.keys.length - 1]) {
        const expected = await figure(week, b.keys[k]!);
        expect(b.cells[w]![k]!.n).toBe(expected.n);
        if (expected.value === null) expect(b.cells[w]![k]!.value).toBeNull();
        else expect(b.cells[w]![k]!.value).toBeCloseTo(expected.value, 12);
      }
    }
    const whole = (
      await computeMetrics(db, { present: report.presentColumns, ids: ['pickup_within_20s'] })
    )[0] as ScalarResult;
    expect(b.total.value).toBeCloseTo(whole.value!, 12);
    expect(b.keyTotals.reduce((n, c) => n + c.n, 0)).toBe(whole.n);
  });

  it('marks each week’s worst channel and the worst week, and names the channel that drove it', async () => {
    const b = await computeBreakdown(db, {
      id: 'pickup_within_20s',
      dimension: 'entry_channel',
      present: report.presentColumns
    });
    b.cells.forEach((row, w) => {
      const eligible = row.filter((c) => c.value !== null && c.n >= MIN_CELL_TICKETS);
      if (eligible.length === 0) return expect(b.worstKey[w]).toBe(-1);
      const lowest = Math.min(...eligible.map((c) => c.value!));
      expect(row[b.worstKey[w]!]!.value).toBe(lowest);
    });
    const eligibleWeeks = b.weekTotals.filter((c) => c.value !== null && c.n >= MIN_CELL_TICKETS);
    expect(b.weekTotals[b.worstWeek]!.value).toBe(Math.min(...eligibleWeeks.map((c) => c.value!)));
    expect(b.driver).toBeGreaterThanOrEqual(0);
    const driverCell = b.cells[b.worstWeek]![b.driver]!;
    expect(driverCell.value!).toBeLessThan(b.keyTotals[b.driver]!.value!);
  });

  it('a cell’s failing-ticket drill counts the cell’s failures', async () => {
    const b = await computeBreakdown(db, {
      id: 'pickup_within_20s',
      dimension: 'entry_channel',
      present: report.presentColumns
    });
    const w = b.worstWeek;
    const k = b.worstKey[w]!;
    const params = new URLSearchParams();
    for (const d of [
      'failing:pickup_within_20s',
      `entry_channel:${b.keys[k]}`,
      `week:${b.weeks[w]}`
    ]) {
      params.append('drill', d);
    }
    const drill = drillFromParams(params);
    expect(drill).toHaveLength(3);
    const cell = b.cells[w]![k]!;
    expect(await ticketCount(db, {}, drill)).toBeCloseTo(cell.n * (1 - cell.value!), 6);
  });

  it('offers only metrics and dimensions the file holds; week drills need a real Monday', () => {
    const ids = breakdownMetrics(report.presentColumns).map((m) => m.id);
    expect(ids).toContain('pickup_within_20s');
    expect(breakdownDimensions(report.presentColumns)).toContain('platform');
    for (const bad of ['2026-02-30', '2026-03-03', '2026-3-2', 'x']) {
      expect(drillFromParams(new URLSearchParams([['drill', `week:${bad}`]]))).toEqual([]);
    }
  });
});

describe.each(ENGINES)(
  'breakdown of a file without the seed’s columns on $name DuckDB',
  ({ open }) => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(() => db.close());

    it('offers the computable metrics and breaks them down in one query', async () => {
      const report = await loadCsv(db, [
        'ticket_id,created_at,entry_channel,resolved_at',
        'a1,2026-03-02 10:00:00,hotline,2026-03-02 10:30:00',
        'a2,2026-03-03 10:00:00,hotline,2026-03-03 12:00:00',
        'a3,2026-03-04 10:00:00,mail,',
        'a4,2026-03-10 10:00:00,mail,2026-03-10 11:00:00'
      ]);
      const offered = breakdownMetrics(report.presentColumns).map((m) => m.id);
      expect(offered).toContain('resolve_minutes_median');
      expect(offered).not.toContain('pickup_within_20s');
      expect(breakdownDimensions(report.presentColumns)).toEqual(['entry_channel']);
      const b = await computeBreakdown(db, {
        id: 'tickets',
        dimension: 'entry_channel',
        present: report.presentColumns
      });
      expect(b.weeks).toEqual(['2026-03-02', '2026-03-09']);
      expect(b.keys).toEqual(['hotline', 'mail']);
      expect(b.cells.map((row) => row.map((c) => c.value))).toEqual([
        [2, 1],
        [null, 1]
      ]);
      expect(b.total.value).toBe(4);
      await expect(
        computeBreakdown(db, {
          id: 'pickup_within_20s',
          dimension: 'entry_channel',
          present: report.presentColumns
        })
      ).rejects.toThrow(/needs column/);
    });
  }
);
