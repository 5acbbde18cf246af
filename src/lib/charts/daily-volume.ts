import type { EChartsCoreOption } from 'echarts/core';
import type { DailyCount } from '../queries/trends';
import { pivot } from './series';
import { baseOption, type ChartTheme } from './theme';

/** Stacked daily bars, one series per entry channel. Labels are plain text, never HTML. */
export function dailyVolumeOption(
  rows: readonly DailyCount[],
  labelOf: (key: string) => string,
  theme: ChartTheme
): EChartsCoreOption {
  const { categories, series } = pivot(
    rows,
    (r) => r.day,
    (r) => r.key,
    (r) => r.count
  );
  return {
    ...baseOption(theme),
    legend: { top: 0, textStyle: { color: theme.text } },
    xAxis: { type: 'category', data: categories, axisLabel: { color: theme.muted } },
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.grid } }
    },
    series: [...series.entries()].map(([key, data]) => ({
      name: labelOf(key),
      type: 'bar',
      stack: 'total',
      data,
      emphasis: { focus: 'series' }
    }))
  };
}
