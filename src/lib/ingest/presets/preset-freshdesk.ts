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
    'Recognised from the header: Ticket ID, Status, Source, Created time and Initial response time or Resolved time.',
    'status: Resolved, Closed → resolved; every other status (Open, Pending, Waiting on Customer, Waiting on Third Party and custom statuses, which Freshdesk keeps unresolved) → open. priority: Urgent → P0, High → P1, Medium → P2, Low → P3.',
    'entry_channel = Source as a lower-case code: Email → mail, Portal → web, Phone → phone, Chat → chat, Feedback Widget → feedback_widget, Outbound Email → outbound_email, other names snake_cased. platform: phone → phone, web → web.',
    'first_response_at = Initial response time (the timestamp of the first agent reply).',
    'resolved_at (Resolved and Closed tickets) = Resolved time, else Closed time.',
    '"First response time (in hrs)" and "Resolution time (in hrs)" are business-hour durations (HH:MM:SS) and would understate calendar times, so they are not used; Time tracked, interactions, Resolution status and First response status stay unmapped.',
    'user_id = Contact ID (names and e-mail addresses are not used), agent_id = Agent, issue_type = Type (lower-case). Survey results are not mapped: their scale is set per account.',
    'Timestamps are read in the dataset time zone (Asia/Shanghai unless you choose your Freshdesk account’s zone).',
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
