import { describe, expect, it } from 'vitest';
import { weeklyCounts, weekStart } from '../../src/lib/queries/trends';

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
