const m = (zh: string, en: string) => ({ zh, en });

/** Refused values and engine errors in plain words (merged into MESSAGES). */
export const FAULT_MESSAGES = {
  faultLinkIgnored: m(
    '链接中的以下筛选值无法使用，已忽略：',
    'These filter values in the link cannot be used and are ignored:'
  ),
  faultParamFrom: m('开始日期', 'start date'),
  faultParamTo: m('结束日期', 'end date'),
  faultDateFormat: m(
    '{param} “{value}” 不是 YYYY-MM-DD 格式的日期',
    '{param} “{value}” is not a date as YYYY-MM-DD'
  ),
  faultDateMonth: m(
    '{param} “{value}”：没有这个月份（月份为 01–12）',
    '{param} “{value}”: there is no such month (months run 01–12)'
  ),
  faultDateDay: m(
    '{param} “{value}”：该月只有 {days} 天',
    '{param} “{value}”: that month has {days} days'
  ),
  faultDateRange: m(
    '{param} “{value}”：日期须在 {from} 至 {to} 之间',
    '{param} “{value}”: dates run from {from} to {to}'
  ),
  faultDateOrder: m(
    '开始日期 {value} 晚于结束日期 {to}',
    'start date {value} is after end date {to}'
  ),
  faultCode: m(
    '{param} “{value}” 不是可用的取值',
    '{param} “{value}” is not a value this filter takes'
  ),
  faultEngine: m(
    '这个数字无法计算：查询引擎拒绝了请求。请换一组筛选条件重试；若问题持续，请附上详情报告。',
    'This figure could not be computed: the query engine refused the request. Try other filters; if it persists, report it with the details.'
  ),
  faultDetails: m('详情', 'Details'),
  faultWholeAgents: m('坐席数须为整数', 'agents must be a whole number'),
  faultTargetPercent: m(
    '目标服务水平须在 1% 到 99% 之间',
    'the target service level must be from 1% to 99%'
  ),
  faultUnreachable: m(
    '无法达到（负载之上 10000 名坐席内均不满足）',
    'not reachable (no staffing up to 10,000 agents above the load meets it)'
  ),
  faultDropQueued: m(
    '“{name}” 将在当前加载结束后加载（正在加载 “{current}”）。',
    '“{name}” will load when the current load ends (now loading “{current}”).'
  )
} as const;
