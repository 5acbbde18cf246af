/** Reads a ZIP archive's central directory (names and declared sizes) without inflating anything. */

export interface ZipEntry {
  name: string;
  /** The uncompressed size the archive declares for this entry. */
  uncompressedSize: number;
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;

/** True when the bytes start like a ZIP archive (a local file header or an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}

function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}

/** Entry count and directory offset, from the ZIP64 record when the classic one overflows. */
function directoryBounds(view: DataView, end: number): { count: number; offset: number } {
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if ((count === 0xffff || offset === 0xffffffff) && locator >= 0) {
    if (view.getUint32(locator, true) === EOCD64_LOCATOR) {
      const record = Number(view.getBigUint64(locator + 8, true));
      if (record + 56 <= view.byteLength && view.getUint32(record, true) === EOCD64) {
        count = Number(view.getBigUint64(record + 32, true));
        offset = Number(view.getBigUint64(record + 48, true));
      }
    }
  }
  return { count, offset };
}

/** The ZIP64 extra field's values, in order, for the fields the classic header left at 0xffffffff. */
function zip64Values(view: DataView, extraStart: number, extraEnd: number): number[] {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      const values: number[] = [];
      for (let v = at + 4; v + 8 <= Math.min(extraEnd, at + 4 + size); v += 8) {
        values.push(Number(view.getBigUint64(v, true)));
      }
      return values;
    }
    at += 4 + size;
  }
  return [];
}

/**
 * The archive's entries as its central directory lists them. Throws an Error when there is no
 * readable directory (a truncated or damaged archive).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length >= 22 ? findEndRecord(view) : -1;
  if (end < 0) throw new Error('it has no ZIP directory at its end (truncated or damaged)');
  const { count, offset } = directoryBounds(view, end);
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw new Error(`its ZIP directory is damaged (entry ${i + 1} of ${count} is unreadable)`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const classic = [24, 20, 42].map((offset) => view.getUint32(at + offset, true));
    const wide = zip64Values(view, extraStart, extraStart + extraLength);
    const [uncompressedSize, compressedSize, localHeaderOffset] = classic.map((value) =>
      value === 0xffffffff ? (wide.shift() ?? value) : value
    ) as [number, number, number];
    const name = names.decode(bytes.subarray(nameStart, extraStart));
    const method = view.getUint16(at + 10, true);
    entries.push({ name, uncompressedSize, compressedSize, method, localHeaderOffset });
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}

/**
 * How many bytes the entries really inflate to, counted while inflating and stopped as soon
 * as the count passes `cap` (an archive may declare smaller sizes than its data holds).
 */
export async function inflatedSize(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  cap: number
): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
      throw new Error(`its entry ${entry.name} is damaged`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    total += entry.method === 8 ? await inflateCounting(data, cap - total) : data.length;
    if (total > cap) return total;
  }
  return total;
}

async function inflateCounting(data: Uint8Array, cap: number): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let count = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return count;
      count += value.length;
      if (count > cap) {
        await reader.cancel();
        return count;
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`an entry does not inflate (${reason})`, { cause: error });
  }
}
