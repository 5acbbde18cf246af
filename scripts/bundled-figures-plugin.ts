import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const ID = 'virtual:bundled-figures';
const RESOLVED = `\0${ID}`;
const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, 'data/tickets.csv.gz');
const OUT_DIR = resolve(ROOT, 'node_modules/.cache/bundled-figures');

/** One run per process: SvelteKit's server and client builds then share one snapshot file. */
let json: Promise<string> | undefined;

/**
 * The bundled dataset's opening figures and load snapshot as JSON text, from
 * `scripts/bundled-figures.ts` in its own process (native DuckDB and the loader stay out of the
 * vite config); its tables land in `outDir/tickets.duckdb`.
 */
export async function bundledFiguresJson(outDir = OUT_DIR): Promise<string> {
  const tsx = resolve(ROOT, 'node_modules/.bin/tsx');
  const script = resolve(ROOT, 'scripts/bundled-figures.ts');
  const { stdout } = await promisify(execFile)(tsx, [script, outDir], {
    cwd: ROOT,
    maxBuffer: 64 * 2 ** 20
  });
  return stdout;
}

/**
 * `virtual:bundled-figures`: the default export is every page's opening figures of the bundled
 * dataset; `snapshot` and `snapshotUrl` let the page load its tables from a DuckDB database file. Regenerated
 * from `data/` and the catalogue on every build (and dev start), so changed metrics or data
 * cannot leave stale figures behind.
 */
export function bundledFigures(): Plugin {
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
      const text = await json;
      return [
        `import snapshotUrl from ${JSON.stringify(`${OUT_DIR}/tickets.duckdb?url`)};`,
        `const built = JSON.parse(${JSON.stringify(text)});`,
        'export default built.figures;',
        'export const snapshot = built.snapshot;',
        'export { snapshotUrl };'
      ].join('\n');
    }
  };
}
