import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createQueryServer } from '../server/http-server';
import { openServedDb } from '../server/served-db';
import { ENGINE_FLAGS, ENGINE_USAGE, engineOptions } from './engine-flags';
import { defaultMemoryLimit, failAndExit, loadForCli } from './load-for-cli';
import { explainMapping, explainNotices, readMapping } from './mapping-report';

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
  const scratch = engine.db ? null : mkdtempSync(join(tmpdir(), 'cs-dash-serve-'));
  const dbPath = engine.db ?? join(scratch!, 'served.duckdb');

  const loaded = await loadForCli(
    paths,
    {
      timeZone: values['time-zone'],
      mapping: values.mapping ? readMapping(values.mapping) : undefined
    },
    { ...engine, db: dbPath }
  );
  if (loaded.reused) process.stderr.write(`reused the load kept in ${dbPath} (inputs unchanged)\n`);
  explainMapping(loaded.report);
  explainNotices(loaded.report);
  await loaded.db.close();

  const memory = engine.memory ?? defaultMemoryLimit();
  const { db, report } = await openServedDb(dbPath, { ...engine, memory });
  const bytes = loaded.files.reduce((sum, f) => sum + f.size, 0);
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
    void db.close().finally(() => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(failAndExit);
