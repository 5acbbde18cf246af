import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { progress } from './log';
import { HARNESS_BASE } from './serve';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npx vite build`, retried: another build of the same tree running at once makes it fail. */
function viteBuild(): void {
  for (let attempt = 1; ; attempt++) {
    progress(`build/ is missing or older than src/: npx vite build (attempt ${attempt})`);
    const result = spawnSync('npx', ['vite', 'build'], { encoding: 'utf8' });
    if (result.status === 0) return;
    if (attempt === 3) {
      throw new Error(
        `npx vite build failed (exit ${result.status}): ${result.stderr.slice(-2000)}`
      );
    }
    spawnSync('sleep', ['10']);
  }
}

/**
 * Runs `npx vite build` when build/ is missing or older than src/, then snapshots build/ into a
 * temp dir: other people's builds rewrite build/ while the benchmark is serving it.
 */
export function ensureAppBuild(): string {
  const index = resolve('build/index.html');
  const sources = Math.max(newestMtime(resolve('src')), statSync(resolve('data')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    viteBuild();
  }
  const snapshot = join(tmpdir(), 'cs-dash-bench', 'app');
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(resolve('build'), snapshot, { recursive: true });
  if (!existsSync(join(snapshot, 'index.html')))
    throw new Error('build/ has no index.html (a build in progress?)');
  return snapshot;
}

/** Builds the harness page (the app's loader + catalogue, and the js path) and the floor page into a temp dir. */
export async function buildHarness(): Promise<string> {
  const outDir = join(tmpdir(), 'cs-dash-bench', 'harness');
  progress('building the harness page');
  const root = resolve('scripts/bench/harness');
  await build({
    root,
    base: HARNESS_BASE,
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 100_000,
      rollupOptions: {
        input: { main: join(root, 'index.html'), floor: join(root, 'floor.html') }
      },
      reportCompressedSize: false
    }
  });
  return outDir;
}
