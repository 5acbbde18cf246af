/**
 * Wildcards and ranges shared by the staffing CSV and scenario levers:
 * `*` = all; weekday `1-5` = Monday..Friday (inclusive); hour `9-17` = from 09:00 to
 * 17:00, i.e. hours 9..16 (a range may wrap midnight: `22-6`; the end may be 24).
 */

/** Weekdays 1–7 selected by a spec, or an error message. */
export function parseWeekdays(spec: string | number): number[] | string {
  const s = String(spec).trim();
  if (s === '*') return [1, 2, 3, 4, 5, 6, 7];
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
  if (!m) return `"${s}" is not a weekday 1–7, a range like 1-5, or *`;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || a > 7 || b < 1 || b > 7 || b < a) return `"${s}" is outside weekdays 1–7 (Mon–Sun)`;
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Hours 0–23 selected by a spec, or an error message. */
export function parseHours(spec: string | number): number[] | string {
  const s = String(spec).trim();
  if (s === '*') return Array.from({ length: 24 }, (_, i) => i);
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
  if (!m) return `"${s}" is not an hour 0–23, a range like 9-17, or *`;
  const a = Number(m[1]);
  if (m[2] === undefined) return a <= 23 ? [a] : `"${s}" is outside hours 0–23`;
  const b = Number(m[2]);
  if (a > 23 || b > 24 || a === b) return `"${s}" is not a range of hours within 0–24`;
  const hours: number[] = [];
  for (let h = a; h !== b % 24 || hours.length === 0; h = (h + 1) % 24) hours.push(h);
  return hours;
}

/** Hour-of-week slots (0 = Monday 00:00) selected by a weekday and an hour spec. */
export function slotsOf(weekdays: readonly number[], hours: readonly number[]): number[] {
  return weekdays.flatMap((d) => hours.map((h) => (d - 1) * 24 + h));
}
