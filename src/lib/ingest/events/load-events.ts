/** The loader's grouped path: an event log's rows become events, then one ticket per case. */
import type { Db } from '../../db/types';
import { guessMarks } from './detect-event-log';
import { eventLogPlan, eventRowsSql, foldedAttributes, foldSql } from './event-folding';
import type { EventMark, Mapping } from '../map/mapping-types';
import type { PreparedFile } from '../load/prepare-file';
import type { PresetPlan } from '../presets/preset-types';
import type { NormaliseOutcome } from '../load/load-notices';

/** An event log's folding, for the report: which columns, which marks, what came of it. */
export interface EventLogReport {
  caseColumn: string;
  timeColumn: string | null;
  activityColumn: string | null;
  marks: Partial<Record<EventMark, readonly string[]>>;
  /** Events read (lines of the file), including those rejected. */
  events: number;
  /** Tickets folded from the accepted events; `ticketsRejected` of them failed validation. */
  ticketsBuilt: number;
  ticketsRejected: number;
  /** Why the loader took the file for an event log (empty when a mapping or preset said so). */
  detection: string[];
}

/** The ticket loader's own steps, which the grouped path runs on the folded rows. */
export interface TicketSteps {
  /** Defines the time-zone macros around a range (`lo`, `hi`) that the SQL answers. */
  defineTimeZone(rangeSql: string | null): Promise<void>;
  /** Validates `raw` as ticket rows into `checked`; answers the values nothing matched. */
  normalise(tickets: PreparedFile): Promise<NormaliseOutcome>;
}

const DISTINCT_ACTIVITIES = 2000;

/**
 * `raw` events get their case, time and marks (`events`, with each event's own problems); the
 * accepted ones fold into one row per case, which becomes `raw` again and is validated like a
 * ticket file's rows. `eventLog.events` is left for the caller, who counts the lines read.
 */
export async function foldEvents(
  db: Db,
  prepared: PreparedFile,
  given: PresetPlan,
  steps: TicketSteps
): Promise<NormaliseOutcome & { eventLog: EventLogReport }> {
  const plan =
    prepared.eventLogEvidence.length > 0
      ? ((await guessMarksFromFile(db, prepared)) ?? given)
      : given;
  const timed = plan.events?.time;
  await steps.defineTimeZone(
    timed ? `SELECT min(t) AS lo, max(t) AS hi FROM (SELECT ${timed} AS t FROM raw)` : null
  );
  const events = eventRowsSql(plan, prepared.header);
  await db.query(`CREATE OR REPLACE TABLE events AS ${events.text}`, events.params);
  await db.exec('DROP TABLE raw');
  const fold = foldSql(plan, foldedAttributes(prepared.mapping, plan));
  await db.exec(`CREATE OR REPLACE TABLE raw AS ${fold.text}`);
  const formats = prepared.mapping.timestampFormats ?? {};
  const ticketMapping: Mapping = {
    columns: Object.fromEntries(fold.columns.map((column, k) => [column, k])),
    // shared, so that values completed on the tickets show in the report's mapping
    values: prepared.mapping.values,
    ...(prepared.mapping.constants ? { constants: prepared.mapping.constants } : {}),
    ...(prepared.mapping.units ? { units: prepared.mapping.units } : {}),
    timestampFormats: Object.fromEntries(
      fold.columns.map((c) => [c, plan.expressions[c] === undefined ? formats[c] : 'iso'])
    )
  };
  const outcome = await steps.normalise({
    ...prepared,
    header: fold.columns,
    mapping: ticketMapping,
    plan: { ...plan, rejectIf: fold.rejectIf }
  });
  const [counts] = await db.query<{ built: number; rejected: number }>(
    `SELECT count(*) AS built, count(*) FILTER (WHERE __reason <> '') AS rejected FROM checked`
  );
  const column = (index: number | undefined) =>
    index === undefined ? null : (prepared.header[index] ?? null);
  return {
    ...outcome,
    eventLog: {
      caseColumn: column(plan.events?.columns.case) ?? plan.groupBy!,
      timeColumn: column(plan.events?.columns.time),
      activityColumn: column(plan.events?.columns.activity),
      marks: plan.events?.marks ?? {},
      events: 0,
      ticketsBuilt: counts?.built ?? 0,
      ticketsRejected: counts?.rejected ?? 0,
      detection: prepared.eventLogEvidence
    }
  };
}

/** A detected log's marks from every activity in the file (the sample may miss some). */
async function guessMarksFromFile(db: Db, prepared: PreparedFile): Promise<PresetPlan | null> {
  const events = prepared.mapping.events;
  if (events?.activityColumn === undefined) return null;
  const column = `c${events.activityColumn}`;
  const rows = await db.query<{ v: string }>(
    `SELECT DISTINCT ${column} AS v FROM raw WHERE ${column} IS NOT NULL LIMIT ${DISTINCT_ACTIVITIES}`
  );
  events.marks = guessMarks(rows.map((r) => r.v));
  return eventLogPlan(prepared.mapping);
}

/**
 * `rejected` for an event log: each event rejected on its own, then every event of a rejected
 * ticket with the ticket's reason. Drops the folded tables; `events` stays for the counts.
 */
export async function rejectEvents(db: Db, columnCount: number): Promise<void> {
  const fields = Array.from({ length: columnCount }, (_, i) => `e.c${i}`).join(', ');
  await db.exec(`CREATE OR REPLACE TABLE rejected AS
    SELECT e.__rec, ${fields}, x.reason FROM events e JOIN (
      SELECT __rec, __event_reason AS reason FROM events WHERE __event_reason <> ''
      UNION ALL
      SELECT e.__rec, 'ticket "' || left(e.__case, 80) || '" rejected: ' || c.__reason
      FROM events e JOIN raw t ON e.__case = t.__case JOIN checked c ON c.__rec = t.__rec
      WHERE c.__reason <> '' AND e.__event_reason = ''
    ) x USING (__rec)`);
  await db.exec('DROP TABLE checked');
  await db.exec('DROP TABLE raw');
}
