/**
 * Preset for 华为云 云客服 (AICC) case lists with the fields of the open API 查询工单列表
 * (POST /service/AICC__Case/1.0.0/openapi/case/list, `caseList`), one row per case, e.g. the API's
 * cases saved as CSV. Field names as documented at
 * https://support.huaweicloud.com/api-ccfs-cec/cec_07_3407.html ; the values of state, priority
 * and origin at https://support.huaweicloud.com/api-ccfs-cec/cec_07_3408.html (查询工单详情), with
 * the list request's numeric codes (priority 0 低 … 3 严重, origin 0 邮件 … 3 Whatsapp).
 * Huawei documents no console-export column list, so only the API names are recognised.
 */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import { EPOCH_MS_TIME } from './preset-epoch-ms';
import {
  cell,
  channelCode,
  codeMap,
  platformOf,
  timestampCell,
  vendorColumns
} from './preset-vendor-sql';

/** state (任务状态): Completed, Pending, Processing. */
const STATE: Record<string, string> = {
  completed: 'resolved',
  pending: 'open',
  processing: 'open'
};

/** priority: Critical, High, Medium, Low; the list request's 0 低, 1 中, 2 高, 3 严重. */
const PRIORITY: Record<string, string> = {
  critical: 'P0',
  high: 'P1',
  medium: 'P2',
  low: 'P3',
  '3': 'P0',
  '2': 'P1',
  '1': 'P2',
  '0': 'P3',
  严重: 'P0',
  高: 'P1',
  中: 'P2',
  低: 'P3'
};

/** origin: Voice, Whatsapp, webchat, Email; the list request's 0 邮件, 1 语音, 2 网页, 3 Whatsapp. */
const ORIGIN: Record<string, string> = {
  voice: 'phone',
  whatsapp: 'whatsapp',
  webchat: 'web',
  email: 'mail',
  '0': 'mail',
  '1': 'phone',
  '2': 'web',
  '3': 'whatsapp',
  邮件: 'mail',
  语音: 'phone',
  网页: 'web'
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
  'escalated',
  'resolved_at'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const state = col('state');
  const origin = col('origin');
  const completed = `lower(${cell(state)}) = 'completed'`;
  const expressions: Record<string, string> = {
    ticket_id: cell(col('caseNo')),
    created_at: timestampCell(EPOCH_MS_TIME, col('createdDate')),
    status: codeMap(state, STATE, cell(state)),
    entry_channel: channelCode(origin, ORIGIN),
    platform: platformOf(origin, ORIGIN)
  };
  const closed = optional('closedDate');
  if (closed) {
    expressions.resolved_at = `CASE WHEN ${cell(closed)} IS NOT NULL AND ${completed} THEN ${timestampCell(EPOCH_MS_TIME, closed)} END`;
  }
  const priority = optional('priority');
  if (priority) expressions.priority = codeMap(priority, PRIORITY, cell(priority));
  const upgraded = optional('isUpgraded');
  if (upgraded) expressions.escalated = `lower(${cell(upgraded)})`;
  const text = (column: string, name: string, lower = false): void => {
    const c = optional(name);
    if (c !== null) expressions[column] = lower ? `lower(${cell(c)})` : cell(c);
  };
  text('issue_type', 'typeName', true);
  text('agent_id', 'ownerId');
  text('user_id', 'contactId');
  return {
    mapping: { columns: {}, values: {}, presetId: 'huawei-aicc-cases', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: []
  };
}

/** 华为云 云客服 case list (open API fields): YYYY-MM-DD HH:mm:ss times, named states. */
export const huaweiCasePreset: Preset = {
  id: 'huawei-aicc-cases',
  label: {
    zh: '华为云云客服工单列表（开放接口字段）',
    en: 'Huawei Cloud AICC case list (open API fields)'
  },
  notes: [
    {
      zh: '按表头识别：caseNo、createdDate、state 和 origin（华为云 AICC"查询工单列表"接口中 caseList 的字段，https://support.huaweicloud.com/api-ccfs-cec/cec_07_3407.html）。',
      en: 'Recognised from the header: caseNo, createdDate, state and origin (the caseList fields of Huawei Cloud AICC 查询工单列表, https://support.huaweicloud.com/api-ccfs-cec/cec_07_3407.html).'
    },
    {
      zh: 'ticket_id = caseNo。created_at = createdDate，文档格式为 YYYY-MM-DD HH:mm:ss，按数据时区读取（默认 Asia/Shanghai，也可改选你的租户所在时区）；epoch 毫秒按绝对时刻读取；空值、"--"、0 和 -1 视为没有时间。',
      en: 'ticket_id = caseNo. created_at = createdDate, documented as YYYY-MM-DD HH:mm:ss and read in the dataset time zone (Asia/Shanghai unless you choose your tenant’s); epoch milliseconds are read as instants; empty, "--", 0 and -1 are no time.'
    },
    {
      zh: 'status 取自 state：Completed → resolved；Pending、Processing → open；其他状态会被拒绝，原因中写明该状态名。Completed 工单：resolved_at = closedDate（关单时间）。status 字段（工单流程，即租户自行命名的流程节点）不读取。',
      en: 'status from state: Completed → resolved; Pending, Processing → open; other states are rejected by name. resolved_at = closedDate (关单时间) for Completed cases. status (工单流程, the workflow node the tenant names) is not read.'
    },
    {
      zh: 'priority：Critical（3 严重）→ P0，High（2 高）→ P1，Medium（1 中）→ P2，Low（0 低）→ P3。',
      en: 'priority: Critical (3 严重) → P0, High (2 高) → P1, Medium (1 中) → P2, Low (0 低) → P3.'
    },
    {
      zh: 'entry_channel 取自 origin：Voice（1 语音）→ phone，Email（0 邮件）→ mail，webchat（2 网页）→ web，Whatsapp（3）→ whatsapp；其他转为 snake_case。platform：phone → phone，web → web。',
      en: 'entry_channel from origin: Voice (1 语音) → phone, Email (0 邮件) → mail, webchat (2 网页) → web, Whatsapp (3) → whatsapp; others snake_cased. platform: phone → phone, web → web.'
    },
    {
      zh: 'escalated = isUpgraded（工单是否升级）。issue_type = typeName（小写），agent_id = ownerId（当前处理人；ownerType 表明是群组时则为群组），user_id = contactId。',
      en: 'escalated = isUpgraded (工单是否升级). issue_type = typeName (lower-case), agent_id = ownerId (the current handler, or a group when ownerType says so), user_id = contactId.'
    },
    {
      zh: '工单列表没有首次响应时间，也没有满意度评分：first_response_at 和 csat 留空；suspendAccumulatedTime 和 stayDate 不做映射。',
      en: 'The case list has no first-response time and no satisfaction score: first_response_at and csat stay empty; suspendAccumulatedTime and stayDate stay unmapped.'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return has('caseNo') && has('createdDate') && has('state') && has('origin');
  },
  plan
};
