import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const ID = 'virtual:bundled-figures';
const RESOLVED = `\0${ID}`;
const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, 'data/tickets.csv.gz');

/**
 * The bundled dataset's opening figures as JSON text, from `scripts/bundled-figures.ts` in its
 * own process (native DuckDB and the loader stay out of the vite config).
 */
export async function bundledFiguresJson(): Promise<string> {
  const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
  const { stdout } = await promisify(execFile)(tsx, [resolve(ROOT, 'scripts/bundled-figures.ts')], {
    cwd: ROOT,
    maxBuffer: 64 * 2 ** 20
  });
  return stdout;
}

/**
 * `import figures from 'virtual:bundled-figures'`: regenerated from `data/` and the catalogue on
 * every build (and dev start), so changed metrics or data cannot leave stale figures behind.
 */
export function bundledFigures(): Plugin {
  let json: Promise<string> | undefined;
  return {
    name: 'bundled-figures',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    watchChange(id) {
      if (id === DATA) json = undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(DATA);
      json ??= bundledFiguresJson();
      return `export default JSON.parse(${JSON.stringify(await json)});`;
    }
  };
}
