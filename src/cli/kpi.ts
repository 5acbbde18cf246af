import { parseArgs } from 'node:util';
import { CUSTOMER_TYPES, REGIONS } from '../lib/contract/columns';
import type { Db } from '../lib/db/types';
import { FILTER_COLUMNS, type Filters } from '../lib/metrics/filters';
import { computeMetrics } from '../lib/metrics/compute';
import { DEFAULT_SETTINGS, parseSlaTarget } from '../lib/metrics/settings';
import { dateProblem, parseLimited } from '../lib/limits';
import { formatKpiTable, toKpiJson } from './kpi-output';
import { compareOption, grainOption, previousJson, seriesJson } from './kpi-periods';
import {
  explainEventLog,
  explainLoadPath,
  explainMapping,
  explainNotices,
  readMapping
} from './mapping-report';
import { failAndExit, loadForCli } from './load-for-cli';
import { ENGINE_FLAGS, ENGINE_USAGE, engineOptions } from './engine-flags';
import { writeRejected } from './write-rejected';

const USAGE =
  'usage: npm run kpi -- [FILE|GLOB]... [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--channel C] ' +
  '[--platform P] [--region R] [--customer-type T] [--pickup-threshold SECONDS] [--time-zone ZONE] ' +
  '[--sla-target CHANNEL=MINUTES]... [--mapping MAPPING.json] [--sheet NAME] ' +
  '[--by day|week] [--compare previous] ' +
  `[--rejected FILE.csv] ${ENGINE_USAGE}`;

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
  const problem = value === undefined ? null : dateProblem(value);
  if (problem) throw new Error(`--${flag} ${value}: ${problem}`);
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
      by: { type: 'string' },
      compare: { type: 'string' },
      rejected: { type: 'string' },
      ...ENGINE_FLAGS,
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const engine = engineOptions(values);
  const filters: Filters = {
    from: dateOption(values.from, 'from'),
    to: dateOption(values.to, 'to'),
    entry_channel: listOption(values.channel, 'channel'),
    platform: listOption(values.platform, 'platform'),
    region: listOption(values.region, 'region', REGIONS),
    customer_type: listOption(values['customer-type'], 'customer-type', CUSTOMER_TYPES)
  };
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new Error(`--from ${filters.from} is after --to ${filters.to}`);
  }
  const grain = grainOption(values.by);
  const compare = compareOption(values.compare, filters);
  if ((grain || compare) && !values.json) throw new Error('--by and --compare need --json');
  const threshold = values['pickup-threshold'];
  const pickupThresholdSeconds =
    threshold === undefined
      ? DEFAULT_SETTINGS.pickupThresholdSeconds
      : parseLimited('pickupThresholdSeconds', threshold, `--pickup-threshold ${threshold}`);
  const channelSlaMinutes: Record<string, number> = {};
  for (const text of values['sla-target'] ?? []) {
    const { channel, minutes } = parseSlaTarget(text);
    channelSlaMinutes[channel] = minutes;
  }
  const settings = {
    ...DEFAULT_SETTINGS,
    timeZone: values['time-zone'] ?? DEFAULT_SETTINGS.timeZone,
    pickupThresholdSeconds,
    channelSlaMinutes
  };

  const { db, report, reused } = await loadForCli(
    positionals,
    {
      timeZone: values['time-zone'],
      mapping: values.mapping ? readMapping(values.mapping) : undefined,
      spreadsheet: { sheet: values.sheet }
    },
    engine
  );
  try {
    if (reused) process.stderr.write(`reused the load kept in ${engine.db} (inputs unchanged)\n`);
    if (values.rejected !== undefined) await writeRejected(db, report, values.rejected);
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
    const ask = { report, filters, settings };
    const output = values.json
      ? JSON.stringify(
          {
            ...toKpiJson(report, results),
            ...(grain ? { series: await seriesJson(db, grain, ask) } : {}),
            ...(compare ? { previous: await previousJson(db, ask) } : {})
          },
          null,
          2
        )
      : formatKpiTable(report, results);
    process.stdout.write(`${output}\n`);
  } finally {
    await db.close();
  }
}

main().catch(failAndExit);
