/** Text encoding detection and transcoding of uploaded files to UTF-8 (browser and Node). */
import { LIMITS } from '../../limits';
import { assertGunzippedSize } from './size-limit';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface EncodingGuess {
  encoding: TextEncodingName;
  /** Why this encoding was chosen, for the load report. */
  evidence: string;
}

export interface Utf8Result extends EncodingGuess {
  /** UTF-8 bytes without BOM; the input itself (or a view of it) when it already was UTF-8. */
  bytes: Uint8Array;
}

const SAMPLE_BYTES = 64 * 1024;

const MAGIC: ReadonlyArray<{ bytes: readonly number[]; message: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message: 'This looks like a ZIP archive (an .xlsx?), not a CSV: export it as CSV first'
  },
  {
    bytes: [0x50, 0x4b, 0x05, 0x06],
    message: 'This looks like an empty ZIP archive, not a CSV: export the sheet as CSV first'
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: 'This looks like an old Excel .xls workbook, not a CSV: export it as CSV first'
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'This looks like a PDF document, not a CSV' },
  {
    bytes: [0x1f, 0x8b],
    message: 'This file is gzip-compressed: decompress it (maybeGunzip) before decoding'
  },
  {
    bytes: [0x50, 0x41, 0x52, 0x31],
    message: 'This looks like a Parquet file: read it with the Parquet reader, not as CSV'
  }
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x1f, 0x8b]);
}

/** True when the bytes start with the Parquet magic number `PAR1`. */
export function isParquet(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x41, 0x52, 0x31]);
}

function rejectBinary(bytes: Uint8Array): void {
  for (const { bytes: magic, message } of MAGIC) {
    if (startsWith(bytes, magic)) throw new Error(message);
  }
}

function utf16WithoutBom(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) nulEven++;
    if (sample[i + 1] === 0) nulOdd++;
  }
  if (nulOdd / pairs > 0.3 && nulEven / pairs < 0.05) return 'utf-16le';
  if (nulEven / pairs > 0.3 && nulOdd / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** Cuts a sample back so it does not end inside a multi-byte UTF-8 sequence. */
function utf8SafeEnd(bytes: Uint8Array, limit: number): number {
  if (bytes.length <= limit) return bytes.length;
  let end = limit;
  for (let back = 0; back < 4 && end > 0; back++) {
    const b = bytes[end - 1] ?? 0;
    if (b < 0x80) return end;
    if (b >= 0xc0) return end - 1;
    end--;
  }
  return limit;
}

const UTF8_CHUNK_BYTES = 16 * 1024 * 1024;

function isUtf8(bytes: Uint8Array): { ok: true } | { ok: false; where: string } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(bytes.subarray(0, utf8SafeEnd(bytes, SAMPLE_BYTES)));
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, where: `in the first ${SAMPLE_BYTES / 1024} KiB` };
  }
  if (bytes.length <= SAMPLE_BYTES) return { ok: true };
  try {
    // In chunks: one string of a file past ~512 MB would exceed V8's limit.
    const streaming = new TextDecoder('utf-8', { fatal: true });
    for (let start = 0; start < bytes.length; start += UTF8_CHUNK_BYTES) {
      const end = Math.min(bytes.length, start + UTF8_CHUNK_BYTES);
      streaming.decode(bytes.subarray(start, end), { stream: end < bytes.length });
    }
    return { ok: true };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, where: `after the first ${SAMPLE_BYTES / 1024} KiB` };
  }
}

function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n === 0 ? 0 : control / n;
}

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2000-\u206f]/u;

function checkGb18030(bytes: Uint8Array, utf8Problem: string): string {
  const text = new TextDecoder('gb18030').decode(bytes);
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) {
    throw new Error(
      `The file is neither UTF-8 (invalid ${utf8Problem}) nor GB18030/GBK (undecodable bytes near character ${bad}): save it as UTF-8 CSV`
    );
  }
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text.slice(0, SAMPLE_BYTES)) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (CJK.test(ch)) cjk++;
  }
  if (nonAscii > 0 && cjk / nonAscii < 0.8) {
    throw new Error(
      'The file is not UTF-8 and does not read as Chinese GB18030/GBK text either (perhaps Latin-1/Windows-1252): save it as UTF-8 CSV'
    );
  }
  return `not valid UTF-8 (${utf8Problem}); decodes cleanly as GB18030/GBK (${cjk} CJK characters in the sample)`;
}

/**
 * Guesses the text encoding of a CSV file: BOMs first, then UTF-16 by NUL-byte patterns,
 * then strict UTF-8, then GB18030 (a superset of GBK). Throws an Error the user can act on
 * for binary files (ZIP/XLSX, XLS, PDF, gzip, Parquet, NUL bytes) and undecodable text.
 */
export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  rejectBinary(bytes);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const check = isUtf8(bytes.subarray(3));
    if (!check.ok)
      throw new Error(`The file starts with a UTF-8 BOM but has invalid UTF-8 ${check.where}`);
    return { encoding: 'utf-8-bom', evidence: 'UTF-8 byte-order mark (EF BB BF)' };
  }
  if (startsWith(bytes, [0xff, 0xfe]))
    return { encoding: 'utf-16le', evidence: 'UTF-16LE byte-order mark (FF FE)' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { encoding: 'utf-16be', evidence: 'UTF-16BE byte-order mark (FE FF)' };
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  const utf16 = utf16WithoutBom(sample);
  if (utf16) {
    return {
      encoding: utf16,
      evidence: `no BOM; NUL bytes at every other position look like ${utf16.toUpperCase()}`
    };
  }
  if (bytes.subarray(0, SAMPLE_BYTES).includes(0) || controlRatio(bytes) > 0.01) {
    throw new Error('This looks like a binary file (NUL or control bytes), not a CSV text file');
  }
  const utf8 = isUtf8(bytes);
  if (utf8.ok) {
    return {
      encoding: 'utf-8',
      evidence: bytes.length === 0 ? 'empty file' : 'valid UTF-8 (strict decode)'
    };
  }
  return { encoding: 'gb18030', evidence: checkGb18030(bytes, `bytes ${utf8.where}`) };
}

function decodeStrict(bytes: Uint8Array, label: 'utf-16le' | 'utf-16be' | 'gb18030'): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new Error(`The file claims to be ${label.toUpperCase()} but contains undecodable bytes`, {
      cause: error
    });
  }
}

/** Detects the encoding and returns UTF-8 bytes without BOM (no copy when already UTF-8). */
export function toUtf8(bytes: Uint8Array): Utf8Result {
  const guess = detectEncoding(bytes);
  switch (guess.encoding) {
    case 'utf-8':
      return { ...guess, bytes };
    case 'utf-8-bom':
      return { ...guess, bytes: bytes.subarray(3) };
    case 'utf-16le':
    case 'utf-16be': {
      const bomless = bytes[0] === 0xff || bytes[0] === 0xfe ? bytes.subarray(2) : bytes;
      const text = decodeStrict(bomless, guess.encoding);
      if (text.includes('\u0000'))
        throw new Error('This looks like a binary file, not UTF-16 text');
      return { ...guess, bytes: new TextEncoder().encode(text) };
    }
    case 'gb18030':
      return { ...guess, bytes: new TextEncoder().encode(decodeStrict(bytes, 'gb18030')) };
  }
}

function declaredSize(gzip: Uint8Array): number {
  if (gzip.length < 18) return 0;
  return new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength).getUint32(
    gzip.length - 4,
    true
  );
}

/**
 * Decompresses gzip data (`.csv.gz`) with the platform's DecompressionStream, counting the
 * inflated bytes as they come and stopping at `limit` (a small archive can expand without
 * bound); other bytes pass through.
 */
export async function maybeGunzip(
  bytes: Uint8Array,
  limit: number = LIMITS.decompressedBytes.max
): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  // The trailer's ISIZE (size mod 4 GiB of the last member) can lie low, never high for a
  // single member: a file that declares too much is refused before anything is inflated.
  assertGunzippedSize(bytes.length, declaredSize(bytes), limit, true);
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let inflated = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The file looks gzip-compressed but could not be decompressed: ${reason}`, {
        cause: error
      });
    }
    if (step.done) break;
    inflated += step.value.length;
    if (inflated > limit) {
      chunks.length = 0;
      await reader.cancel();
      assertGunzippedSize(bytes.length, inflated, limit);
    }
    chunks.push(step.value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(inflated);
  let at = 0;
  for (const chunk of chunks.splice(0)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
