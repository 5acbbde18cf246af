import type { Comparison } from '../metrics/compare/compare';
import { targetMet } from '../metrics/targets';
import type { MetricDef, ScalarResult } from '../metrics/types';

export const CARDS_CSV_HEADER = [
  'metric',
  'label',
  'unit',
  'value',
  'n',
  'period_from',
  'period_to',
  'period_value',
  'previous_from',
  'previous_to',
  'previous',
  'change',
  'change_test',
  'p_value',
  'larger_than_chance',
  'target',
  'met',
  'definition'
] as const;

/**
 * One row per card: the figure for the filters, the compared period and the one before it,
 * the change and its test, the target and whether it is met. Rates are fractions 0–1, dates ISO.
 */
export function cardRows(
  cards: ReadonlyArray<{ metric: MetricDef; result: ScalarResult | undefined }>,
  comparison: Comparison | undefined,
  targetOf: (id: string) => number | null,
  lang: 'zh' | 'en'
): Array<Array<string | number | null>> {
  return cards.map(({ metric, result }) => {
    const compared = comparison?.metrics.get(metric.id);
    const target = targetOf(metric.id);
    const value = result?.value ?? null;
    const test = compared?.test;
    return [
      metric.id,
      metric.label[lang],
      metric.unit,
      value,
      result?.n ?? null,
      comparison?.current.from ?? null,
      comparison?.current.to ?? null,
      compared?.current.value ?? null,
      comparison?.previous.from ?? null,
      comparison?.previous.to ?? null,
      compared?.previous.value ?? null,
      compared?.change ?? null,
      test?.kind ?? null,
      test?.p ?? null,
      test && test.p !== null ? String(test.significant) : null,
      target,
      target !== null && value !== null ? String(targetMet(metric.id, value, target)) : null,
      metric.definition[lang]
    ];
  });
}
