import { REGIONS } from '../../contract/columns';
import { LIMITS } from '../../limits';
import { parseHours, parseWeekdays } from '../staffing/selectors';

/** A scenario cannot add or staff more agents per slot than a staffing table may hold. */
const AGENTS_MAX = LIMITS.agentsPerSlot.max;

/** A change to agents for matching queue × weekday × hour (wildcards and ranges allowed). */
export interface AgentsDelta {
  queue: string;
  weekday: string | number;
  hour: string | number;
  delta: number;
}

/** Night seats for one overseas region, covering `local_hours` of the region's own clock. */
export interface NightShift {
  region: string;
  seats: number;
  local_hours: string;
}

/** The scenario document (spec "Scenario file"); every field optional, empty = baseline. */
export interface Scenario {
  name?: string;
  volume_growth?: number;
  service_level_seconds?: number;
  agents_delta?: AgentsDelta[];
  unified_tracking?: { awareness?: number };
  confidence_labelling?: { threshold?: number };
  night_shift?: NightShift[];
  enterprise_api?: { share?: number; handle_time_reduction?: number; misrouting_removed?: boolean };
}

/** A scenario that cannot be used; `path` names the field (e.g. `agents_delta[0].hour`). */
export class ScenarioError extends Error {
  constructor(
    readonly path: string,
    detail: string
  ) {
    super(`scenario field ${path}: ${detail}`);
  }
}

type Json = Record<string, unknown>;

function object(value: unknown, path: string, allowed: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ScenarioError(path || '(document)', 'must be an object');
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      throw new ScenarioError(
        path ? `${path}.${key}` : key,
        `unknown field (allowed: ${allowed.join(', ')})`
      );
  return value as Json;
}

function number(value: unknown, path: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ScenarioError(path, 'must be a number');
  if (value < min || value > max)
    throw new ScenarioError(path, `${value} is out of range [${min}, ${max}]`);
  if (integer && !Number.isInteger(value)) throw new ScenarioError(path, 'must be a whole number');
  return value;
}

function optional<T>(o: Json, key: string, read: (v: unknown) => T): T | undefined {
  return o[key] === undefined ? undefined : read(o[key]);
}

function selector(
  value: unknown,
  path: string,
  parse: (s: string | number) => number[] | string
): string | number {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new ScenarioError(path, 'must be a string or number');
  const parsed = parse(value);
  if (typeof parsed === 'string') throw new ScenarioError(path, parsed);
  return value;
}

const OVERSEAS = REGIONS.filter((r) => r !== 'domestic');

/** Checks a parsed JSON value against the scenario schema; throws `ScenarioError` naming the field. */
export function validateScenario(value: unknown): Scenario {
  const o = object(value, '', [
    'name',
    'volume_growth',
    'service_level_seconds',
    'agents_delta',
    'unified_tracking',
    'confidence_labelling',
    'night_shift',
    'enterprise_api'
  ]);
  const out: Scenario = {};
  if (o.name !== undefined) {
    if (typeof o.name !== 'string') throw new ScenarioError('name', 'must be a string');
    out.name = o.name;
  }
  out.volume_growth = optional(o, 'volume_growth', (v) => number(v, 'volume_growth', -1, 10));
  out.service_level_seconds = optional(o, 'service_level_seconds', (v) =>
    number(v, 'service_level_seconds', 1, 86_400)
  );
  out.agents_delta = optional(o, 'agents_delta', (v) => {
    if (!Array.isArray(v)) throw new ScenarioError('agents_delta', 'must be an array');
    return v.map((item, i) => {
      const p = `agents_delta[${i}]`;
      const d = object(item, p, ['queue', 'weekday', 'hour', 'delta']);
      if (typeof (d.queue ?? '*') !== 'string')
        throw new ScenarioError(`${p}.queue`, 'must be a string');
      return {
        queue: (d.queue as string | undefined) ?? '*',
        weekday: selector(d.weekday ?? '*', `${p}.weekday`, parseWeekdays),
        hour: selector(d.hour ?? '*', `${p}.hour`, parseHours),
        delta: number(d.delta, `${p}.delta`, -AGENTS_MAX, AGENTS_MAX)
      };
    });
  });
  out.unified_tracking = optional(o, 'unified_tracking', (v) => {
    const u = object(v, 'unified_tracking', ['awareness']);
    return {
      awareness:
        optional(u, 'awareness', (a) => number(a, 'unified_tracking.awareness', 0, 1)) ?? 0.8
    };
  });
  out.confidence_labelling = optional(o, 'confidence_labelling', (v) => {
    const c = object(v, 'confidence_labelling', ['threshold']);
    return { threshold: number(c.threshold ?? 0.6, 'confidence_labelling.threshold', 0, 1) };
  });
  out.night_shift = optional(o, 'night_shift', (v) => {
    if (!Array.isArray(v)) throw new ScenarioError('night_shift', 'must be an array');
    return v.map((item, i) => {
      const p = `night_shift[${i}]`;
      const n = object(item, p, ['region', 'seats', 'local_hours']);
      if (typeof n.region !== 'string' || !OVERSEAS.includes(n.region as (typeof OVERSEAS)[number]))
        throw new ScenarioError(`${p}.region`, `must be one of ${OVERSEAS.join(', ')}`);
      return {
        region: n.region,
        seats: number(n.seats, `${p}.seats`, 0, AGENTS_MAX, true),
        local_hours: String(selector(n.local_hours ?? '9-18', `${p}.local_hours`, parseHours))
      };
    });
  });
  out.enterprise_api = optional(o, 'enterprise_api', (v) => {
    const e = object(v, 'enterprise_api', ['share', 'handle_time_reduction', 'misrouting_removed']);
    if (e.misrouting_removed !== undefined && typeof e.misrouting_removed !== 'boolean')
      throw new ScenarioError('enterprise_api.misrouting_removed', 'must be true or false');
    return {
      share: number(e.share ?? 0.5, 'enterprise_api.share', 0, 1),
      handle_time_reduction: number(
        e.handle_time_reduction ?? 0.2,
        'enterprise_api.handle_time_reduction',
        0,
        0.95
      ),
      misrouting_removed: (e.misrouting_removed as boolean | undefined) ?? true
    };
  });
  for (const key of Object.keys(out) as (keyof Scenario)[])
    if (out[key] === undefined) delete out[key];
  return out;
}

/** Parses scenario JSON text; syntax errors become a `ScenarioError` on the document. */
export function parseScenario(text: string): Scenario {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new ScenarioError('(document)', `not valid JSON (${e.message})`);
  }
  return validateScenario(value);
}
