/** Preset for a Zendesk Support tickets CSV export (one row per ticket, with its metrics). */
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
  notANumber,
  numberOf,
  timestampCell,
  timeText,
  vendorColumns
} from './preset-vendor-sql';

const FIRST_REPLY = 'First reply time in minutes';
const FULL_RESOLUTION = 'Full resolution time in minutes';
const METRIC_COLUMNS = [FIRST_REPLY, FULL_RESOLUTION, 'Requester wait time in minutes'];

/** Zendesk's "Via" names (the ticket's channel) → channel codes; others are snake_cased. */
const VIA: Record<string, string> = {
  mail: 'mail',
  email: 'mail',
  web: 'web',
  'web form': 'web',
  'web widget': 'web',
  'help center': 'web',
  chat: 'chat',
  messaging: 'chat',
  'native messaging': 'chat',
  phone: 'phone',
  voice: 'phone',
  talk: 'phone',
  'phone call (inbound)': 'phone',
  api: 'api',
  'web service': 'api',
  mobile: 'mobile',
  'mobile sdk': 'mobile',
  twitter: 'twitter',
  facebook: 'facebook',
  sms: 'sms'
};

const STATUS: Record<string, string> = {
  new: 'open',
  open: 'open',
  pending: 'open',
  hold: 'open',
  'on-hold': 'open',
  'on hold': 'open',
  solved: 'resolved',
  closed: 'resolved'
};

const PRIORITY: Record<string, string> = { urgent: 'P0', high: 'P1', normal: 'P2', low: 'P3' };

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
  'resolved_at',
  'csat'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const created = col('Created at');
  const status = codeMap(col('Status'), STATUS);
  const solved = `lower(${cell(col('Status'))}) IN ('solved', 'closed')`;
  const minutes = (name: string) => {
    const c = optional(name);
    return c === null
      ? null
      : {
          present: `${numberOf(c)} IS NOT NULL`,
          value: timeText(ISO_TIME, created, `${numberOf(c)} * 60`)
        };
  };
  const replied = minutes(FIRST_REPLY);
  const solvedAt = optional('Solved at');
  const resolvedCandidates = [
    solvedAt && {
      present: `${cell(solvedAt)} IS NOT NULL`,
      value: timestampCell(ISO_TIME, solvedAt)
    },
    minutes(FULL_RESOLUTION)
  ].filter((x): x is { present: string; value: string } => Boolean(x));
  const channel = channelCode(col('Via'), VIA);
  const expressions: Record<string, string> = {
    ticket_id: cell(col('Id')),
    created_at: timestampCell(ISO_TIME, created),
    entry_channel: channel,
    platform: platformOf(col('Via'), VIA),
    status
  };
  const optionalText = (column: string, name: string, lower = false): void => {
    const c = optional(name);
    if (c !== null) expressions[column] = lower ? `lower(${cell(c)})` : cell(c);
  };
  optionalText('user_id', 'Requester id');
  optionalText('agent_id', 'Assignee');
  optionalText('issue_type', 'Ticket type', true);
  const priority = optional('Priority');
  if (priority) expressions.priority = codeMap(priority, PRIORITY);
  if (replied) expressions.first_response_at = firstPresent([replied]);
  if (resolvedCandidates.length > 0) {
    expressions.resolved_at = firstPresent(resolvedCandidates, solved);
  }
  const score = optional('Satisfaction Score');
  if (score) {
    const s = `lower(${cell(score)})`;
    expressions.csat = `CASE WHEN ${s} LIKE 'good%' THEN '5' WHEN ${s} LIKE 'bad%' THEN '1' WHEN regexp_replace(${s}, '[^a-z]', '', 'g') IN ('offered', 'unoffered', 'notoffered') THEN NULL ELSE ${cell(score)} END`;
  }
  const rejectIf = [FIRST_REPLY, FULL_RESOLUTION].flatMap((name) => {
    const c = optional(name);
    return c === null ? [] : [notANumber(c, name)];
  });
  return {
    mapping: { columns: {}, values: {}, presetId: 'zendesk-tickets', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf
  };
}

/** Zendesk Support tickets export: one ticket per row, reply and resolution times in minutes. */
export const zendeskPreset: Preset = {
  id: 'zendesk-tickets',
  label: { zh: 'Zendesk 工单导出', en: 'Zendesk tickets export' },
  notes: [
    {
      zh: '按表头识别：Id、Status、Via、Created at，以及 Zendesk 的任一 "… in minutes" 指标列。',
      en: 'Recognised from the header: Id, Status, Via, Created at and one of Zendesk’s "… in minutes" metric columns.'
    },
    {
      zh: 'status 映射：New、Open、Pending、Hold（On-hold）→ open；Solved、Closed → resolved。priority 映射：Urgent → P0，High → P1，Normal → P2，Low → P3。',
      en: 'status: New, Open, Pending, Hold (On-hold) → open; Solved, Closed → resolved. priority: Urgent → P0, High → P1, Normal → P2, Low → P3.'
    },
    {
      zh: 'entry_channel = Via，转为小写代码：Mail/Email → mail，Web form/Web Widget/Help Center → web，Chat/Messaging → chat，Voice/Phone → phone，Web service/API → api，Mobile SDK → mobile，其他名称转为 snake_case（twitter、closed_ticket …）。platform：phone → phone，web → web。',
      en: 'entry_channel = Via as a lower-case code: Mail/Email → mail, Web form/Web Widget/Help Center → web, Chat/Messaging → chat, Voice/Phone → phone, Web service/API → api, Mobile SDK → mobile, other names snake_cased (twitter, closed_ticket …). platform: phone → phone, web → web.'
    },
    {
      zh: 'first_response_at = Created at + "First reply time in minutes"（日历分钟数，而非按工作时间计的那一列）。',
      en: 'first_response_at = Created at + "First reply time in minutes" (calendar minutes, not the business-hours column).'
    },
    {
      zh: 'resolved_at（Solved 和 Closed 工单）= Solved at；Solved at 为空时取 Created at + "Full resolution time in minutes"。',
      en: 'resolved_at (Solved and Closed tickets) = Solved at; when Solved at is empty, Created at + "Full resolution time in minutes".'
    },
    {
      zh: 'csat 取自 Satisfaction Score：Good → 5，Bad → 1（这是一个假设：Zendesk 只有好评/差评两档，因此 csat_mean 反映的是好评占比，折算到 1–5 分制）；Offered、Not Offered 和 Unoffered（未评分）→ 空。',
      en: 'csat from Satisfaction Score: Good → 5, Bad → 1 (an assumption: Zendesk rates good/bad only, so csat_mean is a share of good ratings on a 1–5 scale); Offered, Not Offered and Unoffered (no rating) → empty.'
    },
    {
      zh: 'user_id = Requester id，agent_id = Assignee，issue_type = Ticket type（小写）。Group、Tags、Reopens、Replies 及各等待时长列不做映射。',
      en: 'user_id = Requester id, agent_id = Assignee, issue_type = Ticket type (lower-case). Group, Tags, Reopens, Replies and the wait-time columns stay unmapped.'
    },
    {
      zh: '不带偏移的时间戳按数据时区读取（默认 Asia/Shanghai，也可改选你的 Zendesk 账户所在时区）；带偏移的值保留其偏移。',
      en: 'Timestamps without an offset are read in the dataset time zone (Asia/Shanghai unless you choose your Zendesk account’s zone); values with an offset keep it.'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return has('Id') && has('Status') && has('Via') && has('Created at') && has(...METRIC_COLUMNS);
  },
  plan
};
