/** Preset for a Freshdesk tickets CSV export (Tickets → Export, one row per ticket). */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import {
  cell,
  channelCode,
  codeMap,
  firstPresent,
  ISO_TIME,
  platformOf,
  timestampCell,
  vendorColumns
} from './preset-vendor-sql';

const SOURCE: Record<string, string> = {
  email: 'mail',
  'outbound email': 'outbound_email',
  portal: 'web',
  phone: 'phone',
  chat: 'chat',
  'feedback widget': 'feedback_widget',
  'feedback form': 'feedback_widget',
  forum: 'forum',
  twitter: 'twitter',
  facebook: 'facebook',
  whatsapp: 'whatsapp',
  mobihelp: 'mobile'
};

const PRIORITY: Record<string, string> = { urgent: 'P0', high: 'P1', medium: 'P2', low: 'P3' };

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
  'first_response_at',
  'resolved_at'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const statusCol = col('Status');
  const isResolved = `lower(${cell(statusCol)}) IN ('resolved', 'closed')`;
  const status = `CASE WHEN ${isResolved} THEN 'resolved' WHEN ${cell(statusCol)} IS NOT NULL THEN 'open' END`;
  const channel = channelCode(col('Source'), SOURCE);
  const expressions: Record<string, string> = {
    ticket_id: cell(col('Ticket ID')),
    created_at: timestampCell(ISO_TIME, col('Created time')),
    entry_channel: channel,
    platform: platformOf(col('Source'), SOURCE),
    status
  };
  const text = (column: string, name: string, lower = false): void => {
    const c = optional(name);
    if (c !== null) expressions[column] = lower ? `lower(${cell(c)})` : cell(c);
  };
  text('user_id', 'Contact ID');
  text('agent_id', 'Agent');
  text('issue_type', 'Type', true);
  const priority = optional('Priority');
  if (priority) expressions.priority = codeMap(priority, PRIORITY);
  const responded = optional('Initial response time');
  if (responded) expressions.first_response_at = timestampCell(ISO_TIME, responded);
  const ends = [optional('Resolved time'), optional('Closed time')]
    .filter((c): c is string => c !== null)
    .map((c) => ({ present: `${cell(c)} IS NOT NULL`, value: timestampCell(ISO_TIME, c) }));
  if (ends.length > 0) expressions.resolved_at = firstPresent(ends, isResolved);
  return {
    mapping: { columns: {}, values: {}, presetId: 'freshdesk-tickets', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: []
  };
}

/** Freshdesk tickets export: timestamps per ticket, business-hour durations as HH:MM:SS. */
export const freshdeskPreset: Preset = {
  id: 'freshdesk-tickets',
  label: { zh: 'Freshdesk 工单导出', en: 'Freshdesk tickets export' },
  notes: [
    {
      zh: '按表头识别：Ticket ID、Status、Source、Created time，以及 Initial response time 或 Resolved time。',
      en: 'Recognised from the header: Ticket ID, Status, Source, Created time and Initial response time or Resolved time.'
    },
    {
      zh: 'status：Resolved、Closed → resolved；其他所有状态（Open、Pending、Waiting on Customer、Waiting on Third Party 以及自定义状态，Freshdesk 都视为未解决）→ open。priority：Urgent → P0，High → P1，Medium → P2，Low → P3。',
      en: 'status: Resolved, Closed → resolved; every other status (Open, Pending, Waiting on Customer, Waiting on Third Party and custom statuses, which Freshdesk keeps unresolved) → open. priority: Urgent → P0, High → P1, Medium → P2, Low → P3.'
    },
    {
      zh: 'entry_channel = Source，转为小写代码：Email → mail，Portal → web，Phone → phone，Chat → chat，Feedback Widget → feedback_widget，Outbound Email → outbound_email，其他名称转为 snake_case。platform：phone → phone，web → web。',
      en: 'entry_channel = Source as a lower-case code: Email → mail, Portal → web, Phone → phone, Chat → chat, Feedback Widget → feedback_widget, Outbound Email → outbound_email, other names snake_cased. platform: phone → phone, web → web.'
    },
    {
      zh: 'first_response_at = Initial response time（客服首次回复的时间戳）。',
      en: 'first_response_at = Initial response time (the timestamp of the first agent reply).'
    },
    {
      zh: 'resolved_at（Resolved 和 Closed 工单）= Resolved time，没有则取 Closed time。',
      en: 'resolved_at (Resolved and Closed tickets) = Resolved time, else Closed time.'
    },
    {
      zh: '"First response time (in hrs)" 和 "Resolution time (in hrs)" 是按工作时间计的时长（HH:MM:SS），会低估日历时间，因此不使用；Time tracked、interactions、Resolution status 和 First response status 不做映射。',
      en: '"First response time (in hrs)" and "Resolution time (in hrs)" are business-hour durations (HH:MM:SS) and would understate calendar times, so they are not used; Time tracked, interactions, Resolution status and First response status stay unmapped.'
    },
    {
      zh: 'user_id = Contact ID（不使用姓名和邮箱地址），agent_id = Agent，issue_type = Type（小写）。Survey results 不做映射：其评分量表由各账户自行设定。',
      en: 'user_id = Contact ID (names and e-mail addresses are not used), agent_id = Agent, issue_type = Type (lower-case). Survey results are not mapped: their scale is set per account.'
    },
    {
      zh: '时间戳按数据时区读取（默认 Asia/Shanghai，也可改选你的 Freshdesk 账户所在时区）。',
      en: 'Timestamps are read in the dataset time zone (Asia/Shanghai unless you choose your Freshdesk account’s zone).'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return (
      has('Ticket ID') &&
      has('Status') &&
      has('Source') &&
      has('Created time') &&
      has('Initial response time', 'Resolved time')
    );
  },
  plan
};
