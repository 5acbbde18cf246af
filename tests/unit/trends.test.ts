import { describe, expect, it } from 'vitest';
import { partialWeeks, weeklyCounts, weekStart } from '../../src/lib/queries/trends';

describe('weekly trend', () => {
  it('labels a week by its Monday', () => {
    expect(weekStart('2026-03-01')).toBe('2026-02-23'); // a Sunday
    expect(weekStart('2026-03-02')).toBe('2026-03-02'); // a Monday
    expect(weekStart('2026-03-08')).toBe('2026-03-02');
  });

  it('sums days into weeks per series', () => {
    const rows = [
      { day: '2026-03-02', key: 'hotline', count: 3 },
      { day: '2026-03-08', key: 'hotline', count: 4 },
      { day: '2026-03-09', key: 'hotline', count: 5 },
      { day: '2026-03-03', key: 'mini_program', count: 1 }
    ];
    expect(weeklyCounts(rows)).toEqual([
      { day: '2026-03-02', key: 'hotline', count: 7 },
      { day: '2026-03-02', key: 'mini_program', count: 1 },
      { day: '2026-03-09', key: 'hotline', count: 5 }
    ]);
  });
});

describe('partial weeks', () => {
  it('names the weeks the period cuts, with their days inside it', () => {
    // 2026-03-01 is a Sunday, 2026-05-31 a Sunday: only the first week is cut (1 day of 7).
    expect([...partialWeeks('2026-03-01', '2026-05-31')]).toEqual([['2026-02-23', 1]]);
    // Wednesday to the next Tuesday: both weeks cut, 5 and 2 days.
    expect([...partialWeeks('2026-03-04', '2026-03-10')]).toEqual([
      ['2026-03-02', 5],
      ['2026-03-09', 2]
    ]);
    // Three days inside one week.
    expect([...partialWeeks('2026-03-03', '2026-03-05')]).toEqual([['2026-03-02', 3]]);
    // Monday to Sunday: nothing cut.
    expect(partialWeeks('2026-03-02', '2026-03-15').size).toBe(0);
  });
});
