/** The ticket table's measured columns: one decimal each, so a column of figures lines up. */
const MEASURES = new Set(['wait_seconds', 'resolve_minutes']);

export function isMeasureColumn(column: string): boolean {
  return MEASURES.has(column);
}

/** `7.0`, `16.0`, `1,234.5`: the same number of decimals on every row (not `7`, `16`, `2.1`). */
export function measureText(value: unknown, locale: string): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(n)) return '';
  return n.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
