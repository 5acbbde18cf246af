/**
 * Tells an event log (one row per activity or state change) from a ticket log by its sample:
 * an id column whose values repeat, an activity/status/state column and a timestamp column
 * that changes within a case. Proposes how to fold it, marks guessed from activity names.
 */
import type { EventLogMapping, EventMark, SuggestedMapping } from '../map/mapping-types';
import { normaliseName } from '../map/synonyms';
import { detectTimestampFormatDetail } from '../load/timestamp-formats';

/** Checked in this order; an activity value takes the first mark whose pattern it matches. */
const MARK_PATTERNS: ReadonlyArray<[EventMark, RegExp]> = [
  ['closed', /clos|cancel|invalid|duplicate|reject|abandon|关闭|取消|撤销|作废|驳回/],
  ['resolved', /resolv|solved|fixed|complet|done|finish|完成|解决|办结|结案/],
  ['humanRequested', /queue|awaiting assign|transfer|escalat|转人工|排队|待分配|待接单/],
  [
    'answered',
    /assign|take in charge|taken|accept|in progress|pick|handl|work|接单|受理|处理中|分配|跟进/
  ],
  ['firstResponse', /first response|respon|repl|acknowledg|回复|响应/],
  ['opened', /^(new|open|opened)$|creat|insert|regist|submit|新建|创建|提交|登记|开单/]
];
const REOPEN = /reopen|re-open|重新打开|重开/;

const CASE_NAME = /case|ticket|incident|request|number|^id$|工单|编号|单号|案例/;
const ACTIVITY_NAMES: readonly RegExp[] = [
  /^conceptname$/, // XES: an event's concept:name is its activity
  /activit|活动|环节/,
  /state|状态/,
  /status/,
  /event|action|step|stage|动作|操作|步骤/
];
const TIME_NAME = /time|date|timestamp|_at$|时间|日期/;
const MAX_ACTIVITIES = 60;

/** Guesses each mark's activity values from their names (values matching nothing are left out). */
export function guessMarks(values: readonly string[]): Partial<Record<EventMark, string[]>> {
  const marks: Partial<Record<EventMark, string[]>> = {};
  for (const value of [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))]) {
    const text = value.toLowerCase();
    if (REOPEN.test(text)) continue;
    const mark = MARK_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0];
    if (mark) (marks[mark] ??= []).push(value);
  }
  return marks;
}

export interface DetectedEventLog {
  events: EventLogMapping;
  /** Why the file is taken for an event log, one line each. */
  evidence: string[];
}

function values(rows: readonly (readonly string[])[], index: number): string[] {
  return rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
}

function caseColumn(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  suggested: number | undefined,
  people: ReadonlySet<number | undefined>
): { index: number; note: string } | null {
  const order = [
    ...(suggested === undefined ? [] : [suggested]),
    ...header.map((_, i) => i).filter((i) => CASE_NAME.test(normaliseName(header[i]!)))
  ].filter((i) => !people.has(i));
  for (const index of order) {
    const v = values(rows, index);
    const distinct = new Set(v).size;
    if (v.length < 3 || distinct < 2 || distinct > v.length * 0.8) continue;
    return {
      index,
      note: `"${header[index]}" repeats in the sample: ${v.length} rows, ${distinct} distinct values`
    };
  }
  return null;
}

function activityColumn(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  taken: ReadonlySet<number>
): number | null {
  for (const pattern of ACTIVITY_NAMES) {
    const index = header.findIndex((name, i) => {
      if (taken.has(i) || !pattern.test(normaliseName(name))) return false;
      const v = values(rows, i);
      const distinct = new Set(v).size;
      return v.length > 0 && distinct >= 2 && distinct <= MAX_ACTIVITIES && !v.every(isNumber);
    });
    if (index >= 0) return index;
  }
  return null;
}

const isNumber = (v: string) => /^-?\d+(\.\d+)?$/.test(v);

/** The timestamp column that changes most within cases (an event time, not a case attribute). */
function timeColumn(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  caseIndex: number,
  taken: ReadonlySet<number>
): { index: number; note: string; format: EventLogMapping['timeFormat'] } | null {
  let best: {
    index: number;
    score: number;
    note: string;
    format: EventLogMapping['timeFormat'];
  } | null = null;
  for (const [index, name] of header.entries()) {
    if (taken.has(index)) continue;
    const v = values(rows, index);
    const detail = detectTimestampFormatDetail(v);
    if (v.length === 0 || detail.matched < v.length * 0.9) continue;
    const perCase = new Map<string, Set<string>>();
    for (const row of rows) {
      const key = (row[caseIndex] ?? '').trim();
      const time = (row[index] ?? '').trim();
      if (key && time) perCase.set(key, (perCase.get(key) ?? new Set()).add(time));
    }
    const changing = [...perCase.values()].filter((s) => s.size > 1).length;
    if (changing === 0) continue;
    const score = changing * 2 + (TIME_NAME.test(normaliseName(name)) ? 1 : 0);
    if (best && best.score >= score) continue;
    best = {
      index,
      score,
      format: detail.format,
      note: `"${name}" is the event time: ${detail.matched}/${v.length} sample values read as ${detail.format}, changing within ${changing} of ${perCase.size} cases`
    };
  }
  return best;
}

/** An event-log reading of the file, or null when it does not look like one. */
export function detectEventLog(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  suggestion: SuggestedMapping
): DetectedEventLog | null {
  const people = new Set([suggestion.mapping.columns.user_id, suggestion.mapping.columns.agent_id]);
  const found = caseColumn(header, rows, suggestion.mapping.columns.ticket_id, people);
  if (!found) return null;
  const activity = activityColumn(header, rows, new Set([found.index]));
  if (activity === null) return null;
  const time = timeColumn(header, rows, found.index, new Set([found.index, activity]));
  if (!time) return null;
  const activities = [...new Set(values(rows, activity))];
  const marks = guessMarks(activities);
  const events: EventLogMapping = {
    caseColumn: found.index,
    timeColumn: time.index,
    timeFormat: time.format,
    activityColumn: activity,
    marks
  };
  return {
    events,
    evidence: [
      found.note,
      `"${header[activity]}" is the activity (${activities.length} distinct values in the sample)`,
      time.note,
      'marks guessed from the activity names of the whole file'
    ]
  };
}

/**
 * The suggestion rewritten for folding: the case, time and activity columns are consumed by
 * the fold (their one-row-per-ticket readings would be wrong), the rest stay attributes.
 */
export function foldSuggestion(
  suggestion: SuggestedMapping,
  detected: DetectedEventLog
): SuggestedMapping {
  const { caseColumn: c, timeColumn: t, activityColumn: a } = detected.events;
  const consumed = new Set([c, t, a]);
  const columns = Object.fromEntries(
    Object.entries(suggestion.mapping.columns).filter(
      ([, i]) => i !== undefined && !consumed.has(i)
    )
  );
  const kept = new Set(Object.keys(columns));
  const pick = <T>(record: Partial<Record<string, T>>) =>
    Object.fromEntries(Object.entries(record).filter(([column]) => kept.has(column)));
  return {
    mapping: {
      columns,
      values: pick(suggestion.mapping.values),
      timestampFormats: pick(suggestion.mapping.timestampFormats ?? {}),
      events: detected.events
    },
    evidence: suggestion.evidence.filter((e) => kept.has(e.column)),
    missingRequired: [],
    unmatchedValues: pick(suggestion.unmatchedValues),
    unambiguous: suggestion.unambiguous
  };
}
