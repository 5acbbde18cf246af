import type { MetricDef } from '../types';
import { HEADLINE_METRICS } from './headline';
import { OPERATIONS_METRICS } from './operations';
import { PROGRAMME_METRICS } from './programmes';
import { SERVICE_METRICS } from './service';

/** Every metric (service basics, then the seed's), in the order the catalogue page lists them. */
export const METRICS: readonly MetricDef[] = [
  ...SERVICE_METRICS,
  ...HEADLINE_METRICS,
  ...OPERATIONS_METRICS,
  ...PROGRAMME_METRICS
];

export const HEADLINE_IDS = HEADLINE_METRICS.filter((m) => !m.variantOf).map((m) => m.id);

/** The figures that also exist as a time series: every headline and service-basics figure. */
export const SERIES_IDS = [...SERVICE_METRICS.map((m) => m.id), ...HEADLINE_IDS];

export function metricById(id: string): MetricDef {
  const metric = METRICS.find((m) => m.id === id);
  if (!metric) throw new Error(`unknown metric: ${id}`);
  return metric;
}
