import type { EChartsCoreOption } from 'echarts/core';
import { baseOption, type ChartTheme } from './theme';

export interface HeatmapData {
  xLabels: string[];
  yLabels: string[];
  /** [x index, y index, value] */
  cells: Array<[number, number, number]>;
}

/** Counts on a grid of two categorical axes, labelled in each cell. */
export function heatmapOption(
  data: HeatmapData,
  config: {
    xName: string;
    yName: string;
    showLabels?: boolean;
    /** How the legend writes its ends (counts by default). */
    format?: (value: number) => string;
  },
  theme: ChartTheme
): EChartsCoreOption {
  const max = Math.max(1, ...data.cells.map((c) => c[2]));
  const format = config.format ?? ((v: number) => Math.round(v).toLocaleString());
  return {
    ...baseOption(theme),
    grid: { left: 150, right: 72, top: 16, bottom: 72 },
    tooltip: { trigger: 'item', renderMode: 'richText', confine: true },
    xAxis: {
      type: 'category',
      data: data.xLabels,
      name: config.xName,
      nameLocation: 'middle',
      nameGap: 56,
      axisLabel: { color: theme.muted, interval: 0, rotate: data.xLabels.length > 8 ? 0 : 20 }
    },
    yAxis: {
      type: 'category',
      data: data.yLabels,
      name: config.yName,
      inverse: true,
      axisLabel: { color: theme.muted, interval: 0, width: 130, overflow: 'truncate' }
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      // Numbers at both ends of the colour scale: a legend without them says nothing.
      text: [format(max), format(0)],
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 120,
      textStyle: { color: theme.muted },
      inRange: { color: [theme.background, '#1f6feb'] }
    },
    series: [
      {
        type: 'heatmap',
        data: data.cells,
        label: { show: config.showLabels !== false, fontSize: 11 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } }
      }
    ]
  };
}

/** A map keyed `x<sep>y` as heatmap cells, axes in the given orders (unknown keys appended). */
export function pairsToHeatmap(
  values: Record<string, number>,
  separator: string,
  order: { x?: readonly string[]; y?: readonly string[] } = {}
): { xKeys: string[]; yKeys: string[]; cells: Array<[number, number, number]> } {
  const pairs = Object.entries(values).map(([key, value]) => {
    const at = key.indexOf(separator);
    return { x: key.slice(0, at), y: key.slice(at + separator.length), value };
  });
  const axis = (seen: string[], preferred: readonly string[] = []) => [
    ...preferred.filter((k) => seen.includes(k)),
    ...[...new Set(seen)].filter((k) => !preferred.includes(k)).sort()
  ];
  const xKeys = axis(
    pairs.map((p) => p.x),
    order.x
  );
  const yKeys = axis(
    pairs.map((p) => p.y),
    order.y
  );
  const cells = pairs.map((p): [number, number, number] => [
    xKeys.indexOf(p.x),
    yKeys.indexOf(p.y),
    p.value
  ]);
  return { xKeys, yKeys, cells };
}
