/**
 * Preset for ServiceNow's incident audit export (`incident_event_log`, as in the UCI "Incident
 * management process enriched event log"): one row per update of an incident, `?` for missing.
 */
import { foldedExpressions, instantText } from '../events/event-folding';
import { columnFinder, type Preset, type PresetPlan } from './preset-types';

const REQUIRED = [
  'number',
  'incident_state',
  'sys_updated_at',
  'sys_mod_count',
  'opened_at',
  'resolved_at',
  'closed_at',
  'assigned_to',
  'priority'
];

const MARKS = {
  answered: [
    'Active',
    'Awaiting User Info',
    'Awaiting Problem',
    'Awaiting Vendor',
    'Awaiting Evidence'
  ],
  resolved: ['Resolved'],
  closed: ['Closed']
};

function plan(header: readonly string[]): PresetPlan {
  const { col, index, has } = columnFinder(header);
  const value = (name: string) => `NULLIF(NULLIF(trim(${col(name)}), ''), '?')`;
  /** `29/2/2016 01:16` as the wall clock of the dataset's zone, read to a UTC TIMESTAMP. */
  const time = (text: string) =>
    `from_local(coalesce(try_strptime(${text}, '%d/%m/%Y %H:%M:%S'), try_strptime(${text}, '%d/%m/%Y %H:%M')))`;
  const last = (name: string) =>
    `arg_max(${value(name)}, __seq) FILTER (WHERE ${value(name)} IS NOT NULL)`;
  const created = `coalesce(${time(last('opened_at'))}, any_value(__opened_at))`;
  const resolved = `coalesce(${time(last('resolved_at'))}, max(__t) FILTER (WHERE __m_resolved))`;
  const expressions: PresetPlan['expressions'] = {
    ...foldedExpressions(MARKS, new Set()),
    created_at: instantText(created),
    human_requested_at: instantText(created),
    agent_answered_at: instantText(`min(__t) FILTER (WHERE __m_answered)`),
    resolved_at: instantText(resolved),
    status: `CASE WHEN (${resolved}) IS NOT NULL THEN 'resolved' WHEN bool_or(__m_closed) OR (${time(last('closed_at'))}) IS NOT NULL THEN 'unresolved' ELSE 'open' END`,
    resolved_by: `CASE WHEN (${resolved}) IS NOT NULL THEN 'agent' END`,
    priority: last('priority'),
    agent_id: last('assigned_to')
  };
  if (has('caller_id')) expressions.user_id = last('caller_id');
  if (has('category')) expressions.issue_type = last('category');
  if (has('contact_type')) expressions.entry_channel = last('contact_type');
  return {
    mapping: {
      columns: {},
      values: {
        priority: { '1 - critical': 'P0', '2 - high': 'P1', '3 - moderate': 'P2', '4 - low': 'P3' }
      },
      presetId: 'servicenow-incident-events',
      timestampFormats: {}
    },
    timeZone: 'UTC',
    groupBy: value('number'),
    events: {
      time: time(`NULLIF(trim(${col('sys_updated_at')}), '')`),
      activity: col('incident_state'),
      marks: MARKS,
      columns: {
        case: index('number'),
        time: index('sys_updated_at'),
        activity: index('incident_state')
      }
    },
    expressions,
    rejectIf: []
  };
}

/** ServiceNow incident audit log: one ticket per incident number, from its updates. */
export const serviceNowEventsPreset: Preset = {
  id: 'servicenow-incident-events',
  label: { zh: 'ServiceNow 事件更新日志', en: 'ServiceNow incident event log' },
  notes: [
    {
      zh: '这是事件日志（incident 每更新一次记一行）：事件按 number 汇总成每个编号一张工单，因此加载报告会列出读取的事件数和生成的工单数。',
      en: 'This is an event log (one row per update of an incident): events are grouped into one ticket per number, so the load reports events read and tickets built.'
    },
    {
      zh: '日期为 日/月/年（29/2/2016 01:16）；"?" 表示无值。时区：默认 UTC，也可另选。',
      en: 'Dates are day/month/year (29/2/2016 01:16); "?" means no value. Time zone: UTC unless you choose one.'
    },
    {
      zh: 'created_at = human_requested_at = opened_at（没有则取第一次更新）；agent_answered_at = 第一次 state 为 Active 或 Awaiting … 的更新；事件顺序按 sys_updated_at。',
      en: 'created_at = human_requested_at = opened_at (else the first update); agent_answered_at = first update in state Active or Awaiting …; event order = sys_updated_at.'
    },
    {
      zh: 'status：resolved_at 有值或存在 Resolved 状态时为 resolved（取 resolved_at，没有则取最后一次 Resolved 更新；resolved_by 为 agent）；否则遇到 Closed 时为 unresolved；其余为 open。',
      en: 'status: resolved when resolved_at is set or a Resolved state exists (resolved_at, else the last Resolved update; resolved_by agent); else unresolved when Closed; else open.'
    },
    {
      zh: 'priority：1 - Critical → P0，2 - High → P1，3 - Moderate → P2，4 - Low → P3；agent_id = assigned_to，user_id = caller_id，issue_type = category（均取最后已知的值）。',
      en: 'priority: 1 - Critical → P0, 2 - High → P1, 3 - Moderate → P2, 4 - Low → P3; agent_id = assigned_to, user_id = caller_id, issue_type = category (last known values).'
    },
    {
      zh: 'entry_channel = contact_type（最后已知的值），保持原文并转为小写（Phone、Email、Self service …：开放的渠道代码，数据契约 v2）。',
      en: 'entry_channel = contact_type (last known value) as written, lower-cased (Phone, Email, Self service …: open channel codes, data contract v2).'
    }
  ],
  matches: (header) => {
    const { has } = columnFinder(header);
    return REQUIRED.every(has);
  },
  plan
};
