import type { Lang } from './i18n.svelte';

const CODE_LABELS: Record<string, { zh: string; en: string }> = {
  help_feedback: { zh: '帮助与反馈', en: 'Help & Feedback' },
  mini_program: { zh: '客服小程序', en: 'Support mini-program' },
  official_account: { zh: '客服公众号', en: 'Support official account' },
  hotline: { zh: '95017专线', en: '95017 hotline' },
  overseas_support: { zh: '海外Support', en: 'Overseas support' },
  enterprise_line: { zh: '企业专线', en: 'Enterprise line' },
  ios: { zh: 'iOS', en: 'iOS' },
  android: { zh: '安卓', en: 'Android' },
  harmonyos: { zh: '鸿蒙', en: 'HarmonyOS' },
  windows: { zh: 'Windows', en: 'Windows' },
  mac: { zh: 'Mac', en: 'Mac' },
  web: { zh: '网页版', en: 'Web' },
  wecom_pc: { zh: '企业微信PC', en: 'WeCom PC' },
  phone: { zh: '电话', en: 'Phone' },
  individual: { zh: '个人', en: 'Individual' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  domestic: { zh: '国内', en: 'Domestic' },
  southeast_asia: { zh: '东南亚', en: 'Southeast Asia' },
  europe: { zh: '欧洲', en: 'Europe' },
  north_america: { zh: '北美', en: 'North America' },
  middle_east: { zh: '中东', en: 'Middle East' },
  other_overseas: { zh: '其他海外', en: 'Other overseas' },
  all: { zh: '全部工单', en: 'All tickets' },
  bot_answered: { zh: '机器人已答复', en: 'Bot answered' },
  human_requested: { zh: '转人工', en: 'Asked for a human' },
  picked_up: { zh: '坐席接通', en: 'Picked up' },
  resolved_by_human: { zh: '接通后由坐席/专家解决', en: 'Resolved by agent/expert after pickup' },
  total: { zh: '催单次数', en: 'Follow-up contacts' },
  share: { zh: '占全部接触', en: 'Share of all contacts' },
  account_stolen: { zh: '账号被盗', en: 'Account stolen' },
  fund_loss: { zh: '资金损失', en: 'Fund loss' },
  customs_dispute: { zh: '跨境清关纠纷', en: 'Customs dispute' },
  system_failure: { zh: '系统故障', en: 'System failure' },
  other: { zh: '其他（非标准）', en: 'Other (non-standard)' },
  resolved: { zh: '已解决', en: 'Resolved' },
  unresolved: { zh: '未解决', en: 'Unresolved' },
  open: { zh: '处理中', en: 'Open' },
  bot: { zh: '机器人', en: 'Bot' },
  self_service: { zh: '自助服务', en: 'Self-service' },
  agent: { zh: '人工坐席', en: 'Agent' },
  expert: { zh: '专家', en: 'Expert' },
  payment: { zh: '支付', en: 'Payment' },
  account: { zh: '账户', en: 'Account' },
  function: { zh: '功能', en: 'Function' },
  overseas: { zh: '海外', en: 'Overseas' },
  none: { zh: '无', en: 'None' }
};

/** A data code as a reader sees it; unknown codes (from files) are shown as they are. */
export function codeLabel(code: string, lang: Lang): string {
  return CODE_LABELS[code]?.[lang] ?? code;
}

/** All code labels in one language, for font preloading. */
export function codeLabelsText(lang: Lang): string {
  return Object.values(CODE_LABELS)
    .map((labels) => labels[lang])
    .join('');
}
