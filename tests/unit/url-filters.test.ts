import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOMER_TYPES, REGIONS } from '../../src/lib/contract/columns';
import { dateIssue } from '../../src/lib/limits';
import type { Filters } from '../../src/lib/metrics/filters';
import {
  filterProblems,
  filtersFromParams,
  paramsWithFilters
} from '../../src/lib/state/url-filters';

const q = (text: string) => new URLSearchParams(text);

const dayArb = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2199-12-31T00:00:00Z'),
    noInvalidDate: true
  })
  .map((d) => d.toISOString().slice(0, 10));
/** Open codes as a file could bring them: anything but a comma (the list separator) and blank. */
const openCodeArb = fc
  .string({ minLength: 1, maxLength: 40, unit: 'grapheme' })
  .filter((s) => !s.includes(',') && s.trim() !== '');
const listArb = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(fc.uniqueArray(arb, { minLength: 1, maxLength: 4 }), { nil: undefined });

const filtersArb: fc.Arbitrary<Filters> = fc
  .record({
    a: fc.option(dayArb, { nil: undefined }),
    b: fc.option(dayArb, { nil: undefined }),
    entry_channel: listArb(openCodeArb),
    platform: listArb(openCodeArb),
    region: listArb(fc.constantFrom(...REGIONS)),
    customer_type: listArb(fc.constantFrom(...CUSTOMER_TYPES))
  })
  .map(({ a, b, ...lists }) => {
    const [from, to] = a && b && a > b ? [b, a] : [a, b];
    const f: Filters = {};
    if (from) f.from = from;
    if (to) f.to = to;
    for (const [k, v] of Object.entries(lists)) if (v) f[k as 'platform'] = v;
    return f;
  });

describe('url filters', () => {
  it('round trip: any filters written into a link read back equal, other parameters kept, no problem reported', () => {
    fc.assert(
      fc.property(filtersArb, fc.string({ maxLength: 20 }), (filters, drill) => {
        const params = paramsWithFilters(q(`drill=${encodeURIComponent(drill)}`), filters);
        expect(filtersFromParams(params)).toEqual(filters);
        expect(params.get('drill')).toBe(drill);
        expect(filterProblems(params)).toEqual([]);
      }),
      { numRuns: 300 }
    );
  });

  it('whatever a link holds, the filters carry only real calendar days in order, and every dropped value is reported', () => {
    const junk = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 })
        )
        .map(
          ([y, m, d]) =>
            `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        )
    );
    fc.assert(
      fc.property(junk, junk, (from, to) => {
        const params = q(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
        const f = filtersFromParams(params);
        if (f.from) expect(dateIssue(f.from)).toBeNull();
        if (f.to) expect(dateIssue(f.to)).toBeNull();
        if (f.from && f.to) expect(f.from <= f.to).toBe(true);
        const dropped = [from !== '' && f.from === undefined, to !== '' && f.to === undefined];
        const reported = filterProblems(params).map((p) => p.param);
        expect(reported.includes('from')).toBe(dropped[0]);
        expect(reported.includes('to')).toBe(dropped[1]);
      }),
      { numRuns: 500 }
    );
  });

  it('names why each value is left out', () => {
    expect(filterProblems(q('from=2026-02-30&to=2026-13-01&region=mars'))).toEqual([
      { param: 'from', value: '2026-02-30', issue: { kind: 'day', days: 28 } },
      { param: 'to', value: '2026-13-01', issue: { kind: 'month' } },
      { param: 'region', value: 'mars', issue: { kind: 'code' } }
    ]);
    expect(filterProblems(q('from=2024-02-29'))).toEqual([]);
    expect(filterProblems(q('from=2026-05-10&to=2026-05-01'))).toEqual([
      { param: 'from', value: '2026-05-10', issue: { kind: 'after-to', to: '2026-05-01' } }
    ]);
    expect(filterProblems(q('to=0000-01-01'))).toEqual([
      { param: 'to', value: '0000-01-01', issue: { kind: 'range' } }
    ]);
    expect(filterProblems(q('from=26-1-1'))[0]?.issue).toEqual({ kind: 'format' });
    expect(filtersFromParams(q('from=2026-05-10&to=2026-05-01'))).toEqual({ to: '2026-05-01' });
  });
});
