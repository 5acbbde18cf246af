import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { SERIES_IDS } from '../../src/lib/metrics/catalogue';
import { computeSeries, computeSeriesByGrain } from '../../src/lib/metrics/series';
import { SERVICE_CSV } from '../fixtures/metrics/fixtures';
import { ENGINES } from '../support/engines';
import { loadCsv } from '../fixtures/metrics/harness';

const MORE = [
  ...SERVICE_CSV,
  's9,2026-03-09 08:00:00,hotline,2026-03-09 08:30:00,resolved,2026-03-09 09:00:00,120,5',
  's10,2026-03-10 23:30:00,hotline,,unresolved,,,2'
];

describe.each(ENGINES)('day and week series from one query on $name DuckDB', ({ open }) => {
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    db = await open();
    report = await loadCsv(db, MORE);
  });
  afterAll(() => db.close());

  it('equals the series asked for one grain at a time, in one query', async () => {
    let queries = 0;
    const counting: Db = {
      ...db,
      query: (text, params) => ((queries += 1), db.query(text, params))
    };
    const both = await computeSeriesByGrain(counting, {
      ids: SERIES_IDS,
      grains: ['day', 'week'],
      present: report.presentColumns
    });
    expect(queries).toBe(1);
    for (const grain of ['day', 'week'] as const) {
      const alone = await computeSeries(db, {
        ids: SERIES_IDS,
        grain,
        present: report.presentColumns
      });
      expect(both[grain], grain).toEqual(alone);
    }
    expect(both.week!.find((s) => s.id === 'tickets')!.points.map((p) => p.period)).toEqual([
      '2026-03-02',
      '2026-03-09'
    ]);
  });
});
