import { METRICS } from '../metrics/catalogue';
import { codeLabelsText } from './codes';
import { MESSAGES } from './messages';

const FAMILY = '"Noto Sans SC"';
const WEIGHTS = [400, 600];

/** Every Chinese character the interface itself can show. */
function interfaceText(): string {
  const parts = [
    ...Object.values(MESSAGES).map((m) => m.zh),
    ...METRICS.flatMap((m) => [m.label.zh, m.definition.zh]),
    codeLabelsText('zh')
  ];
  return [...new Set(parts.join('').replace(/[\p{ASCII}]/gu, ''))].join('');
}

/**
 * Loads the bundled CJK font subsets the interface needs before it is first drawn: on a machine
 * without system CJK fonts, text shaped before its subset arrives can stay as empty boxes.
 * Never waits longer than `timeoutMs`.
 */
export async function preloadInterfaceFonts(timeoutMs = 2500): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const text = interfaceText();
  const loads = Promise.all(WEIGHTS.map((w) => document.fonts.load(`${w} 16px ${FAMILY}`, text)));
  // A subset that fails to load is drawn in a fallback font: worth a warning, not a stop.
  const settled = loads.catch((error: unknown) => console.warn('interface font not loaded', error));
  await Promise.race([settled, new Promise((r) => setTimeout(r, timeoutMs))]);
}
