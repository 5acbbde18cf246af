import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesPoint } from '../metrics/series';
import type { Unit } from '../metrics/types';
import { baseOption, type ChartTheme } from './theme';

export interface TrendConfig {
  name: string;
  unit: Unit;
  /** The value as people read it (percent, durations): axis labels and tooltips. */
  format: (value: number) => string;
  target: { value: number; label: string } | null;
  seed: { value: number; label: string } | null;
  /** Whether a value meets the target (only called when a target is set). */
  met: (value: number) => boolean;
  colors: { met: string; missed: string; line: string };
}

/**
 * One metric per period with its target and seed as labelled lines; points coloured by met or
 * missed (the tooltip says which in words). Text only, never HTML.
 */
export function trendOption(
  points: readonly SeriesPoint[],
  config: TrendConfig,
  theme: ChartTheme,
  words: { met: string; missed: string }
): EChartsCoreOption {
  const { target } = config;
  const lines = [
    ...(target ? [markLine(target, 'dashed', config.colors.met, config.format)] : []),
    ...(config.seed ? [markLine(config.seed, 'dotted', theme.muted, config.format)] : [])
  ];
  return {
    ...baseOption(theme),
    grid: { left: 72, right: 24, top: 24, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      valueFormatter: (value: unknown) => {
        if (typeof value !== 'number') return '—';
        const verdict = target ? ` · ${config.met(value) ? words.met : words.missed}` : '';
        return `${config.format(value)}${verdict}`;
      }
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.period),
      axisLabel: { color: theme.muted }
    },
    yAxis: {
      type: 'value',
      scale: config.unit !== 'ratio' && config.unit !== 'count',
      axisLabel: { color: theme.muted, formatter: (v: number) => config.format(v) },
      splitLine: { lineStyle: { color: theme.grid } }
    },
    series: [
      {
        name: config.name,
        type: 'line',
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { color: config.colors.line },
        data: points.map((p) => ({
          value: p.value,
          itemStyle: {
            color:
              target && p.value !== null
                ? config.met(p.value)
                  ? config.colors.met
                  : config.colors.missed
                : config.colors.line
          }
        })),
        markLine: {
          silent: true,
          symbol: 'none',
          label: {
            color: theme.text,
            position: 'insideEndTop',
            formatter: (p: { name?: string }) => p.name ?? ''
          },
          data: lines
        }
      }
    ]
  };
}

function markLine(
  line: { value: number; label: string },
  type: 'dashed' | 'dotted',
  color: string,
  format: (value: number) => string
) {
  return {
    yAxis: line.value,
    name: `${line.label} ${format(line.value)}`,
    lineStyle: { type, color, width: 1.5 }
  };
}
