import { describe, expect, it } from 'vitest';
import { generateTicketsCsv } from '../../scripts/generate/index';
import {
  aboutRows,
  assertRowsFit,
  estimateRows,
  parseMemorySize,
  PEAK_BYTES_PER_ROW,
  ROW_SAMPLE_BYTES,
  tabRowLimit
} from '../../src/lib/ingest/read/row-estimate';

describe('rows estimated before a file is read', () => {
  it('comes within a few percent of a generated log, from its head alone', () => {
    const bytes = new TextEncoder().encode(generateTicketsCsv({ rows: 20_000, seed: 4 }));
    const estimate = estimateRows(bytes.subarray(0, ROW_SAMPLE_BYTES), bytes.length);
    expect(estimate).not.toBeNull();
    expect(Math.abs(estimate! - 20_000) / 20_000).toBeLessThan(0.05);
  });

  it('gives no estimate for compressed data or a head without a whole row', () => {
    expect(estimateRows(new Uint8Array([0x1f, 0x8b, 8, 0]), 1e9)).toBeNull();
    expect(estimateRows(new TextEncoder().encode('ticket_id,created_at'), 1e9)).toBeNull();
  });

  it("reads DuckDB's memory setting and refuses, in words, a file past the tab's rows", () => {
    expect(parseMemorySize('3.1 GiB')).toBeCloseTo(3.1 * 2 ** 30);
    expect(parseMemorySize('512.0 MiB')).toBe(512 * 2 ** 20);
    expect(parseMemorySize('lots')).toBeNull();
    const limit = tabRowLimit(3.1 * 2 ** 30);
    expect(limit).toBe(Math.floor((3.1 * 2 ** 30) / PEAK_BYTES_PER_ROW));
    expect(() => assertRowsFit('big.csv', 1_000_000, limit)).not.toThrow();
    expect(() => assertRowsFit('big.csv', 5_200_000, limit)).toThrow(
      /"big.csv" has about 5.2 million rows; this browser tab holds about 2.1 million\. Nothing was read\..*npm run kpi -- big.csv/
    );
    expect(aboutRows(873_412)).toBe('870,000');
  });
});
