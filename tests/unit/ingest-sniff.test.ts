import { describe, expect, it } from 'vitest';
import { sniffCsv } from '../../src/lib/ingest/read/sniff';

describe('sniffCsv', () => {
  it.each([',', ';', '\t', '|'] as const)('detects the delimiter %j', (d) => {
    const text =
      ['工单号', '创建时间', '备注'].join(d) +
      '\n' +
      ['T1', '2026-03-01 08:00', 'a b'].join(d) +
      '\n';
    const result = sniffCsv(text);
    expect(result.delimiter).toBe(d);
    expect(result.header).toEqual(['工单号', '创建时间', '备注']);
    expect(result.sampleRows).toEqual([['T1', '2026-03-01 08:00', 'a b']]);
  });

  it('is quote-aware: delimiters and line breaks inside quotes do not count', () => {
    const text = 'id;note;city\n1;"a, b, c";"x\ny"\n2;"d,e";z\n3;f;"g;h"\n';
    const result = sniffCsv(text);
    expect(result.delimiter).toBe(';');
    expect(result.sampleRows[0]).toEqual(['1', 'a, b, c', 'x\ny']);
    expect(result.sampleRows[2]).toEqual(['3', 'f', 'g;h']);
  });

  it('prefers the consistent delimiter over the one with more splits on one line', () => {
    const text = 'a,b,c\n"1;2;3;4;5",x,y\n"6;7",z,w\n';
    expect(sniffCsv(text).delimiter).toBe(',');
  });

  it('trims header names, keeps and reports duplicates', () => {
    const result = sniffCsv(' Case ID ,Variant,Variant\n1,a,a\n');
    expect(result.header).toEqual(['Case ID', 'Variant', 'Variant']);
    expect(result.duplicateHeaders).toEqual(['Variant']);
    expect(result.evidence).toMatch(/duplicate header names: Variant/);
  });

  it('ignores a trailing partial line when the head is cut', () => {
    const text = 'a,b\n1,2\n3,4\n5,"unfinis';
    expect(sniffCsv(text).sampleRows).toEqual([
      ['1', '2'],
      ['3', '4']
    ]);
  });

  it('accepts CRLF line endings and a stray BOM', () => {
    const result = sniffCsv('\ufeffa\tb\r\n1\t2\r\n');
    expect(result.header).toEqual(['a', 'b']);
    expect(result.delimiter).toBe('\t');
  });

  it('throws a clear error for empty and header-only files', () => {
    expect(() => sniffCsv('')).toThrow(/empty/);
    expect(() => sniffCsv(' \n\n')).toThrow(/empty/);
    expect(() => sniffCsv('工单号,创建时间\n')).toThrow(/header \(2 columns\) but no data rows/);
  });
});
