/**
 * Numbers as European and US exports write them, read only where the form tells which:
 * `0,85` and `1.234,5` have a decimal comma, `1,234.5` and `1,234,567` group thousands with
 * commas. `1,234` could be either: the rest of the file decides (see {@link numberOrderSql}), and
 * where it does not, it stays as written, for the number check to reject by name.
 */

const DECIMAL_COMMA = [
  '-?\\d{1,3}(\\.\\d{3})+,\\d+', // 1.234,5
  '-?0,\\d+', // 0,85
  '-?\\d+,(\\d{1,2}|\\d{4,})', // 12,5  3,14159
  '-?\\d{4,},\\d+' // 1234,5
];
const GROUPED_THOUSANDS = [
  '-?\\d{1,3}(,\\d{3})+\\.\\d+', // 1,234.5
  '-?\\d{1,3}(,\\d{3}){2,}' // 1,234,567
];
/** A decimal point that cannot be a thousands dot (`12.5`, `0.85`, `1234.5`). */
const DECIMAL_POINT = ['-?0\\.\\d+', '-?\\d+\\.(\\d{1,2}|\\d{4,})', '-?\\d{4,}\\.\\d+'];
const EITHER = '-?\\d{1,3},\\d{3}'; // 1,234

/** How a file writes `1,234`, when its other numbers tell. */
export type AmbiguousNumbers = 'decimal-comma' | 'thousands';

const anyOf = (forms: readonly string[]) => `^(${forms.join('|')})$`;

/** VARCHAR SQL: the text as a plain decimal where its form (or the file's order) tells how. */
export function plainNumberTextSql(text: string, either: AmbiguousNumbers | null = null): string {
  const decimalComma = either === 'decimal-comma' ? [...DECIMAL_COMMA, EITHER] : DECIMAL_COMMA;
  const thousands = either === 'thousands' ? [...GROUPED_THOUSANDS, EITHER] : GROUPED_THOUSANDS;
  return `(CASE
    WHEN regexp_full_match(${text}, '${anyOf(decimalComma)}')
      THEN replace(replace(${text}, '.', ''), ',', '.')
    WHEN regexp_full_match(${text}, '${anyOf(thousands)}') THEN replace(${text}, ',', '')
    ELSE ${text} END)`;
}

/**
 * SQL aggregate over the number cells `texts`: `'decimal-comma'` when the file writes `1,234` and
 * decimal commas but no decimal point or grouped thousands, `'thousands'` the other way round,
 * else NULL (no `1,234`, or the file writes both and nothing tells).
 */
export function numberOrderSql(texts: readonly string[]): string | null {
  if (texts.length === 0) return null;
  const any = (forms: readonly string[]) =>
    `coalesce(bool_or(${texts.map((t) => `regexp_full_match(${t}, '${anyOf(forms)}')`).join(' OR ')}), false)`;
  const comma = any(DECIMAL_COMMA);
  const point = any([...GROUPED_THOUSANDS, ...DECIMAL_POINT]);
  return `(CASE WHEN NOT ${any([EITHER])} THEN NULL
    WHEN ${comma} AND NOT ${point} THEN 'decimal-comma'
    WHEN ${point} AND NOT ${comma} THEN 'thousands' END)`;
}
