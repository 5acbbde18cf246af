/**
 * How each scenario effect reads: a benefit (more is better), a cost (more is worse) or context
 * (a fact about the change), and its unit. Labels are `simEffect_<key>` in the messages.
 */
export type EffectKind = 'benefit' | 'cost' | 'context';
export type EffectUnit = 'rate' | 'count' | 'hours';

export const EFFECTS = {
  status_awareness_before: { kind: 'context', unit: 'rate' },
  status_awareness_after: { kind: 'context', unit: 'rate' },
  followup_contacts_avoided: { kind: 'benefit', unit: 'count' },
  human_contacts_avoided: { kind: 'benefit', unit: 'count' },
  duplicate_answers_avoided: { kind: 'benefit', unit: 'count' },
  extra_human_requests: { kind: 'cost', unit: 'count' },
  api_tickets: { kind: 'context', unit: 'count' },
  api_agent_hours_freed: { kind: 'benefit', unit: 'hours' },
  api_rerouted_to_enterprise: { kind: 'benefit', unit: 'count' }
} as const satisfies Record<string, { kind: EffectKind; unit: EffectUnit }>;

export type EffectKey = keyof typeof EFFECTS;

export const isKnownEffect = (key: string): key is EffectKey => key in EFFECTS;

/** An effect's value as text: rates in %, hours with one decimal, counts whole. */
export function formatEffect(key: EffectKey, value: number): string {
  if (!Number.isFinite(value)) return '—';
  const { unit } = EFFECTS[key];
  if (unit === 'rate') return `${(value * 100).toFixed(1)}%`;
  if (unit === 'hours')
    return value.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return Math.round(value).toLocaleString('en-US');
}
