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
}

/** Bars per key (plain-text labels), with optional seed markers. */
export function barOption(
  data: readonly BarDatum[],
  config: BarConfig,
  theme: ChartTheme
): EChartsCoreOption {
  const categories = data.map((d) => d.label);
  const categoryAxis = {
    type: 'category',
    data: categories,
    inverse: config.horizontal === true,
    axisLabel: {
      color: theme.muted,
      interval: 0,
      width: config.horizontal ? 200 : 90,
      // Wrapped, not cut: "Support mini-program" must stay readable.
      overflow: 'break'
    }
  };
  const valueAxis = {
    type: 'value',
    axisLabel: { color: theme.muted, formatter: (v: number) => config.format(v) },
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
        position: config.horizontal ? 'right' : 'top',
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
    grid: config.horizontal
      ? { left: 210, right: 64, top: hasSeed ? 32 : 16, bottom: 28 }
      : { left: 64, right: 24, top: hasSeed ? 40 : 28, bottom: 64 },
    legend: hasSeed ? { top: 0, textStyle: { color: theme.text } } : undefined,
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      valueFormatter: (v: number) => config.format(v)
    },
    xAxis: config.horizontal ? valueAxis : categoryAxis,
    yAxis: config.horizontal ? categoryAxis : valueAxis,
    series
  };
}
