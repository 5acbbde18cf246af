import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/lib/limits';
import { maybeGunzip } from '../../src/lib/ingest/read/decode';
import { LoadError } from '../../src/lib/ingest/load/load-error';

const MiB = 1024 ** 2;
const HEADER = 'ticket_id,created_at,entry_channel\n';
const ROW = 'b1,2026-03-02 10:00:00,hotline\n';
const rows = (bytes: number) => Buffer.from(ROW.repeat(Math.ceil(bytes / ROW.length)));

/**
 * A gzip bomb that hides its size: one member per `memberMiB` of rows, each member's trailer
 * honest about itself, so only counting while inflating finds the total.
 */
function bomb(path: string, totalMiB: number, memberMiB = 64): number {
  const member = gzipSync(rows(memberMiB * MiB), { level: 9 });
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    written += writeSync(fd, gzipSync(Buffer.from(HEADER)));
    for (let i = 0; i < Math.ceil(totalMiB / memberMiB); i++) written += writeSync(fd, member);
  } finally {
    closeSync(fd);
  }
  return written;
}

describe('gzip expansion limit', () => {
  it('stops inflating at the limit with a clear message, counting across members', async () => {
    const member = gzipSync(rows(MiB));
    const file = new Uint8Array(Buffer.concat([member, member, member]));
    const error = await maybeGunzip(file, 2 * MiB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    expect((error as LoadError).kind).toBe('too-large');
    expect((error as Error).message).toMatch(
      /^This gzip file \(\d+(\.\d)? KiB\) expands to more than 2 MiB; files up to 2 MiB unpacked are loaded\. Decompression stopped there/
    );
    expect((await maybeGunzip(file, 4 * MiB)).length).toBe(3 * rows(MiB).length);
  });

  it('refuses a trailer that declares more than the limit before inflating anything', async () => {
    const file = new Uint8Array(gzipSync(rows(MiB)));
    new DataView(file.buffer).setUint32(file.length - 4, 0xf0000000, true);
    await expect(maybeGunzip(file, 64 * MiB)).rejects.toThrow(
      /declares 3\.8 GiB unpacked; files up to 64 MiB unpacked are loaded\. Nothing was decompressed/
    );
  });

  it('the CLI ends a bomb past the limit with one line and bounded memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gzip-bomb-'));
    const path = join(dir, 'bomb.csv.gz');
    const limitMiB = LIMITS.decompressedBytes.max / MiB;
    const compressed = bomb(path, limitMiB + 256);
    expect(compressed).toBeLessThan(8 * MiB);
    const run = spawnSync('/usr/bin/time', ['-v', 'npx', 'tsx', 'src/cli/kpi.ts', path], {
      encoding: 'utf8',
      timeout: 300_000
    });
    rmSync(dir, { recursive: true });
    expect(run.status).toBe(1);
    const errorLine = run.stderr.split('\n').find((l) => l.startsWith('error: '));
    // The CLI reads .csv.gz natively (any size, bounded memory), so it refuses a bomb by its ratio.
    expect(errorLine).toMatch(
      /^error: .*bomb\.csv\.gz \(\d+(\.\d)? MiB\) unpacks to more than \d+ times its size .*refused as a compression bomb\)\. Nothing was loaded/
    );
    expect(run.stderr).not.toMatch(/RangeError|out of range|at .*\.ts:\d+/);
    const peakKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]);
    // The limit's worth of inflated chunks plus Node and DuckDB, far below the bomb's size.
    expect(peakKiB * 1024).toBeLessThan(LIMITS.decompressedBytes.max * 1.6);
    process.stdout.write(`gzip bomb ${compressed} B → >${limitMiB} MiB: peak RSS ${peakKiB} KiB\n`);
  }, 300_000);
});
