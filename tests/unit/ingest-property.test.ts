import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toUtf8 } from '../../src/lib/ingest/read/decode';
import { sniffCsv, type Delimiter } from '../../src/lib/ingest/read/sniff';
import { suggestMapping } from '../../src/lib/ingest/map/suggest-mapping';

const CHARS = [
  'a',
  'Z',
  '7',
  ' ',
  '工',
  '单',
  '号',
  '安',
  '卓',
  'é',
  '"',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '😀'
];
const cellArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join(''));
const plainCell = fc
  .array(fc.constantFrom('a', 'b', '1', '工', '单', 'x'), { minLength: 1, maxLength: 6 })
  .map((cs) => cs.join(''));

function quote(cell: string, delimiter: string, always: boolean): string {
  const needs =
    always ||
    cell.includes('"') ||
    cell.includes(delimiter) ||
    /[\r\n]/.test(cell) ||
    cell.trim() !== cell;
  return needs ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function encode(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le'): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return bytes;
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const tableArb = fc.integer({ min: 2, max: 6 }).chain((width) =>
  fc.record({
    header: fc.uniqueArray(plainCell, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), {
      minLength: 1,
      maxLength: 12
    }),
    delimiter: fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
    alwaysQuote: fc.boolean(),
    newline: fc.constantFrom('\n', '\r\n'),
    encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'utf-16le' as const)
  })
);

describe('ingest properties', () => {
  it('random tables round-trip through decode + sniff + papaparse', () => {
    fc.assert(
      fc.property(tableArb, ({ header, rows, delimiter, alwaysQuote, newline, encoding }) => {
        const nonEmpty = rows.filter((r) => r.some((c) => c !== '') || r.length > 1);
        fc.pre(nonEmpty.length > 0);
        const lines = [header, ...nonEmpty].map((r) =>
          r.map((c) => quote(c, delimiter, alwaysQuote)).join(delimiter)
        );
        const text = lines.join(newline) + newline;
        const { bytes } = toUtf8(encode(text, encoding));
        const decoded = new TextDecoder().decode(bytes);
        const sniffed = sniffCsv(decoded);
        expect(sniffed.header).toEqual(header);
        if (nonEmpty.every((r) => r.every((c) => c === ''))) return;
        expect(sniffed.delimiter).toBe(delimiter);
        const parsed = Papa.parse<string[]>(decoded, {
          delimiter: sniffed.delimiter,
          skipEmptyLines: true
        }).data;
        expect(parsed.slice(1)).toEqual(nonEmpty);
      }),
      { numRuns: 300 }
    );
  });

  it('random bytes never crash: a result or an Error with a message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          const { bytes: utf8 } = toUtf8(bytes);
          const sniffed = sniffCsv(new TextDecoder().decode(utf8));
          suggestMapping(sniffed.header, sniffed.sampleRows);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 1000 }
    );
  });

  it('random header strings never crash the mapping suggestion', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 10 }),
        fc.array(fc.array(fc.string(), { maxLength: 10 }), { maxLength: 5 }),
        (header, rows) => {
          const s = suggestMapping(header, rows);
          for (const index of Object.values(s.mapping.columns))
            expect(index).toBeLessThan(header.length);
        }
      )
    );
  });
});
