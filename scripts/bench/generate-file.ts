/**
 * Child process: writes the canonical generated log of N rows to a file, in slices so that
 * 5M rows never build one JavaScript string (V8 caps strings at ~512M characters).
 * usage: tsx scripts/bench/generate-file.ts ROWS OUT
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { generateTickets } from '../generate/index';
import { toCsv } from '../generate/write-csv';

const SLICE = 250_000;

const rows = Number(process.argv[2]);
const out = process.argv[3];
if (!Number.isInteger(rows) || rows <= 0 || !out) {
  throw new Error('usage: generate-file.ts ROWS OUT');
}
const { tickets } = generateTickets({ rows });
const fd = openSync(out, 'w');
try {
  for (let start = 0; start < tickets.length; start += SLICE) {
    const csv = toCsv(tickets.slice(start, start + SLICE));
    writeSync(fd, start === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
  }
} finally {
  closeSync(fd);
}
