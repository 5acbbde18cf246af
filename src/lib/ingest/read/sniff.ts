/** Delimiter and header detection on the first part of a decoded CSV text. */
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface SniffResult {
  delimiter: Delimiter;
  /** Header names, trimmed; duplicates and blanks kept (mappings work on indices). */
  header: string[];
  /** The first data rows, as parsed with the chosen delimiter. */
  sampleRows: string[][];
  /** Header names that occur more than once. */
  duplicateHeaders: string[];
  evidence: string;
}

/** Candidates in order of preference when several fit equally well. */
const DELIMITERS: readonly Delimiter[] = [',', '\t', ';', '|'];
const PREVIEW_ROWS = 200;

interface Candidate {
  delimiter: Delimiter;
  rows: string[][];
  width: number;
  consistency: number;
}

function parse(text: string, delimiter: Delimiter): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: true,
    preview: PREVIEW_ROWS + 1
  });
  const rows = result.data;
  const cutInsideQuote = result.errors.some((e) => e.code === 'MissingQuotes');
  const cutMidLine = !/[\r\n]$/.test(text) && rows.length > 2;
  if ((cutInsideQuote || cutMidLine) && rows.length > 1 && rows.length <= PREVIEW_ROWS) rows.pop();
  return rows;
}

function score(text: string, delimiter: Delimiter): Candidate {
  const rows = parse(text, delimiter);
  const width = rows[0]?.length ?? 0;
  const matching = rows.filter((r) => r.length === width).length;
  return { delimiter, rows, width, consistency: rows.length === 0 ? 0 : matching / rows.length };
}

function better(a: Candidate, b: Candidate): Candidate {
  const aValid = a.width > 1 ? 1 : 0;
  const bValid = b.width > 1 ? 1 : 0;
  if (aValid !== bValid) return aValid > bValid ? a : b;
  if (Math.abs(a.consistency - b.consistency) > 1e-9) return a.consistency > b.consistency ? a : b;
  return b.width > a.width ? b : a;
}

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const n of names) (seen.has(n) ? dup : seen).add(n);
  return [...dup];
}

/**
 * Picks the delimiter whose quote-aware parse gives the most consistent column count over
 * the first rows, and reads the header. `textHead` may be cut mid-line: a trailing partial
 * row is ignored. Throws for an empty or header-only text; `truncated` (the file goes on past
 * `textHead`) allows a head holding only the header, as when the first row is huge.
 */
export function sniffCsv(textHead: string, options: { truncated?: boolean } = {}): SniffResult {
  const text = textHead.replace(/^\ufeff/, '');
  if (text.trim() === '') throw new Error('The file is empty: it has no header and no rows');
  const best = DELIMITERS.map((d) => score(text, d)).reduce(better);
  const [first, ...rest] = best.rows;
  const header = (first ?? []).map((h) => h.trim());
  if (rest.length === 0 && !options.truncated) {
    throw new Error(`The file has a header (${header.length} columns) but no data rows`);
  }
  const sampleRows = rest.slice(0, PREVIEW_ROWS);
  const dup = duplicates(header);
  const blanks = header.filter((h) => h === '').length;
  const name = best.delimiter === '\t' ? 'tab' : `"${best.delimiter}"`;
  const notes = [
    `delimiter ${name}: ${header.length} columns, ${Math.round(best.consistency * 100)}% of ${best.rows.length} sampled lines agree`
  ];
  if (rest.length === 0) notes.push('the first data row is longer than the sampled head');
  if (best.width <= 1) notes.push('no delimiter splits the lines: read as a single column');
  if (dup.length > 0) notes.push(`duplicate header names: ${dup.join(', ')}`);
  if (blanks > 0) notes.push(`${blanks} blank header name(s)`);
  return {
    delimiter: best.delimiter,
    header,
    sampleRows,
    duplicateHeaders: dup,
    evidence: notes.join('; ')
  };
}
