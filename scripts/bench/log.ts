/** Progress lines go to stderr so that `--json` keeps stdout clean. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export async function timeIt<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (ms: number): number => Math.round(ms);
