import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { parseLimited, type LimitName } from '../src/lib/limits';
import { DEFAULTS } from './generate/config';
import { generateTickets } from './generate/index';
import { csvChunks } from './generate/write-csv';

const USAGE = 'usage: npm run generate-data -- [--rows N] [--seed S] [--days D] [--out FILE[.gz]]';

function limited(value: string | undefined, flag: string, name: LimitName, fallback: number) {
  return value === undefined ? fallback : parseLimited(name, value, `--${flag} ${value}`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}. ${USAGE}`);
  const rows = limited(values.rows, 'rows', 'generatorRows', DEFAULTS.rows);
  const seed = limited(values.seed, 'seed', 'seed', DEFAULTS.seed);
  const days = limited(values.days, 'days', 'generatorDays', DEFAULTS.days);
  const out = values.out ?? 'data/tickets.csv.gz';
  const started = performance.now();
  const { tickets } = generateTickets({ rows, seed, days });
  mkdirSync(dirname(out), { recursive: true });
  const file = createWriteStream(out);
  const text = Readable.from(csvChunks(tickets));
  if (out.endsWith('.gz')) await pipeline(text, createGzip({ level: 9 }), file);
  else await pipeline(text, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`wrote ${rows} tickets to ${out} (${file.bytesWritten} bytes) in ${seconds}s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
