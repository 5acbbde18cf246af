import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { progress } from './log';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npx vite build` when build/ is missing or older than src/ (or the default dataset). */
export function ensureAppBuild(): string {
  const index = resolve('build/index.html');
  const sources = Math.max(newestMtime(resolve('src')), statSync(resolve('data')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return resolve('build');
  progress('build/ is missing or older than src/: npx vite build');
  const result = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npx vite build failed (exit ${result.status})`);
  return resolve('build');
}

/** Builds the harness page (the app's loader + catalogue, and the js path) into a temp dir. */
export async function buildHarness(): Promise<string> {
  const outDir = join(tmpdir(), 'cs-dash-bench', 'harness');
  progress('building the harness page');
  await build({
    root: resolve('scripts/bench/harness'),
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 100_000, reportCompressedSize: false }
  });
  return outDir;
}
