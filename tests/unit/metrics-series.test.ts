import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { SERIES_IDS } from '../../src/lib/metrics/catalogue';
import { computeSeries, type MetricSeries } from '../../src/lib/metrics/series';
import { ENGINES } from '../support/engines';
import { loadCsv, scalar } from '../fixtures/metrics/harness';

// Asia/Shanghai (the default zone). 2026-03-02 is a Monday, 03-08 a Sunday.
const SERIES_CSV = [
  'ticket_id,created_at,entry_channel,first_response_at,status,resolved_at,csat',
  'a1,2026-03-02 10:00:00,hotline,2026-03-02 10:10:00,resolved,2026-03-02 11:00:00,5', // fr 10, res 60
  'a2,2026-03-02 12:00:00,hotline,2026-03-02 12:30:00,resolved,2026-03-02 14:00:00,3', // fr 30, res 120
  'a3,2026-03-04 09:00:00,hotline,2026-03-04 09:20:00,open,,', // fr 20, open
  'a4,2026-03-08T16:30:00Z,hotline,2026-03-08T17:30:00Z,resolved,2026-03-08T20:30:00Z,4', // local Mon 03-09 00:30: fr 60, res 240
  'a5,2026-03-08 23:00:00,hotline,,unresolved,,' // local Sun 03-08
];

const byId = (series: MetricSeries[], id: string) => series.find((s) => s.id === id)!;
const values = (series: MetricSeries[], id: string) =>
  Object.fromEntries(byId(series, id).points.map((p) => [p.period, p.value]));

describe.each(ENGINES)('metric time series on $name DuckDB', ({ open }) => {
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    db = await open();
    report = await loadCsv(db, SERIES_CSV);
  });
  afterAll(() => db.close());

  it('per local day', async () => {
    const s = await computeSeries(db, {
      ids: ['tickets', 'open_tickets', 'first_response_minutes_median', 'resolve_minutes_median'],
      grain: 'day',
      present: report.presentColumns
    });
    // a4 is 03-08 in UTC but 03-09 in Shanghai
    expect(values(s, 'tickets')).toEqual({
      '2026-03-02': 2,
      '2026-03-04': 1,
      '2026-03-08': 1,
      '2026-03-09': 1
    });
    expect(values(s, 'open_tickets')).toEqual({
      '2026-03-02': 0,
      '2026-03-04': 1,
      '2026-03-08': 0,
      '2026-03-09': 0
    });
    // 03-02: 10, 30 → 20 ; 03-04: 20 ; 03-08: none ; 03-09: 60
    expect(values(s, 'first_response_minutes_median')).toEqual({
      '2026-03-02': 20,
      '2026-03-04': 20,
      '2026-03-08': null,
      '2026-03-09': 60
    });
    const resolve = byId(s, 'resolve_minutes_median');
    expect(resolve.points.map((p) => [p.period, p.value])).toEqual([
      ['2026-03-02', 90],
      ['2026-03-04', null],
      ['2026-03-08', null],
      ['2026-03-09', 240]
    ]);
    expect(resolve.points[1]!.reason).toBe(
      'no tickets with status resolved and resolved_at in the current filters'
    );
  });

  it('per ISO week (Monday first) in the dataset zone', async () => {
    const s = await computeSeries(db, {
      ids: [
        'tickets',
        'first_response_minutes_p90',
        'resolve_minutes_median',
        'csat_mean',
        'csat_satisfied_rate',
        'domestic_resolution_rate'
      ],
      grain: 'week',
      present: report.presentColumns
    });
    // week of 03-02: a1, a2, a3, a5 ; week of 03-09: a4
    expect(values(s, 'tickets')).toEqual({ '2026-03-02': 4, '2026-03-09': 1 });
    // first responses 10, 20, 30 → p90 at 0.9 × 2 = 1.8 → 20 + 0.8 × 10 = 28
    expect(values(s, 'first_response_minutes_p90')['2026-03-02']).toBeCloseTo(28, 9);
    expect(values(s, 'resolve_minutes_median')).toEqual({ '2026-03-02': 90, '2026-03-09': 240 });
    expect(values(s, 'csat_mean')).toEqual({ '2026-03-02': 4, '2026-03-09': 4 });
    expect(values(s, 'csat_satisfied_rate')).toEqual({ '2026-03-02': 0.5, '2026-03-09': 1 });
    // not open: a1 R, a2 R, a5 U → 2/3 ; a4 R → 1/1
    expect(values(s, 'domestic_resolution_rate')['2026-03-02']).toBeCloseTo(2 / 3, 12);
    expect(values(s, 'domestic_resolution_rate')['2026-03-09']).toBe(1);
  });

  it('each day equals the figure computed with that day as the date filter', async () => {
    const ids = ['tickets', 'first_response_minutes_median', 'resolve_minutes_p90', 'csat_mean'];
    const s = await computeSeries(db, { ids, grain: 'day', present: report.presentColumns });
    for (const id of ids) {
      for (const point of byId(s, id).points) {
        const filters = { from: point.period, to: point.period };
        const figure = await scalar(db, report, id, { filters });
        expect(point.value, `${id} ${point.period}`).toBe(figure.value);
        expect(point.n, `${id} ${point.period}`).toBe(figure.n);
      }
    }
  });

  it('all series of a page in one query; missing columns give a reason instead of points', async () => {
    let queries = 0;
    const counting: Db = {
      engine: db.engine,
      query: (text, params) => {
        queries += 1;
        return db.query(text, params);
      },
      exec: (text) => db.exec(text),
      registerFile: (name, bytes) => db.registerFile(name, bytes),
      dropFile: (name) => db.dropFile(name),
      close: () => db.close()
    };
    const s = await computeSeries(counting, {
      ids: SERIES_IDS,
      grain: 'week',
      present: report.presentColumns
    });
    expect(queries).toBe(1);
    expect(s.map((x) => x.id)).toEqual(SERIES_IDS);
    expect(byId(s, 'handle_seconds_mean')).toEqual({
      id: 'handle_seconds_mean',
      points: [],
      reason: 'not available — needs column handle_seconds'
    });
    expect(byId(s, 'self_service_rate').reason).toContain('needs column resolved_by');
  });

  it('filters apply to the series', async () => {
    const s = await computeSeries(db, {
      ids: ['tickets'],
      grain: 'week',
      present: report.presentColumns,
      filters: { from: '2026-03-03' }
    });
    expect(values(s, 'tickets')).toEqual({ '2026-03-02': 2, '2026-03-09': 1 });
  });

  it('refuses a metric that is not an aggregate', async () => {
    await expect(
      computeSeries(db, { ids: ['volume_by_channel'], grain: 'day', present: [] })
    ).rejects.toThrow(/no time series for volume_by_channel/);
  });
});
