import { METRICS } from '../metrics/catalogue';
import { DEFAULT_SETTINGS } from '../metrics/settings';
import type { DrillCondition, MetricDrillKey } from './drill';

/**
 * The tickets a metric card opens, from the catalogue's own populations: a rate opens the tickets
 * that fail it (with a toggle to its whole denominator), any other figure the tickets it is
 * computed on.
 */
export const METRIC_DRILL: Record<string, DrillCondition[]> = Object.fromEntries(
  METRICS.flatMap((metric) => {
    const population = metric.population?.(DEFAULT_SETTINGS);
    if (!population) return [];
    const key: MetricDrillKey = population.failing ? 'failing' : 'population';
    return [[metric.id, [{ key, value: metric.id }]]];
  })
);

/** The same drill with the metric's failing tickets swapped for its whole denominator, or back. */
export function toggledMetricDrill(conditions: readonly DrillCondition[]): DrillCondition[] {
  return conditions.map((c) =>
    c.key === 'failing'
      ? { key: 'population', value: c.value }
      : c.key === 'population'
        ? { key: 'failing', value: c.value }
        : c
  );
}
