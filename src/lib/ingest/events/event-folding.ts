/**
 * Event logs → tickets: the SQL that folds one row per activity or state change into one
 * ticket per case. A grouped plan (a preset's, or one compiled from `Mapping.events`) says how
 * each event is keyed, timed and marked; ticket columns are aggregates over the case's events.
 */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import { join, raw, sql, type Sql } from '../../db/sql';
import { columnSpec } from '../../contract/columns';
import type { EventMark, Mapping, MappingEvidence } from '../map/mapping-types';
import type { PresetPlan } from '../presets/preset-types';
import { utcTimestampSql } from '../load/timestamp-formats';

/** The boolean column each mark gets on every event. */
export const MARK_COLUMNS: Record<EventMark, string> = {
  opened: '__m_opened',
  humanRequested: '__m_human',
  answered: '__m_answered',
  firstResponse: '__m_first_response',
  resolved: '__m_resolved',
  closed: '__m_closed'
};

/** Text of a UTC TIMESTAMP that the normaliser reads back as that instant. */
export function instantText(expression: string): string {
  return `(strftime(${expression}, '%Y-%m-%d %H:%M:%S.%f') || 'Z')`;
}

const has = (values: readonly string[] | undefined): boolean => (values?.length ?? 0) > 0;

/**
 * Aggregate expressions for the ticket columns that the marks define, leaving out the columns
 * in `given` (mapped as attributes). Times are the first marked event at or after the ticket
 * was opened (resolution: the last one, so a reopened ticket counts its final resolution).
 */
export function foldedExpressions(
  marks: Partial<Record<EventMark, readonly string[]>>,
  given: ReadonlySet<string>
): Record<string, string> {
  const out: Record<string, string> = {
    ticket_id: 'any_value(__case)',
    created_at: instantText('any_value(__opened_at)')
  };
  if (has(marks.humanRequested)) out.human_requested_at = instantText('any_value(__human_at)');
  else if (has(marks.answered)) out.human_requested_at = out.created_at!;
  if (has(marks.answered)) {
    out.agent_answered_at = instantText(
      'min(__t) FILTER (WHERE __m_answered AND __t >= coalesce(__human_at, __opened_at))'
    );
  }
  if (has(marks.firstResponse)) {
    out.first_response_at = instantText(
      'min(__t) FILTER (WHERE __m_first_response AND __t >= __opened_at)'
    );
  }
  if (has(marks.resolved)) {
    out.resolved_at = instantText('max(__t) FILTER (WHERE __m_resolved AND __t >= __opened_at)');
  }
  if (has(marks.resolved) || has(marks.closed)) {
    out.status = `CASE WHEN bool_or(__m_resolved AND __t >= __opened_at) THEN 'resolved' WHEN bool_or(__m_closed) THEN 'unresolved' ELSE 'open' END`;
  }
  for (const column of given) delete out[column];
  return out;
}

/** Mapped columns that fold as attributes: not built by an expression, not the time or activity. */
export function foldedAttributes(mapping: Mapping, plan: PresetPlan): Array<[string, number]> {
  const consumed = new Set([plan.events?.columns.time, plan.events?.columns.activity]);
  return Object.entries(mapping.columns).filter(
    (entry): entry is [string, number] =>
      entry[1] !== undefined && plan.expressions[entry[0]] === undefined && !consumed.has(entry[1])
  );
}

/** A grouped plan for a mapping that describes an event log (`mapping.events`). */
export function eventLogPlan(mapping: Mapping): PresetPlan {
  const events = mapping.events;
  if (!events) throw new Error('the mapping describes no event log');
  const time = `c${events.timeColumn}`;
  const consumed = new Set([events.timeColumn, events.activityColumn]);
  const given = new Set(
    Object.entries(mapping.columns)
      .filter(([, index]) => index !== undefined && !consumed.has(index))
      .map(([column]) => column)
  );
  return {
    mapping,
    timeZone: DEFAULT_TIME_ZONE,
    groupBy: `c${events.caseColumn}`,
    events: {
      time: utcTimestampSql(events.timeFormat ?? 'iso', `NULLIF(trim(${time}), '')`, 'from_local'),
      activity: events.activityColumn === undefined ? undefined : `c${events.activityColumn}`,
      marks: events.marks,
      columns: { case: events.caseColumn, time: events.timeColumn, activity: events.activityColumn }
    },
    expressions: foldedExpressions(events.marks, given),
    rejectIf: []
  };
}

/**
 * Evidence for the columns a mapping's fold builds, in the form the mapping editor reads as
 * "computed", so that it does not ask for a source column of its own.
 */
export function foldEvidence(plan: PresetPlan, header: readonly string[]): MappingEvidence[] {
  const columns = plan.events?.columns;
  const source = (column: string): number => {
    if (!columns) return -1;
    if (column === 'ticket_id') return columns.case;
    if (column === 'status') return columns.activity ?? -1;
    return columnSpec(column)?.type === 'ts' ? columns.time : -1;
  };
  return Object.keys(plan.expressions).map((column) => ({
    column,
    sourceIndex: source(column),
    sourceHeader: header[source(column)] ?? '(constant)',
    reason: "event log: folded from the case's events, computed by its SQL",
    confidence: 'preset' as const
  }));
}

function markSql(plan: PresetPlan, mark: EventMark): Sql {
  const values = [...new Set((plan.events?.marks[mark] ?? []).map((v) => v.trim().toLowerCase()))];
  const activity = plan.events?.activity;
  if (!activity || values.length === 0) return raw(`false AS ${MARK_COLUMNS[mark]}`);
  const list = join(
    values.map((v) => sql`${v}`),
    ', '
  );
  return sql`coalesce(lower(trim(CAST((${raw(activity)}) AS VARCHAR))) IN (${list}), false) AS ${raw(MARK_COLUMNS[mark])}`;
}

/**
 * `SELECT` over `raw` (`__rec`, `c0..cN`) giving every event with its case key `__case`, time
 * `__t`, one boolean per mark and `__event_reason`: empty, or why the event is rejected on its
 * own (no case id, no readable timestamp). `header` names the columns in those reasons.
 */
export function eventRowsSql(plan: PresetPlan, header: readonly string[]): Sql {
  if (!plan.groupBy) throw new Error('not a grouped plan');
  const events = plan.events;
  const caseKey = `NULLIF(trim(CAST((${plan.groupBy}) AS VARCHAR)), '')`;
  const caseName = events ? (header[events.columns.case] ?? '') : 'case id';
  const reasons: Sql[] = [
    sql`CASE WHEN ${raw(caseKey)} IS NULL THEN ${`no case id (column "${caseName}" is empty)`} END`
  ];
  if (events) {
    const text = `NULLIF(trim(c${events.columns.time}), '')`;
    const name = header[events.columns.time] ?? '';
    reasons.push(
      sql`CASE WHEN (${raw(events.time)}) IS NULL THEN CASE WHEN ${raw(text)} IS NULL THEN ${`no timestamp (column "${name}" is empty)`} ELSE ${`unreadable timestamp ${name} "`} || left(${raw(text)}, 80) || '"' END END`
    );
  }
  const marks = (Object.keys(MARK_COLUMNS) as EventMark[]).map((m) => markSql(plan, m));
  const time = events ? `(${events.time})` : 'CAST(NULL AS TIMESTAMP)';
  return sql`SELECT *, ${raw(caseKey)} AS __case, ${raw(time)} AS __t, ${join(marks, ', ')},
    concat_ws('; ', ${join(reasons, ', ')}) AS __event_reason FROM raw`;
}

export interface FoldSql {
  /** `SELECT` over `events`: one row per case with `__rec`, `__case`, `c0..cK`, `__reject_i`. */
  text: string;
  /** Canonical column of each `cK`, in order. */
  columns: string[];
  /** Ticket rejections as conditions over the folded row. */
  rejectIf: Array<{ when: string; reason: string }>;
}

/**
 * Folds the accepted events of `events` into one row per case: the plan's aggregate
 * expressions, then each attribute's last non-empty value (by time, then file order).
 */
export function foldSql(plan: PresetPlan, attributes: ReadonlyArray<[string, number]>): FoldSql {
  const built = Object.entries(plan.expressions).filter(
    (e): e is [string, string] => e[1] !== undefined
  );
  const last = attributes.map(([column, index]): [string, string] => [
    column,
    `arg_max(c${index}, __seq) FILTER (WHERE NULLIF(trim(c${index}), '') IS NOT NULL)`
  ]);
  const all = [...built, ...last];
  const values = all.map(([, expr], k) => `CAST((${expr}) AS VARCHAR) AS c${k}`);
  const rejects = plan.rejectIf.map((r, i) => `coalesce(${r.when}, false) AS __reject_${i}`);
  const text = `SELECT min(__rec) AS __rec, __case, ${[...values, ...rejects].join(', ')}
    FROM (SELECT *,
        row_number() OVER (PARTITION BY __case ORDER BY __t, __rec) AS __seq,
        coalesce(min(__t) FILTER (WHERE __m_opened) OVER w, min(__t) OVER w) AS __opened_at,
        min(__t) FILTER (WHERE __m_human) OVER w AS __human_at
      FROM events WHERE __event_reason = '' WINDOW w AS (PARTITION BY __case))
    GROUP BY __case ORDER BY __rec`;
  return {
    text,
    columns: all.map(([column]) => column),
    rejectIf: plan.rejectIf.map((r, i) => ({ when: `__reject_${i}`, reason: r.reason }))
  };
}
