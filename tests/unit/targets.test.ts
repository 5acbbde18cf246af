import { describe, expect, it } from 'vitest';
import {
  effectiveTarget,
  paramsWithTargets,
  targetMet,
  targetsFromJson,
  targetsFromParams
} from '../../src/lib/metrics/targets';

describe('targets', () => {
  it('defaults: 80 % within 20 s, the enterprise 99.3 %; others unset', () => {
    expect(effectiveTarget('pickup_within_20s')).toBe(0.8);
    expect(effectiveTarget('enterprise_sla_rate')).toBe(0.993);
    expect(effectiveTarget('csat_mean')).toBeNull();
  });

  it('the first layer that names a metric wins, null clears a default', () => {
    expect(
      effectiveTarget('pickup_within_20s', { pickup_within_20s: 0.7 }, { pickup_within_20s: 0.9 })
    ).toBe(0.7);
    expect(effectiveTarget('pickup_within_20s', {}, { pickup_within_20s: null })).toBeNull();
  });

  it('met depends on which way is better', () => {
    expect(targetMet('pickup_within_20s', 0.8, 0.8)).toBe(true);
    expect(targetMet('pickup_within_20s', 0.79, 0.8)).toBe(false);
    expect(targetMet('resolve_minutes_median', 50, 60)).toBe(true);
    expect(targetMet('resolve_minutes_median', 61, 60)).toBe(false);
  });

  it('round-trips through the URL; unknown ids and bad numbers are dropped', () => {
    const params = paramsWithTargets(new URLSearchParams('from=2026-03-01&target=x:1'), {
      csat_mean: 4.2,
      pickup_within_20s: null
    });
    expect(params.getAll('target')).toEqual(['csat_mean:4.2', 'pickup_within_20s:none']);
    expect(params.get('from')).toBe('2026-03-01');
    expect(targetsFromParams(params)).toEqual({ csat_mean: 4.2, pickup_within_20s: null });
    const bad = new URLSearchParams(
      'target=tickets:5&target=csat_mean:abc&target=open_tickets:1e400'
    );
    expect(targetsFromParams(bad)).toEqual({});
  });

  it('stored JSON: malformed or unknown entries are dropped', () => {
    expect(targetsFromJson('{"csat_mean":4,"tickets":3,"open_tickets":"9"}')).toEqual({
      csat_mean: 4
    });
    expect(targetsFromJson('not json')).toEqual({});
    expect(targetsFromJson(null)).toEqual({});
  });
});
