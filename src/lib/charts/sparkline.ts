/** An SVG path for a small trend line: gaps where a period has no value, y scaled to the values and the target. */
export interface Sparkline {
  path: string;
  /** y of the target line, or null when none is set. */
  targetY: number | null;
}

export function sparkline(
  values: ReadonlyArray<number | null>,
  size: { width: number; height: number; pad?: number },
  target: number | null = null
): Sparkline {
  const pad = size.pad ?? 2;
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return { path: '', targetY: null };
  const span = target === null ? present : [...present, target];
  const lo = Math.min(...span);
  const hi = Math.max(...span);
  const range = hi - lo || 1;
  const step = values.length > 1 ? (size.width - 2 * pad) / (values.length - 1) : 0;
  const x = (i: number) => pad + (values.length > 1 ? i * step : (size.width - 2 * pad) / 2);
  const y = (v: number) =>
    hi === lo ? size.height / 2 : pad + (1 - (v - lo) / range) * (size.height - 2 * pad);
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const point = { x: round(x(i)), y: round(y(v)) };
    path += `${pen ? 'L' : 'M'}${point.x} ${point.y}`;
    pen = true;
  });
  return { path, targetY: target === null ? null : round(y(target)) };
}

const round = (v: number) => Math.round(v * 10) / 10;
