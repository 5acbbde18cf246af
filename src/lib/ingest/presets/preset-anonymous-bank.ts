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
    {
      zh: 'ticket_id = "vru+line-call_id"：单看 call_id 会在不同 VRU 线路之间重复。',
      en: 'ticket_id = "vru+line-call_id": call_id alone repeats across VRU lines.'
    },
    {
      zh: 'user_id = customer_id；0（未识别出来电者）记为空。',
      en: 'user_id = customer_id; 0 (caller not identified) becomes empty.'
    },
    {
      zh: '每通来电都是 phone 平台上的 hotline 来电；钟点时间为以色列当地时间（Asia/Jerusalem）。',
      en: 'Every call is a hotline call on the phone platform; clock times are local Israel time (Asia/Jerusalem).'
    },
    {
      zh: '比 vru_entry 早 12 小时以上的钟点时间视为已过午夜（服务跨越午夜）。',
      en: 'A clock time more than 12 hours before vru_entry is taken as after midnight (services crossing midnight).'
    },
    {
      zh: 'priority：2（优先客户）→ P2；0 和 1（普通客户）→ P3，因此每通来电都仍算作常规（routine）工单。',
      en: 'priority: 2 (priority customer) → P2; 0 and 1 (regular) → P3, so every call stays "routine".'
    },
    {
      zh: '排过队的来电：human_requested_at = q_start，agent_answered_at = q_exit（因此等待时长即 q_time；ser_start 有时比 q_start 早几秒）。从 VRU 直接接入服务的来电：human_requested_at = agent_answered_at = ser_start（等待为零）。',
      en: 'Queued calls: human_requested_at = q_start, agent_answered_at = q_exit (so the wait is q_time; ser_start is sometimes a few seconds before q_start). Calls served straight from the VRU: human_requested_at = agent_answered_at = ser_start (zero wait).'
    },
    {
      zh: 'ser_start 为 0:00:00 的 AGENT 来电没有服务时间：既没有处理时长，也没有 resolved_at。',
      en: 'AGENT calls with ser_start 0:00:00 have no service times: no handle time and no resolved_at.'
    },
    {
      zh: 'status：AGENT → resolved（resolved_by 为 agent）；HANG → unresolved（包括在 VRU 内挂断的来电，其中可能有已自助解决的，日志无法区分）。',
      en: 'status: AGENT → resolved (resolved_by agent); HANG → unresolved (includes hang-ups inside the VRU, which may have been self-served: the log cannot tell).'
    },
    {
      zh: 'PHANTOM 行（文档说明为应忽略的虚拟来电）会连同原因被拒绝，而不是直接丢弃。',
      en: 'PHANTOM rows are rejected with a reason (documented as virtual calls to ignore), not dropped.'
    },
    {
      zh: 'language：PE（英语服务）→ en，其他所有类型 → he。',
      en: 'language: PE (English service) → en, all other types → he.'
    }
  ],
  matches: (header) => {
    const names = new Set(header.map((h) => h.trim().toLowerCase()));
    return COLUMNS.every((c) => names.has(c));
  },
  plan
};
