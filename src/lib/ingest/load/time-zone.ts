/** One stretch of time during which a zone keeps the same UTC offset. */
export interface OffsetSpan {
  /** First UTC instant (epoch ms) at which `offsetMinutes` applies. */
  fromUtcMs: number;
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The zone's UTC offset in minutes at an instant, from the runtime's own tz database. */
export function offsetAt(zone: string, utcMs: number): number {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric'
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  const flooredMs = Math.floor(utcMs / 60_000) * 60_000;
  return Math.round((asUtc - flooredMs) / 60_000);
}

/** Offset changes of a zone between two instants (DST transitions found to the minute). */
export function offsetSpans(zone: string, fromUtcMs: number, toUtcMs: number): OffsetSpan[] {
  const step = 6 * 3_600_000;
  const spans: OffsetSpan[] = [{ fromUtcMs, offsetMinutes: offsetAt(zone, fromUtcMs) }];
  for (let t = fromUtcMs + step; t < toUtcMs + step; t += step) {
    const previous = spans[spans.length - 1]!.offsetMinutes;
    if (offsetAt(zone, t) === previous) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (offsetAt(zone, mid) === previous) lo = mid;
      else hi = mid;
    }
    spans.push({ fromUtcMs: hi, offsetMinutes: offsetAt(zone, hi) });
  }
  return spans;
}

function timestampLiteral(ms: number): string {
  return `TIMESTAMP '${new Date(ms).toISOString().replace('T', ' ').replace('Z', '')}'`;
}

function offsetCase(spans: readonly OffsetSpan[], shiftByOffset: boolean): string {
  if (spans.length === 1) return String(spans[0]!.offsetMinutes);
  const branches = spans
    .slice(1)
    .reverse()
    .map((s) => {
      const boundary = s.fromUtcMs + (shiftByOffset ? s.offsetMinutes * 60_000 : 0);
      return `WHEN ts >= ${timestampLiteral(boundary)} THEN ${s.offsetMinutes}`;
    });
  return `CASE ${branches.join(' ')} ELSE ${spans[0]!.offsetMinutes} END`;
}

/**
 * SQL macros `to_local(ts)` (UTC → the zone's wall clock) and `from_local(ts)` (wall clock →
 * UTC). DuckDB-wasm has no ICU time zones, so offsets come from the runtime's Intl data;
 * the macro text holds only numbers and timestamps computed here, never user input.
 */
export function timeZoneMacros(spans: readonly OffsetSpan[]): string[] {
  return [
    `CREATE OR REPLACE MACRO to_local(ts) AS ts + to_minutes(CAST(${offsetCase(spans, false)} AS BIGINT))`,
    `CREATE OR REPLACE MACRO from_local(ts) AS ts - to_minutes(CAST(${offsetCase(spans, true)} AS BIGINT))`
  ];
}
