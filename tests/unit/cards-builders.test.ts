import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/lib/charts/sparkline';
import { LIGHT } from '../../src/lib/charts/theme';
import { trendOption } from '../../src/lib/charts/trend';
import { cardRows, CARDS_CSV_HEADER } from '../../src/lib/export/cards-csv';
import { metricById } from '../../src/lib/metrics/catalogue';
import { formatChange, formatP } from '../../src/lib/metrics/compare/change-format';
import type { Comparison } from '../../src/lib/metrics/compare/compare';
import { formatValue } from '../../src/lib/metrics/format';

describe('sparkline', () => {
  it('scales values and the target into the box, with a gap for a null period', () => {
    // values 0, 10, null, 5 and target 20 → y range 0…20 over 24 − 2·2 px
    const line = sparkline([0, 10, null, 5], { width: 64, height: 24, pad: 2 }, 20);
    // x step (64 − 4) / 3 = 20 ; y(v) = 2 + (1 − v / 20) · 20
    expect(line.path).toBe('M2 22L22 12M62 17');
    expect(line.targetY).toBe(2);
  });

  it('a flat series sits in the middle; no values draw nothing', () => {
    expect(sparkline([3, 3], { width: 10, height: 10 }).path).toBe('M2 5L8 5');
    expect(sparkline([null], { width: 10, height: 10 })).toEqual({ path: '', targetY: null });
  });
});

describe('trend chart option', () => {
  const points = [
    { period: '2026-03-02', value: 0.7, n: 10, reason: null },
    { period: '2026-03-09', value: null, n: 0, reason: 'no tickets' },
    { period: '2026-03-16', value: 0.85, n: 12, reason: null }
  ];
  const format = (v: number) => formatValue(v, 'ratio', 'en');
  const option = trendOption(
    points,
    {
      name: 'Pickup',
      unit: 'ratio',
      format,
      target: { value: 0.8, label: 'Target' },
      seed: { value: 0.67, label: 'Seed' },
      met: (v) => v >= 0.8,
      colors: { met: 'green', missed: 'red', line: 'blue' }
    },
    LIGHT,
    { met: 'met', missed: 'missed' }
  ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('points coloured by met or missed; null periods stay gaps', () => {
    const [series] = option.series;
    expect(option.xAxis.data).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(series.data.map((d: { value: number | null }) => d.value)).toEqual([0.7, null, 0.85]);
    expect(series.data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual([
      'red',
      'blue',
      'green'
    ]);
  });

  it('target and seed are labelled lines; the tooltip says met or missed in words', () => {
    const lines = option.series[0].markLine.data;
    expect(lines.map((l: { name: string; yAxis: number }) => [l.name, l.yAxis])).toEqual([
      ['Target 80.0%', 0.8],
      ['Seed 67.0%', 0.67]
    ]);
    expect(option.tooltip.renderMode).toBe('richText');
    expect(option.tooltip.valueFormatter(0.85)).toBe('85.0% · met');
    expect(option.tooltip.valueFormatter(0.7)).toBe('70.0% · missed');
  });
});

describe('change format', () => {
  it('rates in percentage points, other units with the relative change', () => {
    expect(formatChange(0.021, 0.63, 'ratio', 'en')).toBe('+2.1 pp');
    expect(formatChange(-1.5, 26.7, 'pp', 'en')).toBe('−1.5 pp');
    expect(formatChange(-427, 10095, 'count', 'en')).toBe('−427 (−4.2%)');
    expect(formatChange(0, 12, 'minutes', 'en')).toBe('±0 s (±0.0%)');
    expect(formatChange(5, 0, 'count', 'en')).toBe('+5');
    expect(formatP(0.0123)).toBe('p = 0.012');
    expect(formatP(0.0004)).toBe('p < 0.001');
  });
});

describe('cards CSV rows', () => {
  const comparison: Comparison = {
    current: { from: '2026-03-09', to: '2026-03-15' },
    previous: { from: '2026-03-02', to: '2026-03-08' },
    metrics: new Map([
      [
        'pickup_within_20s',
        {
          id: 'pickup_within_20s',
          current: { value: 0.7, n: 100 },
          previous: { value: 0.6, n: 90 },
          change: 0.1,
          test: { kind: 'two-proportion', z: 1.5, p: 0.13, significant: false }
        }
      ]
    ])
  };

  it('value, previous, change, test, target and met, with ISO periods', () => {
    const rows = cardRows(
      [
        {
          metric: metricById('pickup_within_20s'),
          result: { id: 'pickup_within_20s', value: 0.66, n: 500, reason: null }
        },
        { metric: metricById('csat_mean'), result: undefined }
      ],
      comparison,
      (id) => (id === 'pickup_within_20s' ? 0.8 : null),
      'en'
    );
    const row = Object.fromEntries(CARDS_CSV_HEADER.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      metric: 'pickup_within_20s',
      value: 0.66,
      period_from: '2026-03-09',
      previous_to: '2026-03-08',
      period_value: 0.7,
      previous: 0.6,
      change: 0.1,
      change_test: 'two-proportion',
      p_value: 0.13,
      larger_than_chance: 'false',
      target: 0.8,
      met: 'false'
    });
    const empty = Object.fromEntries(CARDS_CSV_HEADER.map((h, i) => [h, rows[1]![i]]));
    expect(empty).toMatchObject({
      metric: 'csat_mean',
      value: null,
      previous: null,
      target: null,
      met: null
    });
  });
});
