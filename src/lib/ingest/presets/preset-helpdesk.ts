/** Preset for the Italian software-company helpdesk event log (4TU "Helpdesk"): events → tickets. */
import { foldedExpressions } from '../events/event-folding';
import { columnFinder, type Preset, type PresetPlan } from './preset-types';
import { utcTimestampSql } from '../load/timestamp-formats';

const REQUIRED = ['Case ID', 'Activity', 'Resource', 'Complete Timestamp', 'customer'];

const MARKS = {
  answered: ['Take in charge ticket'],
  resolved: ['Resolve ticket', 'RESOLVED'],
  closed: ['Closed', 'INVALID', 'DUPLICATE']
};

function plan(header: readonly string[]): PresetPlan {
  const { col, index } = columnFinder(header);
  const resource = `NULLIF(trim(${col('Resource')}), '')`;
  return {
    mapping: { columns: {}, values: {}, presetId: 'helpdesk-events', timestampFormats: {} },
    timeZone: 'Europe/Rome',
    groupBy: `trim(${col('Case ID')})`,
    events: {
      time: utcTimestampSql('slash-ymd', col('Complete Timestamp'), 'from_local'),
      activity: col('Activity'),
      marks: MARKS,
      columns: {
        case: index('Case ID'),
        time: index('Complete Timestamp'),
        activity: index('Activity')
      }
    },
    expressions: {
      ...foldedExpressions(MARKS, new Set()),
      user_id: `arg_min(NULLIF(trim(${col('customer')}), ''), __seq)`,
      escalated: `CASE WHEN bool_or(trim(${col('Activity')}) = 'Require upgrade') THEN 'true' ELSE 'false' END`,
      agent_id: `coalesce(arg_max(${resource}, __seq) FILTER (WHERE __m_resolved), arg_min(${resource}, __seq) FILTER (WHERE __m_answered))`,
      resolved_by: `CASE WHEN bool_or(__m_resolved) THEN 'agent' END`
    },
    rejectIf: []
  };
}

/** Helpdesk event log: one ticket per `Case ID`, built by aggregating its events. */
export const helpdeskPreset: Preset = {
  id: 'helpdesk-events',
  label: { zh: '意大利软件公司服务台事件日志', en: 'Italian software helpdesk event log' },
  notes: [
    {
      zh: '这是事件日志（每行一个活动），不是工单日志：事件按 Case ID 汇总成每个案例一张工单，因此加载报告会列出读取的事件数和生成的工单数。',
      en: 'This is an event log (one row per activity), not a ticket log: events are grouped into one ticket per Case ID, so the load reports events read and tickets built.'
    },
    {
      zh: '该日志没有渠道信息：entry_channel 取常量 "unspecified"（可在映射中设置其他常量）。',
      en: 'The log has no channel: entry_channel is the constant "unspecified" (set a constant in the mapping to change it).'
    },
    {
      zh: 'created_at = human_requested_at = 第一个事件；agent_answered_at = 第一个 "Take in charge ticket"。',
      en: 'created_at = human_requested_at = first event; agent_answered_at = first "Take in charge ticket".'
    },
    {
      zh: 'status：存在 "Resolve ticket"/RESOLVED 事件时为 resolved（resolved_at 取最后一个，resolved_by 为 agent）；否则遇到 Closed/INVALID/DUPLICATE 时为 unresolved；其余为 open。',
      en: 'status: resolved when a "Resolve ticket"/RESOLVED event exists (resolved_at = last one, resolved_by agent), else unresolved when Closed/INVALID/DUPLICATE, else open.'
    },
    {
      zh: 'agent_id = 最后一个解决事件的 resource，没有则取第一个受理（take-in-charge）事件的 resource；escalated = 存在任一 "Require upgrade"。',
      en: 'agent_id = resource of the last resolve event, else of the first take-in-charge; escalated = any "Require upgrade".'
    },
    {
      zh: '缺少 Case ID 或 Complete Timestamp 无法读取的事件会作为单独一行被拒绝；它所属的案例仍由其余事件生成。',
      en: 'An event with no Case ID or an unreadable Complete Timestamp is rejected on its own line; its case is built from its other events.'
    },
    {
      zh: '匿名化的属性（"Value N"：seriousness、product、service_level …）不纳入映射。',
      en: 'Anonymised attributes ("Value N": seriousness, product, service_level …) are kept out of the mapping.'
    },
    {
      zh: '时间戳为当地时间（假定为 Europe/Rome）。',
      en: 'Timestamps are local (Europe/Rome assumed).'
    }
  ],
  matches: (header) => {
    const { has } = columnFinder(header);
    return REQUIRED.every(has) && has('Variant index');
  },
  plan
};
