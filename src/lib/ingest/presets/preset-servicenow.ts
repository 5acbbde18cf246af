/** Preset for a ServiceNow incident list export (one row per incident, CSV from a list view). */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import {
  cell,
  channelCode,
  firstPresent,
  ISO_TIME,
  platformOf,
  notANumber,
  numberOf,
  timestampCell,
  timeText,
  vendorColumns
} from './preset-vendor-sql';

/**
 * A field's names in an export: the element name, the dot-walked `incident.` form and the
 * English display label a list export may use instead.
 */
const FIELDS: Record<string, readonly string[]> = {
  number: ['Number'],
  opened_at: ['Opened'],
  caller_id: ['Caller'],
  priority: ['Priority'],
  short_description: ['Short description'],
  state: ['State', 'Incident state'],
  category: ['Category'],
  assignment_group: ['Assignment group'],
  assigned_to: ['Assigned to'],
  resolved_at: ['Resolved'],
  closed_at: ['Closed'],
  contact_type: ['Channel', 'Contact type'],
  calendar_stc: ['Resolve time']
};

function names(field: string): string[] {
  return [field, `incident.${field}`, ...(FIELDS[field] ?? [])];
}

const CONTACT_TYPE: Record<string, string> = {
  email: 'mail',
  phone: 'phone',
  'self-service': 'web',
  self_service: 'web',
  chat: 'chat',
  'walk-in': 'walk_in',
  'virtual agent': 'virtual_agent',
  virtual_agent: 'virtual_agent'
};

const SUPPLIES = [
  'ticket_id',
  'user_id',
  'agent_id',
  'created_at',
  'entry_channel',
  'platform',
  'status',
  'priority',
  'issue_type',
  'resolved_at'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const field = (name: string): string | null => optional(...names(name));
  const opened = col(...names('opened_at'));
  const stateText = `lower(${cell(col(...names('state')))})`;
  const resolved = `${stateText} IN ('resolved', 'closed', '6', '7')`;
  const status = `CASE WHEN ${resolved} THEN 'resolved' WHEN ${stateText} IN ('canceled', 'cancelled', '8') THEN 'unresolved' WHEN ${stateText} IN ('new', 'in progress', 'on hold', '1', '2', '3') THEN 'open' ELSE ${stateText} END`;
  const contactType = field('contact_type');
  const expressions: Record<string, string> = {
    ticket_id: cell(col(...names('number'))),
    created_at: timestampCell(ISO_TIME, opened),
    status
  };
  if (contactType) {
    expressions.entry_channel = channelCode(contactType, CONTACT_TYPE);
    expressions.platform = platformOf(contactType, CONTACT_TYPE);
  }
  const text = (column: string, source: string, lower = false): void => {
    const c = field(source);
    if (c !== null) expressions[column] = lower ? `lower(${cell(c)})` : cell(c);
  };
  text('user_id', 'caller_id');
  text('agent_id', 'assigned_to');
  text('issue_type', 'category', true);
  const priority = field('priority');
  if (priority) {
    const level = `regexp_extract(${cell(priority)}, '^([1-5])', 1)`;
    expressions.priority = `CASE ${level} WHEN '1' THEN 'P0' WHEN '2' THEN 'P1' WHEN '3' THEN 'P2' WHEN '4' THEN 'P3' WHEN '5' THEN 'P3' ELSE ${cell(priority)} END`;
  }
  const resolveSeconds = field('calendar_stc');
  const ends = [
    ...[field('resolved_at'), field('closed_at')]
      .filter((c): c is string => c !== null)
      .map((c) => ({ present: `${cell(c)} IS NOT NULL`, value: timestampCell(ISO_TIME, c) })),
    ...(resolveSeconds
      ? [
          {
            present: `${numberOf(resolveSeconds)} > 0`,
            value: timeText(ISO_TIME, opened, numberOf(resolveSeconds))
          }
        ]
      : [])
  ];
  if (ends.length > 0) expressions.resolved_at = firstPresent(ends, resolved);
  return {
    mapping: { columns: {}, values: {}, presetId: 'servicenow-incidents', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: resolveSeconds ? [notANumber(resolveSeconds, 'calendar_stc')] : []
  };
}

/** ServiceNow incident list export: field names (`number`, `incident.number`) or labels. */
export const serviceNowPreset: Preset = {
  id: 'servicenow-incidents',
  label: { zh: 'ServiceNow 事件列表导出', en: 'ServiceNow incident list export' },
  notes: [
    {
      zh: '按表头识别：number、opened_at、state，以及 short_description、caller_id、assignment_group 之一（incident 列表的默认列）；列名可以是字段名、带 "incident." 前缀的字段名，或显示标签 Number、Opened、State、Short description、Caller、Assignment group。',
      en: 'Recognised from the header: number, opened_at, state and one of short_description, caller_id, assignment_group (the incident list’s default columns), as element names, with the "incident." prefix, or as the display labels Number, Opened, State, Short description, Caller, Assignment group.'
    },
    {
      zh: 'status 取自 state：New、In Progress、On Hold（1、2、3）→ open；Resolved、Closed（6、7）→ resolved；Canceled（8）→ unresolved（未解决即关闭）。',
      en: 'status from state: New, In Progress, On Hold (1, 2, 3) → open; Resolved, Closed (6, 7) → resolved; Canceled (8) → unresolved (closed without a resolution).'
    },
    {
      zh: 'priority：1 - Critical → P0，2 - High → P1，3 - Moderate → P2，4 - Low 和 5 - Planning → P3。',
      en: 'priority: 1 - Critical → P0, 2 - High → P1, 3 - Moderate → P2, 4 - Low and 5 - Planning → P3.'
    },
    {
      zh: 'entry_channel = contact_type（Channel），转为小写代码：Email → mail，Phone → phone，Self-service → web，Chat → chat，Walk-in → walk_in，Virtual Agent → virtual_agent，其他转为 snake_case。platform：phone → phone，web → web。',
      en: 'entry_channel = contact_type (Channel) as a lower-case code: Email → mail, Phone → phone, Self-service → web, Chat → chat, Walk-in → walk_in, Virtual Agent → virtual_agent, others snake_cased. platform: phone → phone, web → web.'
    },
    {
      zh: 'resolved_at（Resolved 和 Closed 的 incident）= resolved_at，没有则取 closed_at，再没有则取 opened_at + calendar_stc 秒。',
      en: 'resolved_at (Resolved and Closed incidents) = resolved_at, else closed_at, else opened_at + calendar_stc seconds.'
    },
    {
      zh: 'incident 列表没有首次响应时间：first_response_at 留空。impact、urgency、reassignment_count、reopen_count、made_sla 及各时长字段不做映射；issue_type = category（小写），user_id = caller_id，agent_id = assigned_to。',
      en: 'An incident list has no first-response time: first_response_at stays empty. impact, urgency, reassignment_count, reopen_count, made_sla and the duration fields stay unmapped; issue_type = category (lower-case), user_id = caller_id, agent_id = assigned_to.'
    },
    {
      zh: '日期按系统默认格式 yyyy-MM-dd HH:mm:ss、以数据时区读取（默认 Asia/Shanghai，也可改选你的实例所在时区）。',
      en: 'Dates are read as the system default yyyy-MM-dd HH:mm:ss in the dataset time zone (Asia/Shanghai unless you choose your instance’s zone).'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return (
      has(...names('number')) &&
      has(...names('opened_at')) &&
      has(...names('state')) &&
      has(...names('short_description'), ...names('caller_id'), ...names('assignment_group'))
    );
  },
  plan
};
