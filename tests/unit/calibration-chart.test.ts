import { describe, expect, it } from 'vitest';
import { calibrationChartOption, calibrationSeries } from '../../src/lib/charts/calibration-chart';
import type { ChartTheme } from '../../src/lib/charts/theme';
import type { CalibrationCell } from '../../src/lib/sim/backtest/calibration-cells';

const cell = (queue: string, hourOfWeek: number, requests: number, obs: number, sim: number) =>
  ({
    queue,
    hourOfWeek,
    requests,
    observed: { pickup_within_20s: obs, abandon_rate: 0.1, avg_wait_seconds: 40 },
    simulated: { pickup_within_20s: sim, abandon_rate: 0.1, avg_wait_seconds: 50 },
    error: { pickup_within_20s: sim - obs, abandon_rate: 0, avg_wait_seconds: 0.25 }
  }) satisfies CalibrationCell;

const cells = [
  cell('a', 9, 100, 0.8, 0.7),
  cell('b', 9, 300, 0.4, 0.5),
  cell('a', 10, 50, 0.6, 0.6)
];
const theme = { text: '#111', muted: '#666', grid: '#eee' } as unknown as ChartTheme;

describe('calibration chart', () => {
  it('pools queues per hour of week weighted by observed contacts', () => {
    const all = calibrationSeries(cells, 'pickup_within_20s');
    expect(all.observed[9]).toBeCloseTo((100 * 0.8 + 300 * 0.4) / 400, 12);
    expect(all.simulated[9]).toBeCloseTo((100 * 0.7 + 300 * 0.5) / 400, 12);
    expect(all.requests[9]).toBe(400);
    expect(all.observed[11]).toBeNull();
    const a = calibrationSeries(cells, 'pickup_within_20s', 'a');
    expect([a.observed[9], a.simulated[9], a.requests[9]]).toEqual([0.8, 0.7, 100]);
  });

  it('builds observed, simulated and contacts series; rates in %, waits in seconds', () => {
    const names = { observed: 'Observed', simulated: 'Simulated', requests: 'Contacts' };
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const o = calibrationChartOption(cells, 'pickup_within_20s', names, days, theme, 'a') as {
      xAxis: { data: string[] };
      yAxis: { name: string; max?: number }[];
      series: { name: string; type: string; data: (number | null)[] }[];
    };
    expect(o.xAxis.data).toHaveLength(168);
    expect(o.xAxis.data[9]).toBe('Mon 09:00');
    expect(o.series.map((s) => [s.name, s.type])).toEqual([
      ['Observed', 'line'],
      ['Simulated', 'line'],
      ['Contacts', 'bar']
    ]);
    expect(o.series[0]!.data[9]).toBe(80);
    expect(o.series[1]!.data[10]).toBe(60);
    expect(o.yAxis[0]).toMatchObject({ name: '%', max: 100 });
    const w = calibrationChartOption(cells, 'avg_wait_seconds', names, days, theme) as typeof o;
    expect(w.yAxis[0]!.name).toBe('s');
    expect(w.yAxis[0]!.max).toBeUndefined();
    expect(w.series[1]!.data[9]).toBe(50);
  });
});
