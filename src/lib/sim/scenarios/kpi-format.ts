import type { Estimate } from '../model/interval';

/** KPIs the page reports, in display order, and how to read them. */
export const SIM_KPIS = [
  'pickup_within_20s',
  'avg_wait_seconds',
  'abandon_rate',
  'occupancy',
  'agent_hours',
  'human_requests'
] as const;
export type SimKpi = (typeof SIM_KPIS)[number];

const RATES = new Set<string>([
  'pickup_within_20s',
  'abandon_rate',
  'occupancy',
  'containment',
  'misjudgment_reaching_users',
  'enterprise_speedup'
]);

/** Whether a KPI is a fraction shown as a percentage. */
export const isRate = (kpi: string): boolean => RATES.has(kpi) || kpi.endsWith('_rate');

/** A KPI value as text: rates in %, seconds with one decimal, counts and hours whole. */
export function formatKpi(kpi: string, value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (isRate(kpi)) return `${(value * 100).toFixed(1)}%`;
  if (kpi.endsWith('_seconds') || kpi.endsWith('_minutes')) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

/** A difference as text: rates in percentage points, others in the KPI's unit, signed. */
export function formatDelta(kpi: string, delta: number): string {
  if (!Number.isFinite(delta)) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const abs = Math.abs(delta);
  if (isRate(kpi)) return `${sign}${(abs * 100).toFixed(1)} pp`;
  if (kpi.endsWith('_seconds') || kpi.endsWith('_minutes')) return `${sign}${abs.toFixed(1)}`;
  return `${sign}${Math.round(abs).toLocaleString('en-US')}`;
}

/** `[lo, hi]` of an estimate as text. */
export const formatInterval = (kpi: string, e: Estimate): string =>
  `[${formatKpi(kpi, e.lo)}, ${formatKpi(kpi, e.hi)}]`;
