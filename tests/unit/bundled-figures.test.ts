import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledFiguresJson } from '../../scripts/bundled-figures-plugin';
import {
  computeBundledFigures,
  figuresOf,
  isUnfiltered,
  type BundledFigures
} from '../../src/lib/bundled/bundled-figures';
import { loadBundledSnapshot, type BundledSnapshot } from '../../src/lib/bundled/bundled-snapshot';
import type { Db } from '../../src/lib/db/types';
import { METRICS } from '../../src/lib/metrics/catalogue';
import { openWasmNodeDb } from '../support/wasm-node-db';

/** Numbers equal to 12 significant digits (threaded sums differ in the last bit across builds). */
function differences(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= 1e-12 * scale ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((k) =>
      differences(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`
      )
    );
  }
  return actual === expected ? [] : [`${path}: ${String(actual)} ≠ ${String(expected)}`];
}

const columns = (db: Db, table: string) =>
  db.query(`SELECT column_name, column_type FROM (DESCRIBE ${table})`);

describe('build-time figures and snapshot of the bundled dataset', () => {
  let dir: string;
  let built: { figures: BundledFigures; snapshot: BundledSnapshot };
  let live: { figures: BundledFigures; snapshot: BundledSnapshot };
  let wasm: Db;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bundled-'));
    built = JSON.parse(await bundledFiguresJson(dir));
    wasm = await openWasmNodeDb();
    live = await computeBundledFigures(wasm, readFileSync('data/tickets.csv.gz'));
  }, 240_000);
  afterAll(async () => {
    await wasm?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the build’s figures equal what the browser engine computes live from the same file', () => {
    expect(differences(built.figures, live.figures)).toEqual([]);
    expect(built.figures.metrics.map((m) => m.id)).toEqual(METRICS.map((m) => m.id));
    expect(built.figures.rows.accepted).toBeGreaterThan(0);
    expect(built.figures.daily.length).toBeGreaterThan(0);
    expect(built.snapshot.macros.map((m) => m.slice(0, 35))).toEqual([
      'CREATE OR REPLACE MACRO to_local(ts',
      'CREATE OR REPLACE MACRO from_local('
    ]);
  });

  it('the snapshot file gives the browser engine the same tables and figures', async () => {
    const types = {
      tickets: await columns(wasm, 'tickets'),
      rejected: await columns(wasm, 'rejected')
    };
    const file = new Uint8Array(readFileSync(join(dir, 'tickets.duckdb')));
    await wasm.exec('DROP TABLE tickets');
    await wasm.exec('DROP MACRO to_local');
    const report = await loadBundledSnapshot(wasm, file, built.snapshot);
    expect(await columns(wasm, 'tickets')).toEqual(types.tickets);
    expect(await columns(wasm, 'rejected')).toEqual(types.rejected);
    const fromSnapshot = await figuresOf(wasm, report.presentColumns, report);
    expect(differences(fromSnapshot, live.figures)).toEqual([]);
    // Timings differ from run to run; everything else in the report must not.
    const { loadMs: _builtMs, phasesMs: _builtPhases, ...builtReport } = built.snapshot.report;
    const { loadMs: _liveMs, phasesMs: _livePhases, ...liveReport } = live.snapshot.report;
    expect(differences(builtReport, liveReport)).toEqual([]);
  });

  it('hold only for the unfiltered view', () => {
    expect(isUnfiltered({})).toBe(true);
    expect(isUnfiltered({ region: [] })).toBe(true);
    expect(isUnfiltered({ region: ['europe'] })).toBe(false);
    expect(isUnfiltered({ from: '2026-01-01' })).toBe(false);
  });
});
