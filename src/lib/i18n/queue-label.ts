import { codeLabel } from './codes';
import type { Lang } from './i18n.svelte';

/** A simulation queue key as a reader sees it: `overseas:europe` → "海外 · 欧洲" / "Overseas · Europe". */
export function queueLabel(queue: string, lang: Lang): string {
  return queue.startsWith('overseas:')
    ? `${codeLabel('overseas', lang)} · ${codeLabel(queue.slice('overseas:'.length), lang)}`
    : codeLabel(queue, lang);
}
