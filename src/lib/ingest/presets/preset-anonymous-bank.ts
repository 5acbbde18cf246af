/** Preset for the Technion "Anonymous Bank" call-centre log (one row per call, tab-separated). */
import { columnFinder, literal, type Preset, type PresetPlan } from './preset-types';

const COLUMNS = [
  'vru+line',
  'call_id',
  'customer_id',
  'priority',
  'type',
  'date',
  'vru_entry',
  'vru_exit',
  'vru_time',
  'q_start',
  'q_exit',
  'q_time',
  'outcome',
  'ser_start',
  'ser_exit',
  'ser_time',
  'server'
];

const SERVICE_TYPES: Record<string, string> = {
  PS: 'regular_activity',
  PE: 'regular_activity_english',
  IN: 'internet_support',
  NE: 'stock_exchange',
  NW: 'prospective_customer',
  TT: 'callback'
};

const MIDNIGHT = "'0:00:00'";

function plan(header: readonly string[]): PresetPlan {
  const { col } = columnFinder(header);
  const v = (name: string): string => `trim(${col(name)})`;
  const day = `try_strptime(${v('date')}, '%y%m%d')`;
  const entry = `(${day} + TRY_CAST(${v('vru_entry')} AS INTERVAL))`;
  /** A clock time of the same call; more than 12 h before entry means it is after midnight. */
  const clock = (name: string): string => {
    const t = `(${day} + TRY_CAST(${v(name)} AS INTERVAL))`;
    return `(${t} + CASE WHEN ${t} < ${entry} - INTERVAL 12 HOUR THEN INTERVAL 1 DAY ELSE INTERVAL 0 DAY END)`;
  };
  const text = (ts: string): string => `strftime(${ts}, '%Y-%m-%d %H:%M:%S')`;
  const agent = `${v('outcome')} = 'AGENT'`;
  const queued = `${v('q_start')} <> ${MIDNIGHT}`;
  const served = `${agent} AND ${v('ser_start')} <> ${MIDNIGHT}`;
  const answered = `CASE WHEN ${agent} AND ${queued} THEN ${clock('q_exit')} WHEN ${served} THEN ${clock('ser_start')} END`;
  const types = Object.entries(SERVICE_TYPES)
    .map(([k, code]) => `WHEN ${literal(k)} THEN ${literal(code)}`)
    .join(' ');
  return {
    mapping: { columns: {}, values: {}, presetId: 'anonymous-bank', timestampFormats: {} },
    timeZone: 'Asia/Jerusalem',
    expressions: {
      ticket_id: `${v('vru+line')} || '-' || ${v('call_id')}`,
      user_id: `NULLIF(${v('customer_id')}, '0')`,
      created_at: text(entry),
      entry_channel: "'hotline'",
      handling_channel: "'hotline'",
      platform: "'phone'",
      language: `CASE WHEN ${v('type')} = 'PE' THEN 'en' ELSE 'he' END`,
      issue_type: `CASE ${v('type')} ${types} ELSE lower(${v('type')}) END`,
      priority: `CASE ${v('priority')} WHEN '2' THEN 'P2' WHEN '1' THEN 'P3' WHEN '0' THEN 'P3' ELSE ${v('priority')} END`,
      human_requested_at: `CASE WHEN ${queued} THEN ${text(clock('q_start'))} WHEN ${agent} THEN ${text(answered)} END`,
      agent_answered_at: text(answered),
      handle_seconds: `CASE WHEN ${served} THEN ${v('ser_time')} END`,
      agent_id: `NULLIF(${v('server')}, 'NO_SERVER')`,
      status: `CASE ${v('outcome')} WHEN 'AGENT' THEN 'resolved' WHEN 'HANG' THEN 'unresolved' ELSE ${v('outcome')} END`,
      resolved_at: `CASE WHEN ${served} THEN ${text(clock('ser_exit'))} END`,
      resolved_by: `CASE WHEN ${agent} THEN 'agent' END`
    },
    rejectIf: [
      {
        when: `${v('outcome')} = 'PHANTOM'`,
        reason: 'PHANTOM call: a virtual call the log documentation says to ignore'
      }
    ]
  };
}

/** Anonymous Bank (Israel, 1999) call log: one ticket per call. */
export const anonymousBankPreset: Preset = {
  id: 'anonymous-bank',
  label: { zh: '匿名银行呼叫中心日志 (Technion)', en: 'Anonymous Bank call-centre log (Technion)' },
  notes: [
    'ticket_id = "vru+line-call_id": call_id alone repeats across VRU lines.',
    'user_id = customer_id; 0 (caller not identified) becomes empty.',
    'Every call is a hotline call on the phone platform; clock times are local Israel time (Asia/Jerusalem).',
    'A clock time more than 12 hours before vru_entry is taken as after midnight (services crossing midnight).',
    'priority: 2 (priority customer) → P2; 0 and 1 (regular) → P3, so every call stays "routine".',
    'Queued calls: human_requested_at = q_start, agent_answered_at = q_exit (so the wait is q_time; ser_start is sometimes a few seconds before q_start). Calls served straight from the VRU: human_requested_at = agent_answered_at = ser_start (zero wait).',
    'AGENT calls with ser_start 0:00:00 have no service times: no handle time and no resolved_at.',
    'status: AGENT → resolved (resolved_by agent); HANG → unresolved (includes hang-ups inside the VRU, which may have been self-served: the log cannot tell).',
    'PHANTOM rows are rejected with a reason (documented as virtual calls to ignore), not dropped.',
    'language: PE (English service) → en, all other types → he.'
  ],
  matches: (header) => {
    const names = new Set(header.map((h) => h.trim().toLowerCase()));
    return COLUMNS.every((c) => names.has(c));
  },
  plan
};
