/**
 * Prints the bundled dataset's opening figures as JSON: `data/tickets.csv.gz` loaded on native
 * DuckDB by the app's loader, every page's figures computed by the catalogue. Run by the
 * `bundled-figures` vite plugin on every build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeBundledFigures } from '../src/lib/bundled/bundled-figures';
import { openNodeDb } from '../src/lib/db/node';

const BUNDLED_DATA = resolve(import.meta.dirname, '../data/tickets.csv.gz');

const db = await openNodeDb();
try {
  process.stdout.write(JSON.stringify(await computeBundledFigures(db, readFileSync(BUNDLED_DATA))));
} finally {
  await db.close();
}
