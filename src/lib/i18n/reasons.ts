import type { Lang } from './i18n.svelte';

/** Why a metric is unavailable, in the reader's language (the CLI keeps the English text). */
export function localiseReason(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  const needs = /^not available — needs column (.+)$/.exec(reason);
  if (needs) return `不可用——需要列 ${needs[1]!.replace(/ or /g, ' 或 ')}`;
  const noTickets = /^no tickets with (.+) in the current filters$/.exec(reason);
  if (noTickets) return `当前筛选下没有含 ${noTickets[1]!.replace(/ and /g, ' 且 ')} 的工单`;
  const target = /^set a target for channel (\S+) \(CLI: (.+)\)$/.exec(reason);
  if (target) return `请为渠道 ${target[1]} 设定首响目标（命令行：${target[2]}）`;
  if (reason.startsWith('no tickets in the denominator'))
    return '当前筛选下分母为空（没有符合条件的工单）';
  return reason;
}
