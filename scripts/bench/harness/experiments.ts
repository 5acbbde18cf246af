import { COLUMNS, type ColumnType } from '../../../src/lib/contract/columns';
import { HELPERS_SELECT } from '../../../src/lib/ingest/load/derive-sql';
import type { Db } from '../../../src/lib/db/types';
import { filteredTickets, type Filters } from '../../../src/lib/metrics/filters';
import { HEADLINE_METRICS } from '../../../src/lib/metrics/catalogue/headline';
import { computeMetrics } from '../../../src/lib/metrics/compute';
import { DEFAULT_SETTINGS } from '../../../src/lib/metrics/settings';
import { dailyVolumeByChannel } from '../../../src/lib/queries/trends';

/** One measured alternative: what it does, and its time (or why it could not run). */
export interface Experiment {
  name: string;
  ms: number | null;
  note?: string;
}

const SQL_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  ts: 'TIMESTAMP',
  bool: 'BOOLEAN',
  int: 'INTEGER',
  num: 'DOUBLE'
};

async function time(name: string, run: () => Promise<unknown>, note?: string): Promise<Experiment> {
  const started = performance.now();
  try {
    await run();
    return { name, ms: Math.round(performance.now() - started), ...(note ? { note } : {}) };
  } catch (error) {
    return {
      name,
      ms: null,
      note: (error instanceof Error ? error.message : String(error)).slice(0, 200)
    };
  }
}

/** The mix-adjusted query with only the columns it reads (the catalogue's reads `SELECT *`, twice). */
const NARROW_MIX = `, r AS (SELECT category, handling_channel, customer_type, resolve_minutes FROM t
    WHERE status = 'resolved' AND resolve_minutes IS NOT NULL),
  cells AS (SELECT category, handling_channel,
      count(*) FILTER (WHERE customer_type = 'enterprise') AS enterprise_n,
      median(resolve_minutes) FILTER (WHERE customer_type = 'individual') AS individual_median
    FROM r GROUP BY category, handling_channel),
  comparable AS (SELECT * FROM cells WHERE individual_median IS NOT NULL AND enterprise_n > 0)
  SELECT CASE WHEN sum(enterprise_n) > 0 THEN 1 - (SELECT median(resolve_minutes) FROM r JOIN comparable c
      ON r.category IS NOT DISTINCT FROM c.category AND r.handling_channel IS NOT DISTINCT FROM c.handling_channel
      WHERE r.customer_type = 'enterprise') / (sum(enterprise_n * individual_median) / sum(enterprise_n)) END AS value
  FROM comparable`;

/**
 * Alternatives to the loader's and the overview's SQL, timed on the same loaded `tickets`:
 * the evidence behind the fixes the report proposes.
 */
export async function runExperiments(
  db: Db,
  bytes: Uint8Array,
  filters: Filters,
  present: readonly string[]
): Promise<Experiment[]> {
  const out: Experiment[] = [];
  const path = await db.registerFile('exp.csv', bytes);
  const typed = COLUMNS.map((c) => `'${c.name}': '${SQL_TYPE[c.type]}'`).join(', ');
  const text = COLUMNS.map((c) => `'${c.name}': 'VARCHAR'`).join(', ');
  const fastHelpers = HELPERS_SELECT.replace(
    "FROM checked WHERE __reason = ''",
    'FROM e_typed'
  ).replace('__rec,', '');
  out.push(
    await time('read_csv all VARCHAR (as the loader does, without row_number)', () =>
      db.exec(`CREATE OR REPLACE TABLE e_raw AS FROM read_csv('${path}', header = true, auto_detect = false,
        columns = {${text}})`)
    ),
    await time('read_csv with contract types (canonical-header fast path)', () =>
      db.exec(`CREATE OR REPLACE TABLE e_typed AS FROM read_csv('${path}', header = true, auto_detect = false,
        columns = {${typed}}, timestampformat = '%Y-%m-%d %H:%M:%S')`)
    ),
    await time(
      'fast path: typed read_csv, then helpers in one CREATE (no validation, no sort)',
      () => db.exec(`CREATE OR REPLACE TABLE e_fast AS ${fastHelpers}`),
      'time of the CREATE after the typed read above'
    )
  );
  await db.dropFile('exp.csv');
  out.push(
    await time('copy tickets, ORDER BY created_at', () =>
      db.exec('CREATE OR REPLACE TABLE e_sorted AS SELECT * FROM tickets ORDER BY created_at')
    ),
    await time('copy tickets, no ORDER BY', () =>
      db.exec('CREATE OR REPLACE TABLE e_copy AS SELECT * FROM tickets')
    )
  );
  for (const table of ['e_raw', 'e_typed', 'e_fast', 'e_sorted', 'e_copy'])
    await db.exec(`DROP TABLE IF EXISTS ${table}`);
  const prefix = filteredTickets(filters);
  const mix = HEADLINE_METRICS.find((m) => m.id === 'enterprise_speedup_mix_adjusted');
  if (mix?.shape === 'scalar-query') {
    const q = mix.query(DEFAULT_SETTINGS);
    out.push(
      await time('mix-adjusted speed-up, catalogue SQL (filtered)', () =>
        db.query(`${prefix.text}${q.text}`, [...prefix.params, ...q.params])
      ),
      await time('mix-adjusted speed-up, 4 columns instead of SELECT * (filtered)', () =>
        db.query(`${prefix.text}${NARROW_MIX}`, prefix.params)
      )
    );
  }
  const scalarIds = HEADLINE_METRICS.filter((m) => m.shape === 'scalar').map((m) => m.id);
  out.push(
    await time('headline scalars only, one scan (filtered)', () =>
      computeMetrics(db, { filters, present, ids: scalarIds })
    ),
    await time('daily volume chart query (filtered)', () => dailyVolumeByChannel(db, filters))
  );
  return out;
}
