/** Reads a ZIP archive's central directory (names and declared sizes) without inflating anything. */

export interface ZipEntry {
  name: string;
  /** The uncompressed size the archive declares for this entry. */
  uncompressedSize: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
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

function zip64Size(view: DataView, extraStart: number, extraEnd: number): number | undefined {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA && size >= 8) return Number(view.getBigUint64(at + 4, true));
    at += 4 + size;
  }
  return undefined;
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
    let uncompressedSize = view.getUint32(at + 24, true);
    if (uncompressedSize === 0xffffffff) {
      uncompressedSize = zip64Size(view, extraStart, extraStart + extraLength) ?? uncompressedSize;
    }
    const name = names.decode(bytes.subarray(nameStart, extraStart));
    entries.push({ name, uncompressedSize });
    at = extraStart + extraLength + commentLength;
  }
  return entries;
}
