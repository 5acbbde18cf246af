import type { EChartsCoreOption } from 'echarts/core';
import { baseOption, type ChartTheme } from './theme';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** The seed's value for this key, drawn as a marker beside the bar. */
  seed?: number;
}

export interface BarConfig {
  horizontal?: boolean;
  format: (value: number) => string;
  valueName: string;
  seedName?: string;
  /** The canvas width in px, when known: labels are sized to it, and vertical bars whose labels
   * would not fit side by side are laid out horizontally instead. */
  width?: number;
}

/** Below this width per category, side-by-side labels overlap: the bars turn horizontal. */
const MIN_COLUMN_PX = 64;
const VALUE_AXIS_PX = 64;

/** Category labels' width: the room the chart has, within readable bounds. */
function labelWidths(config: BarConfig, count: number): { horizontal: boolean; label: number } {
  const width = config.width ?? 0;
  if (!config.horizontal) {
    const column = width > 0 ? (width - VALUE_AXIS_PX - 24) / Math.max(1, count) : 100;
    if (column >= MIN_COLUMN_PX) return { horizontal: false, label: Math.min(90, column - 6) };
  }
  return {
    horizontal: true,
    label: width > 0 ? Math.round(Math.min(200, Math.max(72, width * 0.38))) : 200
  };
}

/** Bars per key (plain-text labels), with optional seed markers. */
export function barOption(
  data: readonly BarDatum[],
  config: BarConfig,
  theme: ChartTheme
): EChartsCoreOption {
  const categories = data.map((d) => d.label);
  const layout = labelWidths(config, data.length);
  const horizontal = layout.horizontal;
  const categoryAxis = {
    type: 'category',
    data: categories,
    inverse: horizontal,
    axisLabel: {
      color: theme.muted,
      interval: 0,
      width: layout.label,
      // Wrapped, not cut: "Support mini-program" must stay readable.
      overflow: 'break'
    }
  };
  const plotWidth = (config.width ?? 0) - (horizontal ? layout.label + 66 : VALUE_AXIS_PX + 24);
  const valueAxis = {
    type: 'value',
    // About one tick per 80 px, so values like "100,000" never run into each other.
    splitNumber: horizontal && plotWidth > 0 ? Math.max(3, Math.floor(plotWidth / 80)) : undefined,
    axisLabel: {
      color: theme.muted,
      hideOverlap: true,
      formatter: (v: number) => config.format(v)
    },
    splitLine: { lineStyle: { color: theme.grid } }
  };
  const hasSeed = data.some((d) => d.seed !== undefined);
  const series: object[] = [
    {
      name: config.valueName,
      type: 'bar',
      data: data.map((d) => d.value),
      label: {
        show: true,
        position: horizontal ? 'right' : 'top',
        color: theme.text,
        fontSize: 11,
        formatter: (p: { value: number }) => config.format(p.value)
      }
    }
  ];
  if (hasSeed) {
    series.push({
      name: config.seedName ?? '',
      type: 'scatter',
      symbol: 'diamond',
      symbolSize: 12,
      data: data.map((d) => d.seed ?? null)
    });
  }
  return {
    ...baseOption(theme),
    grid: horizontal
      ? { left: layout.label + 10, right: 56, top: hasSeed ? 32 : 16, bottom: 28 }
      : { left: 64, right: 24, top: hasSeed ? 40 : 28, bottom: 64 },
    legend: hasSeed ? { top: 0, textStyle: { color: theme.text } } : undefined,
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      valueFormatter: (v: number) => config.format(v)
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series
  };
}
