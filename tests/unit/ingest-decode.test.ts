import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEncoding, maybeGunzip, toUtf8 } from '../../src/lib/ingest/read/decode';

const TEXT = '工单号,平台,状态\nT1,安卓,已解决\nT2,iOS,处理中\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(b);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++)
    view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('detectEncoding / toUtf8', () => {
  it('passes UTF-8 through without copying', () => {
    const bytes = utf8(TEXT);
    const result = toUtf8(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.bytes).toBe(bytes);
  });

  it('strips a UTF-8 BOM', () => {
    const result = toUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]));
    expect(result.encoding).toBe('utf-8-bom');
    expect(decode(result.bytes)).toBe(TEXT);
  });

  it.each([
    ['utf-16le', true, true],
    ['utf-16le', true, false],
    ['utf-16be', false, true],
    ['utf-16be', false, false]
  ] as const)('reads %s (little endian %s, BOM %s)', (encoding, le, bom) => {
    const text = 'ticket_id,platform\nT1,android\nT2,ios\n';
    const result = toUtf8(utf16(text, le, bom));
    expect(result.encoding).toBe(encoding);
    expect(decode(result.bytes)).toBe(text);
  });

  it('reads UTF-16 with BOM and Chinese text', () => {
    expect(decode(toUtf8(utf16(TEXT, true, true)).bytes)).toBe(TEXT);
  });

  it('reads a GB18030 export from Excel', () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/ingest/tickets-gb18030.csv'));
    const result = toUtf8(bytes);
    expect(result.encoding).toBe('gb18030');
    const text = decode(result.bytes);
    expect(text.startsWith('工单号,用户ID,创建时间,进线渠道,平台')).toBe(true);
    expect(text).toContain('鸿蒙');
    expect(result.evidence).toMatch(/GB18030/);
  });

  it('does not mistake a multi-byte character cut at the sample edge for bad UTF-8', () => {
    const filler = 'a'.repeat(64 * 1024 - 1);
    const bytes = utf8(`${filler}工单\n`);
    expect(detectEncoding(bytes).encoding).toBe('utf-8');
  });

  it('finds invalid UTF-8 after the sample and falls back to GB18030', () => {
    const head = utf8(`id\n${'1\n'.repeat(40_000)}`);
    const tail = new Uint8Array([0xb9, 0xa4, 0xb5, 0xa5, 0x0a]);
    const bytes = new Uint8Array([...head, ...tail]);
    expect(detectEncoding(bytes).encoding).toBe('gb18030');
  });

  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 1, 2, 3], /ZIP archive \(an \.xlsx\?\)/],
    [[0xd0, 0xcf, 0x11, 0xe0, 1, 2], /\.xls/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], /PDF/],
    [[0x1f, 0x8b, 8, 0], /gzip/],
    [[0x50, 0x41, 0x52, 0x31], /Parquet/],
    [[0x61, 0x00, 0x62, 0x00, 0x00, 0x00, 0x00, 0x00, 0x63, 0x0a, 0x00, 0x01], /binary/]
  ])('rejects binary input %#', (bytes, message) => {
    expect(() => detectEncoding(new Uint8Array(bytes))).toThrow(message);
  });

  it('rejects Latin-1 text with an actionable message', () => {
    const bytes = new Uint8Array([
      ...utf8('name,city\nJos'),
      0xe9,
      ...utf8(',S'),
      0xe3,
      ...utf8('o Paulo\n')
    ]);
    expect(() => toUtf8(bytes)).toThrow(/UTF-8/);
  });

  it('treats an empty file as UTF-8', () => {
    expect(detectEncoding(new Uint8Array()).encoding).toBe('utf-8');
  });
});

describe('maybeGunzip', () => {
  it('decompresses .csv.gz and passes other bytes through', async () => {
    const bytes = utf8(TEXT);
    expect(decode(await maybeGunzip(await gzip(bytes)))).toBe(TEXT);
    expect(await maybeGunzip(bytes)).toBe(bytes);
  });

  it('reports a corrupt gzip stream', async () => {
    await expect(maybeGunzip(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]))).rejects.toThrow(
      /could not be decompressed/
    );
  });
});
