import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createQueryServer } from '../server/http-server';
import { lockDown, openServedDb } from '../server/served-db';
import { materializeTickets } from '../server/served-table';
import type { Db } from '../lib/db/types';
import type { LoadOptions, LoadReport } from '../lib/ingest/load/load';
import type { InputFile } from './native-files';
import { ENGINE_FLAGS, ENGINE_USAGE, engineOptions } from './engine-flags';
import { defaultMemoryLimit, failAndExit, loadForCli, type CliEngineOptions } from './load-for-cli';
import { explainLoadPath, explainMapping, explainNotices, readMapping } from './mapping-report';

const USAGE =
  'usage: npm run serve -- --data FILE|GLOB... [--port N] [--time-zone ZONE] [--mapping MAPPING.json] ' +
  `[--build DIR] ${ENGINE_USAGE}`;

const BUILD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      data: { type: 'string', multiple: true },
      port: { type: 'string' },
      'time-zone': { type: 'string' },
      mapping: { type: 'string' },
      build: { type: 'string' },
      ...ENGINE_FLAGS,
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const paths = [...(values.data ?? []), ...positionals];
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port ${values.port}: expected a port number (0 picks a free one)`);
  }
  const root = resolve(values.build ?? BUILD);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} holds no built app: run \`npm run build\` first`);
  }
  const engine = engineOptions(values);
  const loadOptions = {
    timeZone: values['time-zone'],
    mapping: values.mapping ? readMapping(values.mapping) : undefined
  };
  const { db, report, files } = engine.db
    ? await servedCopy(paths, loadOptions, engine, engine.db)
    : await servedInPlace(paths, loadOptions, engine);
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const token = randomBytes(24).toString('base64url');
  const server = createQueryServer({ db, report, bytes, token, root });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stderr.write(
      `${report.rows.tickets.toLocaleString('en')} tickets on native DuckDB; open this URL (Ctrl-C stops):\n`
    );
    process.stdout.write(`http://127.0.0.1:${actual}/?token=${token}\n`);
  });
  const stop = () => {
    server.close();
    void db.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

type Served = { db: Db; report: LoadReport; files: readonly InputFile[] };

/**
 * Without `--db`, the load `kpi` makes, in memory or a scratch file; well-typed Parquet,
 * which `kpi` reads in place, is copied once into a table (a straight copy of the checked
 * view, no text path) up to `COPY_MAX_TICKETS`, since the page scans it again on every filter
 * change. The page then asks the very rows the CLI computes its figures on.
 */
async function servedInPlace(
  paths: string[],
  options: LoadOptions,
  engine: CliEngineOptions
): Promise<Served> {
  const loaded = await loadForCli(paths, options, engine);
  try {
    explainMapping(loaded.report);
    explainNotices(loaded.report);
    explainLoadPath(loaded.report);
    const started = performance.now();
    const copied = await materializeTickets(loaded.db, loaded.report.rows.tickets);
    if (copied) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `copied the tickets into a table for the page's queries (${seconds} s)\n`
      );
    }
    // Copied, the tickets need no file: a SELECT then reads none, not even the inputs.
    await lockDown(loaded.db, copied ? [] : loaded.files.map((f) => f.path));
    return loaded;
  } catch (error) {
    await loaded.db.close();
    throw error;
  }
}

/** With `--db FILE`, a copy kept in the file (reused while the inputs stay the same), served read-only. */
async function servedCopy(
  paths: string[],
  options: LoadOptions,
  engine: CliEngineOptions,
  dbPath: string
): Promise<Served> {
  const loaded = await loadForCli(paths, options, engine);
  if (loaded.reused) process.stderr.write(`reused the load kept in ${dbPath} (inputs unchanged)\n`);
  explainMapping(loaded.report);
  explainNotices(loaded.report);
  await loaded.db.close();
  const memory = engine.memory ?? defaultMemoryLimit();
  const { db, report } = await openServedDb(dbPath, { ...engine, memory });
  return { db, report, files: loaded.files };
}

main().catch(failAndExit);
