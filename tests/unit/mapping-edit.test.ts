import { describe, expect, it } from 'vitest';
import {
  dayMonthOrder,
  setDayMonthOrder,
  clearConstant,
  columnRows,
  missingRequired,
  setConstant,
  sameMapping,
  setSource,
  setValue,
  valueRows
} from '../../src/lib/ingest/map/mapping-edit';
import type { LoadReport } from '../../src/lib/ingest/load/load';
import type { Mapping } from '../../src/lib/ingest/map/mapping-types';

const mapping: Mapping = {
  columns: { ticket_id: 0, created_at: 1, entry_channel: 2, platform: 3 },
  values: { platform: { 安卓: 'android' } },
  timestampFormats: { created_at: 'slash-ymd' }
};
const report = {
  header: ['工单号', '创建时间', '渠道', '平台'],
  mapping,
  evidence: [
    {
      column: 'platform',
      sourceIndex: 3,
      sourceHeader: '平台',
      reason: 'header "平台" is a known name',
      confidence: 'synonym'
    }
  ],
  unmatchedValues: { platform: ['诺基亚'] }
} as unknown as LoadReport;

describe('mapping edits', () => {
  it('lists every canonical column with its source and evidence', () => {
    const rows = columnRows(report, mapping);
    const platform = rows.find((r) => r.spec.name === 'platform');
    expect(platform?.source).toBe(3);
    expect(platform?.evidence?.reason).toContain('平台');
    expect(platform?.hasValues).toBe(true);
    // v2: only created_at is required
    expect(rows.filter((r) => r.spec.required).map((r) => r.spec.name)).toEqual(['created_at']);
  });

  it('a constant replaces a source column, and a source replaces a constant', () => {
    const set = setConstant(mapping, 'entry_channel', '电话');
    if (!('mapping' in set)) throw new Error(set.error);
    expect(set.mapping.columns.entry_channel).toBeUndefined();
    expect(set.mapping.constants).toEqual({ entry_channel: 'hotline' });
    expect(
      columnRows(report, set.mapping).find((r) => r.spec.name === 'entry_channel')?.constant
    ).toBe('hotline');
    const created = setConstant(set.mapping, 'created_at', '2026-03-01 08:00:00');
    if (!('mapping' in created)) throw new Error(created.error);
    expect(missingRequired(columnRows(report, created.mapping))).toEqual([]);
    expect(setSource(set.mapping, 'entry_channel', 2).constants).toEqual({});
    expect(clearConstant(set.mapping, 'entry_channel').constants).toEqual({});
    expect(mapping.constants).toBeUndefined();
  });

  it('a constant a column cannot take is refused with the reason, the draft unchanged', () => {
    expect(setConstant(mapping, 'region', 'mars')).toEqual({
      error: expect.stringContaining('"mars" is not a region code')
    });
    expect(setConstant(mapping, 'csat', '7')).toEqual({
      error: expect.stringContaining('out of range')
    });
  });

  it('a value that is also an Object.prototype name is a plain value', () => {
    const rows = valueRows('status', { columns: {}, values: { status: {} } }, ['constructor']);
    expect(rows).toEqual([
      { value: 'constructor', key: 'constructor', target: '', unmatched: true, kept: false }
    ]);
  });

  it('a new source drops the old value map and timestamp format, and loses the evidence', () => {
    const moved = setSource(mapping, 'created_at', undefined);
    expect(moved.columns.created_at).toBeUndefined();
    expect(moved.timestampFormats?.created_at).toBeUndefined();
    expect(missingRequired(columnRows(report, moved))).toEqual(['created_at']);
    const other = setSource(mapping, 'platform', 2);
    expect(other.values.platform).toBeUndefined();
    expect(
      columnRows(report, other).find((r) => r.spec.name === 'platform')?.evidence
    ).toBeUndefined();
    expect(mapping.columns.created_at).toBe(1);
  });

  it('value rows put the unmatched first; mapping one clears the flag', () => {
    expect(
      valueRows('platform', mapping, ['诺基亚']).map((r) => [r.value, r.target, r.unmatched])
    ).toEqual([
      ['诺基亚', '', true],
      ['安卓', 'android', false]
    ]);
    const fixed = setValue(mapping, 'platform', '诺基亚', 'phone');
    expect(valueRows('platform', fixed, ['诺基亚'])[0]).toMatchObject({
      target: 'phone',
      unmatched: false
    });
    expect(sameMapping(fixed, mapping)).toBe(false);
    expect(sameMapping(setValue(fixed, 'platform', '诺基亚', ''), mapping)).toBe(true);
  });

  it('the day/month order is one choice for every date column that reads either way', () => {
    const dated: Mapping = {
      ...mapping,
      timestampFormats: { created_at: 'mdy', resolved_at: 'mdy', first_response_at: 'iso' }
    };
    expect(dayMonthOrder(mapping)).toBeNull();
    expect(dayMonthOrder(dated)).toBe('mdy');
    const turned = setDayMonthOrder(dated, 'dmy');
    expect(turned.timestampFormats).toEqual({
      created_at: 'dmy',
      resolved_at: 'dmy',
      first_response_at: 'iso'
    });
    expect(dated.timestampFormats?.created_at).toBe('mdy');
    expect(sameMapping(turned, dated)).toBe(false);
  });
});
