import { describe, expect, it } from 'vitest';
import { safeCell, toCsv } from '../../src/lib/export/csv';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(safeCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(safeCell('+1+1')).toBe("'+1+1");
    expect(safeCell('-2+3')).toBe("'-2+3");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('\t=1')).toBe("'\t=1");
    expect(safeCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves numbers and ordinary text alone', () => {
    expect(safeCell(-5)).toBe('-5');
    expect(safeCell(0.25)).toBe('0.25');
    expect(safeCell('a=b')).toBe('a=b');
    expect(safeCell('工单')).toBe('工单');
    expect(safeCell(null)).toBe('');
    expect(safeCell(Number.NaN)).toBe('');
  });

  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(safeCell('a,b')).toBe('"a,b"');
    expect(safeCell('say "hi"')).toBe('"say ""hi"""');
    expect(safeCell('two\nlines')).toBe('"two\nlines"');
  });

  it('neutralises the header too, and starts with a BOM', () => {
    const csv = toCsv(['=cmd', 'ok'], [['@x', 1]]);
    expect(csv).toBe(`\ufeff'=cmd,ok\r\n'@x,1\r\n`);
  });
});
