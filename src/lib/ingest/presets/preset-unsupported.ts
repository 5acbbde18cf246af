/** Which of the seed's figures a preset's export has no columns for, and the note saying so. */
import { METRICS } from '../../metrics/catalogue';
import { missingRequirement } from '../../metrics/compute';

/** Seed figures (metrics with a seed value) that the given canonical columns cannot compute. */
export function unsupportedSeedMetrics(
  columns: readonly string[]
): Array<{ id: string; needs: string }> {
  const present = new Set(columns);
  const out: Array<{ id: string; needs: string }> = [];
  for (const metric of METRICS) {
    if (metric.seed === null) continue;
    const reason = missingRequirement(metric, present);
    if (reason) out.push({ id: metric.id, needs: reason.replace(/^.*needs column /, '') });
  }
  return out;
}

/** The load-report note naming every unsupported seed figure with the column it lacks. */
export function unsupportedNote(columns: readonly string[]): string {
  const list = unsupportedSeedMetrics(columns);
  if (list.length === 0) return 'unsupported: none, every seed figure has its columns.';
  return (
    'unsupported: seed figures this export has no column for, shown as "not available": ' +
    list.map((m) => `${m.id} (needs ${m.needs})`).join(', ') +
    '.'
  );
}
