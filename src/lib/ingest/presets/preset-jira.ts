/** Preset for a Jira Service Management issue CSV export (Filters → Export → CSV). */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import {
  cell,
  codeMap,
  firstPresent,
  timestampCell,
  vendorColumns,
  type TimeReader
} from './preset-vendor-sql';

const REQUEST_TYPE = ['Custom field (Request Type)', 'Custom field (Customer Request Type)'];
const SATISFACTION = 'Custom field (Satisfaction rating)';
const JSM_COLUMNS = [
  ...REQUEST_TYPE,
  SATISFACTION,
  'Custom field (Time to first response)',
  'Custom field (Time to resolution)'
];

/** Jira's default `dd/MMM/yy h:mm a` (`01/Mar/26 9:15 AM`), four-digit years and ISO. */
const JIRA_TIME: TimeReader = {
  text(col) {
    const x = `upper(trim(${col}))`;
    const wall = `coalesce(try_strptime(${x}, '%d/%b/%y %I:%M %p'), try_strptime(${x}, '%d/%b/%Y %I:%M %p'), try_strptime(${x}, '%d/%b/%y %H:%M'))`;
    return `coalesce(strftime(${wall}, '%Y-%m-%d %H:%M:%S'), ${cell(col)})`;
  },
  shifted: () => 'CAST(NULL AS VARCHAR)'
};

/** Resolutions that close an issue without solving it. */
const NOT_SOLVED = [
  "won't do",
  "won't fix",
  'declined',
  'duplicate',
  'cannot reproduce',
  'canceled',
  'cancelled',
  'incomplete'
];

const PRIORITY: Record<string, string> = {
  highest: 'P0',
  blocker: 'P0',
  high: 'P1',
  critical: 'P1',
  medium: 'P2',
  major: 'P2',
  low: 'P3',
  lowest: 'P3',
  minor: 'P3',
  trivial: 'P3'
};

const SUPPLIES = [
  'ticket_id',
  'user_id',
  'agent_id',
  'created_at',
  'status',
  'priority',
  'issue_type',
  'resolved_at',
  'csat'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const resolution = optional('Resolution');
  const resolvedCol = optional('Resolved');
  const resolutionText = resolution ? `lower(${cell(resolution)})` : 'NULL';
  const closed = [
    resolution && `(${cell(resolution)} IS NOT NULL AND ${resolutionText} <> 'unresolved')`,
    resolvedCol && `${cell(resolvedCol)} IS NOT NULL`
  ].filter((x): x is string => Boolean(x));
  const notSolved = NOT_SOLVED.map((r) => `'${r.replaceAll("'", "''")}'`).join(', ');
  const status = `CASE WHEN ${closed.length > 0 ? closed.join(' OR ') : 'false'} THEN CASE WHEN ${resolutionText} IN (${notSolved}) THEN 'unresolved' ELSE 'resolved' END ELSE 'open' END`;
  const expressions: Record<string, string> = {
    ticket_id: cell(col('Issue key')),
    created_at: timestampCell(JIRA_TIME, col('Created')),
    status
  };
  const text = (column: string, names: string[], lower = false): void => {
    const c = optional(...names);
    if (c !== null) expressions[column] = lower ? `lower(${cell(c)})` : cell(c);
  };
  text('user_id', ['Reporter']);
  text('agent_id', ['Assignee']);
  text('issue_type', [...REQUEST_TYPE, 'Issue Type'], true);
  const priority = optional('Priority');
  if (priority) expressions.priority = codeMap(priority, PRIORITY);
  if (resolvedCol) {
    expressions.resolved_at = firstPresent(
      [
        {
          present: `${cell(resolvedCol)} IS NOT NULL`,
          value: timestampCell(JIRA_TIME, resolvedCol)
        }
      ],
      `(${status}) = 'resolved'`
    );
  }
  const rating = optional(SATISFACTION);
  if (rating) expressions.csat = cell(rating);
  return {
    mapping: { columns: {}, values: {}, presetId: 'jira-service-management', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: []
  };
}

/** Jira Service Management CSV: one row per issue, dates as `01/Mar/26 9:15 AM`. */
export const jiraPreset: Preset = {
  id: 'jira-service-management',
  label: { zh: 'Jira Service Management 导出', en: 'Jira Service Management export' },
  notes: [
    {
      zh: '按表头识别：Issue key、Created、Status，以及一个 Service Management 字段（Custom field (Request Type)、(Satisfaction rating)、(Time to first response) 或 (Time to resolution)）。',
      en: 'Recognised from the header: Issue key, Created, Status and a Service Management field (Custom field (Request Type), (Satisfaction rating), (Time to first response) or (Time to resolution)).'
    },
    {
      zh: 'status 取自 Resolution，因为 Jira 工作流可以自由命名状态：没有 resolution → open；有 resolution（或有 Resolved 日期）→ resolved，但 Won’t Do、Won’t Fix、Declined、Duplicate、Cannot Reproduce、Canceled、Incomplete → unresolved。',
      en: 'status from Resolution, because Jira workflows name their statuses freely: no resolution → open; a resolution (or a Resolved date) → resolved, except Won’t Do, Won’t Fix, Declined, Duplicate, Cannot Reproduce, Canceled, Incomplete → unresolved.'
    },
    {
      zh: 'priority 映射：Highest/Blocker → P0，High/Critical → P1，Medium/Major → P2，Low/Lowest/Minor/Trivial → P3。',
      en: 'priority: Highest/Blocker → P0, High/Critical → P1, Medium/Major → P2, Low/Lowest/Minor/Trivial → P3.'
    },
    {
      zh: '日期为 Jira 默认格式 dd/MMM/yy h:mm a（01/Mar/26 9:15 AM）或 ISO 格式；已解决的 issue：resolved_at = Resolved。',
      en: 'Dates in Jira’s default format dd/MMM/yy h:mm a (01/Mar/26 9:15 AM), or ISO; resolved_at = Resolved for resolved issues.'
    },
    {
      zh: '导出文件没有渠道列：entry_channel 取加载器对无渠道文件的默认值。"Time to first response" 和 "Time to resolution" 是 SLA 计时器，导出的文本取决于站点的 SLA 设置，因此不读取，first_response_at 留空。',
      en: 'The export has no channel column: entry_channel takes the loader’s default for files without one. "Time to first response" and "Time to resolution" are SLA timers whose exported text depends on the site’s SLA settings, so they are not read and first_response_at stays empty.'
    },
    {
      zh: 'csat = Custom field (Satisfaction rating)（1–5）。user_id = Reporter，agent_id = Assignee，issue_type = Request Type（没有则取 Issue Type），转为小写。',
      en: 'csat = Custom field (Satisfaction rating) (1–5). user_id = Reporter, agent_id = Assignee, issue_type = Request Type (else Issue Type), lower-case.'
    },
    {
      zh: '时间戳按数据时区读取（默认 Asia/Shanghai，也可改选导出用户所在时区）。',
      en: 'Timestamps are read in the dataset time zone (Asia/Shanghai unless you choose the exporting user’s zone).'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return has('Issue key') && has('Created') && has('Status') && has(...JSM_COLUMNS);
  },
  plan
};
