import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULTS } from './generate/config';
import { generateTicketsCsv } from './generate/index';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function intFlag(args: string[], name: string, fallback: number): number {
  const raw = flag(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const args = process.argv.slice(2);
const rows = intFlag(args, '--rows', DEFAULTS.rows);
const seed = intFlag(args, '--seed', DEFAULTS.seed);
const days = intFlag(args, '--days', DEFAULTS.days);
const out = flag(args, '--out') ?? 'data/tickets.csv.gz';
const started = performance.now();
const csv = generateTicketsCsv({ rows, seed, days });
const bytes = out.endsWith('.gz')
  ? gzipSync(Buffer.from(csv, 'utf8'), { level: 9 })
  : Buffer.from(csv, 'utf8');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`wrote ${rows} tickets to ${out} (${bytes.length} bytes) in ${seconds}s`);
