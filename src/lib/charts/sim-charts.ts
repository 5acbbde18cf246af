import type { EChartsCoreOption } from 'echarts/core';
import type { ConfidencePoint } from '../sim/scenarios/confidence';
import type { ResolutionByDelay } from '../sim/scenarios/night-shift';
import { baseOption, PALETTE, type ChartTheme } from './theme';

const axis = (theme: ChartTheme) => ({
  axisLabel: { color: theme.muted },
  splitLine: { lineStyle: { color: theme.grid } }
});
const percent = (v: number): number | null =>
  Number.isFinite(v) ? Math.round(v * 1000) / 10 : null;

/** Agents per hour of week for one queue: weekdays down, hours across. */
export function staffingHeatmapOption(
  slots: readonly number[],
  weekdays: readonly string[],
  theme: ChartTheme
): EChartsCoreOption {
  const data = slots.map((v, s) => [s % 24, Math.floor(s / 24), Math.round(v * 10) / 10]);
  const max = Math.max(1, ...slots);
  return {
    ...baseOption(theme),
    tooltip: { trigger: 'item', renderMode: 'richText', confine: true },
    grid: { left: 56, right: 24, top: 16, bottom: 84 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: 24 }, (_, h) => String(h)),
      axisLabel: { color: theme.muted },
      splitArea: { show: true }
    },
    yAxis: {
      type: 'category',
      data: [...weekdays],
      inverse: true,
      axisLabel: { color: theme.muted }
    },
    visualMap: {
      min: 0,
      max: Math.ceil(max),
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      textStyle: { color: theme.muted },
      inRange: { color: ['#f6f8fa', '#9ec5fe', PALETTE[0]!] }
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontSize: 9, color: theme.text },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } }
      }
    ]
  };
}

/** Service level (pickup within threshold) per hour of week, baseline vs scenario, in %. */
export function serviceLevelByHourOption(
  series: ReadonlyArray<{ name: string; values: readonly number[] }>,
  weekdays: readonly string[],
  theme: ChartTheme
): EChartsCoreOption {
  const categories = Array.from(
    { length: 168 },
    (_, s) => `${weekdays[Math.floor(s / 24)]} ${String(s % 24).padStart(2, '0')}:00`
  );
  return {
    ...baseOption(theme),
    legend: { top: 0, textStyle: { color: theme.text } },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { color: theme.muted, interval: 23 }
    },
    yAxis: { type: 'value', min: 0, max: 100, name: '%', ...axis(theme) },
    series: series.map((s) => ({
      name: s.name,
      type: 'line',
      showSymbol: false,
      connectNulls: false,
      data: s.values.map(percent)
    }))
  };
}

/** The τ trade-off: rates in % on the left, human load on the right, the chosen τ marked. */
export function confidenceCurveOption(
  points: readonly ConfidencePoint[],
  tau: number | undefined,
  names: { containment: string; duplicates: string; misjudged: string; humanLoad: string },
  theme: ChartTheme
): EChartsCoreOption {
  const x = points.map((p) => p.threshold.toFixed(2));
  const rate = (name: string, values: number[]) => ({
    name,
    type: 'line',
    showSymbol: false,
    data: values.map(percent)
  });
  return {
    ...baseOption(theme),
    grid: { left: 48, right: 64, top: 48, bottom: 32 },
    legend: { top: 0, textStyle: { color: theme.text } },
    xAxis: { type: 'category', data: x, name: 'τ', axisLabel: { color: theme.muted } },
    yAxis: [
      { type: 'value', name: '%', min: 0, ...axis(theme) },
      { type: 'value', axisLabel: { color: theme.muted }, splitLine: { show: false } }
    ],
    series: [
      {
        ...rate(
          names.containment,
          points.map((p) => p.containment)
        ),
        markLine:
          tau === undefined
            ? undefined
            : {
                symbol: 'none',
                label: { formatter: `τ = ${tau.toFixed(2)}`, color: theme.text },
                lineStyle: { color: theme.text, type: 'dashed' },
                data: [{ xAxis: (Math.round(tau * 20) / 20).toFixed(2) }]
              }
      },
      rate(
        names.duplicates,
        points.map((p) => p.duplicate_answer_rate)
      ),
      rate(
        names.misjudged,
        points.map((p) => p.misjudgment_reaching_users)
      ),
      {
        name: names.humanLoad,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { opacity: 0.35 },
        data: points.map((p) => p.human_load)
      }
    ]
  };
}

/** Resolution rate of overseas tickets by first-response delay (the night-shift assumption). */
export function resolutionByDelayOption(
  relation: readonly ResolutionByDelay[],
  labelOf: (bucket: ResolutionByDelay) => string,
  name: string,
  theme: ChartTheme
): EChartsCoreOption {
  return {
    ...baseOption(theme),
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: relation.map(labelOf), axisLabel: { color: theme.muted } },
    yAxis: { type: 'value', name: '%', min: 0, max: 100, ...axis(theme) },
    series: [{ name, type: 'bar', data: relation.map((r) => percent(r.resolutionRate)) }]
  };
}

/** Readable bucket label for a first-response delay bucket, e.g. `1–4 h`. */
export function delayBucketLabel(b: ResolutionByDelay): string {
  const h = (m: number) => (m < 60 ? `${m}m` : `${m / 60}h`);
  return Number.isFinite(b.toMinutes)
    ? `${h(b.fromMinutes)}–${h(b.toMinutes)}`
    : `≥ ${h(b.fromMinutes)}`;
}
