import type { EChartsCoreOption } from 'echarts/core';
import type { BacktestKpi } from '../sim/backtest/backtest';
import type { CalibrationCell } from '../sim/backtest/calibration-cells';
import { baseOption, type ChartTheme } from './theme';

/** Observed and simulated per hour of week, over one queue or all (request-weighted). */
export interface CalibrationSeries {
  observed: (number | null)[];
  simulated: (number | null)[];
  requests: number[];
}

/** Pools the cells of `queue` (all queues when absent) per hour of week. */
export function calibrationSeries(
  cells: readonly CalibrationCell[],
  kpi: BacktestKpi,
  queue?: string
): CalibrationSeries {
  const n = new Float64Array(168);
  const obs = new Float64Array(168);
  const sim = new Float64Array(168);
  const simN = new Float64Array(168);
  for (const c of cells) {
    if (queue !== undefined && c.queue !== queue) continue;
    const o = c.observed[kpi];
    const m = c.simulated[kpi];
    if (Number.isFinite(o)) {
      n[c.hourOfWeek]! += c.requests;
      obs[c.hourOfWeek]! += c.requests * o;
    }
    if (Number.isFinite(m)) {
      simN[c.hourOfWeek]! += c.requests;
      sim[c.hourOfWeek]! += c.requests * m;
    }
  }
  return {
    observed: Array.from(obs, (v, s) => (n[s]! > 0 ? v / n[s]! : null)),
    simulated: Array.from(sim, (v, s) => (simN[s]! > 0 ? v / simN[s]! : null)),
    requests: Array.from(n)
  };
}

const scale = (kpi: BacktestKpi, v: number | null): number | null =>
  v === null
    ? null
    : kpi === 'avg_wait_seconds'
      ? Math.round(v * 10) / 10
      : Math.round(v * 1000) / 10;

/**
 * Calibration chart: observed and simulated `kpi` per hour of week (rates in %, waits in s),
 * with the observed contacts as faint bars on a second axis so thin hours read as thin.
 */
export function calibrationChartOption(
  cells: readonly CalibrationCell[],
  kpi: BacktestKpi,
  names: { observed: string; simulated: string; requests: string },
  weekdays: readonly string[],
  theme: ChartTheme,
  queue?: string
): EChartsCoreOption {
  const series = calibrationSeries(cells, kpi, queue);
  const categories = Array.from(
    { length: 168 },
    (_, s) => `${weekdays[Math.floor(s / 24)]} ${String(s % 24).padStart(2, '0')}:00`
  );
  const rate = kpi !== 'avg_wait_seconds';
  return {
    ...baseOption(theme),
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    grid: { left: 48, right: 56, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: categories, axisLabel: { color: theme.muted, interval: 23 } },
    yAxis: [
      {
        type: 'value',
        name: rate ? '%' : 's',
        min: 0,
        ...(rate ? { max: 100 } : {}),
        axisLabel: { color: theme.muted },
        splitLine: { lineStyle: { color: theme.grid } }
      },
      { type: 'value', axisLabel: { color: theme.muted }, splitLine: { show: false } }
    ],
    series: [
      {
        name: names.observed,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        data: series.observed.map((v) => scale(kpi, v))
      },
      {
        name: names.simulated,
        type: 'line',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { type: 'dashed' },
        data: series.simulated.map((v) => scale(kpi, v))
      },
      {
        name: names.requests,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { opacity: 0.2 },
        data: series.requests
      }
    ]
  };
}
