import { describe, expect, it } from 'vitest';
import { barOption } from '../../src/lib/charts/bar';
import { dailyVolumeOption } from '../../src/lib/charts/daily-volume';
import { heatmapOption, pairsToHeatmap } from '../../src/lib/charts/heatmap';
import { histogramOption } from '../../src/lib/charts/histogram';
import { hourOfDayOption } from '../../src/lib/charts/hours';
import {
  confidenceCurveOption,
  delayBucketLabel,
  resolutionByDelayOption,
  serviceLevelByHourOption,
  staffingHeatmapOption
} from '../../src/lib/charts/sim-charts';
import { LIGHT } from '../../src/lib/charts/theme';
import type { Histogram } from '../../src/lib/queries/distributions';

/** Text a file could carry into a label, a legend or a tooltip. */
const HOSTILE = '<img src=x onerror="window.__xss=1">';
const theme = LIGHT;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

/** Every object under `key` anywhere in the option. */
function findAll(value: unknown, key: string, found: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) findAll(v, key, found);
  else if (isNode(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === key && isNode(v)) found.push(v);
      findAll(v, key, found);
    }
  }
  return found;
}

/** Each tooltip draws text, never HTML: richText mode and no HTML-producing formatter. */
function expectTextOnlyTooltips(option: unknown): void {
  const tooltips = findAll(option, 'tooltip');
  expect(tooltips.length).toBeGreaterThan(0);
  for (const t of tooltips) {
    expect(t.renderMode).toBe('richText');
    if (typeof t.formatter === 'function') {
      const out = (t.formatter as (p: unknown) => unknown)({ name: HOSTILE, value: 1 });
      expect(String(out)).not.toContain('<');
    }
  }
}

const s = (option: unknown) => option as Node & { series: Node[] };

describe('chart option builders (plain objects)', () => {
  it('bar: one bar per key with plain-text labels, seed markers only when given, axes swap when horizontal', () => {
    const data = [
      { key: 'a', label: HOSTILE, value: 0.5, seed: 0.6 },
      { key: 'b', label: 'B', value: 0.25 }
    ];
    const config = { format: (v: number) => `${v * 100}%`, valueName: 'Rate', seedName: 'Seed' };
    const o = s(barOption(data, config, theme));
    expectTextOnlyTooltips(o);
    expect((o.xAxis as Node).data).toEqual([HOSTILE, 'B']);
    expect(o.series.map((x) => [x.name, x.type, x.data])).toEqual([
      ['Rate', 'bar', [0.5, 0.25]],
      ['Seed', 'scatter', [0.6, null]]
    ]);
    const label = o.series[0]!.label as { formatter: (p: { value: number }) => string };
    expect(label.formatter({ value: 0.25 })).toBe('25%');
    const valueFormatter = (o.tooltip as { valueFormatter: (v: number) => string }).valueFormatter;
    expect(valueFormatter(0.5)).toBe('50%');

    const plain = s(barOption([data[1]!], { ...config, horizontal: true }, theme));
    expect(plain.series).toHaveLength(1);
    expect(plain.legend).toBeUndefined();
    expect((plain.yAxis as Node).type).toBe('category');
    expect((plain.yAxis as Node).inverse).toBe(true);
    expect((plain.xAxis as Node).type).toBe('value');
  });

  it('daily volume: days sorted, one stacked series per channel, missing days are zero', () => {
    const o = s(
      dailyVolumeOption(
        [
          { day: '2026-03-02', key: 'hotline', count: 3 },
          { day: '2026-03-01', key: 'hotline', count: 1 },
          { day: '2026-03-02', key: HOSTILE, count: 2 }
        ],
        (k) => `label:${k}`,
        theme
      )
    );
    expectTextOnlyTooltips(o);
    expect((o.xAxis as Node).data).toEqual(['2026-03-01', '2026-03-02']);
    expect(o.series.map((x) => [x.name, x.stack, x.data])).toEqual([
      ['label:hotline', 'total', [1, 3]],
      [`label:${HOSTILE}`, 'total', [0, 2]]
    ]);
  });

  it('heatmap: cells from x|y keys in the preferred order, colour scale up to the largest count', () => {
    const pairs = pairsToHeatmap({ 'b|q': 4, 'a|q': 1, 'zz|r': 9 }, '|', { x: ['b', 'a'] });
    expect(pairs).toEqual({
      xKeys: ['b', 'a', 'zz'],
      yKeys: ['q', 'r'],
      cells: [
        [0, 0, 4],
        [1, 0, 1],
        [2, 1, 9]
      ]
    });
    const o = s(
      heatmapOption(
        { xLabels: pairs.xKeys, yLabels: [HOSTILE, 'r'], cells: pairs.cells },
        { xName: 'X', yName: 'Y' },
        theme
      )
    );
    expectTextOnlyTooltips(o);
    expect((o.visualMap as Node).max).toBe(9);
    expect(o.series[0]!.data).toEqual(pairs.cells);
    expect((o.yAxis as Node).data).toEqual([HOSTILE, 'r']);
    const empty = s(
      heatmapOption({ xLabels: [], yLabels: [], cells: [] }, { xName: '', yName: '' }, theme)
    );
    expect((empty.visualMap as Node).max).toBe(1);
  });

  it('histogram: shares per bin sum to 1 per group, the last bin is open-ended, quantile lines per group', () => {
    const h: Histogram = {
      measure: 'handle_seconds',
      scale: 'linear',
      width: 10,
      bins: 3,
      groups: [
        { key: 'individual', n: 4, p50: 5, p90: 18, p95: 25, counts: [2, 1, 1] },
        { key: HOSTILE, n: 2, p50: 12, p90: 40, p95: 45, counts: [0, 2, 0] }
      ]
    };
    const labels = { group: (k: string) => k, axis: 's', share: '%', overflow: '≥' };
    const o = s(histogramOption(h, labels, theme));
    expectTextOnlyTooltips(o);
    expect((o.xAxis as Node).data).toEqual(['0.00', '10.0', '≥20.0']);
    expect(o.series.map((x) => x.data)).toEqual([
      [0.5, 0.25, 0.25],
      [0, 1, 0]
    ]);
    expect(o.series.map((x) => x.name)).toEqual(['individual', HOSTILE]);
    const marks = (o.series[0]!.markLine as { data: Array<{ name: string; xAxis: number }> }).data;
    // Several groups: marks are named only by quantile; positions are bin centres.
    expect(marks.map((m) => [m.name, m.xAxis])).toEqual([
      ['p50', 0],
      ['p90', 1.3],
      ['p95', 2]
    ]);
    const log = s(
      histogramOption({ ...h, scale: 'log', width: 1, groups: [h.groups[0]!] }, labels, theme)
    );
    expect((log.xAxis as Node).data).toEqual(['0.00', '9.00', '≥99.0']);
    const single = (log.series[0]!.markLine as { data: Array<{ name: string }> }).data;
    expect(single.map((m) => m.name)).toEqual(['p50 5.00', 'p90 18.0', 'p95 25.0']);
    // The share axis is named beside the axis: above it, a p50 line near 0 wrote over the name.
    expect(log.yAxis).toMatchObject({ name: '%', nameLocation: 'middle' });
  });

  it('hours: each group’s share per local hour sums to 1, the staffed window shaded once', () => {
    const o = s(
      hourOfDayOption(
        [
          { hour: 9, key: 'overseas', count: 1 },
          { hour: 22, key: 'overseas', count: 3 },
          { hour: 9, key: 'domestic', count: 2 }
        ],
        {
          group: (k) => k.toUpperCase(),
          staffed: { start: 9, end: 21 },
          staffedLabel: 'staffed',
          share: '%'
        },
        theme
      )
    );
    expectTextOnlyTooltips(o);
    expect(o.series.map((x) => x.name)).toEqual(['DOMESTIC', 'OVERSEAS']);
    const overseas = o.series[1]!.data as number[];
    expect(overseas).toHaveLength(24);
    expect(overseas[9]).toBe(0.25);
    expect(overseas[22]).toBe(0.75);
    expect(overseas.reduce((a, b) => a + b, 0)).toBe(1);
    const area = (o.series[0]!.markArea as { data: Array<Array<{ xAxis: string }>> }).data[0]!;
    expect(area.map((p) => p.xAxis)).toEqual(['09', '20']);
    expect(o.series[1]!.markArea).toBeUndefined();
  });

  it('simulator charts: staffing grid, service level per hour of week, τ curve, resolution by delay', () => {
    const slots = Array.from({ length: 168 }, (_, i) => (i === 30 ? 12.34 : 2));
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const staffing = s(staffingHeatmapOption(slots, days, theme));
    expectTextOnlyTooltips(staffing);
    expect((staffing.series[0]!.data as number[][])[30]).toEqual([6, 1, 12.3]);
    expect((staffing.visualMap as Node).max).toBe(13);

    const level = s(
      serviceLevelByHourOption([{ name: HOSTILE, values: slots.map(() => 0.8123) }], days, theme)
    );
    expectTextOnlyTooltips(level);
    const categories = (level.xAxis as { data: string[] }).data;
    expect([categories[0], categories[167]]).toEqual(['Mon 00:00', 'Sun 23:00']);
    expect((level.series[0]!.data as number[])[0]).toBe(81.2);

    const point = (threshold: number) => ({
      threshold,
      containment: 0.5,
      duplicate_answer_rate: Number.NaN,
      misjudgment_reaching_users: 0.1,
      human_load: 40
    });
    const names = { containment: 'C', duplicates: 'D', misjudged: 'M', humanLoad: 'H' };
    const curve = s(confidenceCurveOption([point(0.5), point(0.55)], 0.53, names, theme));
    expectTextOnlyTooltips(curve);
    expect(curve.series.map((x) => x.data)).toEqual([
      [50, 50],
      [null, null],
      [10, 10],
      [40, 40]
    ]);
    const mark = curve.series[0]!.markLine as { data: Array<{ xAxis: string }> };
    expect(mark.data[0]!.xAxis).toBe('0.55');
    expect(
      s(confidenceCurveOption([point(0.5)], undefined, names, theme)).series[0]!.markLine
    ).toBeUndefined();

    const buckets = [
      { fromMinutes: 0, toMinutes: 60, tickets: 3, resolutionRate: 0.9 },
      { fromMinutes: 240, toMinutes: Infinity, tickets: 1, resolutionRate: 0.25 }
    ];
    expect(buckets.map(delayBucketLabel)).toEqual(['0m–1h', '≥ 4h']);
    const delay = s(resolutionByDelayOption(buckets, delayBucketLabel, 'Resolved', theme));
    expectTextOnlyTooltips(delay);
    expect(delay.series[0]!.data).toEqual([90, 25]);
  });
});

describe('bar layout follows the canvas width', () => {
  const config = { format: String, valueName: 'Count' };
  const five = ['All tickets', 'Bot answered', 'Asked for a human', 'Picked up', 'Resolved'].map(
    (label, i) => ({ key: String(i), label, value: 100 - i * 10 })
  );
  const labelWidth = (axis: unknown) => ((axis as Node).axisLabel as { width: number }).width;

  it('keeps vertical bars while five labels fit side by side', () => {
    const o = s(barOption(five, { ...config, width: 900 }, theme));
    expect((o.xAxis as Node).type).toBe('category');
    expect(labelWidth(o.xAxis)).toBe(90);
  });

  it('turns vertical bars horizontal on a phone, where the labels would overlap', () => {
    const o = s(barOption(five, { ...config, width: 334 }, theme));
    expect((o.yAxis as Node).type).toBe('category');
    expect((o.yAxis as Node).inverse).toBe(true);
    expect(labelWidth(o.yAxis)).toBe(Math.round(334 * 0.38));
    expect((o.grid as { left: number }).left).toBe(Math.round(334 * 0.38) + 10);
  });

  it('gives horizontal labels a share of a narrow canvas, not a fixed 200 px', () => {
    const narrow = s(barOption(five, { ...config, horizontal: true, width: 334 }, theme));
    const wide = s(barOption(five, { ...config, horizontal: true, width: 1200 }, theme));
    const unknown = s(barOption(five, { ...config, horizontal: true }, theme));
    expect(labelWidth(narrow.yAxis)).toBe(127);
    expect(labelWidth(wide.yAxis)).toBe(200);
    expect(labelWidth(unknown.yAxis)).toBe(200);
  });
});
