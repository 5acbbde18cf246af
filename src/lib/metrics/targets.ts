/** Targets per KPI: which way is better, the defaults, and their URL form. */
export type Direction = 'higher' | 'lower';

/** Which way is better for every figure a target can be set on (volume has no better way). */
export const TARGET_DIRECTION: Readonly<Record<string, Direction>> = {
  open_tickets: 'lower',
  first_response_minutes_median: 'lower',
  first_response_minutes_p90: 'lower',
  resolve_minutes_median: 'lower',
  resolve_minutes_p90: 'lower',
  handle_seconds_mean: 'lower',
  csat_mean: 'higher',
  csat_satisfied_rate: 'higher',
  self_service_rate: 'higher',
  fund_safety_hotline_share: 'higher',
  pickup_within_20s: 'higher',
  pickup_within_20s_excl_abandoned: 'higher',
  cross_border_resolution_rate: 'higher',
  domestic_resolution_rate: 'higher',
  resolution_gap_pp: 'lower',
  enterprise_speedup: 'higher',
  enterprise_sla_rate: 'higher',
  avg_wait_seconds: 'lower'
};

/**
 * Defaults where there is a common one: the contact-centre service level of 80 % answered within
 * 20 s, and the enterprise line's own 99.3 % SLA. Everything else starts unset.
 */
export const DEFAULT_TARGETS: Readonly<Record<string, number>> = {
  pickup_within_20s: 0.8,
  enterprise_sla_rate: 0.993
};

/** A user's targets: a number, or null where the user cleared a default. */
export type TargetOverrides = Record<string, number | null>;

export const canHaveTarget = (id: string): boolean => id in TARGET_DIRECTION;

export function effectiveTarget(id: string, ...layers: TargetOverrides[]): number | null {
  for (const layer of layers) if (id in layer) return layer[id] ?? null;
  return DEFAULT_TARGETS[id] ?? null;
}

export function targetMet(id: string, value: number, target: number): boolean {
  return TARGET_DIRECTION[id] === 'lower' ? value <= target : value >= target;
}

const NUMBER = /^-?\d+(?:\.\d+)?(?:e-?\d+)?$/i;

/** `target=<id>:<number>` or `target=<id>:none` (repeatable); anything else is ignored. */
export function targetsFromParams(params: URLSearchParams): TargetOverrides {
  const targets: TargetOverrides = {};
  for (const entry of params.getAll('target')) {
    const colon = entry.lastIndexOf(':');
    const id = entry.slice(0, colon);
    const text = entry.slice(colon + 1);
    if (colon <= 0 || !canHaveTarget(id)) continue;
    if (text === 'none') targets[id] = null;
    else if (NUMBER.test(text) && Number.isFinite(Number(text))) targets[id] = Number(text);
  }
  return targets;
}

export function paramsWithTargets(
  current: URLSearchParams,
  targets: TargetOverrides
): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete('target');
  for (const [id, value] of Object.entries(targets)) {
    if (canHaveTarget(id)) next.append('target', `${id}:${value === null ? 'none' : value}`);
  }
  return next;
}

/** Stored targets from the browser; a malformed entry is dropped, never guessed. */
export function targetsFromJson(json: string | null): TargetOverrides {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const targets: TargetOverrides = {};
  for (const [id, value] of Object.entries(parsed)) {
    if (!canHaveTarget(id)) continue;
    if (value === null || (typeof value === 'number' && Number.isFinite(value)))
      targets[id] = value;
  }
  return targets;
}
