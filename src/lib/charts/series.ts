/** Pivots long rows (x, series key, value) into one aligned array per series. */
export function pivot<T>(
  rows: readonly T[],
  x: (row: T) => string,
  key: (row: T) => string,
  value: (row: T) => number
): { categories: string[]; series: Map<string, number[]> } {
  const categories = [...new Set(rows.map(x))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const series = new Map<string, number[]>();
  for (const row of rows) {
    const k = key(row);
    let values = series.get(k);
    if (!values) {
      values = new Array<number>(categories.length).fill(0);
      series.set(k, values);
    }
    values[index.get(x(row))!] = value(row);
  }
  return { categories, series };
}
