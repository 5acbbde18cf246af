/**
 * Preset for 飞书服务台 (Lark helpdesk) tickets with the fields of the open API 查询全部工单详情
 * (GET /open-apis/helpdesk/v1/tickets, `ticket`), one row per ticket, e.g. the API's tickets
 * flattened to CSV (`guest.id`, `agent_owner.id`). Field names, codes and units as documented at
 * https://open.feishu.cn/document/server-docs/helpdesk-v1/ticket-management/ticket/list ; the SDKs'
 * camelCase names (createdAt, agentFirstResponseTime …, oapi-sdk-java Ticket) are read alike.
 * Lark documents no console-export column list, so only the API names are recognised.
 */
import { DEFAULT_TIME_ZONE } from '../../contract/columns';
import type { Preset, PresetPlan } from './preset-types';
import { unsupportedNote, unsupportedSeedMetrics } from './preset-unsupported';
import { codeOf, EPOCH_MS_TIME, numericCodeMap } from './preset-epoch-ms';
import { cell, timestampCell, vendorColumns } from './preset-vendor-sql';

/** A field's snake_case API name and the SDKs' camelCase name. */
const FIELDS = {
  ticketId: ['ticket_id', 'ticketId'],
  helpdeskId: ['helpdesk_id', 'helpdeskId'],
  createdAt: ['created_at', 'createdAt'],
  closedAt: ['closed_at', 'closedAt'],
  status: ['status'],
  solve: ['solve', 'solved'],
  score: ['score'],
  channel: ['channel'],
  firstResponse: ['agent_first_response_time', 'agentFirstResponseTime'],
  guest: ['guest.id', 'guest_id', 'guestId'],
  agent: ['agent_owner.id', 'agentOwner.id', 'agent_owner.name', 'agentOwner.name']
} as const;

/** status: 1 已创建, 2 处理中, 3 排队中, 4 待定, 5 待用户响应; 50 被机器人关闭, 51 被客服关闭, 52 用户自己关闭. */
const OPEN = ['1', '2', '3', '4', '5'];
const CLOSED = ['50', '51', '52'];

/** channel: 9 Open API, 2 二维码, 14 分享, 13 搜索; "其他数字：其他渠道". */
const CHANNEL: Record<string, string> = {
  '9': 'api',
  '2': 'qr_code',
  '14': 'share',
  '13': 'search'
};

/** score: 1 不满意, 2 一般, 3 满意, placed on the contract's 1–5 scale. */
const SCORE: Record<string, string> = { '1': '1', '2': '3', '3': '5' };

const SUPPLIES = [
  'ticket_id',
  'user_id',
  'agent_id',
  'created_at',
  'entry_channel',
  'status',
  'first_response_at',
  'resolved_at',
  'resolved_by',
  'csat'
];

const list = (codes: readonly string[]): string => codes.map((c) => `'${c}'`).join(', ');

function plan(header: readonly string[]): PresetPlan {
  const { col, optional } = vendorColumns(header);
  const statusCol = col(...FIELDS.status);
  const statusCode = codeOf(statusCol);
  const solve = optional(...FIELDS.solve);
  const closed = `${statusCode} IN (${list(CLOSED)})`;
  const resolved = solve ? `${closed} AND coalesce(${codeOf(solve)}, '') <> '1'` : closed;
  const expressions: Record<string, string> = {
    ticket_id: cell(col(...FIELDS.ticketId)),
    created_at: timestampCell(EPOCH_MS_TIME, col(...FIELDS.createdAt)),
    status: `CASE WHEN ${resolved} THEN 'resolved' WHEN ${closed} THEN 'unresolved' WHEN ${statusCode} IN (${list(OPEN)}) THEN 'open' ELSE ${cell(statusCol)} END`,
    resolved_by: `CASE WHEN ${resolved} THEN CASE ${statusCode} WHEN '50' THEN 'bot' WHEN '51' THEN 'agent' END END`
  };
  const closedAt = optional(...FIELDS.closedAt);
  if (closedAt) {
    // the closing time's own column comes first, so the load report names it as the source
    expressions.resolved_at = `CASE WHEN ${cell(closedAt)} IS NOT NULL AND ${resolved} THEN ${timestampCell(EPOCH_MS_TIME, closedAt)} END`;
  }
  const firstResponse = optional(...FIELDS.firstResponse);
  if (firstResponse) expressions.first_response_at = timestampCell(EPOCH_MS_TIME, firstResponse);
  const channel = optional(...FIELDS.channel);
  if (channel) {
    expressions.entry_channel = numericCodeMap(channel, CHANNEL, `'other_' || ${codeOf(channel)}`);
  }
  const score = optional(...FIELDS.score);
  if (score) expressions.csat = numericCodeMap(score, SCORE);
  const guest = optional(...FIELDS.guest);
  if (guest) expressions.user_id = cell(guest);
  const agent = optional(...FIELDS.agent);
  if (agent) expressions.agent_id = cell(agent);
  return {
    mapping: { columns: {}, values: {}, presetId: 'lark-helpdesk-tickets', timestampFormats: {} },
    timeZone: DEFAULT_TIME_ZONE,
    expressions,
    rejectIf: []
  };
}

/** 飞书服务台 tickets (open API fields): epoch-ms times, numeric status, solve, score and channel. */
export const larkHelpdeskPreset: Preset = {
  id: 'lark-helpdesk-tickets',
  label: { zh: '飞书服务台工单（开放接口字段）', en: 'Lark helpdesk tickets (open API fields)' },
  notes: [
    {
      zh: '按表头识别：ticket_id、helpdesk_id、created_at、status，以及 solve、closed_at、agent_first_response_time 之一（飞书服务台 API 的工单字段，https://open.feishu.cn/document/server-docs/helpdesk-v1/ticket-management/ticket/list），可以是 snake_case，也可以是 SDK 的 camelCase。',
      en: 'Recognised from the header: ticket_id, helpdesk_id, created_at, status and one of solve, closed_at, agent_first_response_time (the ticket fields of Lark’s helpdesk API, https://open.feishu.cn/document/server-docs/helpdesk-v1/ticket-management/ticket/list), snake_case or the SDKs’ camelCase.'
    },
    {
      zh: '时间为 epoch 毫秒（绝对时刻）；yyyy-MM-dd HH:mm:ss 格式的单元格按数据时区读取；空值、"--"、0 和 -1（API 的"无值"）视为没有时间。',
      en: 'Times are epoch milliseconds (instants); a yyyy-MM-dd HH:mm:ss cell is read in the dataset time zone; empty, "--", 0 and -1 (the API’s "no value") are no time.'
    },
    {
      zh: 'status：1 已创建、2 处理中、3 排队中、4 待定、5 待用户响应 → open；50 被机器人关闭、51 被客服关闭、52 用户自己关闭 → resolved，若 solve 为 1（没解决）则为 unresolved。其他代码会被拒绝，原因中写明该代码。',
      en: 'status: 1 已创建, 2 处理中, 3 排队中, 4 待定, 5 待用户响应 → open; 50 被机器人关闭, 51 被客服关闭, 52 用户自己关闭 → resolved, or unresolved when solve is 1 (没解决). Other codes are rejected by name.'
    },
    {
      zh: '已解决的工单：resolved_at = closed_at。resolved_by：50 → bot，51 → agent，52（用户自己关闭）→ 空。',
      en: 'resolved_at = closed_at for resolved tickets. resolved_by: 50 → bot, 51 → agent, 52 (closed by the user) → empty.'
    },
    {
      zh: 'first_response_at = agent_first_response_time：客服的首次回复（机器人回复不计时，因此只有机器人回复的工单没有该时间）。',
      en: 'first_response_at = agent_first_response_time: the agent’s first reply (bot replies are not timed, so bot-only tickets have none).'
    },
    {
      zh: 'entry_channel 取自 channel：9 → api，2 二维码 → qr_code，14 分享 → share，13 搜索 → search；其余编号（飞书称之为其他渠道）→ other_<n>。',
      en: 'entry_channel from channel: 9 → api, 2 二维码 → qr_code, 14 分享 → share, 13 搜索 → search; the other numbers, which Lark calls other channels, → other_<n>.'
    },
    {
      zh: 'csat 取自 score：1 不满意 → 1，2 一般 → 3，3 满意 → 5（这是一个假设：飞书只有三档评分，据此把 csat_mean 折算到数据契约的 1–5 分制）。',
      en: 'csat from score: 1 不满意 → 1, 2 一般 → 3, 3 满意 → 5 (an assumption: Lark rates on three steps, so csat_mean is on the contract’s 1–5 scale).'
    },
    {
      zh: 'user_id = guest.id，agent_id = agent_owner.id（主责客服；没有则取其名称）。agent_entry_time（客服进入时间）不等于接起：API 没有工单进入人工队列的时间，因此无法计算等待时长；各时长字段（agent_service_duration、actual_processing_time …）是经过的时间而非处理时长，不做映射。',
      en: 'user_id = guest.id, agent_id = agent_owner.id (主责客服; else its name). agent_entry_time (客服进入时间) is not a pickup: the API has no time the ticket entered the agent queue, so wait times are not available; the duration fields (agent_service_duration, actual_processing_time …) are elapsed times, not handling time, and stay unmapped.'
    },
    unsupportedNote(SUPPLIES)
  ],
  unsupported: unsupportedSeedMetrics(SUPPLIES).map((m) => m.id),
  matches(header) {
    const { has } = vendorColumns(header);
    return (
      has(...FIELDS.ticketId) &&
      has(...FIELDS.helpdeskId) &&
      has(...FIELDS.createdAt) &&
      has(...FIELDS.status) &&
      has(...FIELDS.solve, ...FIELDS.closedAt, ...FIELDS.firstResponse)
    );
  },
  plan
};
