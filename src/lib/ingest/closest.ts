function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_\-()（）[\]]/g, '');
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The file column whose name is nearest to a canonical column name, if any is close at all. */
export function closestColumn(wanted: string, available: readonly string[]): string | null {
  const target = normalise(wanted);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const name of available) {
    const candidate = normalise(name);
    if (!candidate) continue;
    const contains = candidate.includes(target) || target.includes(candidate);
    const score = contains ? 0.5 : editDistance(target, candidate) / Math.max(target.length, 1);
    if (score < bestScore) {
      bestScore = score;
      best = name;
    }
  }
  return bestScore <= 0.6 ? best : null;
}
