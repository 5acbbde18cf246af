import type { MetricResult } from '../../src/lib/metrics/types';
import type { HeadlineValues } from './js-headline';

export const TOLERANCE = 1e-9;

/**
 * Throws unless every headline value of the js path equals the native one to 1e-9 (both null
 * counts as equal): the js/wasm ratio only means something when both compute the same numbers.
 */
export function assertSameHeadline(js: HeadlineValues, native: readonly MetricResult[]): void {
  const byId = new Map(native.map((m) => [m.id, m]));
  const problems: string[] = [];
  for (const [id, value] of Object.entries(js)) {
    const reference = byId.get(id);
    if (!reference || !('value' in reference)) {
      problems.push(`${id}: no native scalar to compare with`);
      continue;
    }
    const expected = reference.value;
    const same =
      value === null || expected === null
        ? value === expected
        : Math.abs(value - expected) <= TOLERANCE;
    if (!same) problems.push(`${id}: js ${value} ≠ native ${expected}`);
  }
  if (problems.length > 0) {
    throw new Error(
      `the js path does not compute the native headline values:\n  ${problems.join('\n  ')}`
    );
  }
}
