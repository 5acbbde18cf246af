import { expect } from 'vitest';

/** Equal, numbers up to the last bits DuckDB's threaded sums may differ in. */
export function expectSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), where).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected))
    );
  } else if (expected && typeof expected === 'object' && actual && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) expectSame((actual as never)[k], (expected as never)[k], `${where}.${k}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}
