/**
 * Preset for 美洽 Meiqia conversation records with the fields of its APIs V2.0 对话模型 (one row per
 * conversation, e.g. the API's conversations saved as CSV). Field names and units as documented at
 * https://meiqia.com/help/article/apiv2-0 . Meiqia documents no console-export column list, so
 * only the API names are recognised.
 */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import { EPOCH_MS_TIME } from './preset-epoch-ms';
import {
  cell,
  notANumber,
  numberOf,
  timestampCell,
  timeText,
  vendorColumns
} from './preset-vendor-sql';

const FIRST_RESPONSE = 'conv_first_resp_wait_in_secs';

const SUPPLIES = [
  'ticket_id',
  'user_id',
  'agent_id',
  'created_at',
  'platform',
  'first_response_at'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional, has } = vendorColumns(header);
  const start = col('conv_start_tm');
  const expressions: Record<string, string> = {
    ticket_id: cell(col('conv_id')),
    created_at: timestampCell(EPOCH_MS_TIME, start)
  };
  const wait = optional(FIRST_RESPONSE);
  if (wait) {
    expressions.first_response_at = `CASE WHEN ${numberOf(wait)} IS NOT NULL THEN ${timeText(EPOCH_MS_TIME, start, numberOf(wait))} END`;
  }
  const agent = optional('agent_ID', 'agent_account');
  if (agent) expressions.agent_id = cell(agent);
  const client = optional('dev_client_id', 'client_id');
  if (client) expressions.user_id = cell(client);
  const os = header.findIndex((h) => h.trim().toLowerCase() === 'visitor_os');
  return {
    // the visitor's operating system goes through the platform value names (iOS, 安卓 …)
    mapping: {
      columns: has('visitor_os') ? { platform: os } : {},
      values: {},
      presetId: 'meiqia-conversations',
      timestampFormats: {}
    },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: wait ? [notANumber(wait, FIRST_RESPONSE)] : []
  };
}

/** 美洽 conversation records (APIs V2.0 fields): one online-chat conversation per row. */
export const meiqiaPreset: Preset = {
  id: 'meiqia-conversations',
  label: { zh: '美洽对话记录（开放接口字段）', en: 'Meiqia conversations (open API fields)' },
  notes: [
    {
      zh: '按表头识别：conv_id、conv_start_tm，以及 conv_end_tm、conv_first_resp_wait_in_secs、agent_ID 之一（美洽的对话模型，https://meiqia.com/help/article/apiv2-0）。',
      en: 'Recognised from the header: conv_id, conv_start_tm and one of conv_end_tm, conv_first_resp_wait_in_secs, agent_ID (Meiqia’s conversation model, https://meiqia.com/help/article/apiv2-0).'
    },
    {
      zh: 'ticket_id = conv_id，created_at = conv_start_tm（对话的创建时间）。美洽文档只说明时间是字符串，没有给出格式：epoch 毫秒按绝对时刻读取，其他文本按 ISO / yyyy-MM-dd HH:mm:ss 以数据时区读取（默认 Asia/Shanghai，也可另选）；空值、"--"、0 和 -1 视为没有时间。',
      en: 'ticket_id = conv_id, created_at = conv_start_tm (对话的创建时间). Meiqia documents the times as strings without a format: epoch milliseconds are read as instants, other text as ISO / yyyy-MM-dd HH:mm:ss in the dataset time zone (Asia/Shanghai unless you choose another); empty, "--", 0 and -1 are no time.'
    },
    {
      zh: 'first_response_at = conv_start_tm + conv_first_resp_wait_in_secs（对话的首次响应时长，单位为秒）；值不是数字时，该行连同原因被拒绝。',
      en: 'first_response_at = conv_start_tm + conv_first_resp_wait_in_secs (对话的首次响应时长, seconds); a value that is not a number rejects the row with its reason.'
    },
    {
      zh: 'conv_end_tm（对话的结束时间）只表示对话何时结束，不表示问题是否解决，而且该模型没有状态或解决结果字段：因此不把它读作 resolved_at，解决类指标会提示需要 status 或 resolved_at，而不是把每个结束的对话都算作已解决。',
      en: 'conv_end_tm (对话的结束时间) is when the chat ended, not whether the question was resolved, and the model has no status or resolution field: it is not read as resolved_at, so resolution figures say they need status or resolved_at instead of counting every ended chat as resolved.'
    },
    {
      zh: 'agent_id = agent_ID（没有则取 agent_account），user_id = dev_client_id（没有则取 client_id）。platform 取自 visitor_os，按常见操作系统名称识别（iOS、Android、Windows …；其他值保持原文）。该模型中的对话没有渠道、优先级或满意度字段。',
      en: 'agent_id = agent_ID (else agent_account), user_id = dev_client_id (else client_id). platform from visitor_os through the usual operating-system names (iOS, Android, Windows …; other values are kept as written). The conversation has no channel, priority or satisfaction field in this model.'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return has('conv_id') && has('conv_start_tm') && has('conv_end_tm', FIRST_RESPONSE, 'agent_ID');
  },
  plan
};
