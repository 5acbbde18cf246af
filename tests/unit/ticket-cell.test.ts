import { describe, expect, it } from 'vitest';
import { isMeasureColumn, measureText } from '../../src/lib/drill/ticket-cell';

describe('ticket table measures', () => {
  it('shows every row with one decimal, whatever the query returned', () => {
    expect([7, 16, 2.1, 0, 1234.56].map((v) => measureText(v, 'en-US'))).toEqual([
      '7.0',
      '16.0',
      '2.1',
      '0.0',
      '1,234.6'
    ]);
    expect(measureText('5', 'zh-CN')).toBe('5.0');
  });

  it('leaves an unknown measure blank rather than 0', () => {
    expect([null, undefined, '', 'n/a', NaN].map((v) => measureText(v, 'en-US'))).toEqual([
      '',
      '',
      '',
      '',
      ''
    ]);
  });

  it('knows which columns are measures', () => {
    expect(isMeasureColumn('resolve_minutes')).toBe(true);
    expect(isMeasureColumn('wait_seconds')).toBe(true);
    expect(isMeasureColumn('ticket_id')).toBe(false);
  });
});
