import type { Unit } from './types';

const UNIT_SUFFIX: Record<Unit, { zh: string; en: string }> = {
  ratio: { zh: '%', en: '%' },
  pp: { zh: ' 个百分点', en: ' pp' },
  seconds: { zh: ' 秒', en: ' s' },
  minutes: { zh: ' 分钟', en: ' min' },
  hours: { zh: ' 小时', en: ' h' },
  count: { zh: '', en: '' }
};

/** A metric value as people read it: rates as percentages, durations with their unit. */
export function formatValue(value: number, unit: Unit, lang: 'zh' | 'en'): string {
  const suffix = UNIT_SUFFIX[unit][lang];
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}${suffix}`;
  if (unit === 'count') return Math.round(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${suffix}`;
}
