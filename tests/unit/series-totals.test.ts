import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { METRICS } from '../../src/lib/metrics/catalogue';
import { computeMetrics } from '../../src/lib/metrics/compute';
import type { Filters } from '../../src/lib/metrics/filters';
import type { ScalarResult } from '../../src/lib/metrics/types';
import { computeSeriesAndTotals } from '../../src/lib/metrics/series';
import { openBundled } from '../support/bundled-data';

/** Every aggregate figure, including those of files that lack some columns. */
const AGGREGATE_IDS = METRICS.filter((m) => m.shape === 'scalar').map((m) => m.id);

const FILTERS: Filters[] = [
  {},
  { region: ['southeast_asia'] },
  { entry_channel: ['hotline', 'mini_program'], from: '2026-03-10', to: '2026-04-02' },
  // No ticket at all: every figure is null with the reason computeMetrics gives.
  { region: ['southeast_asia'], from: '2030-01-01' }
];

describe('the series scan’s grand total (what the overview shows) equals computeMetrics', () => {
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    ({ db, report } = await openBundled());
  });
  afterAll(() => db.close());

  it.each(FILTERS)('with filters %j', async (filters) => {
    for (const present of [report.presentColumns, report.presentColumns.slice(0, 8)]) {
      const expected = (await computeMetrics(db, {
        filters,
        present,
        ids: AGGREGATE_IDS
      })) as ScalarResult[];
      const { totals, series } = await computeSeriesAndTotals(db, {
        ids: AGGREGATE_IDS,
        grains: ['week'],
        filters,
        present
      });
      expect(totals.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      totals.forEach((total, i) => {
        const want = expected[i]!;
        expect({ ...total, value: null }, total.id).toEqual({ ...want, value: null });
        if (want.value === null) expect(total.value, total.id).toBeNull();
        // computeMetrics reads means from the cube's per-group sums: doubles summed in another
        // order, equal up to the last bits.
        else
          expect(Math.abs(total.value! - want.value), total.id).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(want.value))
          );
      });
      expect(series.week!.map((s) => s.id)).toEqual(AGGREGATE_IDS);
    }
  });
});
