import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledFiguresJson } from '../../scripts/bundled-figures-plugin';
import {
  BUNDLED_NAME,
  computeBundledFigures,
  isUnfiltered
} from '../../src/lib/bundled/bundled-figures';
import { METRICS } from '../../src/lib/metrics/catalogue';
import { openWasmNodeDb } from '../support/wasm-node-db';

/** Numbers equal to 12 significant digits (threaded sums differ in the last bit across builds). */
function sameFigures(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= 1e-12 * scale ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) =>
      sameFigures(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`
      )
    );
  }
  return actual === expected ? [] : [`${path}: ${String(actual)} ≠ ${String(expected)}`];
}

describe('build-time figures of the bundled dataset', () => {
  it('equal what the browser engine computes live from the same file', async () => {
    const built = JSON.parse(await bundledFiguresJson());
    const db = await openWasmNodeDb();
    try {
      const live = await computeBundledFigures(db, readFileSync('data/tickets.csv.gz'));
      expect(sameFigures(built, live)).toEqual([]);
      expect(built.metrics.map((m: { id: string }) => m.id)).toEqual(METRICS.map((m) => m.id));
      expect(built.rows.accepted).toBeGreaterThan(0);
      expect(built.daily.length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('hold only for the unfiltered view', () => {
    expect(BUNDLED_NAME).toBe('tickets.csv.gz');
    expect(isUnfiltered({})).toBe(true);
    expect(isUnfiltered({ region: [] })).toBe(true);
    expect(isUnfiltered({ region: ['europe'] })).toBe(false);
    expect(isUnfiltered({ from: '2026-01-01' })).toBe(false);
  });
});
