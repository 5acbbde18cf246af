/** Preset for NYC 311 service-request exports (Title Case 2022 or snake_case 2024 headers). */
import { columnFinder, type Preset, type PresetPlan } from './preset-types';
import { detectTimestampFormat } from '../load/timestamp-formats';

const REQUIRED = [
  'unique_key',
  'created_date',
  'closed_date',
  'status',
  'open_data_channel_type',
  'complaint_type'
];

function plan(header: readonly string[], sampleRows: readonly (readonly string[])[]): PresetPlan {
  const { index, col } = columnFinder(header);
  const samples = (name: string): string[] => sampleRows.map((r) => r[index(name)] ?? '');
  const channel = `upper(trim(${col('open_data_channel_type')}))`;
  return {
    mapping: {
      presetId: 'nyc311',
      columns: {
        ticket_id: index('unique_key'),
        created_at: index('created_date'),
        entry_channel: index('open_data_channel_type'),
        issue_type: index('complaint_type'),
        status: index('status'),
        resolved_at: index('closed_date')
      },
      values: {
        entry_channel: { phone: 'hotline', online: 'help_feedback', mobile: 'mini_program' },
        status: {
          closed: 'resolved',
          open: 'open',
          'in progress': 'open',
          assigned: 'open',
          started: 'open',
          pending: 'open',
          'email sent': 'open',
          unspecified: 'open',
          cancel: 'unresolved',
          cancelled: 'unresolved'
        }
      },
      timestampFormats: {
        created_at: detectTimestampFormat(samples('created_date')),
        resolved_at: detectTimestampFormat(samples('closed_date'))
      }
    },
    timeZone: 'America/New_York',
    expressions: {
      platform: `CASE ${channel} WHEN 'PHONE' THEN 'phone' WHEN 'ONLINE' THEN 'web' END`
    },
    rejectIf: []
  };
}

/** NYC 311 service requests: one ticket per request. */
export const nyc311Preset: Preset = {
  id: 'nyc311',
  label: { zh: '纽约 311 服务请求', en: 'NYC 311 service requests' },
  notes: [
    {
      zh: 'entry_channel 取自 Open Data Channel Type：PHONE → hotline，ONLINE → help_feedback（网页表单），MOBILE → mini_program（311 应用）；UNKNOWN 不是数据契约中的渠道，保留为代码 "unknown"（开放词表，数据契约 v2）。',
      en: 'entry_channel from Open Data Channel Type: PHONE → hotline, ONLINE → help_feedback (web form), MOBILE → mini_program (the 311 app); UNKNOWN is no contract channel and is kept as the code "unknown" (open vocabulary, data contract v2).'
    },
    {
      zh: 'platform：PHONE → phone，ONLINE → web；MOBILE 没有说明是 iOS 还是 Android，因此留空。',
      en: 'platform: PHONE → phone, ONLINE → web; MOBILE does not say iOS or Android, so it stays empty.'
    },
    {
      zh: 'status 映射：Closed → resolved；Open、In Progress、Assigned 等 → open；resolved_at = Closed Date。',
      en: 'status: Closed → resolved; Open, In Progress, Assigned … → open; resolved_at = Closed Date.'
    },
    {
      zh: 'issue_type = Complaint Type（保持原文）；时间戳为纽约当地时间。',
      en: 'issue_type = Complaint Type as written; timestamps are New York local time.'
    }
  ],
  matches: (header) => REQUIRED.every(columnFinder(header).has),
  plan
};
