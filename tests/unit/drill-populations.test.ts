import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { drillFromParams, type DrillCondition } from '../../src/lib/drill/drill';
import { METRIC_DRILL, toggledMetricDrill } from '../../src/lib/drill/metric-drill';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import { METRICS } from '../../src/lib/metrics/catalogue';
import { computeMetrics } from '../../src/lib/metrics/compute';
import type { Filters } from '../../src/lib/metrics/filters';
import type { MapResult, ScalarResult } from '../../src/lib/metrics/types';
import { ticketCount } from '../../src/lib/queries/tickets';
import { openBundled } from '../support/bundled-data';

/** Rates where a ticket in the numerator is the bad outcome (a misjudgment, a duplicate, a gap). */
const LOWER_IS_BETTER = new Set([
  'complex_misjudgment_rate',
  'duplicate_answer_rate',
  'offhours_gap_rate'
]);
/** Figures that count tickets: their drill opens exactly the tickets counted. */
const COUNTS = new Set(['tickets', 'open_tickets']);
/** Figures whose n is not a count of the tickets drilled (users; two overlapping groups). */
const OTHER_UNIT = new Set(['resolution_gap_pp', 'status_awareness_rate']);

describe('drill populations equal the catalogue’s denominators (native DuckDB, bundled data)', () => {
  let db: Db;
  let report: LoadReport;
  beforeAll(async () => {
    ({ db, report } = await openBundled());
  }, 120_000);
  afterAll(() => db.close());

  async function scalars(filters: Filters): Promise<Map<string, ScalarResult>> {
    const results = await computeMetrics(db, { filters, present: report.presentColumns });
    return new Map(results.filter((r): r is ScalarResult => 'value' in r).map((r) => [r.id, r]));
  }

  for (const filters of [{}, { entry_channel: ['hotline', 'mini_program'] }] as Filters[]) {
    it(`every card's drill counts its denominator and its failures, filters ${JSON.stringify(filters)}`, async () => {
      const results = await scalars(filters);
      const drilled = Object.keys(METRIC_DRILL);
      expect(drilled).toEqual(
        expect.arrayContaining(['pickup_within_20s', 'domestic_resolution_rate'])
      );
      for (const id of drilled) {
        const result = results.get(id);
        if (!result || result.value === null || OTHER_UNIT.has(id)) continue;
        const drill = METRIC_DRILL[id]!;
        const population = drill[0]!.key === 'failing' ? toggledMetricDrill(drill) : drill;
        const all = await ticketCount(db, filters, population);
        expect(all, `${id} population`).toBe(COUNTS.has(id) ? result.value : result.n);
        if (drill[0]!.key !== 'failing') continue;
        const failing = await ticketCount(db, filters, drill);
        const share = LOWER_IS_BETTER.has(id) ? result.value : 1 - result.value;
        expect(failing, `${id} failing`).toBeCloseTo(result.n * share, 6);
      }
    });
  }

  it('the gap and the status-awareness cards drill to the tickets behind them', async () => {
    const count = async (where: string) =>
      Number(
        (await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM tickets WHERE ${where}`))[0]!.n
      );
    const decided = "status IN ('resolved', 'unresolved')";
    const gapTickets = `(region = 'domestic' OR issue_type = 'cross_border_payment') AND ${decided}`;
    const drilled = (key: 'population' | 'failing', id: string) =>
      ticketCount(db, {}, [{ key, value: id }]);
    expect(await drilled('population', 'resolution_gap_pp')).toBe(await count(gapTickets));
    expect(await drilled('failing', 'resolution_gap_pp')).toBe(
      await count(`${gapTickets} AND status = 'unresolved'`)
    );
    const ticketed =
      "entry_channel IN ('help_feedback', 'official_account', 'overseas_support', 'enterprise_line')";
    expect(await drilled('population', 'status_awareness_rate')).toBe(await count(ticketed));
    expect(await drilled('failing', 'status_awareness_rate')).toBe(
      await count(`${ticketed} AND coalesce(status_lookups, 0) = 0`)
    );
  });

  it('a resolution rate’s drill leaves out the open tickets the rate leaves out', async () => {
    const domestic: DrillCondition[] = [{ key: 'region', value: 'domestic' }];
    const everyDomestic = await ticketCount(db, {}, domestic);
    const population = await ticketCount(db, {}, [
      { key: 'population', value: 'domestic_resolution_rate' }
    ]);
    const open = await ticketCount(db, {}, [...domestic, { key: 'status', value: 'open' }]);
    expect(open).toBeGreaterThan(0);
    expect(population).toBe(everyDomestic - open);
  });

  it('the tier funnel narrows at every stage after the transfer, and each stage drills to its count', async () => {
    const [funnel] = await computeMetrics(db, {
      present: report.presentColumns,
      ids: ['tier_funnel']
    });
    const values = (funnel as MapResult).values;
    expect(values.picked_up!).toBeLessThanOrEqual(values.human_requested!);
    expect(values.resolved_by_human!).toBeLessThanOrEqual(values.picked_up!);
    for (const [stage, value] of Object.entries(values)) {
      expect(await ticketCount(db, {}, [{ key: 'stage', value: stage }]), stage).toBe(value);
    }
  });

  it('pickup opens the human requests that missed 20 s', async () => {
    expect(METRIC_DRILL.pickup_within_20s).toEqual([
      { key: 'failing', value: 'pickup_within_20s' }
    ]);
    const missed = await ticketCount(db, {}, METRIC_DRILL.pickup_within_20s!);
    const q = `SELECT CAST(count(*) AS DOUBLE) AS n FROM tickets
      WHERE human_requested_at IS NOT NULL AND (wait_seconds IS NULL OR wait_seconds > 20)`;
    const [row] = await db.query<{ n: number }>(q);
    expect(missed).toBe(row!.n);
  });
});

describe('metric drill conditions in the URL', () => {
  it('keeps known metrics with a population and drops the rest', () => {
    const params = new URLSearchParams();
    for (const value of [
      'failing:pickup_within_20s',
      'population:resolve_minutes_median',
      'failing:resolve_minutes_median',
      'population:no_such_metric',
      'failing:__proto__'
    ])
      params.append('drill', value);
    expect(drillFromParams(params)).toEqual([
      { key: 'failing', value: 'pickup_within_20s' },
      { key: 'population', value: 'resolve_minutes_median' }
    ]);
  });

  it('every metric with a population gets a card drill, rates open their failures', () => {
    const withPopulation = METRICS.filter((m) => m.population).map((m) => m.id);
    expect(Object.keys(METRIC_DRILL).sort()).toEqual([...withPopulation].sort());
    expect(METRIC_DRILL.resolve_minutes_median?.[0]?.key).toBe('population');
    expect(METRIC_DRILL.cross_border_resolution_rate?.[0]?.key).toBe('failing');
  });
});
