import type { EChartsCoreOption } from 'echarts/core';
import type { HourCount } from '../queries/hours';
import { baseOption, type ChartTheme } from './theme';

/** Share of each group's tickets per local hour, with the staffed window shaded. */
export function hourOfDayOption(
  rows: readonly HourCount[],
  config: {
    group: (key: string) => string;
    staffed: { start: number; end: number };
    staffedLabel: string;
    share: string;
  },
  theme: ChartTheme
): EChartsCoreOption {
  const hours = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  return {
    ...baseOption(theme),
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      confine: true,
      valueFormatter: (v: number) => `${(v * 100).toFixed(1)}%`
    },
    xAxis: { type: 'category', data: hours, axisLabel: { color: theme.muted } },
    yAxis: {
      type: 'value',
      name: config.share,
      axisLabel: { color: theme.muted, formatter: (v: number) => `${(v * 100).toFixed(0)}%` },
      splitLine: { lineStyle: { color: theme.grid } }
    },
    series: keys.map((key, i) => {
      const total = rows.filter((r) => r.key === key).reduce((s, r) => s + r.count, 0);
      const data = hours.map(
        (_, h) => (rows.find((r) => r.key === key && r.hour === h)?.count ?? 0) / (total || 1)
      );
      return {
        name: config.group(key),
        type: 'line',
        smooth: true,
        data,
        markArea:
          i === 0
            ? {
                silent: true,
                itemStyle: { color: 'rgba(45, 164, 78, 0.12)' },
                label: { color: theme.muted, position: 'insideTop' },
                data: [
                  [
                    { name: config.staffedLabel, xAxis: hours[config.staffed.start] },
                    { xAxis: hours[config.staffed.end - 1] }
                  ]
                ]
              }
            : undefined
      };
    })
  };
}
