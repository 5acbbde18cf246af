import type { MetricDef } from '../types';
import { HEADLINE_METRICS } from './headline';
import { OPERATIONS_METRICS } from './operations';
import { PROGRAMME_METRICS } from './programmes';

/** Every metric of the seed, in the order the catalogue page lists them. */
export const METRICS: readonly MetricDef[] = [
  ...HEADLINE_METRICS,
  ...OPERATIONS_METRICS,
  ...PROGRAMME_METRICS
];

export const HEADLINE_IDS = HEADLINE_METRICS.filter((m) => !m.variantOf).map((m) => m.id);

export function metricById(id: string): MetricDef {
  const metric = METRICS.find((m) => m.id === id);
  if (!metric) throw new Error(`unknown metric: ${id}`);
  return metric;
}
