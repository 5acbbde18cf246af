import { parseArgs } from 'node:util';

export interface BenchArgs {
  rows: number;
  json: boolean;
  /** Skip the app (UI) part: ingest through the page, filters, first KPI. */
  skipApp: boolean;
  /** A built app to serve instead of building build/ (e.g. a clean checkout's build). */
  appDir: string | null;
  /** Timed runs of each measurement (median and spread are reported). */
  runs: number;
  /** Only native read_csv and the app's upload, filters and reload (the upload targets). */
  uploadOnly: boolean;
}

const USAGE =
  'usage: npm run bench -- [--rows N] [--runs N] [--json] [--skip-app] [--upload-only] [--app-dir DIR]';

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      rows: { type: 'string' },
      runs: { type: 'string' },
      json: { type: 'boolean', default: false },
      'skip-app': { type: 'boolean', default: false },
      'upload-only': { type: 'boolean', default: false },
      'app-dir': { type: 'string' }
    }
  });
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}. ${USAGE}`);
  const rows = values.rows === undefined ? 1_000_000 : Number(values.rows.replace(/_/g, ''));
  if (!Number.isInteger(rows) || rows < 1000)
    throw new Error(`--rows ${values.rows}: expected a whole number ≥ 1000. ${USAGE}`);
  const runs = values.runs === undefined ? 3 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs ${values.runs}: expected a whole number ≥ 1. ${USAGE}`);
  return {
    rows,
    runs,
    json: values.json ?? false,
    skipApp: values['skip-app'] ?? false,
    uploadOnly: values['upload-only'] ?? false,
    appDir: values['app-dir'] ?? null
  };
}
