import type { DrillCondition } from './drill';

/** The tickets a metric card opens: the population its figure is computed on. */
export const METRIC_DRILL: Record<string, DrillCondition[]> = {
  fund_safety_hotline_share: [{ key: 'is_fund_safety', value: 'true' }],
  cross_border_resolution_rate: [{ key: 'issue_type', value: 'cross_border_payment' }],
  domestic_resolution_rate: [{ key: 'region', value: 'domestic' }],
  enterprise_speedup: [{ key: 'customer_type', value: 'enterprise' }],
  enterprise_sla_rate: [{ key: 'customer_type', value: 'enterprise' }],
  nonstandard_escalation_rate: [{ key: 'emergency_type', value: 'other' }],
  nonstandard_escalated_resolve_minutes: [
    { key: 'emergency_type', value: 'other' },
    { key: 'escalated', value: 'true' }
  ],
  translation_delay_hours: [{ key: 'is_overseas', value: 'true' }],
  offhours_gap_rate: [
    { key: 'is_overseas', value: 'true' },
    { key: 'staffed', value: 'false' }
  ],
  duplicate_answer_rate: [{ key: 'duplicate_answer', value: 'true' }],
  pickup_within_20s: [{ key: 'stage', value: 'human_requested' }],
  avg_wait_seconds: [{ key: 'stage', value: 'picked_up' }]
};
