/**
 * `tsx scripts/bundled-figures.ts OUT_DIR`: loads `data/tickets.csv.gz` on native DuckDB with the
 * app's loader, prints `{ figures, snapshot }` as JSON (every page's opening figures by the
 * catalogue, the load report and time-zone macros) and writes the loaded tables to
 * the DuckDB database file `OUT_DIR/tickets.duckdb`. Run by the `bundled-figures` vite plugin on every build.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeBundledFigures } from '../src/lib/bundled/bundled-figures';
import { writeSnapshotFile } from '../src/lib/bundled/bundled-snapshot';
import { openNodeDb } from '../src/lib/db/node';

const BUNDLED_DATA = resolve(import.meta.dirname, '../data/tickets.csv.gz');
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: tsx scripts/bundled-figures.ts OUT_DIR');

mkdirSync(outDir, { recursive: true });
const db = await openNodeDb();
try {
  const built = await computeBundledFigures(db, readFileSync(BUNDLED_DATA));
  rmSync(resolve(outDir, 'tickets.duckdb'), { force: true });
  await writeSnapshotFile(db, resolve(outDir, 'tickets.duckdb'));
  process.stdout.write(JSON.stringify(built));
} finally {
  await db.close();
}
