import { median } from './log';

/** Repeated measurements of one figure: each run, the median, and the spread around it. */
export interface Runs {
  runs: number[];
  median: number;
  min: number;
  max: number;
  /** (max − min) ÷ median: how far the runs disagree. */
  spread: number;
}

export function summarise(values: readonly number[]): Runs | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const mid = median(finite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return {
    runs: finite.map(Math.round),
    median: Math.round(mid),
    min: Math.round(min),
    max: Math.round(max),
    spread: mid === 0 ? 0 : Math.round(((max - min) / mid) * 100) / 100
  };
}

/** "1,234 ms (1,100–1,400, 3 runs)". */
export function describeRuns(r: Runs | null, unit = 'ms'): string {
  if (!r) return '—';
  const f = (v: number) => v.toLocaleString('en');
  return `${f(r.median)} ${unit} (${f(r.min)}–${f(r.max)}, ${r.runs.length} runs)`;
}
