/**
 * Preset for 智齿 Sobot ticket lists with the fields of Sobot's open API 查询工单列表
 * (POST /ws-open/ticket/getTicketList, "返回data"), one row per ticket, e.g. the API's items saved
 * as CSV. Field names, codes and units as documented at
 * https://blog.sobot.com/document/69/view.html (also https://www.sobot.com/developerdocs/service/work_order_center.html).
 * Sobot documents no console-export column list, so only the API names are recognised.
 */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import { codeOf, EPOCH_MS_TIME, numericCodeMap } from './preset-epoch-ms';
import { cell, timestampCell, vendorColumns } from './preset-vendor-sql';

/** ticketStatus: 0 未受理, 1 受理中, 2 等待回复, 3 已解决, 99 已关闭 (98 已删除 is rejected). */
const STATUS: Record<string, string> = {
  '0': 'open',
  '1': 'open',
  '2': 'open',
  '3': 'resolved',
  '99': 'resolved'
};

/** ticketLevel: 0 低, 1 中, 2 高, 3 紧急. */
const PRIORITY: Record<string, string> = { '0': 'P3', '1': 'P2', '2': 'P1', '3': 'P0' };

/**
 * ticketFrom: 0 工单中心, 1 PC 普通用户留言提交, 2 H5 …, 3 微信, 4 APP, 5 微博, 6 在线工作台-PC 客服提交,
 * 7 客户中心, 8 呼叫中心, 9 在线工作台-微信客服提交, 10 在线工作台-H5 客服提交, 11 在线工作台-App 客服提交.
 * An agent's ticket from the online workbench keeps the channel the conversation came in on.
 */
const SOURCE: Record<string, string> = {
  '0': 'ticket_center',
  '1': 'web',
  '2': 'h5',
  '3': 'wechat',
  '4': 'app',
  '5': 'weibo',
  '6': 'web',
  '7': 'customer_center',
  '8': 'hotline',
  '9': 'wechat',
  '10': 'h5',
  '11': 'app'
};

/** PC submissions are on the web; 呼叫中心 is the phone. H5 and app name no operating system. */
const PLATFORM: Record<string, string> = { '1': 'web', '6': 'web', '8': 'phone' };

const SUPPLIES = [
  'ticket_id',
  'user_id',
  'agent_id',
  'created_at',
  'entry_channel',
  'platform',
  'status',
  'priority',
  'issue_type'
];

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const status = col('ticketStatus');
  const expressions: Record<string, string> = {
    ticket_id: cell(col('ticketCode', 'ticketId')),
    created_at: timestampCell(EPOCH_MS_TIME, col('createTime')),
    status: numericCodeMap(status, STATUS, cell(status))
  };
  const from = optional('ticketFrom');
  if (from) {
    expressions.entry_channel = numericCodeMap(from, SOURCE, `'sobot_' || ${codeOf(from)}`);
    expressions.platform = numericCodeMap(from, PLATFORM);
  }
  const level = optional('ticketLevel');
  if (level) expressions.priority = numericCodeMap(level, PRIORITY, cell(level));
  const agent = optional('dealUserName');
  if (agent) expressions.agent_id = cell(agent);
  const type = optional('ticketTypeName');
  if (type) expressions.issue_type = `lower(${cell(type)})`;
  const starter = optional('startName');
  const starterType = optional('startType');
  if (starter && starterType) {
    // startName comes first so the load report names it as the source
    expressions.user_id = `CASE WHEN ${cell(starter)} IS NOT NULL AND ${codeOf(starterType)} = '1' THEN ${cell(starter)} END`;
  }
  return {
    mapping: { columns: {}, values: {}, presetId: 'sobot-tickets', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: [
      {
        when: `${codeOf(status)} = '98'`,
        reason: 'ticketStatus 98 (已删除): a deleted ticket'
      }
    ]
  };
}

/** 智齿 Sobot 查询工单列表 fields: epoch-ms times, numeric status, level and source codes. */
export const sobotPreset: Preset = {
  id: 'sobot-tickets',
  label: { zh: '智齿工单列表（开放接口字段）', en: 'Sobot ticket list (open API fields)' },
  notes: [
    {
      zh: '按表头识别：ticketCode 或 ticketId、ticketStatus、createTime，以及 ticketFrom、ticketLevel、dealGroupName 之一（智齿 getTicketList 接口的字段，https://blog.sobot.com/document/69/view.html）。',
      en: 'Recognised from the header: ticketCode or ticketId, ticketStatus, createTime and one of ticketFrom, ticketLevel, dealGroupName (the fields of Sobot’s getTicketList API, https://blog.sobot.com/document/69/view.html).'
    },
    {
      zh: 'ticket_id = ticketCode（工单编号），没有则取 ticketId。created_at = createTime：epoch 毫秒（绝对时刻）；yyyy-MM-dd HH:mm:ss 格式的单元格按数据时区读取；空值、"--"、0 和 -1 视为没有时间。',
      en: 'ticket_id = ticketCode (工单编号), else ticketId. created_at = createTime: epoch milliseconds (an instant); a yyyy-MM-dd HH:mm:ss cell is read in the dataset time zone; empty, "--", 0 and -1 are no time.'
    },
    {
      zh: 'status 取自 ticketStatus：0 未受理、1 受理中、2 等待回复 → open；3 已解决、99 已关闭 → resolved。98 已删除（被删除的工单）会连同原因被拒绝，而不是直接丢弃。',
      en: 'status from ticketStatus: 0 未受理, 1 受理中, 2 等待回复 → open; 3 已解决, 99 已关闭 → resolved. 98 已删除 (a deleted ticket) is rejected with its reason, not dropped.'
    },
    {
      zh: 'priority 取自 ticketLevel：3 紧急 → P0，2 高 → P1，1 中 → P2，0 低 → P3。',
      en: 'priority from ticketLevel: 3 紧急 → P0, 2 高 → P1, 1 中 → P2, 0 低 → P3.'
    },
    {
      zh: 'entry_channel 取自 ticketFrom：0 工单中心 → ticket_center，1 PC 留言和 6 在线工作台-PC → web，2 和 10 H5 → h5，3 和 9 微信 → wechat，4 和 11 APP → app，5 微博 → weibo，7 客户中心 → customer_center，8 呼叫中心 → hotline；其他编号 → sobot_<n>。platform：PC 来源 → web，呼叫中心 → phone，其余留空（H5 和 APP 看不出操作系统）。',
      en: 'entry_channel from ticketFrom: 0 工单中心 → ticket_center, 1 PC 留言 and 6 在线工作台-PC → web, 2 and 10 H5 → h5, 3 and 9 微信 → wechat, 4 and 11 APP → app, 5 微博 → weibo, 7 客户中心 → customer_center, 8 呼叫中心 → hotline; other numbers → sobot_<n>. platform: PC sources → web, 呼叫中心 → phone, others empty (H5 and APP name no operating system).'
    },
    {
      zh: 'agent_id = dealUserName（受理人），issue_type = ticketTypeName（一级/二级/三级，保持原文）。仅当 startType 为 1（普通用户）时 user_id = startName；客服发起的工单没有用户。',
      en: 'agent_id = dealUserName (受理人), issue_type = ticketTypeName (一级/二级/三级, as written). user_id = startName only when startType is 1 (普通用户); tickets an agent started have no user.'
    },
    {
      zh: '该接口不返回解决时间、首次响应时间或满意度：updateTime 是最后一次修改的时间而非解决时间，因此不使用，resolved_at、first_response_at 和 csat 留空。dealGroupName、ticketTitle 和 ticketContent 不做映射。',
      en: 'The API returns no resolution, first-response or satisfaction time: updateTime is the last change, not the resolution, so it is not used and resolved_at, first_response_at and csat stay empty. dealGroupName, ticketTitle and ticketContent stay unmapped.'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return (
      has('ticketCode', 'ticketId') &&
      has('ticketStatus') &&
      has('createTime') &&
      has('ticketFrom', 'ticketLevel', 'dealGroupName')
    );
  },
  plan
};
