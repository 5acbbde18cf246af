import { formatValue } from '../format';
import type { Unit } from '../types';

type Lang = 'zh' | 'en';

/**
 * A change as people read it: rates and gaps in percentage points, other figures in their unit
 * with the relative change.
 */
export function formatChange(
  change: number,
  previous: number | null,
  unit: Unit,
  lang: Lang
): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const pp = lang === 'zh' ? ' 个百分点' : ' pp';
  if (unit === 'ratio') return `${sign}${Math.abs(change * 100).toFixed(1)}${pp}`;
  if (unit === 'pp') return `${sign}${Math.abs(change).toFixed(1)}${pp}`;
  const size = formatValue(Math.abs(change), unit, lang);
  if (previous === null || previous === 0) return `${sign}${size}`;
  const relative = Math.abs((change / previous) * 100).toFixed(1);
  return `${sign}${size} (${sign}${relative}%)`;
}

/** `p = 0.034`, or `p < 0.001`. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}
