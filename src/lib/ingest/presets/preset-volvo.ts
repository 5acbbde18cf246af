/** Preset for the Volvo IT incident log (BPI Challenge 2013), as CSV or as its XES original. */
import { foldedExpressions } from '../events/event-folding';
import { columnFinder, type Preset, type PresetPlan } from './preset-types';
import { utcTimestampSql } from '../load/timestamp-formats';

/** Each field's name in the CSV export, then in the XES log (as read by xes.ts). */
const FIELDS = {
  case: ['sr_number', 'case:concept:name'],
  time: ['timestamp', 'time:timestamp'],
  status: ['status', 'concept:name'],
  subStatus: ['sub_status', 'lifecycle:transition'],
  impact: ['impact'],
  owner: ['owner_first_name', 'org:resource'],
  group: ['org_group', 'org:group']
} as const;

/** Sub-statuses: every "Accepted" one means an agent has the incident in hand. */
const MARKS = {
  answered: [
    'In Progress',
    'Assigned',
    'Wait',
    'Wait - User',
    'Wait - Implementation',
    'Wait - Vendor',
    'Wait - Customer'
  ],
  resolved: ['Resolved', 'In Call'],
  closed: ['Closed', 'Cancelled']
};

function finder(header: readonly string[]) {
  const { has, index } = columnFinder(header);
  const find = (names: readonly string[]) => names.find(has);
  return {
    matches: () => Object.values(FIELDS).every((names) => find(names) !== undefined),
    index: (names: readonly string[]) => index(find(names) ?? names[0]!)
  };
}

function plan(header: readonly string[]): PresetPlan {
  const { index } = finder(header);
  const c = (names: readonly string[]) => `c${index(names)}`;
  return {
    mapping: {
      columns: { priority: index(FIELDS.impact), agent_id: index(FIELDS.owner) },
      values: { priority: { major: 'P0', high: 'P1', medium: 'P2', low: 'P3' } },
      presetId: 'volvo-incidents',
      timestampFormats: {}
    },
    timeZone: 'Europe/Stockholm',
    groupBy: `trim(${c(FIELDS.case)})`,
    events: {
      time: utcTimestampSql('iso', c(FIELDS.time), 'from_local'),
      activity: c(FIELDS.subStatus),
      marks: MARKS,
      columns: {
        case: index(FIELDS.case),
        time: index(FIELDS.time),
        activity: index(FIELDS.subStatus)
      }
    },
    expressions: {
      ...foldedExpressions(MARKS, new Set(['priority', 'agent_id'])),
      resolved_by: `CASE WHEN bool_or(__m_resolved) THEN 'agent' END`
    },
    rejectIf: []
  };
}

/** BPI 2013 incidents: one ticket per service-request number, from its status changes. */
export const volvoPreset: Preset = {
  id: 'volvo-incidents',
  label: { zh: '沃尔沃 IT 事件日志（BPI 2013）', en: 'Volvo IT incident log (BPI 2013)' },
  notes: [
    {
      zh: '这是事件日志（每次状态变更一行）：事件按 SR number 汇总成每个编号一张工单，因此加载报告会列出读取的事件数和生成的工单数。',
      en: 'This is an event log (one row per status change): events are grouped into one ticket per SR number, so the load reports events read and tickets built.'
    },
    {
      zh: '该日志没有渠道信息：entry_channel 取常量 "unspecified"（可在映射中设置其他常量）。',
      en: 'The log has no channel: entry_channel is the constant "unspecified" (set a constant in the mapping to change it).'
    },
    {
      zh: 'created_at = human_requested_at = 第一个事件（服务台在接手时即登记该 incident）；agent_answered_at = 第一个 status 为 Accepted 的事件（sub-status 为 In Progress、Assigned 或 Wait …）。',
      en: 'created_at = human_requested_at = first event (the service desk logs the incident as it takes it); agent_answered_at = first event with status Accepted (sub-status In Progress, Assigned or Wait …).'
    },
    {
      zh: 'status：存在 sub-status 为 Resolved 或 In Call（在首次通话中解决）的事件时为 resolved，resolved_at 取最后一个，resolved_by 为 agent；否则遇到 Closed 或 Cancelled 时为 unresolved；其余为 open。Queued/Awaiting Assignment 表示在支持团队之间流转，不作任何标记。',
      en: 'status: resolved when a sub-status Resolved or In Call (solved during the first call) exists, resolved_at = the last one, resolved_by agent; else unresolved when Closed or Cancelled; else open. Queued/Awaiting Assignment moves between support teams and marks nothing.'
    },
    {
      zh: 'priority 取自 impact：Major → P0，High → P1，Medium → P2，Low → P3；agent_id = 最后一个事件的 owner。',
      en: 'priority from impact: Major → P0, High → P1, Medium → P2, Low → P3; agent_id = owner of the last event.'
    },
    {
      zh: '时间戳自带 UTC 偏移；当地日期按 Europe/Stockholm 显示。',
      en: 'Timestamps carry their UTC offset; local days are shown in Europe/Stockholm.'
    }
  ],
  matches: (header) => finder(header).matches(),
  plan
};
