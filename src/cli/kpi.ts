import { parseArgs } from 'node:util';
import { CHANNELS, CUSTOMER_TYPES, PLATFORMS, REGIONS } from '../lib/contract/columns';
import type { Filters } from '../lib/metrics/filters';
import { computeMetrics } from '../lib/metrics/compute';
import { DEFAULT_SETTINGS } from '../lib/metrics/settings';
import { formatKpiTable, toKpiJson } from './kpi-output';
import { explainMapping, explainNotices, readMapping } from './mapping-report';
import { failAndExit, loadForCli } from './load-for-cli';

const USAGE =
  'usage: npm run kpi -- [FILE] [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--channel C] ' +
  '[--platform P] [--region R] [--customer-type T] [--pickup-threshold SECONDS] [--time-zone ZONE] ' +
  '[--mapping MAPPING.json]';

function listOption(value: string | undefined, allowed: readonly string[], flag: string) {
  if (value === undefined) return undefined;
  const values = value.split(',').map((v) => v.trim());
  const bad = values.find((v) => !allowed.includes(v));
  if (bad) throw new Error(`--${flag} ${bad}: expected one of ${allowed.join(', ')}`);
  return values;
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
      mapping: { type: 'string' },
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
    entry_channel: listOption(values.channel, CHANNELS, 'channel'),
    platform: listOption(values.platform, PLATFORMS, 'platform'),
    region: listOption(values.region, REGIONS, 'region'),
    customer_type: listOption(values['customer-type'], CUSTOMER_TYPES, 'customer-type')
  };
  const threshold = values['pickup-threshold'];
  if (threshold !== undefined && !(Number(threshold) >= 0)) {
    throw new Error(`--pickup-threshold ${threshold}: expected a number of seconds ≥ 0`);
  }
  const settings = {
    ...DEFAULT_SETTINGS,
    timeZone: values['time-zone'] ?? DEFAULT_SETTINGS.timeZone,
    pickupThresholdSeconds: threshold === undefined ? 20 : Number(threshold)
  };

  const { db, report } = await loadForCli(positionals[0], {
    timeZone: values['time-zone'],
    mapping: values.mapping ? readMapping(values.mapping) : undefined
  });
  try {
    explainMapping(report);
    explainNotices(report);
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
