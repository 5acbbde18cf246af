import type { SqlParam } from './types';

/** SQL text with `?` placeholders and the values bound to them, in order. */
export interface Sql {
  text: string;
  params: SqlParam[];
}

type Part = Sql | SqlParam;

function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && 'text' in value && 'params' in value;
}

/**
 * Tagged template: interpolated values become bound parameters; interpolated `Sql`
 * fragments are spliced with their own parameters. Nothing is pasted into the text.
 */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Sql {
  let text = strings[0] ?? '';
  const params: SqlParam[] = [];
  parts.forEach((part, i) => {
    if (isSql(part)) {
      text += part.text;
      params.push(...part.params);
    } else {
      text += '?';
      params.push(part);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params };
}

/** A fragment of trusted SQL text (identifiers and keywords written by this codebase). */
export function raw(text: string): Sql {
  return { text, params: [] };
}

export function join(fragments: readonly Sql[], separator: string): Sql {
  return {
    text: fragments.map((f) => f.text).join(separator),
    params: fragments.flatMap((f) => f.params)
  };
}

/** Quotes an identifier that this codebase chose (column names are never taken from files). */
export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
}
