/**
 * Writes N generated tickets as Parquet files in DIR (see generate-parquet.ts), printing the
 * rate, for runs that time each step on its own. Usage: generate.ts DIR ROWS
 */
import { generateParquet } from './generate-parquet';

const [dir, rowsText] = process.argv.slice(2);
const rows = Number(rowsText);
if (!dir || !Number.isInteger(rows) || rows < 1) throw new Error('usage: generate.ts DIR ROWS');
const started = performance.now();
const written = await generateParquet(dir, rows);
const ms = Math.round(performance.now() - started);
process.stdout.write(
  `${JSON.stringify({ ...written, rows, ms, rows_per_s: Math.round(rows / (ms / 1000)) })}\n`
);
