/** The canonical ticket schema (data contract v2): names, types, enum codes. */

export type ColumnType = 'string' | 'enum' | 'ts' | 'bool' | 'int' | 'num';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  required: boolean;
  /** Allowed codes for enum columns, in canonical spelling. */
  codes?: readonly string[];
  /**
   * Open vocabulary (v2): a code not in `codes` is kept (trimmed, lower-cased) instead of
   * rejecting the row; the listed codes keep their meaning.
   */
  open?: boolean;
  /** Inclusive numeric range for int/num columns. */
  min?: number;
  max?: number;
  label: { zh: string; en: string };
}

export const CHANNELS = [
  'help_feedback',
  'mini_program',
  'official_account',
  'hotline',
  'overseas_support',
  'enterprise_line'
] as const;
export const PLATFORMS = [
  'ios',
  'android',
  'harmonyos',
  'windows',
  'mac',
  'web',
  'wecom_pc',
  'phone'
] as const;
export const MOBILE_PLATFORMS = ['ios', 'android', 'harmonyos'] as const;
export const CUSTOMER_TYPES = ['individual', 'enterprise'] as const;
export const REGIONS = [
  'domestic',
  'southeast_asia',
  'europe',
  'north_america',
  'middle_east',
  'other_overseas'
] as const;
export const CATEGORIES = ['payment', 'account', 'function'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const EMERGENCY_TYPES = [
  'account_stolen',
  'fund_loss',
  'customs_dispute',
  'system_failure',
  'other'
] as const;
export const STATUSES = ['resolved', 'unresolved', 'open'] as const;
export const RESOLVERS = ['bot', 'self_service', 'agent', 'expert'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Platform = (typeof PLATFORMS)[number];
export type Region = (typeof REGIONS)[number];
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

const c = (
  name: string,
  type: ColumnType,
  required: boolean,
  zh: string,
  en: string,
  extra: Partial<ColumnSpec> = {}
): ColumnSpec => ({ name, type, required, label: { zh, en }, ...extra });

export const COLUMNS: readonly ColumnSpec[] = [
  c('ticket_id', 'string', false, '工单号', 'Ticket ID'),
  c('user_id', 'string', false, '用户ID', 'User ID'),
  c('created_at', 'ts', true, '创建时间', 'Created at'),
  c('entry_channel', 'enum', false, '进线渠道', 'Entry channel', {
    codes: CHANNELS,
    open: true
  }),
  c('handling_channel', 'enum', false, '处理渠道', 'Handling channel', {
    codes: CHANNELS,
    open: true
  }),
  c('platform', 'enum', false, '平台', 'Platform', { codes: PLATFORMS, open: true }),
  c('customer_type', 'enum', false, '用户类型', 'Customer type', { codes: CUSTOMER_TYPES }),
  c('region', 'enum', false, '地区', 'Region', { codes: REGIONS }),
  c('language', 'string', false, '语言', 'Language'),
  c('category', 'enum', false, '业务集群', 'Category', { codes: CATEGORIES }),
  c('issue_type', 'string', false, '问题类型', 'Issue type', { open: true }),
  c('fund_safety', 'bool', false, '涉及资金安全', 'Fund safety'),
  c('cross_business', 'bool', false, '跨业务', 'Cross-business'),
  c('priority', 'enum', false, '优先级', 'Priority', { codes: PRIORITIES, open: true }),
  c('emergency_type', 'enum', false, '紧急类型', 'Emergency type', { codes: EMERGENCY_TYPES }),
  c('escalated', 'bool', false, '是否升级', 'Escalated'),
  c('ai_intent', 'string', false, 'AI识别意图', 'AI intent'),
  c('true_intent', 'string', false, '实际意图', 'True intent'),
  c('ai_confidence', 'num', false, 'AI置信度', 'AI confidence', { min: 0, max: 1 }),
  c('bot_answered', 'bool', false, '机器人已答复', 'Bot answered'),
  c('duplicate_answer', 'bool', false, '重复解答', 'Duplicate answer'),
  c('human_requested_at', 'ts', false, '转人工时间', 'Human requested at'),
  c('agent_answered_at', 'ts', false, '接通时间', 'Agent answered at'),
  c('handle_seconds', 'num', false, '处理时长(秒)', 'Handle seconds', { min: 0 }),
  c('agent_id', 'string', false, '坐席ID', 'Agent ID'),
  c('first_response_at', 'ts', false, '首次响应时间', 'First response at'),
  c('status', 'enum', false, '状态', 'Status', { codes: STATUSES }),
  c('resolved_at', 'ts', false, '解决时间', 'Resolved at'),
  c('resolved_by', 'enum', false, '解决方式', 'Resolved by', { codes: RESOLVERS }),
  c('translation_delay_hours', 'num', false, '翻译等待(小时)', 'Translation delay (h)', {
    min: 0
  }),
  c('status_lookups', 'int', false, '进度查询次数', 'Status lookups', { min: 0 }),
  c('status_followups', 'int', false, '催单次数', 'Status follow-ups', { min: 0 }),
  c('load_ms', 'num', false, '加载耗时(毫秒)', 'Load time (ms)', { min: 0 }),
  c('csat', 'int', false, '满意度', 'CSAT', { min: 1, max: 5 })
];

export const COLUMN_NAMES = COLUMNS.map((col) => col.name);
export const REQUIRED_COLUMNS = COLUMNS.filter((col) => col.required).map((col) => col.name);

export function columnSpec(name: string): ColumnSpec | undefined {
  return COLUMNS.find((col) => col.name === name);
}

/** Spellings of booleans the contract accepts (compared lower-cased). */
export const TRUE_WORDS = ['true', '1', 'yes', 'y', '是'] as const;
export const FALSE_WORDS = ['false', '0', 'no', 'n', '否'] as const;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The entry_channel every ticket gets when the file has no channel column and no constant. */
export const DEFAULT_ENTRY_CHANNEL = 'unspecified';
