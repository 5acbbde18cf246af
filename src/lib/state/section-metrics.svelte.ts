import { METRICS } from '../metrics/catalogue';
import { computeMetrics } from '../metrics/compute';
import type { MetricResult, Section } from '../metrics/types';
import { useQuery } from './query.svelte';

/** Every catalogue metric of one seed section, computed on the filtered tickets. */
export function useSectionMetrics(section: Section) {
  const ids = METRICS.filter((m) => m.sections.includes(section)).map((m) => m.id);
  const byId = (results: MetricResult[]) =>
    // A plain Map: the result is replaced whole, never mutated, so it needs no reactivity.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    new Map<string, MetricResult>(results.map((r) => [r.id, r]));
  return useQuery(
    async ({ db, filters, report }) =>
      byId(await computeMetrics(db, { filters, present: report.presentColumns, ids })),
    { precomputed: (figures) => byId(figures.metrics.filter((m) => ids.includes(m.id))) }
  );
}
