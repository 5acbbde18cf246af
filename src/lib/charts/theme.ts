import type { EChartsCoreOption } from 'echarts/core';

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  background: string;
}

export const LIGHT: ChartTheme = {
  text: '#1f2328',
  muted: '#59636e',
  grid: '#d8dee4',
  background: '#ffffff'
};
export const DARK: ChartTheme = {
  text: '#e6edf3',
  muted: '#9198a1',
  grid: '#3d444d',
  background: '#151b23'
};

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans SC', sans-serif";

export const PALETTE = [
  '#1f6feb',
  '#e8590c',
  '#2da44e',
  '#bf3989',
  '#8250df',
  '#9a6700',
  '#0969da',
  '#cf222e'
];

/**
 * What every chart shares. Tooltips use ECharts' default renderer with `renderMode: 'richText'`,
 * so file values are drawn as text and can never become HTML.
 */
export function baseOption(theme: ChartTheme): EChartsCoreOption {
  return {
    color: PALETTE,
    backgroundColor: 'transparent',
    textStyle: { color: theme.text, fontFamily: FONT_FAMILY },
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    animation: false
  };
}
