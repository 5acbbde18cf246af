import { columnSpec, DEFAULT_TIME_ZONE } from '../../contract/columns';
import { raw, sql } from '../../db/sql';
import type { Db } from '../../db/types';
import { closestHeader } from '../map/suggest-mapping';
import { buildValueMap, valueKey } from '../map/value-synonyms';
import { HELPERS_SELECT } from './derive-sql';
import type { AmbiguousNumbers } from './number-text-sql';
import { keptCodes, type KeptCodes } from './kept-codes';
import { LoadError } from './load-error';
import { foldEvents, rejectEvents, type EventLogReport } from '../events/load-events';
import type { Mapping, MappingEvidence } from '../map/mapping-types';
import {
  CROSS_COLUMN_CHECKS,
  mappedTimestampParser,
  normaliseSelect,
  rawWithConstants,
  repeatedHeaderSql,
  fileNumberOrderSql,
  threeStepCsatSql,
  type NormaliseOptions,
  sentinelTimestampSql,
  type TimestampParser
} from './normalise-sql';
import { prepareFile, type MappingSource, type PreparedFile } from './prepare-file';
import { csvRowReader, type RowReader } from '../read/row-reader';
import type { SpreadsheetOptions, WorkbookInfo } from '../read/spreadsheet-source';
import { readTyped, whyNotTyped, type LoadPath } from './typed-load';
import { columnFallbacks, lineIdSql, type ColumnFallbacks } from '../map/column-fallbacks';
import {
  countEmptyTimestamps,
  countSourceGaps,
  loadNotices,
  NO_GAPS,
  type LoadNotice,
  type NormaliseOutcome,
  type SourceGaps
} from './load-notices';
import { isOpenColumn } from '../map/value-synonyms';
import { isValidTimeZone, offsetAt, offsetSpans, timeZoneMacros } from './time-zone';

export type { EventLogReport } from '../events/load-events';
export type { LoadPath } from './typed-load';

export interface RejectedRow {
  /** Spreadsheet row number: the header is line 1, each record one line. */
  line: number;
  reason: string;
  fields: string[];
}

export interface LoadReport {
  name: string;
  encoding: string;
  /** Why that encoding was chosen (BOM, strict decode, …). */
  encodingEvidence: string;
  delimiter: string;
  /** Why that delimiter, and header notes (duplicates, blanks). */
  dialectEvidence: string;
  header: string[];
  mapping: Mapping;
  evidence: MappingEvidence[];
  /**
   * `total` lines read = `accepted` + `rejected` (for an event log these count events);
   * `tickets` in the dataset (a ticket file: = accepted; an event log: the tickets built from
   * its events that passed validation, see `eventLog`).
   */
  rows: { total: number; accepted: number; rejected: number; tickets: number };
  /** How an event log was folded into tickets; null for a ticket file. */
  eventLog: EventLogReport | null;
  /** The first rejected rows, for the report; all of them are in the `rejected` table. */
  rejectedSample: RejectedRow[];
  /** Canonical columns the file supplies (mapped, or built by a preset). */
  presentColumns: string[];
  /** Values of mapped closed enum columns that matched no code: their rows are rejected. */
  unmatchedValues: Partial<Record<string, string[]>>;
  /** Codes of open columns (channel, platform, priority) that are none of the contract's, kept as written. */
  keptCodes: KeptCodes;
  /** Per timestamp column: placeholder values (`1900-01-01`, `NULL`, `?` …) read as no time. */
  sentinelTimestamps: Partial<Record<string, number>>;
  /** Per optional timestamp column of the file: accepted tickets with no time (empty or placeholder). */
  emptyTimestamps: Partial<Record<string, number>>;
  /** What the user should know that is not a rejected row (ids from lines, constants, …). */
  notices: LoadNotice[];
  /** True when the loader chose the mapping (no saved mapping was given). */
  suggested: boolean;
  canonicalHeader: boolean;
  duplicateHeaders: string[];
  presetId: string | null;
  timeZone: string;
  /** First and last creation day in the dataset's time zone (YYYY-MM-DD). */
  dateRange: { from: string; to: string } | null;
  loadMs: number;
  /**
   * Milliseconds per stage: prepare (decode, sniff, map), register (bytes to the engine),
   * read (read_csv; the typed path's check too), normalise (text path), tickets (derived
   * columns), report (counts, notes, samples).
   */
  phasesMs: Record<string, number>;
  /** The typed fast path (canonical clean file) or the text path, and why. */
  loadPath: LoadPath;
  /** The workbook and sheet the rows came from, for a spreadsheet. */
  workbook: WorkbookInfo | null;
}

export interface LoadOptions {
  timeZone?: string;
  /** A mapping to use, or a lookup by header (e.g. a remembered mapping); else one is suggested. */
  mapping?: MappingSource;
  /**
   * With a given mapping, still map enum/bool values it leaves out by their known synonyms
   * (its own entries win) and report the values nothing matched. Suggested mappings always do.
   */
  completeValues?: boolean;
  parseTimestamp?: TimestampParser;
  expressions?: Partial<Record<string, string>>;
  /** Which sheet of a workbook, its size limit, and the reader (e.g. one in a Web Worker). */
  spreadsheet?: SpreadsheetOptions;
  /**
   * Reads the rows from files DuckDB opens itself (the CLI); the file's bytes are then only a
   * sample for sniffing and mapping. Without it the bytes are registered and read as CSV.
   */
  rows?: RowReader;
  /**
   * Keep `tickets` as a view over the files when the typed path takes them and the reader
   * can read them again (Parquet): nothing is copied and every query reads the files. For a
   * run that reads them a few times; a database kept for later copies them.
   */
  ticketsView?: boolean;
}

const REJECTED_SAMPLE = 20;

/**
 * Loads a ticket log into the `tickets` table (valid rows, typed, with derived helpers) and
 * the `rejected` table (every other row with its line and reason). Nothing is dropped silently:
 * accepted + rejected always equals the rows in the file.
 */
export async function loadTicketFile(
  db: Db,
  file: { name: string; bytes: Uint8Array },
  options: LoadOptions = {}
): Promise<LoadReport> {
  const started = performance.now();
  const phasesMs: Record<string, number> = {};
  let last = started;
  const phaseDone = (name: string) => {
    const now = performance.now();
    phasesMs[name] = Math.round(now - last);
    last = now;
  };
  const prepared = await prepareFile(file.bytes, options.mapping, {
    complete: options.completeValues,
    spreadsheet: options.spreadsheet
  });
  const plan = prepared.plan;
  const timeZone = options.timeZone ?? plan?.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) {
    throw new LoadError('bad-setting', `Unknown time zone "${timeZone}" (e.g. Asia/Shanghai).`);
  }
  options = { ...options, expressions: { ...plan?.expressions, ...options.expressions } };
  assertRequiredColumns(prepared, options);
  const fallbacks = columnFallbacks(prepared.mapping, options.expressions);

  phaseDone('prepare');
  const reader = options.rows ?? csvRowReader(await db.registerFile('upload.csv', prepared.bytes));
  phaseDone('register');
  let loadPath: LoadPath;
  const asView = options.ticketsView === true && reader.rereadable === true;
  try {
    const hasExpressions = Object.keys(options.expressions ?? {}).length > 0;
    const notTyped =
      whyNotTyped(prepared, hasExpressions) ??
      (prepared.containsNul ? 'a field holds a NUL byte' : null) ??
      (reader.typed === false ? 'the reader gives text only' : null) ??
      (await readTyped(
        db,
        reader,
        prepared,
        (range) => defineTimeZone(db, timeZone, range),
        asView
      ));
    loadPath = notTyped === null ? { kind: 'typed' } : { kind: 'text', reason: notTyped };
    if (loadPath.kind === 'text') await readRaw(db, reader, prepared);
  } finally {
    if (!options.rows) await db.dropFile('upload.csv');
  }
  phaseDone('read');
  const typed = loadPath.kind === 'typed';
  let unmatchedValues: LoadReport['unmatchedValues'] = {};
  let gaps: SourceGaps = NO_GAPS;
  let csatThreeStep = false;
  let ambiguousNumbers: AmbiguousNumbers | null = null;
  let eventLog: EventLogReport | null = null;
  if (plan?.groupBy) {
    ({ unmatchedValues, gaps, csatThreeStep, ambiguousNumbers, eventLog } = await foldEvents(
      db,
      prepared,
      plan,
      {
        defineTimeZone: (range) => defineTimeZone(db, timeZone, range),
        normalise: (tickets) =>
          normaliseRaw(
            db,
            tickets,
            { ...options, expressions: {} },
            timeZone,
            columnFallbacks(tickets.mapping, {})
          )
      }
    ));
  } else if (!typed) {
    ({ unmatchedValues, gaps, csatThreeStep, ambiguousNumbers } = await normaliseRaw(
      db,
      prepared,
      options,
      timeZone,
      fallbacks
    ));
  }
  phaseDone('normalise');
  const typedView = typed && asView;
  await db.exec(
    `CREATE OR REPLACE ${typedView ? 'TEMP VIEW' : 'TABLE'} tickets AS ${HELPERS_SELECT}`
  );
  phaseDone('tickets');
  if (eventLog) {
    await rejectEvents(db, prepared.header.length);
  } else if (typed) {
    const fields = prepared.header.map((_, i) => `CAST(NULL AS VARCHAR) AS c${i}`).join(', ');
    await db.exec(`CREATE OR REPLACE TABLE rejected AS
      SELECT CAST(NULL AS BIGINT) AS __rec, ${fields}, CAST(NULL AS VARCHAR) AS reason LIMIT 0`);
    if (!typedView) {
      await db.exec('DROP VIEW checked');
      await db.exec('DROP TABLE typed');
    }
  } else {
    await db.exec(`CREATE OR REPLACE TABLE rejected AS
      SELECT r.*, c.__reason AS reason FROM raw r JOIN checked c USING (__rec) WHERE c.__reason <> ''`);
    await db.exec('DROP TABLE checked');
    await db.exec('DROP TABLE raw');
    await db.exec('DROP TABLE IF EXISTS __broken_offsets');
  }

  await keepUnreadableLines(db);
  const rows = await countRows(db, eventLog !== null);
  if (eventLog) {
    eventLog.events = rows.total;
    await db.exec('DROP TABLE events');
  }
  const emptyTimestamps = await countEmptyTimestamps(db, prepared.mapping, options.expressions);
  const present = presentColumns(prepared, options);
  const kept = await keptCodes(db, present);
  const notices = await loadNotices(db, {
    mapping: prepared.mapping,
    expressions: options.expressions,
    fallbacks,
    gaps,
    emptyTimestamps,
    keptCodes: kept,
    accepted: rows.accepted,
    csatThreeStep,
    ambiguousNumbers
  });
  const rejectedSample = await rejectedRows(db, prepared.header.length, REJECTED_SAMPLE);
  const range = await dateRange(db);
  phaseDone('report');
  return {
    name: file.name,
    encoding: prepared.encoding,
    encodingEvidence: prepared.encodingEvidence,
    delimiter: prepared.delimiter,
    dialectEvidence: prepared.dialectEvidence,
    header: prepared.header,
    mapping: prepared.mapping,
    evidence: prepared.evidence,
    rows,
    eventLog,
    rejectedSample,
    presentColumns: present,
    unmatchedValues,
    keptCodes: kept,
    sentinelTimestamps: gaps.sentinels,
    emptyTimestamps,
    notices,
    suggested: !prepared.userMapping,
    canonicalHeader: prepared.canonicalHeader,
    duplicateHeaders: prepared.duplicateHeaders,
    presetId: prepared.mapping.presetId ?? null,
    timeZone,
    dateRange: range,
    loadMs: performance.now() - started,
    phasesMs,
    loadPath,
    workbook: prepared.workbook
  };
}

/** The text path: every cell parsed in SQL into `checked`, each problem kept as a reason. */
async function normaliseRaw(
  db: Db,
  prepared: PreparedFile,
  options: LoadOptions,
  timeZone: string,
  fallbacks: ColumnFallbacks
): Promise<NormaliseOutcome> {
  await defineTimeZone(db, timeZone, createdRangeSql(prepared, options));
  const unmatchedValues =
    prepared.userMapping && !options.completeValues ? {} : await completeValueMaps(db, prepared);
  const normalise: NormaliseOptions = {
    mapping: prepared.mapping,
    defaults: fallbacks.defaults,
    rowIdSql: await lineIdSql(db),
    parseTimestamp: options.parseTimestamp,
    expressions: options.expressions,
    rejectIf: [...(prepared.plan?.rejectIf ?? []), ...nulRule(prepared)],
    header: prepared.header
  };
  Object.assign(normalise, await fileReadings(db, normalise));
  const gaps = await countSourceGaps(db, normalise);
  const select = normaliseSelect(normalise);
  const crossChecks = CROSS_COLUMN_CHECKS.map(
    ([condition, reason]) => `CASE WHEN ${condition} THEN '${reason}' END`
  ).join(', ');
  await db.query(
    `CREATE OR REPLACE TABLE checked AS SELECT * EXCLUDE (__reason),
       concat_ws('; ', NULLIF(__reason, ''), ${crossChecks}) AS __reason FROM (${select.text})`,
    select.params
  );
  await markDuplicateIds(db);
  return {
    unmatchedValues,
    gaps,
    csatThreeStep: normalise.csatThreeStep === true,
    ambiguousNumbers: normalise.ambiguousNumbers ?? null
  };
}

/**
 * What the whole file decides for each of its cells, in one scan: whether satisfaction words are a
 * three-step survey's (threeStepCsatSql) and how `1,234` reads (fileNumberOrderSql).
 */
async function fileReadings(
  db: Db,
  normalise: NormaliseOptions
): Promise<Pick<NormaliseOptions, 'csatThreeStep' | 'ambiguousNumbers'>> {
  const three = threeStepCsatSql(normalise) ?? 'false';
  const order = fileNumberOrderSql(normalise) ?? 'CAST(NULL AS VARCHAR)';
  const query = sql`SELECT ${raw(three)} AS three, ${raw(order)} AS numbers
    FROM ${rawWithConstants(normalise)} raw`;
  const [row] = await db.query<{ three: boolean; numbers: AmbiguousNumbers | null }>(
    query.text,
    query.params
  );
  return { csatThreeStep: row?.three === true, ambiguousNumbers: row?.numbers ?? null };
}

/** A row with a NUL byte in a field holds binary data, not text: rejected with its line. */
function nulRule(prepared: PreparedFile): Array<{ when: string; reason: string }> {
  if (!prepared.containsNul) return [];
  const when = prepared.header.map((_, i) => `strpos(c${i}, chr(0)) > 0`).join(' OR ');
  return [{ when, reason: 'a field holds a NUL byte (binary data, not text)' }];
}

function presentColumns(prepared: PreparedFile, options: LoadOptions): string[] {
  const mapped = Object.keys(prepared.mapping.columns);
  const built = Object.keys(options.expressions ?? {});
  const constants = Object.keys(prepared.mapping.constants ?? {});
  return [...new Set([...mapped, ...built, ...constants])];
}

function assertRequiredColumns(prepared: PreparedFile, options: LoadOptions): void {
  const missing = prepared.missingRequired.filter((c) => !options.expressions?.[c]);
  if (missing.length === 0) return;
  const details = missing.map((column) => {
    const near = closestHeader(column, prepared.header);
    return near ? `${column} (closest column in the file: "${near}")` : column;
  });
  throw new LoadError(
    'missing-columns',
    `Missing required column${missing.length > 1 ? 's' : ''}: ${details.join(', ')}. ` +
      `Map a column of the file to ${missing.length > 1 ? 'each' : 'it'} or add ${missing.length > 1 ? 'them' : 'it'} to the file.`
  );
}

async function readRaw(db: Db, reader: RowReader, prepared: PreparedFile): Promise<void> {
  const columns = prepared.header.map((_, i): [string, string] => [`c${i}`, 'VARCHAR']);
  await db.exec(reader.reset);
  try {
    await db.exec(`CREATE OR REPLACE TABLE raw AS
      SELECT row_number() OVER () AS __rec, * FROM ${reader.sql(prepared, columns)}`);
  } catch (error) {
    throw new LoadError('unreadable', `The file could not be read as CSV: ${errorText(error)}`);
  }
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}

/** Creation-time range of the raw text rows, in the file's own format (null: no column). */
function createdRangeSql(prepared: PreparedFile, options: LoadOptions): string | null {
  const created = prepared.mapping.columns.created_at;
  const expression =
    options.expressions?.created_at ?? (created === undefined ? null : `c${created}`);
  if (expression === null) return null;
  const text = `NULLIF(trim(CAST((${expression}) AS VARCHAR)), '')`;
  const parse = (options.parseTimestamp ?? mappedTimestampParser(prepared.mapping))(
    `(CASE WHEN ${sentinelTimestampSql(text)} THEN NULL ELSE ${text} END)`,
    'created_at'
  );
  return `SELECT min(t) AS lo, max(t) AS hi FROM (SELECT ${parse} AS t FROM raw)`;
}

/**
 * Defines `to_local` / `from_local` for the zone's offsets around the data's creation range
 * (`rangeSql` answers `lo`, `hi`; it may use the provisional macros defined first).
 */
async function defineTimeZone(db: Db, timeZone: string, rangeSql: string | null): Promise<void> {
  const now = Date.UTC(2026, 0, 1);
  for (const macro of timeZoneMacros([{ fromUtcMs: 0, offsetMinutes: offsetAt(timeZone, now) }])) {
    await db.exec(macro);
  }
  if (rangeSql === null) return;
  const [range] = await db.query<{ lo: number | null; hi: number | null }>(rangeSql);
  const day = 86_400_000;
  const lo = (range?.lo ?? now) - 2 * day;
  const hi = Math.max(range?.hi ?? now, lo) + 400 * day;
  for (const macro of timeZoneMacros(offsetSpans(timeZone, lo, hi))) await db.exec(macro);
}

const DISTINCT_VALUES_LIMIT = 2000;

/** Extends suggested value maps to every distinct value in the file, not just the sample. */
async function completeValueMaps(
  db: Db,
  prepared: PreparedFile
): Promise<Partial<Record<string, string[]>>> {
  const unmatched: Partial<Record<string, string[]>> = {};
  const header = repeatedHeaderSql({ mapping: prepared.mapping, header: prepared.header });
  for (const [column, index] of Object.entries(prepared.mapping.columns)) {
    const spec = columnSpec(column);
    if (index === undefined || (spec?.type !== 'enum' && spec?.type !== 'bool')) continue;
    const rows = await db.query<{ v: string }>(
      `SELECT DISTINCT c${index} AS v FROM raw WHERE c${index} IS NOT NULL AND NOT ${header.text}
       LIMIT ${DISTINCT_VALUES_LIMIT}`,
      header.params
    );
    const result = buildValueMap(
      column,
      rows.map((r) => r.v)
    );
    const given = prepared.mapping.values[column] ?? {};
    prepared.mapping.values[column] = { ...result.map, ...given };
    // Codes of an open column that match nothing are kept as written (v2), not unmatched.
    const left = result.unmatched.filter((v) => !Object.hasOwn(given, valueKey(v)));
    if (left.length > 0 && !isOpenColumn(column)) unmatched[column] = left;
  }
  return unmatched;
}

async function markDuplicateIds(db: Db): Promise<void> {
  const [check] = await db.query<{ n: number; distinct_ids: number }>(
    `SELECT count(ticket_id) AS n, count(DISTINCT ticket_id) AS distinct_ids FROM checked`
  );
  if (!check || check.n === check.distinct_ids) return;
  await db.exec(`UPDATE checked SET __reason = concat_ws('; ', NULLIF(__reason, ''),
      'duplicate ticket_id "' || left(ticket_id, 80) || '" (first seen on an earlier row)')
    WHERE __rec IN (SELECT __rec FROM (
      SELECT __rec, row_number() OVER (PARTITION BY ticket_id ORDER BY __rec) AS k
      FROM checked WHERE ticket_id IS NOT NULL) WHERE k > 1)`);
}

/**
 * Keeps the lines the CSV reader could not split (`csv_rejects`, a temp table of the loading
 * connection) in a table every connection sees, one row per line with its first error.
 */
async function keepUnreadableLines(db: Db): Promise<void> {
  await db.exec(`CREATE OR REPLACE TABLE rejected_lines AS
    SELECT line, coalesce(arg_min(error_message, column_idx), any_value(error_message)) AS reason,
      any_value(csv_line) AS csv_line
    FROM csv_rejects GROUP BY line`);
}

/** Lines read, accepted and rejected (for an event log: events), and tickets in the dataset. */
async function countRows(db: Db, eventLog: boolean): Promise<LoadReport['rows']> {
  const [counts] = await db.query<{
    tickets: number;
    events: number;
    rejected: number;
    broken: number;
  }>(
    `SELECT (SELECT count(*) FROM tickets) AS tickets,
       ${eventLog ? '(SELECT count(*) FROM events)' : '0'} AS events,
       (SELECT count(*) FROM rejected) AS rejected,
       (SELECT count(*) FROM rejected_lines) AS broken`
  );
  const tickets = counts?.tickets ?? 0;
  const valueRejected = counts?.rejected ?? 0;
  const accepted = eventLog ? (counts?.events ?? 0) - valueRejected : tickets;
  const rejected = valueRejected + (counts?.broken ?? 0);
  return { total: accepted + rejected, accepted, rejected, tickets };
}

/** Maps record numbers of parsed rows to spreadsheet lines, skipping lines the parser rejected. */
function recordLines(records: number[], brokenLines: number[]): number[] {
  const out: number[] = [];
  let skipped = 0;
  for (const record of records) {
    let line = record + 1 + skipped;
    while (skipped < brokenLines.length && brokenLines[skipped]! <= line) {
      skipped++;
      line++;
    }
    out.push(line);
  }
  return out;
}

/** Rejected rows in file order: structural (wrong field count) and value problems merged. */
export async function rejectedRows(
  db: Db,
  columnCount: number,
  limit = Number.MAX_SAFE_INTEGER
): Promise<RejectedRow[]> {
  const broken = await db.query<{ line: number; reason: string; csv_line: string }>(
    'SELECT line, reason, csv_line FROM rejected_lines ORDER BY line'
  );
  const brokenLines = broken.map((b) => b.line);
  const fieldList = Array.from({ length: columnCount }, (_, i) => `c${i}`).join(', ');
  const bad = await db.query<Record<string, string | null> & { __rec: number; reason: string }>(
    `SELECT __rec, reason, ${fieldList} FROM rejected ORDER BY __rec LIMIT ?`,
    [Math.min(limit, 2 ** 31 - 1)]
  );
  const lines = recordLines(
    bad.map((b) => b.__rec),
    brokenLines
  );
  const valueRows: RejectedRow[] = bad.map((b, i) => ({
    line: lines[i]!,
    reason: b.reason,
    fields: Array.from({ length: columnCount }, (_, k) => b[`c${k}`] ?? '')
  }));
  const structural: RejectedRow[] = broken.map((b) => ({
    line: b.line,
    reason: describeParseError(b.reason),
    // DuckDB splits a CRLF file at the CR, so the reported line starts with the LF before it.
    fields: [b.csv_line.replace(/^[\r\n]+|[\r\n]+$/g, '')]
  }));
  return [...valueRows, ...structural].sort((a, b) => a.line - b.line).slice(0, limit);
}

/** A DuckDB CSV parser error as a reason a person can act on. */
export function describeParseError(message: string): string {
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  if (counts) return `wrong number of fields: expected ${counts[1]}, found ${counts[2]}`;
  const size = /Maximum line size of (\d+) bytes exceeded\. Actual Size:\s*(\d+)/.exec(message);
  if (size) {
    const mb = (n: string) =>
      `${(Number(n) / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
    return `line too long: ${mb(size[2]!)}, the limit is ${mb(size[1]!)} per line`;
  }
  return `unreadable row: ${message.split('\n')[0]!.slice(0, 200)}`;
}

async function dateRange(db: Db): Promise<LoadReport['dateRange']> {
  const [range] = await db.query<{ lo: string | null; hi: string | null }>(
    `SELECT strftime(min(created_local), '%Y-%m-%d') AS lo, strftime(max(created_local), '%Y-%m-%d') AS hi FROM tickets`
  );
  return range?.lo && range.hi ? { from: range.lo, to: range.hi } : null;
}
