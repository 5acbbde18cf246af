/**
 * Numbers as European and US exports write them, read only where the form tells which:
 * `0,85` and `1.234,5` have a decimal comma, `1,234.5` and `1,234,567` group thousands with
 * commas. `1,234` could be either and stays as written, for the number check to reject by name.
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

const anyOf = (forms: readonly string[]) => `^(${forms.join('|')})$`;

/** VARCHAR SQL: the text as a plain decimal where its form tells how, else as it was. */
export function plainNumberTextSql(text: string): string {
  return `(CASE
    WHEN regexp_full_match(${text}, '${anyOf(DECIMAL_COMMA)}')
      THEN replace(replace(${text}, '.', ''), ',', '.')
    WHEN regexp_full_match(${text}, '${anyOf(GROUPED_THOUSANDS)}') THEN replace(${text}, ',', '')
    ELSE ${text} END)`;
}
