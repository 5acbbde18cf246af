import type { Unit } from './types';

type Lang = 'zh' | 'en';

const UNIT_SUFFIX: Record<Unit, { zh: string; en: string }> = {
  ratio: { zh: '%', en: '%' },
  pp: { zh: ' 个百分点', en: ' pp' },
  seconds: { zh: ' 秒', en: ' s' },
  minutes: { zh: ' 分钟', en: ' min' },
  hours: { zh: ' 小时', en: ' h' },
  count: { zh: '', en: '' },
  score: { zh: '', en: '' }
};

const DURATION = {
  s: { zh: '秒', en: 's' },
  min: { zh: '分钟', en: 'min' },
  h: { zh: '小时', en: 'h' },
  d: { zh: '天', en: 'd' }
} as const;

/** A metric value as people read it: rates as percentages, durations with their unit. */
export function formatValue(value: number, unit: Unit, lang: Lang): string {
  const suffix = UNIT_SUFFIX[unit][lang];
  if (unit === 'ratio') return `${(value * 100).toFixed(1)}${suffix}`;
  if (unit === 'count') return Math.round(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
  if (unit === 'score') return value.toFixed(2);
  if (unit === 'minutes') return formatMinutes(value, lang);
  return `${value.toFixed(digitsFor(value))}${suffix}`;
}

function digitsFor(value: number): number {
  return Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
}

/** Minutes as a readable duration: `45 s`, `12 min`, `3 h 5 min`, `2.4 d`. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const unit = (key: keyof typeof DURATION) => DURATION[key][lang];
  const size = Math.abs(minutes);
  const sign = minutes < 0 ? '-' : '';
  if (size < 1) return `${sign}${Math.round(size * 60)} ${unit('s')}`;
  if (size < 60) return `${sign}${size.toFixed(size < 10 ? 1 : 0)} ${unit('min')}`;
  if (size < 1440) {
    let hours = Math.floor(size / 60);
    let rest = Math.round(size - hours * 60);
    if (rest === 60) [hours, rest] = [hours + 1, 0];
    if (hours === 24) return `${sign}1.0 ${unit('d')}`;
    return rest === 0
      ? `${sign}${hours} ${unit('h')}`
      : `${sign}${hours} ${unit('h')} ${rest} ${unit('min')}`;
  }
  const days = size / 1440;
  return `${sign}${days.toFixed(days >= 100 ? 0 : 1)} ${unit('d')}`;
}
