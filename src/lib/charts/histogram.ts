import type { EChartsCoreOption } from 'echarts/core';
import type { Histogram } from '../queries/distributions';
import { baseOption, PALETTE, type ChartTheme } from './theme';

export interface HistogramLabels {
  group: (key: string) => string;
  axis: string;
  share: string;
  overflow: string;
  /** A value of the measure as people read it (`2.4 d`, not `3407`); plain digits otherwise. */
  value?: (v: number) => string;
}

const MARKS = ['p50', 'p90', 'p95'] as const;

/** Share of tickets per bin (so groups of different sizes compare), with p50/p90/p95 lines per group. */
export function histogramOption(
  h: Histogram,
  labels: HistogramLabels,
  theme: ChartTheme
): EChartsCoreOption {
  const fmt =
    labels.value ??
    ((v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)));
  const toAxis = (v: number) => (h.scale === 'log' ? Math.log10(1 + Math.max(v, 0)) : v);
  const fromAxis = (a: number) => (h.scale === 'log' ? 10 ** a - 1 : a);
  const categories = Array.from({ length: h.bins }, (_, i) =>
    i === h.bins - 1 ? `≥${fmt(fromAxis(i * h.width))}` : fmt(fromAxis(i * h.width))
  );
  const position = (v: number) => Math.min(toAxis(v) / h.width, h.bins - 0.5) - 0.5;
  const several = h.groups.length > 1;
  return {
    ...baseOption(theme),
    grid: { left: 56, right: 40, top: h.groups.length > 1 ? 120 : 72, bottom: 48 },
    legend: h.groups.length > 1 ? { top: 0, textStyle: { color: theme.text } } : undefined,
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      valueFormatter: (v: number) => `${(v * 100).toFixed(1)}%`
    },
    xAxis: {
      type: 'category',
      data: categories,
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { color: theme.muted, hideOverlap: true }
    },
    yAxis: {
      type: 'value',
      name: labels.share,
      // Beside the axis, not above it, where the quantile lines' labels sit.
      nameLocation: 'middle',
      nameGap: 40,
      axisLabel: { color: theme.muted, formatter: (v: number) => `${Math.round(v * 100)}%` },
      splitLine: { lineStyle: { color: theme.grid } }
    },
    series: h.groups.map((g, i) => {
      const color = PALETTE[i % PALETTE.length]!;
      return {
        name: labels.group(g.key),
        type: 'bar',
        barGap: '0%',
        itemStyle: { color, opacity: h.groups.length > 1 ? 0.75 : 1 },
        data: g.counts.map((c) => (g.n > 0 ? c / g.n : 0)),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color, type: 'dashed' },
          // In the group's colour, each label on a row of its own: at a phone's width the
          // groups' quantiles fall close together and labels sharing a row overlapped.
          label: {
            color: several ? color : theme.text,
            fontSize: 10,
            formatter: (p: { name: string }) => p.name
          },
          data: MARKS.map((m, j) => ({
            name: several ? m : `${m} ${fmt(g[m])}`,
            xAxis: position(g[m]),
            label: { position: 'end', distance: 4 + (i * MARKS.length + j) * 12 }
          }))
        }
      };
    })
  };
}
