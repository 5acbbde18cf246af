import { parseArgs } from 'node:util';
import { CUSTOMER_TYPES, REGIONS } from '../lib/contract/columns';
import type { Db } from '../lib/db/types';
import { FILTER_COLUMNS, type Filters } from '../lib/metrics/filters';
import { computeMetrics } from '../lib/metrics/compute';
import { DEFAULT_SETTINGS, parseSlaTarget } from '../lib/metrics/settings';
import { formatKpiTable, toKpiJson } from './kpi-output';
import {
  explainEventLog,
  explainLoadPath,
  explainMapping,
  explainNotices,
  readMapping
} from './mapping-report';
import { failAndExit, loadForCli } from './load-for-cli';

const USAGE =
  'usage: npm run kpi -- [FILE] [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--channel C] ' +
  '[--platform P] [--region R] [--customer-type T] [--pickup-threshold SECONDS] [--time-zone ZONE] ' +
  '[--sla-target CHANNEL=MINUTES]... [--mapping MAPPING.json] [--sheet NAME]';

/** A comma list; with `allowed`, every value must be one of them (open vocabularies pass none). */
function listOption(value: string | undefined, flag: string, allowed?: readonly string[]) {
  if (value === undefined) return undefined;
  const values = value.split(',').map((v) => v.trim());
  const bad = values.find((v) => v === '' || (allowed !== undefined && !allowed.includes(v)));
  if (bad !== undefined) {
    throw new Error(
      `--${flag} ${value}: expected ${allowed ? `one of ${allowed.join(', ')}` : 'a comma-separated list of codes'}`
    );
  }
  return values;
}

const FLAG_OF: Record<(typeof FILTER_COLUMNS)[number], string> = {
  entry_channel: 'channel',
  platform: 'platform',
  region: 'region',
  customer_type: 'customer-type'
};

/** Channels and platforms are open vocabularies: a filter value must at least occur in the file. */
async function assertFilterValuesPresent(db: Db, filters: Filters): Promise<void> {
  for (const column of ['entry_channel', 'platform'] as const) {
    const wanted = filters[column];
    if (!wanted) continue;
    const rows = await db.query<{ code: string }>(
      `SELECT DISTINCT ${column} AS code FROM tickets WHERE ${column} IS NOT NULL ORDER BY 1`
    );
    const present = rows.map((r) => r.code);
    const absent = wanted.find((v) => !present.includes(v));
    if (absent !== undefined) {
      throw new Error(
        `--${FLAG_OF[column]} ${absent}: no ticket has ${column} ${absent}; the file has ${present.join(', ') || 'none'}`
      );
    }
  }
}

function dateOption(value: string | undefined, flag: string) {
  if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new Error(`--${flag} ${value}: expected a date as YYYY-MM-DD`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      channel: { type: 'string' },
      platform: { type: 'string' },
      region: { type: 'string' },
      'customer-type': { type: 'string' },
      'pickup-threshold': { type: 'string' },
      'time-zone': { type: 'string' },
      'sla-target': { type: 'string', multiple: true },
      mapping: { type: 'string' },
      sheet: { type: 'string' },
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (positionals.length > 1) throw new Error(`expected at most one FILE. ${USAGE}`);
  const filters: Filters = {
    from: dateOption(values.from, 'from'),
    to: dateOption(values.to, 'to'),
    entry_channel: listOption(values.channel, 'channel'),
    platform: listOption(values.platform, 'platform'),
    region: listOption(values.region, 'region', REGIONS),
    customer_type: listOption(values['customer-type'], 'customer-type', CUSTOMER_TYPES)
  };
  const threshold = values['pickup-threshold'];
  if (threshold !== undefined && !(Number(threshold) >= 0)) {
    throw new Error(`--pickup-threshold ${threshold}: expected a number of seconds ≥ 0`);
  }
  const channelSlaMinutes: Record<string, number> = {};
  for (const text of values['sla-target'] ?? []) {
    const { channel, minutes } = parseSlaTarget(text);
    channelSlaMinutes[channel] = minutes;
  }
  const settings = {
    ...DEFAULT_SETTINGS,
    timeZone: values['time-zone'] ?? DEFAULT_SETTINGS.timeZone,
    pickupThresholdSeconds: threshold === undefined ? 20 : Number(threshold),
    channelSlaMinutes
  };

  const { db, report } = await loadForCli(positionals[0], {
    timeZone: values['time-zone'],
    mapping: values.mapping ? readMapping(values.mapping) : undefined,
    spreadsheet: { sheet: values.sheet }
  });
  try {
    if (values.sheet !== undefined && !report.workbook) {
      throw new Error(`--sheet ${values.sheet}: the file is not a workbook (.xlsx, .xls, .ods)`);
    }
    if (report.workbook) process.stderr.write(`read ${report.encodingEvidence}\n`);
    explainMapping(report);
    explainEventLog(report);
    explainNotices(report);
    explainLoadPath(report);
    await assertFilterValuesPresent(db, filters);
    const results = await computeMetrics(db, { filters, settings, present: report.presentColumns });
    const output = values.json
      ? JSON.stringify(toKpiJson(report, results), null, 2)
      : formatKpiTable(report, results);
    process.stdout.write(`${output}\n`);
  } finally {
    await db.close();
  }
}

main().catch(failAndExit);
