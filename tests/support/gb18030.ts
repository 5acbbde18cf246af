/**
 * GB18030 bytes of a text (the encoding Excel on Chinese Windows saves CSV in), from the inverse of
 * the platform's GB18030 decoder: ASCII and 2-byte codes, enough for test fixtures.
 */
export function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no 2-byte GB18030 code for ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}
