/** Which of the seed's figures a preset's export has no columns for, and the note saying so. */
import { METRICS } from '../../metrics/catalogue';
import { missingRequirement } from '../../metrics/compute';

/**
 * Seed figures (metrics with a seed value) that the given canonical columns cannot compute;
 * `needs` lists the columns any one of which would do.
 */
export function unsupportedSeedMetrics(
  columns: readonly string[]
): Array<{ id: string; needs: string[] }> {
  const present = new Set(columns);
  const out: Array<{ id: string; needs: string[] }> = [];
  for (const metric of METRICS) {
    if (metric.seed === null) continue;
    const reason = missingRequirement(metric, present);
    if (reason)
      out.push({ id: metric.id, needs: reason.replace(/^.*needs column /, '').split(' or ') });
  }
  return out;
}

/** The load-report note naming every unsupported seed figure with the column it lacks. */
export function unsupportedNote(columns: readonly string[]): { zh: string; en: string } {
  const list = unsupportedSeedMetrics(columns);
  if (list.length === 0) {
    return {
      zh: '不支持的指标：无，每个种子指标所需的列都齐全。',
      en: 'unsupported: none, every seed figure has its columns.'
    };
  }
  const zh = list.map((m) => `${m.id}（需要 ${m.needs.join(' 或 ')}）`).join('、');
  const en = list.map((m) => `${m.id} (needs ${m.needs.join(' or ')})`).join(', ');
  return {
    zh: `不支持的指标：此导出文件缺少以下种子指标所需的列，这些指标显示为"不可用"：${zh}。`,
    en: `unsupported: seed figures this export has no column for, shown as "not available": ${en}.`
  };
}
