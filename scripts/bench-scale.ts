/**
 * npm run bench:scale -- [--rows N] [--dir DIR] [--keep] [--no-page] [--no-db] [--json]
 *
 * Generates N tickets as Parquet files (DuckDB SQL, in files of 2.5M rows), then times, each
 * as its own process with its peak memory sampled: `kpi 'DIR/*.parquet' --json` in memory,
 * the same with `--db` (first run loads, second reuses), and native DuckDB's plain headline
 * aggregate over the same files (the yardstick); then the page on `npm run serve` over the
 * kept database: first figures and filter changes. Prints ratios to the yardstick. `--no-db`
 * copies nothing: the yardstick, `kpi` in place and the page on `serve` in place, the runs a
 * large N can afford.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultMemoryLimit } from '../src/cli/load-for-cli';
import { progress } from './bench/log';
import { generateParquet, hasParquet } from './bench/scale/generate-parquet';
import { measuredRun, type MeasuredRun } from './bench/scale/measured-run';
import { runServer, type ServerRun } from './bench/scale/server-filters';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-page': { type: 'boolean', default: false },
    'no-db': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false }
  }
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1)
  throw new Error(`--rows ${values.rows}: expected a whole number ≥ 1`);
const dir = resolve(values.dir ?? mkdtempSync(join(tmpdir(), 'bench-scale-')));
const glob = join(dir, '*.parquet');
const dbPath = join(dir, 'kept.duckdb');
const memory = defaultMemoryLimit();

const kpi = (...extra: string[]) =>
  measuredRun('src/cli/kpi.ts', [glob, '--json', ...extra]).then(told);

type Kpi = { rows: { total: number; tickets: number }; metrics: Record<string, unknown> };

try {
  if (!hasParquet(dir)) {
    progress(`generating ${rows.toLocaleString('en')} rows as Parquet in ${dir}`);
    await generateParquet(dir, rows);
  }
  rmSync(dbPath, { force: true });
  progress('plain aggregate (yardstick)');
  const plain = await measuredRun('scripts/bench/scale/plain-aggregate.ts', [glob, memory]).then(
    told
  );
  progress('kpi in memory');
  const inMemory = await kpi();
  const figures = JSON.parse(inMemory.stdout) as Kpi;
  const kept = values['no-db'] ? null : await keptRuns(figures);
  let page: ServerRun | null = null;
  if (!values['no-page']) {
    if (!existsSync('build/index.html'))
      throw new Error('build/ is missing: run `npx vite build` first');
    progress(`page on npm run serve (${kept ? 'kept database' : 'files in place'})`);
    page = await runServer(glob, kept ? dbPath : null, resolve('build'));
  }
  const result = report(plain, inMemory, kept, figures, page);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : table(result));
} finally {
  if (!values.keep && !values.dir) rmSync(dir, { recursive: true, force: true });
}

/** `kpi --db` twice (loads and keeps, then reuses); the reuse must give the same figures. */
async function keptRuns(figures: Kpi): Promise<{ first: MeasuredRun; reused: MeasuredRun }> {
  progress('kpi --db, first run (loads and keeps)');
  const first = await kpi('--db', dbPath);
  progress('kpi --db, second run (reuses)');
  const reused = await kpi('--db', dbPath);
  const reusedFigures = JSON.parse(reused.stdout) as Kpi;
  const unequal = Object.keys(figures.metrics).filter(
    (id) => !same(figures.metrics[id], reusedFigures.metrics[id])
  );
  if (unequal.length > 0) {
    throw new Error(`the reused database gave other figures: ${unequal.join(', ')}`);
  }
  return { first, reused };
}

/** Says a run's time as soon as it is known (a later step may fail or be stopped). */
function told(run: MeasuredRun): MeasuredRun {
  progress(
    `  ${run.ms.toLocaleString('en')} ms, peak ${run.peak_mb.toLocaleString('en')} MB, load average ${loadavg()[0]!.toFixed(1)}`
  );
  return run;
}

/** Equal up to the last bits DuckDB's threaded sums may differ in (as the tests allow). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

function report(
  plain: MeasuredRun,
  inMemory: MeasuredRun,
  kept: { first: MeasuredRun; reused: MeasuredRun } | null,
  figures: Kpi,
  page: ServerRun | null
) {
  const run = (r: MeasuredRun) => ({
    ms: r.ms,
    peak_mb: r.peak_mb,
    time_ratio: Number((r.ms / plain.ms).toFixed(2))
  });
  const pageMismatches = page
    ? Object.entries(page.cards).filter(([id, v]) => !same(v, figures.metrics[id] ?? null))
    : [];
  return {
    rows: figures.rows.total,
    tickets: figures.rows.tickets,
    memory_limit: memory,
    plain_aggregate: { ms: plain.ms, peak_mb: plain.peak_mb, values: JSON.parse(plain.stdout) },
    kpi_in_memory: run(inMemory),
    kpi_db_first: kept && run(kept.first),
    kpi_db_reused: kept && run(kept.reused),
    page,
    page_cards_unequal_to_cli: pageMismatches.map(([id]) => id)
  };
}

function table(r: ReturnType<typeof report>): string {
  const line = (name: string, x: { ms: number; peak_mb: number; time_ratio?: number }) =>
    `| ${name.padEnd(36)} | ${x.ms.toLocaleString('en').padStart(9)} | ${x.peak_mb.toLocaleString('en').padStart(8)} | ${(x.time_ratio?.toFixed(2) ?? '1.00').padStart(6)} |`;
  const out = [
    `${r.rows.toLocaleString('en')} rows (${r.tickets.toLocaleString('en')} tickets), memory limit ${r.memory_limit}`,
    '',
    `| ${'run'.padEnd(36)} | ${'ms'.padStart(9)} | ${'peak MB'.padStart(8)} | ${'÷ plain'.padStart(6)} |`,
    `| ${'-'.repeat(36)} | ${'-'.repeat(9)} | ${'-'.repeat(8)} | ${'-'.repeat(6)} |`,
    line('plain headline aggregate (yardstick)', r.plain_aggregate),
    line('kpi --json, in memory', r.kpi_in_memory)
  ];
  if (r.kpi_db_first) out.push(line('kpi --json --db, first run', r.kpi_db_first));
  if (r.kpi_db_reused) out.push(line('kpi --json --db, reused', r.kpi_db_reused));
  if (r.page) {
    out.push(
      '',
      `page on npm run serve: server up in ${r.page.start_ms} ms, first figures ${r.page.first_figures_ms} ms, ` +
        `filter change median ${r.page.filter_ms_median} ms (${r.page.filter_ms.join(', ')})`,
      `page cards unequal to the CLI: ${r.page_cards_unequal_to_cli.join(', ') || 'none'}; ` +
        `requests beyond 127.0.0.1: ${r.page.foreign_requests.length}`
    );
  }
  return `${out.join('\n')}\n`;
}
