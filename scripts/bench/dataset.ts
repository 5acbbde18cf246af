import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { progress } from './log';

const GENERATOR_DIR = resolve('scripts/generate');

/** Hash of the generator's sources: a cached file is reused only if the generator is unchanged. */
function generatorHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(GENERATOR_DIR).sort()) {
    hash.update(name).update(readFileSync(join(GENERATOR_DIR, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The canonical generated log of `rows` rows as a CSV file in a temp dir (generated once per
 * generator version; later runs reuse it). Generation runs in a child with a large heap.
 */
export function canonicalCsv(rows: number): { path: string; bytes: number } {
  const dir = join(tmpdir(), 'cs-dash-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `tickets-${rows}-${generatorHash()}.csv`);
  if (!existsSync(path)) {
    progress(`generating ${rows.toLocaleString('en')} rows → ${path}`);
    const started = performance.now();
    const partial = `${path}.partial`;
    const child = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=16000',
        '--import',
        'tsx',
        'scripts/bench/generate-file.ts',
        String(rows),
        partial
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] }
    );
    if (child.status !== 0)
      throw new Error(`generating ${rows} rows failed (exit ${child.status})`);
    renameSync(partial, path);
    progress(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else progress(`reusing ${path}`);
  return { path, bytes: statSync(path).size };
}
